import { sql } from 'kysely';
import type { AreaSlice, AreaTotals, FigureFilter, OriginSlice } from '#domain/movement/assessment-figures';
import type { Executor } from '../audit/store.ts';
import { day, json } from './store.ts';

/** SQL of the sums of closed rounds (assessment_totals), which assessment figures read. */

export interface ClosedRound { id: string; number: number; name: string | null; reportedOn: string }

/** Replaces a round's sums and marks it aggregated. */
export async function replaceTotals(db: Executor, roundId: string, totals: AreaTotals[]): Promise<void> {
  await db.deleteFrom('assessment_totals').where('round_id', '=', roundId).execute();
  for (let i = 0; i < totals.length; i += 500) {
    await db.insertInto('assessment_totals').values(totals.slice(i, i + 500).map((t) => ({
      round_id: roundId, pcode: t.pcode, locations: t.locations, idp_families: t.idpFamilies, idp_individuals: t.idpIndividuals,
      returnee_families: t.returneeFamilies, returnee_individuals: t.returneeIndividuals, estimated: t.estimated,
      by_origin: JSON.stringify(t.byOrigin), by_wave: JSON.stringify(t.byWave), by_shelter: JSON.stringify(t.byShelter),
      origin_reported: t.originReported, wave_reported: t.waveReported, shelter_reported: t.shelterReported,
    }))).execute();
  }
  await db.updateTable('assessment_rounds').set({ aggregated_at: new Date() }).where('id', '=', roundId).execute();
}

/** Closed rounds whose sums are not made yet (closed before sums existed, or by hand). */
export async function roundsToAggregate(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('assessment_rounds').select('id').where('status', '=', 'closed').where('aggregated_at', 'is', null).execute();
  return rows.map((r) => r.id);
}

const toClosed = (r: any): ClosedRound => ({ id: r.id, number: r.number, name: r.name, reportedOn: day(r.reported_on) });

/** The latest closed round reporting on or before `date`. */
export async function latestClosedRound(db: Executor, date: string): Promise<ClosedRound | null> {
  const r = await db.selectFrom('assessment_rounds').select(['id', 'number', 'name', 'reported_on'])
    .where('status', '=', 'closed').where('reported_on', '<=', date)
    .orderBy('reported_on', 'desc').orderBy('number', 'desc').limit(1).executeTakeFirst();
  return r ? toClosed(r) : null;
}

/** Closed rounds reporting between two days (either open-ended), oldest first. */
export async function closedRounds(db: Executor, f: { from?: string; to?: string }): Promise<ClosedRound[]> {
  let q = db.selectFrom('assessment_rounds').select(['id', 'number', 'name', 'reported_on']).where('status', '=', 'closed');
  if (f.from) q = q.where('reported_on', '>=', f.from);
  if (f.to) q = q.where('reported_on', '<=', f.to);
  return (await q.orderBy('reported_on').orderBy('number').execute()).map(toClosed);
}

const shareOf = (column: 'by_wave' | 'by_shelter', code: string | undefined) =>
  (code ? sql<number>`coalesce((${sql.ref(column)} ->> ${code})::bigint, 0)` : sql<number>`0`);

/** The sums of these rounds inside an area, with the families of the wave and shelter asked for. */
export async function areaSlices(db: Executor, roundIds: string[], f: FigureFilter & { area?: string }): Promise<(AreaSlice & { roundId: string })[]> {
  if (roundIds.length === 0) return [];
  let q = db.selectFrom('assessment_totals')
    .select(['round_id', 'pcode', 'idp_families', 'idp_individuals', 'returnee_families', 'returnee_individuals', 'estimated', 'shelter_reported'])
    .select([shareOf('by_wave', f.wave).as('wave_families'), shareOf('by_shelter', f.shelter).as('shelter_families')])
    .where('round_id', 'in', roundIds);
  if (f.area) q = q.where('pcode', 'like', `${f.area}%`);
  return (await q.execute()).map((r) => ({
    roundId: r.round_id, pcode: r.pcode, idpFamilies: Number(r.idp_families), idpIndividuals: Number(r.idp_individuals),
    returneeFamilies: Number(r.returnee_families), returneeIndividuals: Number(r.returnee_individuals), estimated: r.estimated,
    waveFamilies: Number(r.wave_families), shelterFamilies: Number(r.shelter_families), shelterReported: Number(r.shelter_reported),
  }));
}

/** A round's origin breakdowns by area, with what a wave or shelter filter needs to share them out. */
export async function originSlices(db: Executor, roundId: string, f: FigureFilter): Promise<OriginSlice[]> {
  const rows = await db.selectFrom('assessment_totals')
    .select(['pcode', 'by_origin', 'wave_reported', 'shelter_reported'])
    .select([shareOf('by_wave', f.wave).as('wave_families'), shareOf('by_shelter', f.shelter).as('shelter_families')])
    .where('round_id', '=', roundId).where('origin_reported', '>', 0).execute();
  return rows.map((r) => ({
    pcode: r.pcode, byOrigin: json(r.by_origin), waveFamilies: Number(r.wave_families), waveReported: Number(r.wave_reported),
    shelterFamilies: Number(r.shelter_families), shelterReported: Number(r.shelter_reported),
  }));
}
