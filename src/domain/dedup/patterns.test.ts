import { describe, expect, it } from 'vitest';
import { compileModel, decodePattern, encodePattern } from './patterns.ts';
import { DEFAULT_MODEL } from './default-model.ts';
import { score, termFrequencies } from './scoring.ts';
import { FIELD_LEVELS, FIELDS } from './types.ts';
import type { Comparison } from './types.ts';

const comparison = (pick: (levels: readonly string[]) => string, given: string | null = null): Comparison => {
  const c = { givenValue: given, familyValue: null } as Comparison;
  for (const f of FIELDS) c[f] = pick(FIELD_LEVELS[f]) as Comparison[typeof f];
  return c;
};

describe('agreement patterns', () => {
  it('round-trips every level of every field', () => {
    for (let k = 0; k < 5; k++) {
      const c = comparison((levels) => levels[k % levels.length]);
      const back = decodePattern(encodePattern(c));
      for (const f of FIELDS) expect(back[f], f).toBe(c[f]);
    }
  });

  it('scores a pattern plus its term-frequency correction exactly as score() does', () => {
    const tf = termFrequencies({ given: ['محمد', 'محمد', 'محمد', 'زينب'], family: [] });
    const compiled = compileModel(DEFAULT_MODEL);
    for (const given of ['محمد', 'زينب', null]) {
      const c = comparison((levels) => levels[0], given);
      const expected = score(c, DEFAULT_MODEL, tf).weight;
      expect(compiled.weight(encodePattern(c)) + compiled.tfCorrection(c, tf)).toBeCloseTo(expected, 10);
    }
  });
});
