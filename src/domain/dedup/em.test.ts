import { describe, expect, it } from 'vitest';
import { estimateModel, estimateU } from './em.ts';
import { FIELDS } from './types.ts';
import type { Comparison, Field, Level } from './types.ts';

type Table = Partial<Record<Level, number>>;

// Fields that count whatever the given names say (kinship fields do not when they differ).
const TRUE_M: Partial<Record<Field, Table>> = {
  given: { exact: 0.85, close: 0.1, different: 0.05 },
  documents: { exact: 0.9, different: 0.1 },
  sex: { exact: 0.97, different: 0.03 },
  birthDate: { exact: 0.6, close: 0.3, different: 0.1 },
};
const TRUE_U: Partial<Record<Field, Table>> = {
  given: { exact: 0.05, close: 0.05, different: 0.9 },
  documents: { exact: 0.1, different: 0.9 },
  sex: { exact: 0.5, different: 0.5 },
  birthDate: { exact: 0.02, close: 0.1, different: 0.88 },
};

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function draw(table: Table, r: number): Level {
  let acc = 0;
  for (const [level, p] of Object.entries(table) as [Level, number][]) {
    acc += p;
    if (r < acc) return level;
  }
  return 'different';
}

function synthetic(n: number, lambda: number, seed: number): Comparison[] {
  const random = rng(seed);
  const out: Comparison[] = [];
  for (let i = 0; i < n; i++) {
    const tables = random() < lambda ? TRUE_M : TRUE_U;
    const c = { givenValue: null, familyValue: null } as Comparison;
    for (const f of FIELDS) c[f] = tables[f] ? draw(tables[f], random()) : 'missing';
    out.push(c);
  }
  return out;
}

describe('estimateU', () => {
  it('counts levels with Laplace smoothing and ignores missing', () => {
    const u = estimateU(synthetic(3, 0, 1).map((c) => ({ ...c, sex: 'exact' as Level })));
    expect(u.sex).toEqual({ exact: 4 / 5, different: 1 / 5 });
    expect(u.members).toEqual({ exact: 1 / 3, close: 1 / 3, different: 1 / 3 });
  });
});

describe('estimateModel', () => {
  const candidates = synthetic(30000, 0.3, 42);
  const randomPairs = synthetic(30000, 0, 7);
  const model = estimateModel(candidates, randomPairs);

  it('recovers lambda', () => {
    expect(model.prior).toBeGreaterThan(0.27);
    expect(model.prior).toBeLessThan(0.33);
  });

  it.each(Object.keys(TRUE_M) as Field[])('recovers m and u of %s', (field) => {
    for (const [level, p] of Object.entries(TRUE_M[field] ?? {}) as [Level, number][]) {
      expect(Math.abs((model.fields[field]?.m[level] ?? 0) - p)).toBeLessThan(0.03);
    }
    for (const [level, p] of Object.entries(TRUE_U[field] ?? {}) as [Level, number][]) {
      expect(Math.abs((model.fields[field]?.u[level] ?? 0) - p)).toBeLessThan(0.01);
    }
  });

  it('is deterministic', () => {
    expect(estimateModel(candidates, randomPairs)).toEqual(model);
  });

  it('keeps the initial model for no candidates', () => {
    const m = estimateModel([], randomPairs, { prior: 0.2, thresholds: { likely: 0.9, possible: 0.4 } });
    expect(m.prior).toBe(0.2);
    expect(m.thresholds).toEqual({ likely: 0.9, possible: 0.4 });
  });
});

describe('estimateModel over pattern counts', () => {
  it('gives the same model as over the pairs themselves', async () => {
    const { decodePattern, encodePattern } = await import('./patterns.ts');
    // Real comparisons always have a name order (exact or shifted).
    const pairs = synthetic(4000, 0.2, 11).map((c) => ({ ...c, nameOrder: 'exact' as const }));
    const random = synthetic(4000, 0, 12);
    const counts = new Map<number, number>();
    for (const c of pairs) counts.set(encodePattern(c), (counts.get(encodePattern(c)) ?? 0) + 1);
    const direct = estimateModel(pairs, random);
    const compressed = estimateModel([...counts.keys()].map(decodePattern), random, { counts: [...counts.values()] });
    expect(compressed.prior).toBeCloseTo(direct.prior, 6);
    expect(compressed.fields.given?.m.exact).toBeCloseTo(direct.fields.given?.m.exact ?? 0, 6);
    expect(compressed.fields.birthDate?.m.close).toBeCloseTo(direct.fields.birthDate?.m.close ?? 0, 6);
  });
});
