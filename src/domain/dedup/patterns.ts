import { FIELD_LEVELS, FIELDS, TF_FIELDS } from './types.ts';
import type { Comparison, Field, Level, TfField } from './types.ts';
import { countedComparison, DEFAULT_TF_FLOOR, KINSHIP_FIELDS, levelWeight, tfValue } from './scoring.ts';
import type { Model, TermFrequency } from './scoring.ts';

/**
 * A comparison as one small integer (its agreement pattern): 3 bits per name part, 1 for the name
 * order, 2 for every other field, 25 bits in all. A million candidate pairs fall into a few
 * thousand patterns, so EM runs over pattern counts instead of pairs, a batch stores 4 bytes per
 * scored pair, and a pattern's weight is computed once.
 */

const WIDTHS: Readonly<Record<Field, number>> = {
  given: 3, father: 3, grandfather: 3, family: 3, nameOrder: 1,
  sex: 2, birthDate: 2, documents: 2, phone: 2, origin: 2, members: 2,
};

const SHIFTS = (() => {
  const shifts = {} as Record<Field, number>;
  let at = 0;
  for (const f of FIELDS) {
    shifts[f] = at;
    at += WIDTHS[f];
  }
  return shifts;
})();

/** Every pattern is below this number (2^25), so `pattern + k * PATTERN_SPAN` can tag it with a small k. */
export const PATTERN_SPAN = 1 << 25;

// Positions in FIELD_LEVELS (the round-trip test keeps them in step with decodePattern).
const name = (l: Level) => (l === 'exact' ? 0 : l === 'close' ? 1 : l === 'crossScript' ? 2 : l === 'different' ? 3 : 4);
const order = (l: Level) => (l === 'shifted' ? 1 : 0);
const binary = (l: Level) => (l === 'exact' ? 0 : l === 'different' ? 1 : 2);
const graded = (l: Level) => (l === 'exact' ? 0 : l === 'close' ? 1 : l === 'different' ? 2 : 3);

/** The pattern of a comparison (hot: one call per compared pair, so no loop over fields). */
export function encodePattern(c: Comparison): number {
  return name(c.given) | (name(c.father) << 3) | (name(c.grandfather) << 6) | (name(c.family) << 9)
    | (order(c.nameOrder) << 12) | (binary(c.sex) << 13) | (graded(c.birthDate) << 15) | (binary(c.documents) << 17)
    | (binary(c.phone) << 19) | (graded(c.origin) << 21) | (graded(c.members) << 23);
}

/** The comparison levels of a pattern (no term-frequency values). */
export function decodePattern(code: number): Comparison {
  const c = { givenValue: null, fatherValue: null, grandfatherValue: null, familyValue: null, birthDateValue: null } as Comparison;
  for (const f of FIELDS) c[f] = FIELD_LEVELS[f][(code >>> SHIFTS[f]) & ((1 << WIDTHS[f]) - 1)] ?? 'missing';
  return c;
}

/** Counts of patterns, e.g. merged from several workers. */
export type PatternCounts = Map<number, number>;

/** Adds `from` into `into`. */
export function mergeCounts(into: PatternCounts, from: Iterable<[number, number]>): PatternCounts {
  for (const [code, n] of from) into.set(code, (into.get(code) ?? 0) + n);
  return into;
}

/**
 * A fast scorer for a model: the weight of each pattern (prior included) is computed once, and
 * term frequencies are an additive correction per pair (tfCorrection), since swapping u for the
 * value's frequency adds log2(u / frequency) whatever m is. Same result as score().
 */
export interface CompiledModel {
  weight(code: number): number;
  tfCorrection(c: Comparison, tf: TermFrequency): number;
}

export function compileModel(model: Model): CompiledModel {
  const cache = new Map<number, number>();
  const priorWeight = Math.log2(model.prior / (1 - model.prior));
  const floor = model.tfFloor ?? DEFAULT_TF_FLOOR;
  const correction = (c: Comparison, field: TfField, tf: TermFrequency) => {
    const value = tfValue(c, field);
    if (value === null) return 0;
    const frequency = tf(field, value);
    const params = model.fields[field];
    if (frequency === undefined || params === undefined) return 0;
    return levelWeight(params, c[field], Math.max(frequency, floor)) - levelWeight(params, c[field]);
  };
  // Kinship name parts do not count when the given names differ (countedComparison), so neither
  // does their term frequency; checked here rather than by copying the comparison.
  const counted: readonly TfField[] = TF_FIELDS.filter((f) => !KINSHIP_FIELDS.has(f));
  return {
    weight(code) {
      let w = cache.get(code);
      if (w === undefined) {
        const c = countedComparison(decodePattern(code));
        w = priorWeight;
        for (const f of FIELDS) w += levelWeight(model.fields[f], c[f]);
        cache.set(code, w);
      }
      return w;
    },
    tfCorrection(c, tf) {
      let sum = 0;
      for (const f of c.given === 'different' ? counted : TF_FIELDS) sum += correction(c, f, tf);
      return sum;
    },
  };
}
