import { sql } from 'kysely';
import type { Area, Site, SiteInput, SiteQuery, SiteUpdate } from '#domain/places/schemas';
import type { AreaRecord } from '#domain/places/iraq-areas';
import { foldName } from '#domain/names/fold';
import type { Executor } from '../audit/store.ts';

/** SQL for admin areas, sites and the configurable reference lists. */

const areaColumns = ['pcode', 'level', 'parent_pcode', 'name_en', 'name_ar', 'name_ckb', 'latitude', 'longitude'] as const;

function toArea(r: { pcode: string; level: number; parent_pcode: string | null; name_en: string; name_ar: string; name_ckb: string | null; latitude: number | null; longitude: number | null }): Area {
  return { pcode: r.pcode, level: r.level, parentPcode: r.parent_pcode, nameEn: r.name_en, nameAr: r.name_ar, nameCkb: r.name_ckb, latitude: r.latitude, longitude: r.longitude };
}

/** The folded names in all three languages and the P-code, for finding a place by any of them. */
export function areaSearchText(a: Pick<AreaRecord, 'pcode' | 'nameEn' | 'nameAr' | 'nameCkb'>): string {
  return ` ${[a.pcode.toLowerCase(), foldName(a.nameEn), foldName(a.nameAr), foldName(a.nameCkb ?? '')].join(' ')} `;
}

export async function listAreas(db: Executor, f: { level?: number; parent?: string; q?: string }): Promise<Area[]> {
  let q = db.selectFrom('admin_areas').select(areaColumns).orderBy('pcode');
  if (f.level) q = q.where('level', '=', f.level);
  if (f.parent) q = q.where('parent_pcode', '=', f.parent);
  for (const word of foldName(f.q ?? '').split(' ').filter(Boolean)) q = q.where('search_text', 'like', `% ${word}%`);
  return (await q.limit(500).execute()).map(toArea);
}

/** Areas by P-code, for naming rows of figures. */
export async function areasByCode(db: Executor, pcodes: string[]): Promise<Area[]> {
  if (pcodes.length === 0) return [];
  return (await db.selectFrom('admin_areas').select(areaColumns).where('pcode', 'in', [...new Set(pcodes)]).execute()).map(toArea);
}

export async function getArea(db: Executor, pcode: string) {
  const r = await db.selectFrom('admin_areas').select(areaColumns).where('pcode', '=', pcode).executeTakeFirst();
  return r ? toArea(r) : null;
}

export async function areaBoundaries(db: Executor, level: number) {
  return db.selectFrom('admin_areas').select(['pcode', 'name_en', 'name_ar', 'name_ckb', 'boundary'])
    .where('level', '=', level).where('boundary', 'is not', null).orderBy('pcode').execute();
}

/** The P-codes among `pcodes` that exist. */
export async function existingPcodes(db: Executor, pcodes: string[]): Promise<Set<string>> {
  if (pcodes.length === 0) return new Set();
  const rows = await db.selectFrom('admin_areas').select('pcode').where('pcode', 'in', [...new Set(pcodes)]).execute();
  return new Set(rows.map((r) => r.pcode));
}

export async function countAreas(db: Executor) {
  const r = await db.selectFrom('admin_areas').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Inserts or updates areas (parents first, one statement per level); geometry only replaces when given. */
type AreaRow = AreaRecord & { geometry?: unknown; validOn?: string | null; point?: { latitude: number; longitude: number } | null };

export async function upsertAreas(db: Executor, areas: AreaRow[]) {
  for (const level of [1, 2, 3]) {
    const rows = areas.filter((a) => a.level === level);
    for (let i = 0; i < rows.length; i += 200) await upsertBatch(db, rows.slice(i, i + 200));
  }
}

async function upsertBatch(db: Executor, rows: AreaRow[]) {
  if (rows.length === 0) return;
  const values = rows.map((a) => sql`(${a.pcode}, ${a.level}, ${a.parentPcode}, ${a.nameEn}, ${a.nameAr}, ${a.nameCkb},
    ${a.legacyCode}, ${areaSearchText(a)}, ${a.geometry ? JSON.stringify(a.geometry) : null}::jsonb, ${a.validOn ?? null}::date,
    ${a.point?.latitude ?? null}::double precision, ${a.point?.longitude ?? null}::double precision)`);
  await sql`insert into admin_areas (pcode, level, parent_pcode, name_en, name_ar, name_ckb, legacy_code, search_text, boundary, valid_on, latitude, longitude)
    values ${sql.join(values)}
    on conflict (pcode) do update set level = excluded.level, parent_pcode = excluded.parent_pcode,
      name_en = excluded.name_en, name_ar = excluded.name_ar,
      name_ckb = coalesce(excluded.name_ckb, admin_areas.name_ckb),
      legacy_code = coalesce(excluded.legacy_code, admin_areas.legacy_code),
      search_text = excluded.search_text,
      boundary = coalesce(excluded.boundary, admin_areas.boundary),
      valid_on = coalesce(excluded.valid_on, admin_areas.valid_on),
      latitude = coalesce(excluded.latitude, admin_areas.latitude), longitude = coalesce(excluded.longitude, admin_areas.longitude)`.execute(db);
}

export type SiteRow = Omit<Site, 'population'>;

function toSite(r: any): SiteRow {
  return {
    id: r.id, name: r.name, nameAr: r.name_ar, nameCkb: r.name_ckb, kind: r.kind, shelter: r.shelter, transitType: r.transit_type,
    active: r.active, version: r.version, pcode: r.pcode, latitude: r.latitude, longitude: r.longitude, capacity: r.capacity,
    managingOrganizationId: r.managing_organization_id,
  };
}

export async function listSites(db: Executor, f: SiteQuery): Promise<SiteRow[]> {
  let q = db.selectFrom('sites').selectAll().orderBy('name').limit(500);
  if (f.pcode) q = q.where('pcode', 'like', `${f.pcode}%`);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.all !== 'true') q = q.where('active', '=', true);
  if (f.q) q = q.where((eb) => eb.or([eb('name', 'ilike', `%${f.q}%`), eb('name_ar', 'ilike', `%${f.q}%`), eb('name_ckb', 'ilike', `%${f.q}%`)]));
  return (await q.execute()).map(toSite);
}

export async function getSite(db: Executor, id: string) {
  const r = await db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toSite(r) : null;
}

function siteValues(s: Omit<SiteInput, 'id'>) {
  return {
    name: s.name, name_ar: s.nameAr ?? null, name_ckb: s.nameCkb ?? null, kind: s.kind, pcode: s.pcode, shelter: s.shelter,
    transit_type: s.transitType, latitude: s.latitude ?? null, longitude: s.longitude ?? null, capacity: s.capacity ?? null,
    managing_organization_id: s.managingOrganizationId ?? null,
  };
}

export async function insertSite(db: Executor, id: string, s: SiteInput): Promise<SiteRow | null> {
  const r = await db.insertInto('sites').values({ id, ...siteValues(s) })
    .onConflict((oc) => oc.column('id').doNothing()).returningAll().executeTakeFirst();
  return r ? toSite(r) : null;
}

/** Writes a site if the version still matches; null when someone else wrote first. */
export async function updateSite(db: Executor, id: string, s: SiteUpdate): Promise<SiteRow | null> {
  const r = await db.updateTable('sites').set({ ...siteValues(s), active: s.active, version: s.version + 1, updated_at: new Date() })
    .where('id', '=', id).where('version', '=', s.version).returningAll().executeTakeFirst();
  return r ? toSite(r) : null;
}

/** What movements and flow counts need of sites: open or closed, kind, shelter type, P-code. */
export async function siteFacts(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, { kind: string; shelter: string | null; active: boolean; pcode: string }>();
  const rows = await db.selectFrom('sites').select(['id', 'kind', 'shelter', 'active', 'pcode']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, { kind: r.kind, shelter: r.shelter, active: r.active, pcode: r.pcode }]));
}

/** Coordinates of areas (their label points) and sites, where known. */
export async function placePoints(db: Executor, pcodes: string[], siteIds: string[]) {
  type Point = { latitude: number; longitude: number };
  const areas = new Map<string, Point>();
  const sites = new Map<string, Point>();
  if (pcodes.length) {
    const rows = await db.selectFrom('admin_areas').select(['pcode', 'latitude', 'longitude']).where('pcode', 'in', [...new Set(pcodes)])
      .where('latitude', 'is not', null).execute();
    for (const r of rows) areas.set(r.pcode, { latitude: r.latitude!, longitude: r.longitude! });
  }
  if (siteIds.length) {
    const rows = await db.selectFrom('sites').select(['id', 'latitude', 'longitude']).where('id', 'in', [...new Set(siteIds)])
      .where('latitude', 'is not', null).where('longitude', 'is not', null).execute();
    for (const r of rows) sites.set(r.id, { latitude: r.latitude!, longitude: r.longitude! });
  }
  return { areas, sites };
}

export async function waves(db: Executor) {
  return sql<{ code: string; starts_on: string; ends_on: string | null; name_en: string; name_ar: string; name_ckb: string }>`
    select code, starts_on::text as starts_on, ends_on::text as ends_on, name_en, name_ar, name_ckb
    from displacement_waves order by position, starts_on`.execute(db).then((r) => r.rows);
}

export async function sectors(db: Executor) {
  return db.selectFrom('sectors').selectAll().orderBy('number').execute();
}

export async function priorityNeeds(db: Executor) {
  return db.selectFrom('priority_needs').selectAll().orderBy('position').execute();
}

export async function shelterTypes(db: Executor) {
  return db.selectFrom('shelter_types').selectAll().orderBy('position').execute();
}

export async function specificNeeds(db: Executor) {
  return db.selectFrom('specific_needs').selectAll().orderBy('position').execute();
}

/** The site ids among `ids` that exist. */
export async function existingSiteIds(db: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('sites').select('id').where('id', 'in', [...new Set(ids)]).execute();
  return new Set(rows.map((r) => r.id));
}
