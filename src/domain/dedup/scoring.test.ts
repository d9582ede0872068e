import { describe, expect, it } from 'vitest';
import { bandOf, DEFAULT_THRESHOLDS, levelWeight, score, termFrequencies } from './scoring.ts';
import type { Model } from './scoring.ts';
import { FIELDS } from './types.ts';
import type { Comparison, Field, Level } from './types.ts';

const model: Model = {
  prior: 0.01,
  thresholds: DEFAULT_THRESHOLDS,
  fields: {
    given: { m: { exact: 0.8, close: 0.1, crossScript: 0.05, different: 0.05 }, u: { exact: 0.02, close: 0.02, crossScript: 0.01, different: 0.95 } },
    family: { m: { exact: 0.9, different: 0.1 }, u: { exact: 0.05, different: 0.95 } },
    sex: { m: { exact: 0.98, different: 0.02 }, u: { exact: 0.5, different: 0.5 } },
    birthDate: { m: { exact: 0.6, close: 0.35, different: 0.05 }, u: { exact: 0.01, close: 0.09, different: 0.9 } },
    phone: { m: { exact: 0.7, different: 0.3 }, u: { exact: 0.001, different: 0.999 } },
  },
};

function comparison(levels: Partial<Record<Field, Level>>, givenValue: string | null = null): Comparison {
  const c = { givenValue, familyValue: null } as Comparison;
  for (const f of FIELDS) c[f] = levels[f] ?? 'missing';
  return c;
}

describe('score', () => {
  it('explanations sum to the total weight', () => {
    const r = score(comparison({ given: 'exact', family: 'different', sex: 'exact', birthDate: 'close', phone: 'exact' }), model);
    const sum = r.contributions.reduce((s, c) => s + c.weight, r.priorWeight);
    expect(r.weight).toBeCloseTo(sum, 10);
    expect(r.contributions.map((c) => c.field)).toEqual([...FIELDS]);
    expect(r.contributions.find((c) => c.field === 'given')?.weight).toBeCloseTo(Math.log2(0.8 / 0.02), 10);
    expect(r.probability).toBeCloseTo(1 / (1 + 2 ** -r.weight), 10);
  });

  it('missing contributes nothing and the prior alone gives lambda', () => {
    const r = score(comparison({}), model);
    expect(r.contributions.every((c) => c.weight === 0)).toBe(true);
    expect(r.probability).toBeCloseTo(0.01, 10);
    expect(r.band).toBeNull();
  });

  it.each([
    [{ given: 'exact', family: 'exact', sex: 'exact', birthDate: 'exact', phone: 'exact' }, 'likely'],
    [{ given: 'exact', family: 'exact' }, 'possible'],
    [{ given: 'different', family: 'exact', sex: 'different', birthDate: 'different' }, null],
  ] as const)('bands %j as %s', (levels, band) => {
    expect(score(comparison(levels), model).band).toBe(band);
  });

  it('bandOf respects configured thresholds', () => {
    expect(bandOf(0.8, { likely: 0.75, possible: 0.3 })).toBe('likely');
    expect(bandOf(0.8, DEFAULT_THRESHOLDS)).toBe('possible');
    expect(bandOf(0.2, { likely: 0.75, possible: 0.3 })).toBeNull();
  });
});

describe('term-frequency adjustment', () => {
  const given = [...Array(300).fill('mohammed'), ...Array(150).fill('ali'), ...Array(549).fill('other'), 'sinan'];
  const tf = termFrequencies({ given, family: [] });

  it('computes shares', () => {
    expect(tf('given', 'mohammed')).toBeCloseTo(0.3, 10);
    expect(tf('given', 'unknown')).toBeUndefined();
  });

  it('weighs a common given name less than a rare one', () => {
    const common = score(comparison({ given: 'exact' }, 'mohammed'), model, tf);
    const ali = score(comparison({ given: 'exact' }, 'ali'), model, tf);
    const rare = score(comparison({ given: 'exact' }, 'sinan'), model, tf);
    const plain = score(comparison({ given: 'exact' }, 'mohammed'), model);
    expect(common.weight).toBeLessThan(ali.weight);
    expect(ali.weight).toBeLessThan(rare.weight);
    expect(common.contributions[0]).toMatchObject({ tfAdjusted: true, weight: Math.log2(0.8 / 0.3) });
    expect(plain.contributions[0]).toMatchObject({ tfAdjusted: false, weight: Math.log2(0.8 / 0.02) });
  });

  it('floors the frequency of very rare values', () => {
    const rare = score(comparison({ given: 'exact' }, 'x'), { ...model, tfFloor: 0.01 }, () => 1e-9);
    expect(rare.contributions[0].weight).toBeCloseTo(Math.log2(0.8 / 0.01), 10);
  });

  it('leaves non-exact levels unadjusted', () => {
    const r = score(comparison({ given: 'close' }, null), model, tf);
    expect(r.contributions[0]).toMatchObject({ tfAdjusted: false, weight: Math.log2(0.1 / 0.02) });
  });
});

describe('levelWeight', () => {
  it('is 0 for missing, unknown fields and unknown levels', () => {
    expect(levelWeight(model.fields.given, 'missing')).toBe(0);
    expect(levelWeight(undefined, 'exact')).toBe(0);
    expect(levelWeight(model.fields.family, 'close')).toBe(0);
  });
});
