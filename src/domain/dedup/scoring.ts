import { FIELDS, TF_FIELDS } from './types.ts';
import type { Comparison, Field, Level, TfField } from './types.ts';

/**
 * Fellegi-Sunter scoring. A field at level l contributes log2(m_l / u_l); `missing` contributes 0.
 * The prior contributes log2(lambda / (1 - lambda)). With a term-frequency lookup, a name part on
 * which both agree with the same cross-script key uses u = max(frequency of that key, tfFloor)
 * instead of the level's average u (as Splink does for exact matches), so a shared Mohammed or Ali
 * counts less than a shared rare name, in whatever script it is written; the floor stops unique
 * values and typos from earning unbounded weight.
 */

/** Probability of each level, for matches (m) or non-matches (u). */
export type LevelTable = Partial<Record<Level, number>>;

/** m and u tables of one field. */
export interface FieldParams {
  m: LevelTable;
  u: LevelTable;
}

/** Match-probability thresholds of the two bands. */
export interface Thresholds {
  likely: number;
  possible: number;
}

/** A Fellegi-Sunter model. */
export interface Model {
  fields: Partial<Record<Field, FieldParams>>;
  /** lambda: prior probability that a candidate pair is a match. */
  prior: number;
  thresholds: Thresholds;
  /** Floor of the term-frequency u; DEFAULT_TF_FLOOR when absent. */
  tfFloor?: number;
}

/** Frequency in the data (share of records) of a cross-script name key in a field; undefined if unknown. */
export type TermFrequency = (field: TfField, value: string) => number | undefined;

/** One field's part of the explanation. */
export interface Contribution {
  field: Field;
  level: Level;
  weight: number;
  tfAdjusted: boolean;
  /** False when the field was not counted because the given names differ (see countedComparison). */
  counted: boolean;
}

/**
 * Fields that say "same family" rather than "same person": siblings and cousins share the father's,
 * grandfather's and family name, and a household shares its phone, origin and members. When the
 * given names are clearly different, agreement there is explained by kinship (two brothers in two
 * registrations of one family), so these fields are not counted. Without this, the brothers of a
 * family registered twice score as the same person.
 */
export const KINSHIP_FIELDS: ReadonlySet<Field> = new Set(['father', 'grandfather', 'family', 'nameOrder', 'phone', 'origin', 'members']);

/** Whether a field of a comparison counts towards its weight. */
export function isCounted(c: Comparison, field: Field): boolean {
  return c.given !== 'different' || !KINSHIP_FIELDS.has(field);
}

/** The comparison as scored: uncounted fields read as missing. */
export function countedComparison(c: Comparison): Comparison {
  if (c.given !== 'different') return c;
  const copy = { ...c };
  for (const f of KINSHIP_FIELDS) copy[f] = f === 'nameOrder' ? 'exact' : 'missing';
  copy.fatherValue = null;
  copy.grandfatherValue = null;
  copy.familyValue = null;
  return copy;
}

/** A scored pair with its explanation: priorWeight + sum of contributions = weight. */
export interface ScoreResult {
  weight: number;
  probability: number;
  band: 'likely' | 'possible' | null;
  priorWeight: number;
  contributions: Contribution[];
}

/**
 * Default bands, set on the benchmark's tuning seed (bench/dedup/run.ts --tune-seed 1): clustered
 * F1 is best from 0.3 (precision 0.985, recall 0.977 at 100,000 people); from 0.9 precision is
 * 0.997. `amina dedup file` clusters from `possible`.
 */
export const DEFAULT_THRESHOLDS: Thresholds = { likely: 0.9, possible: 0.3 };

/** Default floor of a term-frequency u (1 in 10,000 records). */
export const DEFAULT_TF_FLOOR = 1e-4;

/** log2 Bayes factor of a field level; 0 for missing or an unknown level. */
export function levelWeight(params: FieldParams | undefined, level: Level, uOverride?: number): number {
  if (level === 'missing' || params === undefined) return 0;
  const m = params.m[level];
  const u = uOverride ?? params.u[level];
  if (m === undefined || u === undefined || m <= 0 || u <= 0) return 0;
  return Math.log2(m / u);
}

/** The key a comparison's name part agrees on, for term-frequency adjustment. */
export function tfValue(c: Comparison, field: Field): string | null {
  switch (field) {
    case 'given': return c.givenValue;
    case 'father': return c.fatherValue;
    case 'grandfather': return c.grandfatherValue;
    case 'family': return c.familyValue;
    case 'birthDate': return c.birthDateValue;
    default: return null;
  }
}

/** Converts a log2 Bayes factor (prior included) into a match probability. */
export function weightToProbability(weight: number): number {
  return 1 / (1 + Math.pow(2, -weight));
}

/** Band of a probability under the thresholds. */
export function bandOf(probability: number, t: Thresholds): 'likely' | 'possible' | null {
  if (probability >= t.likely) return 'likely';
  return probability >= t.possible ? 'possible' : null;
}

/** Scores a comparison with a model and optional term frequencies, with its explanation. */
export function score(c: Comparison, model: Model, tf?: TermFrequency): ScoreResult {
  const priorWeight = Math.log2(model.prior / (1 - model.prior));
  const floor = model.tfFloor ?? DEFAULT_TF_FLOOR;
  let weight = priorWeight;
  const contributions: Contribution[] = [];
  for (const field of FIELDS) {
    const level = c[field];
    const counted = isCounted(c, field);
    const value = tf && counted ? tfValue(c, field) : null;
    const frequency = value === null ? undefined : tf?.(field as TfField, value);
    const u = frequency === undefined ? undefined : Math.max(frequency, floor);
    const w = counted ? levelWeight(model.fields[field], level, u) : 0;
    weight += w;
    contributions.push({ field, level, weight: w, tfAdjusted: u !== undefined, counted });
  }
  const probability = weightToProbability(weight);
  return { weight, probability, band: bandOf(probability, model.thresholds), priorWeight, contributions };
}

/** Builds a term-frequency lookup from each field's values over the records (see termValues). */
export function termFrequencies(values: Partial<Record<TfField, Iterable<string | null>>>): TermFrequency {
  const tables = Object.fromEntries(TF_FIELDS.map((f) => [f, countShares(values[f] ?? [])])) as Record<TfField, Map<string, number>>;
  return (field, value) => tables[field].get(value);
}

/** Term frequencies of records given as per-record values (termValues of each prepared person). */
export function termFrequenciesOf(records: Iterable<Record<TfField, string | null>>): TermFrequency {
  const counts = Object.fromEntries(TF_FIELDS.map((f) => [f, new Map<string, number>()])) as Record<TfField, Map<string, number>>;
  const totals = Object.fromEntries(TF_FIELDS.map((f) => [f, 0])) as Record<TfField, number>;
  for (const r of records) {
    for (const f of TF_FIELDS) {
      const v = r[f];
      if (v === null || v === '') continue;
      counts[f].set(v, (counts[f].get(v) ?? 0) + 1);
      totals[f]++;
    }
  }
  return (field, value) => {
    const n = counts[field].get(value);
    return n === undefined ? undefined : n / totals[field];
  };
}

function countShares(values: Iterable<string | null>): Map<string, number> {
  const counts = new Map<string, number>();
  let total = 0;
  for (const v of values) {
    if (v === null || v.length === 0) continue;
    counts.set(v, (counts.get(v) ?? 0) + 1);
    total++;
  }
  for (const [k, n] of counts) counts.set(k, n / total);
  return counts;
}
