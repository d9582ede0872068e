import type { z } from 'zod';
import { areaFigures, figureOf, originFlows, sumAssessments, type AssessmentFigure, type FigureFilter } from '#domain/movement/assessment-figures';
import type { RoundRef } from '#domain/movement/figures';
import type { Ctx } from '../context.ts';
import { inTransaction, type Trx } from '../shared/tx.ts';
import { roundAssessments } from './assessment-store.ts';
import { getRound } from './store.ts';
import * as totals from './totals-store.ts';

/**
 * Assessment figures (issue 4), for the /api/figures routes: from closed rounds only, read from
 * the sums made when each round closed (see domain/movement/assessment-figures.ts for the rules).
 * Figures are aggregates: the caller checks `figures.read`.
 */
export type AssessmentRoundRef = z.infer<typeof RoundRef>;
export type AssessmentFigureRow = AssessmentFigure & { pcode: string };
export type AssessmentTrendPoint = AssessmentFigure & { date: string; round: number };
export interface AssessmentOriginItem { origin: string; current: string; families: number; individuals: number; estimated: boolean }

/** Sums a closed round's assessments by the P-code of their locations (inside the closing transaction). */
export async function aggregateRound(trx: Trx, roundId: string): Promise<void> {
  const rows = await roundAssessments(trx, roundId);
  await totals.replaceTotals(trx, roundId, sumAssessments(rows.map((a) => ({ ...a, pcode: a.locationPcode }))));
}

/** Makes the sums of closed rounds that have none (a round closed outside the service, e.g. by a data load). */
async function ensureAggregated(ctx: Ctx): Promise<void> {
  for (const id of await totals.roundsToAggregate(ctx.db.kysely)) {
    await inTransaction(ctx, async (trx) => {
      const round = await getRound(trx, { id }, 'update');
      if (round && round.status === 'closed' && !round.aggregatedAt) await aggregateRound(trx, id);
    });
  }
}

const ref = (r: totals.ClosedRound): AssessmentRoundRef => ({ id: r.id, number: r.number, name: r.name, reportedOn: r.reportedOn });
const filterOf = (q: FigureFilter): FigureFilter => ({ wave: q.wave || undefined, shelter: q.shelter || undefined });

/**
 * Displaced families and people, and returnees, per governorate (level 1) or district (level 2)
 * from the latest closed round reporting on or before `date` (none: round null, no rows).
 * A location known only by its governorate counts at level 2 under the governorate's code.
 */
export async function assessmentFigures(ctx: Ctx, q: { level: 1 | 2; date: string; wave?: string; shelter?: string; area?: string }):
  Promise<{ round: AssessmentRoundRef | null; rows: AssessmentFigureRow[] }> {
  await ensureAggregated(ctx);
  const round = await totals.latestClosedRound(ctx.db.kysely, q.date);
  if (!round) return { round: null, rows: [] };
  const filter = filterOf(q);
  const slices = await totals.areaSlices(ctx.db.kysely, [round.id], { ...filter, area: q.area });
  return { round: ref(round), rows: areaFigures(slices, q.level, filter) };
}

/** One point per closed round (by reporting date) inside an area or the whole country. */
export async function assessmentTrends(ctx: Ctx, q: { area?: string; from?: string; to?: string; wave?: string; shelter?: string }): Promise<AssessmentTrendPoint[]> {
  await ensureAggregated(ctx);
  const rounds = await totals.closedRounds(ctx.db.kysely, q);
  const filter = filterOf(q);
  const slices = await totals.areaSlices(ctx.db.kysely, rounds.map((r) => r.id), { ...filter, area: q.area });
  const byRound = new Map<string, typeof slices>(rounds.map((r) => [r.id, []]));
  for (const s of slices) byRound.get(s.roundId)!.push(s);
  return rounds.map((r) => ({ date: r.reportedOn, round: r.number, ...figureOf(byRound.get(r.id)!, filter) }));
}

/** Families by governorate of origin and governorate where they are, in the latest closed round on or before `date`. */
export async function assessmentOrigins(ctx: Ctx, q: { date: string; wave?: string; shelter?: string }):
  Promise<{ round: AssessmentRoundRef | null; items: AssessmentOriginItem[] }> {
  await ensureAggregated(ctx);
  const round = await totals.latestClosedRound(ctx.db.kysely, q.date);
  if (!round) return { round: null, items: [] };
  const filter = filterOf(q);
  return { round: ref(round), items: originFlows(await totals.originSlices(ctx.db.kysely, round.id, filter), filter) };
}
