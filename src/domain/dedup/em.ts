import { FIELD_LEVELS, FIELDS } from './types.ts';
import type { Comparison, Field, Level } from './types.ts';
import { countedComparison, DEFAULT_THRESHOLDS } from './scoring.ts';
import type { FieldParams, LevelTable, Model, Thresholds } from './scoring.ts';

/**
 * Estimation of a Fellegi-Sunter model from the data: u from comparisons of random pairs (almost
 * all non-matches) with Laplace smoothing; m and lambda by expectation-maximisation over candidate
 * pairs with u held fixed. `missing` is not modelled (it contributes 0). Deterministic.
 */

/** Options of estimateModel. */
export interface EstimateOptions {
  prior?: number;
  m?: Partial<Record<Field, LevelTable>>;
  thresholds?: Thresholds;
  maxIterations?: number;
  tolerance?: number;
  /** How many pairs each candidate stands for (candidates given as pattern counts); 1 each by default. */
  counts?: ArrayLike<number>;
  /** u tables already estimated (then randomPairs may be empty). */
  u?: Record<Field, LevelTable>;
  /** Fields whose m stays at its starting value (e.g. the fields a blocking rule blocked on). */
  fixed?: readonly Field[];
  /** Weight, in pairs, of the starting m as a Dirichlet prior on every m update (0: plain EM). */
  priorStrength?: number;
}

function modelledLevels(field: Field): readonly Level[] {
  return FIELD_LEVELS[field].filter((l) => l !== 'missing');
}

/**
 * Level shares of one field, counting weights[i] per comparison, plus `smoothing` per level, plus
 * `prior.strength` pseudo-comparisons distributed as `prior.table` (a Dirichlet prior: the MAP
 * estimate instead of the maximum-likelihood one).
 */
function levelShares(comparisons: readonly Comparison[], field: Field, weights: ArrayLike<number> | null, smoothing: number,
  prior?: { table: LevelTable; strength: number }): LevelTable {
  const levels = modelledLevels(field);
  const table: LevelTable = {};
  for (const l of levels) table[l] = smoothing + (prior ? (prior.table[l] ?? 0) * prior.strength : 0);
  let total = smoothing * levels.length + (prior?.strength ?? 0);
  for (let i = 0; i < comparisons.length; i++) {
    const l = comparisons[i][field];
    const current = table[l];
    if (current === undefined) continue;
    const w = weights === null ? 1 : weights[i];
    table[l] = current + w;
    total += w;
  }
  for (const l of levels) table[l] = (table[l] ?? 0) / total;
  return table;
}

/** u tables from comparisons of random pairs, with Laplace (+1) smoothing. */
export function estimateU(randomPairs: readonly Comparison[]): Record<Field, LevelTable> {
  const u = {} as Record<Field, LevelTable>;
  for (const f of FIELDS) u[f] = levelShares(randomPairs, f, null, 1);
  return u;
}

/** Starting m: geometric over the levels, strongest agreement most likely. */
function initialM(field: Field): LevelTable {
  const levels = modelledLevels(field);
  const table: LevelTable = {};
  let total = 0;
  levels.forEach((l, i) => {
    table[l] = Math.pow(0.4, i);
    total += Math.pow(0.4, i);
  });
  for (const l of levels) table[l] = (table[l] ?? 0) / total;
  return table;
}

/** Multiplies each posterior by its candidate's count. */
function weighted(posterior: Float64Array, counts: ArrayLike<number> | undefined, out: Float64Array): Float64Array {
  if (counts === undefined) return posterior;
  for (let i = 0; i < posterior.length; i++) out[i] = posterior[i] * counts[i];
  return out;
}

/** E-step: posterior match probability of each candidate under the current parameters. */
function expectation(candidates: readonly Comparison[], fields: Record<Field, FieldParams>, prior: number, out: Float64Array): void {
  const priorLogit = Math.log(prior / (1 - prior));
  for (let i = 0; i < candidates.length; i++) {
    let logit = priorLogit;
    for (const f of FIELDS) {
      const level = candidates[i][f];
      const m = fields[f].m[level];
      const u = fields[f].u[level];
      if (m !== undefined && u !== undefined) logit += Math.log(m / u);
    }
    out[i] = 1 / (1 + Math.exp(-logit));
  }
}

function maxChange(a: LevelTable, b: LevelTable): number {
  let change = 0;
  for (const l of Object.keys(a) as Level[]) change = Math.max(change, Math.abs((a[l] ?? 0) - (b[l] ?? 0)));
  return change;
}

/** Estimates m and lambda by EM over candidates with u fixed from random pairs. */
export function estimateModel(allCandidates: readonly Comparison[], randomPairs: readonly Comparison[], init: EstimateOptions = {}): Model {
  const u = init.u ?? estimateU(randomPairs);
  // Scored as score() scores them: kinship fields do not count when the given names differ.
  const candidates = allCandidates.map(countedComparison);
  const counts = init.counts;
  let total = 0;
  for (let i = 0; i < candidates.length; i++) total += counts === undefined ? 1 : counts[i];
  const scratch = new Float64Array(candidates.length);
  const fields = {} as Record<Field, FieldParams>;
  for (const f of FIELDS) fields[f] = { m: init.m?.[f] ?? initialM(f), u: u[f] };
  const startM = Object.fromEntries(FIELDS.map((f) => [f, fields[f].m])) as Record<Field, LevelTable>;
  const strength = init.priorStrength ?? 0;
  let prior = init.prior ?? 0.1;
  const posterior = new Float64Array(candidates.length);
  const tolerance = init.tolerance ?? 1e-6;
  for (let it = 0; it < (init.maxIterations ?? 200) && candidates.length > 0; it++) {
    expectation(candidates, fields, prior, posterior);
    const matches = weighted(posterior, counts, scratch);
    let change = 0;
    for (const f of FIELDS) {
      if (init.fixed?.includes(f)) continue;
      const m = levelShares(candidates, f, matches, 1e-6, strength > 0 ? { table: startM[f], strength } : undefined);
      change = Math.max(change, maxChange(m, fields[f].m));
      fields[f].m = m;
    }
    const next = clampPrior(matches.reduce((s, p) => s + p, 0) / total);
    change = Math.max(change, Math.abs(next - prior));
    prior = next;
    if (change < tolerance) break;
  }
  return { fields, prior, thresholds: init.thresholds ?? DEFAULT_THRESHOLDS };
}

function clampPrior(p: number): number {
  return Math.min(1 - 1e-9, Math.max(1e-9, p));
}

/** Candidates of one training session: the pairs one blocking rule found, as pattern counts. */
export interface Session {
  /** Comparison fields the rule blocked on (their m cannot be learnt from its pairs). */
  blockedFields: readonly Field[];
  patterns: readonly Comparison[];
  counts: readonly number[];
}

/**
 * EM the way Splink trains: one session per training blocking rule, the fields that rule blocked
 * on left out of that session's likelihood (all of the rule's pairs agree on them, so EM would
 * read agreement there as the sign of a match and call every candidate one) and their m kept.
 * Each field's m is the average over the sessions that estimated it, weighted by their expected
 * matches, with the starting m as a Dirichlet prior worth `priorStrength` pairs in each session.
 *
 * The prior is then the probability that two records taken at random are the same person, as
 * for u: the weights of the fields blocked on are counted in full when scoring, so a prior over
 * candidate pairs would count the blocking twice. It is estimated by EM over all candidates
 * (every other pair of records is taken as a non-match) with m and u fixed: expected matches
 * divided by `totalPairs`, the number of pairs of records.
 */
export function estimateFromSessions(sessions: readonly Session[], all: { patterns: readonly Comparison[]; counts: readonly number[] },
  u: Record<Field, LevelTable>, start: Model, totalPairs: number, options: { priorStrength?: number; thresholds?: Thresholds } = {}): Model {
  const startM = Object.fromEntries(FIELDS.map((f) => [f, start.fields[f]?.m ?? initialM(f)])) as Record<Field, LevelTable>;
  const sums = new Map<Field, { weight: number; table: LevelTable }>();
  for (const s of sessions) {
    if (s.patterns.length === 0) continue;
    // The blocked fields agree in every pair of the session: leave them out of its likelihood.
    const masked = s.patterns.map((c) => {
      const copy = { ...c };
      for (const f of s.blockedFields) copy[f] = 'missing';
      return copy;
    });
    const trained = estimateModel(masked, [], { u, counts: s.counts, fixed: s.blockedFields, m: startM, prior: 0.5, priorStrength: options.priorStrength });
    const expected = trained.prior * s.counts.reduce((a, b) => a + b, 0);
    for (const f of FIELDS) {
      if (s.blockedFields.includes(f)) continue;
      const sum = sums.get(f) ?? { weight: 0, table: {} };
      for (const [level, value] of Object.entries(trained.fields[f]?.m ?? {}) as [Level, number][]) sum.table[level] = (sum.table[level] ?? 0) + value * expected;
      sum.weight += expected;
      sums.set(f, sum);
    }
  }
  const fields = {} as Record<Field, FieldParams>;
  for (const f of FIELDS) {
    const sum = sums.get(f);
    const m = sum && sum.weight > 0 ? Object.fromEntries(Object.entries(sum.table).map(([level, v]) => [level, v / sum.weight])) : startM[f];
    fields[f] = { m, u: u[f] };
  }
  const prior = randomPairPrior(all.patterns, all.counts, fields, totalPairs, start.prior);
  return { fields, prior, thresholds: options.thresholds ?? start.thresholds };
}

/** EM for the random-pair prior alone, m and u fixed (see estimateFromSessions). */
export function randomPairPrior(patterns: readonly Comparison[], counts: readonly number[], fields: Record<Field, FieldParams>, totalPairs: number, start: number): number {
  if (patterns.length === 0 || totalPairs <= 0) return start;
  const factors = patterns.map((c) => {
    const counted = countedComparison(c);
    let w = 0;
    for (const f of FIELDS) {
      const m = fields[f].m[counted[f]];
      const u = fields[f].u[counted[f]];
      if (m !== undefined && u !== undefined && m > 0 && u > 0) w += Math.log2(m / u);
    }
    return Math.pow(2, w);
  });
  let prior = Math.min(0.5, Math.max(1e-12, start));
  for (let it = 0; it < 200; it++) {
    let expected = 0;
    const odds = prior / (1 - prior);
    for (let i = 0; i < patterns.length; i++) expected += counts[i] * (odds * factors[i]) / (1 + odds * factors[i]);
    const next = Math.min(0.5, Math.max(1e-15, expected / totalPairs));
    if (Math.abs(next - prior) <= prior * 1e-6) return next;
    prior = next;
  }
  return prior;
}
