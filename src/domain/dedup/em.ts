import { FIELD_LEVELS, FIELDS } from './types.ts';
import type { Comparison, Field, Level } from './types.ts';
import { DEFAULT_THRESHOLDS } from './scoring.ts';
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
}

function modelledLevels(field: Field): readonly Level[] {
  return FIELD_LEVELS[field].filter((l) => l !== 'missing');
}

/** Level shares of one field, counting weights[i] per comparison, plus `smoothing` per level. */
function levelShares(comparisons: readonly Comparison[], field: Field, weights: ArrayLike<number> | null, smoothing: number): LevelTable {
  const levels = modelledLevels(field);
  const table: LevelTable = {};
  for (const l of levels) table[l] = smoothing;
  let total = smoothing * levels.length;
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
export function estimateModel(candidates: readonly Comparison[], randomPairs: readonly Comparison[], init: EstimateOptions = {}): Model {
  const u = estimateU(randomPairs);
  const fields = {} as Record<Field, FieldParams>;
  for (const f of FIELDS) fields[f] = { m: init.m?.[f] ?? initialM(f), u: u[f] };
  let prior = init.prior ?? 0.1;
  const posterior = new Float64Array(candidates.length);
  const tolerance = init.tolerance ?? 1e-6;
  for (let it = 0; it < (init.maxIterations ?? 200) && candidates.length > 0; it++) {
    expectation(candidates, fields, prior, posterior);
    let change = 0;
    for (const f of FIELDS) {
      const m = levelShares(candidates, f, posterior, 1e-6);
      change = Math.max(change, maxChange(m, fields[f].m));
      fields[f].m = m;
    }
    const next = clampPrior(posterior.reduce((s, p) => s + p, 0) / candidates.length);
    change = Math.max(change, Math.abs(next - prior));
    prior = next;
    if (change < tolerance) break;
  }
  return { fields, prior, thresholds: init.thresholds ?? DEFAULT_THRESHOLDS };
}

function clampPrior(p: number): number {
  return Math.min(1 - 1e-9, Math.max(1e-9, p));
}
