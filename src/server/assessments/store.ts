import { sql } from 'kysely';
import type { Location, LocationQuery, RoundCounts } from '#domain/movement/assessments';
import type { Executor } from '../audit/store.ts';

/** SQL of DTM locations, assessment rounds and the configurable lists assessments use. */

/** A `date` column as `YYYY-MM-DD`, whichever driver read it. */
export const day = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v)).slice(0, 10);
export const iso = (v: unknown): string => new Date(v as string).toISOString();
/** A jsonb column, whichever driver read it. */
export const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export type LocationRecord = Location;

function toLocation(r: any): LocationRecord {
  return {
    id: r.id, code: r.code, name: r.name, nameAr: r.name_ar, nameCkb: r.name_ckb, kind: r.kind, pcode: r.pcode,
    siteId: r.site_id, latitude: r.latitude, longitude: r.longitude, version: r.version,
    createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  };
}

const locationValues = (l: Omit<LocationRecord, 'id' | 'version' | 'createdAt' | 'updatedAt'>) => ({
  code: l.code, name: l.name, name_ar: l.nameAr, name_ckb: l.nameCkb, kind: l.kind, pcode: l.pcode,
  site_id: l.siteId, latitude: l.latitude, longitude: l.longitude,
});

/** Inserts locations; none when one with the same id already exists (a replay). */
export async function insertLocations(db: Executor, locations: Omit<LocationRecord, 'version' | 'createdAt' | 'updatedAt'>[]): Promise<void> {
  for (let i = 0; i < locations.length; i += 500) {
    await db.insertInto('dtm_locations').values(locations.slice(i, i + 500).map((l) => ({ id: l.id, ...locationValues(l) })))
      .onConflict((oc) => oc.column('id').doNothing()).execute();
  }
}

/** Writes the new state if the version still matches; false when someone else wrote first. */
export async function updateLocation(db: Executor, l: LocationRecord, expectedVersion: number): Promise<boolean> {
  const r = await db.updateTable('dtm_locations').set({ ...locationValues(l), version: expectedVersion + 1, updated_at: new Date() })
    .where('id', '=', l.id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Writes changed locations (an import), 500 a statement; each one's version moves on. */
export async function updateLocations(db: Executor, locations: LocationRecord[]): Promise<void> {
  for (let i = 0; i < locations.length; i += 500) {
    const values = locations.slice(i, i + 500).map((l) => sql`(${l.id}::uuid, ${l.name}::text, ${l.nameAr}::text, ${l.nameCkb}::text,
      ${l.kind}::text, ${l.pcode}::text, ${l.latitude}::double precision, ${l.longitude}::double precision)`);
    await sql`update dtm_locations l set name = v.name, name_ar = v.name_ar, name_ckb = v.name_ckb, kind = v.kind, pcode = v.pcode,
        latitude = v.latitude, longitude = v.longitude, version = l.version + 1, updated_at = now()
      from (values ${sql.join(values)}) as v (id, name, name_ar, name_ckb, kind, pcode, latitude, longitude)
      where l.id = v.id`.execute(db);
  }
}

export async function getLocation(db: Executor, id: string): Promise<LocationRecord | null> {
  const r = await db.selectFrom('dtm_locations').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toLocation(r) : null;
}

/** Locations by code (codes are stored in capitals). */
export async function locationsByCode(db: Executor, codes: string[]): Promise<Map<string, LocationRecord>> {
  const found = new Map<string, LocationRecord>();
  const unique = [...new Set(codes)];
  for (let i = 0; i < unique.length; i += 1000) {
    const rows = await db.selectFrom('dtm_locations').selectAll().where('code', 'in', unique.slice(i, i + 1000)).execute();
    for (const r of rows) found.set(r.code, toLocation(r));
  }
  return found;
}

export async function listLocations(db: Executor, f: LocationQuery): Promise<{ items: LocationRecord[]; total: number }> {
  let q = db.selectFrom('dtm_locations');
  if (f.area) q = q.where('pcode', 'like', `${f.area}%`);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.site) q = q.where('site_id', '=', f.site);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('code', 'ilike', like), eb('name', 'ilike', like), eb('name_ar', 'ilike', like), eb('name_ckb', 'ilike', like)]));
  }
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('code').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toLocation), total: Number(count.n) };
}

// ------------------------------------------------------------------------------ rounds

export interface RoundRecord {
  id: string; number: number; name: string | null; organizationId: string; organizationCode: string;
  startsOn: string; endsOn: string; reportedOn: string; status: 'open' | 'closed';
  closedAt: string | null; closedBy: string | null; aggregatedAt: string | null; createdAt: string;
}

function roundsQuery(db: Executor) {
  return db.selectFrom('assessment_rounds as r').innerJoin('organizations as o', 'o.id', 'r.organization_id')
    .leftJoin('users as u', 'u.id', 'r.closed_by')
    .selectAll('r').select(['o.code as organization_code', 'u.username as closed_by_name']);
}

function toRound(r: any): RoundRecord {
  return {
    id: r.id, number: r.number, name: r.name, organizationId: r.organization_id, organizationCode: r.organization_code,
    startsOn: day(r.starts_on), endsOn: day(r.ends_on), reportedOn: day(r.reported_on), status: r.status,
    closedAt: r.closed_at ? iso(r.closed_at) : null, closedBy: r.closed_by_name ?? null,
    aggregatedAt: r.aggregated_at ? iso(r.aggregated_at) : null, createdAt: iso(r.created_at),
  };
}

export async function insertRound(db: Executor, r: { id: string; number: number; name: string | null; organizationId: string; startsOn: string; endsOn: string; reportedOn: string; createdBy: string }) {
  await db.insertInto('assessment_rounds').values({
    id: r.id, number: r.number, name: r.name, organization_id: r.organizationId, starts_on: r.startsOn, ends_on: r.endsOn,
    reported_on: r.reportedOn, created_by: r.createdBy,
  }).execute();
}

/**
 * A round by id or number. `lock: 'share'` holds off closing until the caller's transaction ends
 * (writers of its assessments); `'update'` is for closing it.
 */
export async function getRound(db: Executor, ref: { id?: string; number?: number }, lock?: 'share' | 'update'): Promise<RoundRecord | null> {
  if (lock) {
    let q = db.selectFrom('assessment_rounds').select('id');
    q = ref.id ? q.where('id', '=', ref.id) : q.where('number', '=', ref.number!);
    const locked = await (lock === 'share' ? q.forShare() : q.forUpdate()).executeTakeFirst();
    if (!locked) return null;
  }
  let q = roundsQuery(db);
  q = ref.id ? q.where('r.id', '=', ref.id) : q.where('r.number', '=', ref.number!);
  const r = await q.executeTakeFirst();
  return r ? toRound(r) : null;
}

export async function roundNumberTaken(db: Executor, number: number): Promise<boolean> {
  return Boolean(await db.selectFrom('assessment_rounds').select('id').where('number', '=', number).executeTakeFirst());
}

export async function listRounds(db: Executor, f: { status?: string; page: number; pageSize: number }) {
  let q = db.selectFrom('assessment_rounds');
  if (f.status) q = q.where('status', '=', f.status);
  const ids = await q.select('id').orderBy('number', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = ids.length ? await roundsQuery(db).where('r.id', 'in', ids.map((i) => i.id)).orderBy('r.number', 'desc').execute() : [];
  return { items: rows.map(toRound), total: Number(count.n) };
}

/** Locations assessed in each round and the people they report (live, open rounds included). */
export async function roundCounts(db: Executor, ids: string[]): Promise<Map<string, RoundCounts>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<any>`select round_id, count(*)::int as locations, coalesce(sum(idp_families), 0)::bigint as idp_families,
      coalesce(sum(idp_individuals), 0)::bigint as idp_individuals, coalesce(sum(returnee_families), 0)::bigint as returnee_families,
      coalesce(sum(returnee_individuals), 0)::bigint as returnees,
      coalesce(bool_or((idp_individuals_estimated and idp_families > 0) or (returnee_individuals_estimated and returnee_families > 0)), false) as estimated
    from location_assessments where round_id in (${sql.join(ids)}) group by round_id`.execute(db);
  return new Map(rows.rows.map((r) => [r.round_id, {
    locations: r.locations, idpFamilies: Number(r.idp_families), idpIndividuals: Number(r.idp_individuals),
    returneeFamilies: Number(r.returnee_families), returnees: Number(r.returnees), estimated: r.estimated,
  }]));
}

/** Closes an open round; false when it was not open. */
export async function closeRound(db: Executor, id: string, actorId: string): Promise<boolean> {
  const r = await db.updateTable('assessment_rounds').set({ status: 'closed', closed_at: new Date(), closed_by: actorId })
    .where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ------------------------------------------------------------------------------ lists

/** Codes of the configured priority needs. */
export async function priorityNeedCodes(db: Executor): Promise<Set<string>> {
  return new Set((await db.selectFrom('priority_needs').select('code').execute()).map((r) => r.code));
}

/** Codes of the configured displacement waves, in order (a reference list shared with movements; read only). */
export async function waveCodes(db: Executor): Promise<string[]> {
  return (await db.selectFrom('displacement_waves').select('code').orderBy('position').orderBy('starts_on').execute()).map((r) => r.code);
}
