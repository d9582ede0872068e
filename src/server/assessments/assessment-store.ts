import { sql } from 'kysely';
import type { Shares } from '#domain/movement/assessment-figures';
import type { Executor } from '../audit/store.ts';
import { day, iso, json } from './store.ts';

/** SQL of location assessments. Breakdowns are stored as `{ code: families }`. */

export interface AssessmentRecord {
  id: string; roundId: string; roundNumber: number; roundStatus: 'open' | 'closed'; roundOrganizationId: string;
  locationId: string; locationCode: string; locationName: string; locationNameAr: string | null; locationNameCkb: string | null; locationPcode: string;
  assessedOn: string;
  idpFamilies: number; idpIndividuals: number; idpIndividualsEstimated: boolean;
  returneeFamilies: number; returneeIndividuals: number; returneeIndividualsEstimated: boolean;
  byOrigin: Shares; byWave: Shares; byShelter: Shares; priorityNeeds: string[];
  /** The key informant, sealed (`Sealer`), or null. */
  informant: string | null;
  notes: string | null; version: number; createdAt: string; updatedAt: string;
}

/** The columns an assessment writes. */
export type AssessmentValues = Omit<AssessmentRecord, 'roundNumber' | 'roundStatus' | 'roundOrganizationId' | 'locationCode' | 'locationName' | 'locationNameAr' | 'locationNameCkb' | 'locationPcode' | 'version' | 'createdAt' | 'updatedAt'>;

function columns(a: AssessmentValues, actorId: string) {
  return {
    assessed_on: a.assessedOn, idp_families: a.idpFamilies, idp_individuals: a.idpIndividuals,
    idp_individuals_estimated: a.idpIndividualsEstimated, returnee_families: a.returneeFamilies,
    returnee_individuals: a.returneeIndividuals, returnee_individuals_estimated: a.returneeIndividualsEstimated,
    by_origin: JSON.stringify(a.byOrigin), by_wave: JSON.stringify(a.byWave), by_shelter: JSON.stringify(a.byShelter),
    priority_needs: a.priorityNeeds, informant: a.informant, notes: a.notes, recorded_by: actorId,
  };
}

function selectAssessments(db: Executor) {
  return db.selectFrom('location_assessments as a')
    .innerJoin('assessment_rounds as r', 'r.id', 'a.round_id')
    .innerJoin('dtm_locations as l', 'l.id', 'a.location_id')
    .selectAll('a')
    .select(['r.number as round_number', 'r.status as round_status', 'r.organization_id as round_organization_id',
      'l.code as location_code', 'l.name as location_name', 'l.name_ar as location_name_ar', 'l.name_ckb as location_name_ckb', 'l.pcode as location_pcode']);
}

function toRecord(r: any): AssessmentRecord {
  return {
    id: r.id, roundId: r.round_id, roundNumber: r.round_number, roundStatus: r.round_status, roundOrganizationId: r.round_organization_id,
    locationId: r.location_id, locationCode: r.location_code, locationName: r.location_name, locationNameAr: r.location_name_ar, locationNameCkb: r.location_name_ckb, locationPcode: r.location_pcode,
    assessedOn: day(r.assessed_on), idpFamilies: r.idp_families, idpIndividuals: r.idp_individuals,
    idpIndividualsEstimated: r.idp_individuals_estimated, returneeFamilies: r.returnee_families,
    returneeIndividuals: r.returnee_individuals, returneeIndividualsEstimated: r.returnee_individuals_estimated,
    byOrigin: json(r.by_origin), byWave: json(r.by_wave), byShelter: json(r.by_shelter), priorityNeeds: r.priority_needs ?? [],
    informant: r.informant, notes: r.notes, version: r.version, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  };
}

/** Records an assessment; false when its location already has one in the round. */
export async function insertAssessment(db: Executor, a: AssessmentValues, actorId: string): Promise<boolean> {
  const r = await db.insertInto('location_assessments')
    .values({ id: a.id, round_id: a.roundId, location_id: a.locationId, ...columns(a, actorId) })
    .onConflict((oc) => oc.columns(['round_id', 'location_id']).doNothing()).returning('id').executeTakeFirst();
  return Boolean(r);
}

/** Writes the new content if the version still matches; false when someone else wrote first. */
export async function updateAssessment(db: Executor, a: AssessmentValues, expectedVersion: number, actorId: string): Promise<boolean> {
  const r = await db.updateTable('location_assessments').set({ ...columns(a, actorId), version: expectedVersion + 1, updated_at: new Date() })
    .where('id', '=', a.id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Writes a file's assessments, 500 a statement: new ones inserted, a location's existing one in
 * the round replaced (its version moves on; its key informant stays unless the file gives one).
 */
export async function upsertAssessments(db: Executor, rows: AssessmentValues[], actorId: string): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db.insertInto('location_assessments')
      .values(rows.slice(i, i + 500).map((a) => ({ id: a.id, round_id: a.roundId, location_id: a.locationId, ...columns(a, actorId) })))
      .onConflict((oc) => oc.columns(['round_id', 'location_id']).doUpdateSet((eb) => ({
        assessed_on: eb.ref('excluded.assessed_on'), idp_families: eb.ref('excluded.idp_families'),
        idp_individuals: eb.ref('excluded.idp_individuals'), idp_individuals_estimated: eb.ref('excluded.idp_individuals_estimated'),
        returnee_families: eb.ref('excluded.returnee_families'), returnee_individuals: eb.ref('excluded.returnee_individuals'),
        returnee_individuals_estimated: eb.ref('excluded.returnee_individuals_estimated'),
        by_origin: eb.ref('excluded.by_origin'), by_wave: eb.ref('excluded.by_wave'), by_shelter: eb.ref('excluded.by_shelter'),
        priority_needs: eb.ref('excluded.priority_needs'), notes: eb.ref('excluded.notes'), recorded_by: eb.ref('excluded.recorded_by'),
        informant: sql`coalesce(excluded.informant, location_assessments.informant)`,
        version: sql`location_assessments.version + 1`, updated_at: new Date(),
      }))).execute();
  }
}

export async function getAssessment(db: Executor, id: string): Promise<AssessmentRecord | null> {
  const r = await selectAssessments(db).where('a.id', '=', id).executeTakeFirst();
  return r ? toRecord(r) : null;
}

export async function assessmentAt(db: Executor, roundId: string, locationId: string): Promise<AssessmentRecord | null> {
  const r = await selectAssessments(db).where('a.round_id', '=', roundId).where('a.location_id', '=', locationId).executeTakeFirst();
  return r ? toRecord(r) : null;
}

export interface AssessmentFilter { roundId?: string; area?: string; locationId?: string; page: number; pageSize: number }

/** A page of assessments, newest round first, then by location code. */
export async function listAssessments(db: Executor, f: AssessmentFilter): Promise<{ items: AssessmentRecord[]; total: number }> {
  let q = selectAssessments(db);
  if (f.roundId) q = q.where('a.round_id', '=', f.roundId);
  if (f.locationId) q = q.where('a.location_id', '=', f.locationId);
  if (f.area) q = q.where('l.pcode', 'like', `${f.area}%`);
  const rows = await q.orderBy('r.number', 'desc').orderBy('l.code').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  const count = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { items: rows.map(toRecord), total: Number(count.n) };
}

/** Every assessment of a round with its location in full, by location code (export, sums at closing). */
export async function roundAssessments(db: Executor, roundId: string) {
  const rows = await selectAssessments(db)
    .select(['l.name_ar as l_name_ar', 'l.name_ckb as l_name_ckb', 'l.kind as l_kind', 'l.latitude as l_latitude', 'l.longitude as l_longitude'])
    .where('a.round_id', '=', roundId).orderBy('l.code').execute();
  return rows.map((r) => ({
    ...toRecord(r),
    location: { code: r.location_code, name: r.location_name, nameAr: r.l_name_ar, nameCkb: r.l_name_ckb, kind: r.l_kind, pcode: r.location_pcode, latitude: r.l_latitude, longitude: r.l_longitude },
  }));
}

/** The round's existing assessments of these locations, by location id. */
export async function assessmentsOfLocations(db: Executor, roundId: string, locationIds: string[]): Promise<Map<string, { id: string }>> {
  const found = new Map<string, { id: string }>();
  for (let i = 0; i < locationIds.length; i += 1000) {
    const rows = await db.selectFrom('location_assessments').select(['id', 'location_id'])
      .where('round_id', '=', roundId).where('location_id', 'in', locationIds.slice(i, i + 1000)).execute();
    for (const r of rows) found.set(r.location_id, { id: r.id });
  }
  return found;
}
