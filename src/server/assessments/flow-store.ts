import { sql } from 'kysely';
import { FLOW_GROUPS, withTotal, type FlowCounts, type FlowDirection, type FlowTotals } from '#domain/movement/flows';
import type { Executor } from '../audit/store.ts';
import { day, iso } from './store.ts';

/** SQL of flow counts at transit points. */

export interface FlowRecord extends FlowCounts {
  id: string; pointId: string; countedOn: string; direction: FlowDirection; organizationId: string; organization: string;
  note: string | null; version: number; createdAt: string; updatedAt: string;
}

const COLUMN: Record<(typeof FLOW_GROUPS)[number], 'male_children' | 'male_adults' | 'male_elderly' | 'female_children' | 'female_adults' | 'female_elderly'> = {
  maleChildren: 'male_children', maleAdults: 'male_adults', maleElderly: 'male_elderly',
  femaleChildren: 'female_children', femaleAdults: 'female_adults', femaleElderly: 'female_elderly',
};

const countColumns = (c: FlowCounts) => Object.fromEntries(FLOW_GROUPS.map((g) => [COLUMN[g], c[g]])) as Record<(typeof COLUMN)[keyof typeof COLUMN], number>;
const countsOf = (r: any): FlowCounts => Object.fromEntries(FLOW_GROUPS.map((g) => [g, Number(r[COLUMN[g]])])) as FlowCounts;

function selectFlows(db: Executor) {
  return db.selectFrom('flow_counts as f').innerJoin('organizations as o', 'o.id', 'f.organization_id').selectAll('f').select('o.code as organization');
}

function toRecord(r: any): FlowRecord {
  return {
    id: r.id, pointId: r.point_id, countedOn: day(r.counted_on), direction: r.direction, organizationId: r.organization_id,
    organization: r.organization, ...countsOf(r), note: r.note, version: r.version, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  };
}

/** Records a count; false when the point already has one for that day and direction. */
export async function insertFlow(db: Executor, f: Omit<FlowRecord, 'organization' | 'version' | 'createdAt' | 'updatedAt'>, actorId: string): Promise<boolean> {
  const r = await db.insertInto('flow_counts').values({
    id: f.id, point_id: f.pointId, counted_on: f.countedOn, direction: f.direction, organization_id: f.organizationId,
    ...countColumns(f), note: f.note, recorded_by: actorId,
  }).onConflict((oc) => oc.columns(['point_id', 'counted_on', 'direction']).doNothing()).returning('id').executeTakeFirst();
  return Boolean(r);
}

/** Writes new counts if the version still matches; false when someone else wrote first. */
export async function updateFlow(db: Executor, f: FlowRecord, expectedVersion: number, actorId: string): Promise<boolean> {
  const r = await db.updateTable('flow_counts').set({ ...countColumns(f), note: f.note, recorded_by: actorId, version: expectedVersion + 1, updated_at: new Date() })
    .where('id', '=', f.id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function getFlow(db: Executor, id: string): Promise<FlowRecord | null> {
  const r = await selectFlows(db).where('f.id', '=', id).executeTakeFirst();
  return r ? toRecord(r) : null;
}

export async function flowAt(db: Executor, pointId: string, countedOn: string, direction: string): Promise<FlowRecord | null> {
  const r = await selectFlows(db).where('f.point_id', '=', pointId).where('f.counted_on', '=', countedOn).where('f.direction', '=', direction).executeTakeFirst();
  return r ? toRecord(r) : null;
}

export interface FlowFilter { pointId?: string; from?: string; to?: string; direction?: string; page: number; pageSize: number }

/** A page of counts, newest day first, and the totals by direction of every count the filter matches. */
export async function listFlows(db: Executor, f: FlowFilter): Promise<{ items: FlowRecord[]; total: number; byDirection: Map<string, FlowTotals> }> {
  let q = db.selectFrom('flow_counts as f');
  if (f.pointId) q = q.where('f.point_id', '=', f.pointId);
  if (f.from) q = q.where('f.counted_on', '>=', f.from);
  if (f.to) q = q.where('f.counted_on', '<=', f.to);
  if (f.direction) q = q.where('f.direction', '=', f.direction);
  const ids = await q.select('f.id').orderBy('f.counted_on', 'desc').orderBy('f.point_id').orderBy('f.direction')
    .limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  const sums = await q.select([
    'f.direction', sql<number>`count(*)::int`.as('n'),
    ...FLOW_GROUPS.map((g) => sql<number>`coalesce(sum(${sql.ref(`f.${COLUMN[g]}`)}), 0)::bigint`.as(COLUMN[g])),
  ]).groupBy('f.direction').execute();
  const rows = ids.length ? await selectFlows(db).where('f.id', 'in', ids.map((i) => i.id))
    .orderBy('f.counted_on', 'desc').orderBy('f.point_id').orderBy('f.direction').execute() : [];
  return {
    items: rows.map(toRecord),
    total: sums.reduce((n, s) => n + Number(s.n), 0),
    byDirection: new Map(sums.map((s) => [s.direction, withTotal(countsOf(s))])),
  };
}
