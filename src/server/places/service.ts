import { v7 as uuidv7 } from 'uuid';
import type { AreaQuery, Reference, Site, SiteInput, SiteQuery, SiteUpdate } from '#domain/places/schemas';
import { labelPoint } from '#domain/places/label-point';
import { IRAQ_AREAS, type AreaRecord } from '#domain/places/iraq-areas';
import type { ImportedArea } from '#domain/places/boundary-import';
import { inScope } from '#domain/places/pcode';
import type { Actor, Ctx } from '../context.ts';
import { Problem, invalidField, notFound } from '../http/problem.ts';
import { sitePopulations } from '../movement/population.ts';
import { requirePermission } from '../identity/policy.ts';
import { listRoles } from '../identity/users.ts';
import { audit, inTransaction } from '../shared/tx.ts';
import type { Executor } from '../audit/store.ts';
import * as store from './store.ts';

/** Admin areas are public reference data for every signed-in user. */
export function listAreas(ctx: Ctx, query: AreaQuery) {
  return store.listAreas(ctx.db.kysely, query);
}

export async function getArea(ctx: Ctx, pcode: string) {
  const area = await store.getArea(ctx.db.kysely, pcode);
  if (!area) throw notFound();
  const parents = [];
  for (let p = area.parentPcode; p; ) {
    const parent = await store.getArea(ctx.db.kysely, p);
    if (!parent) break;
    parents.unshift(parent);
    p = parent.parentPcode;
  }
  return { ...area, parents };
}

/** GeoJSON FeatureCollection of the stored boundaries at one level, for maps. */
export async function boundaries(ctx: Ctx, level: number) {
  const rows = await store.areaBoundaries(ctx.db.kysely, level);
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({
      type: 'Feature' as const, geometry: r.boundary,
      properties: { pcode: r.pcode, nameEn: r.name_en, nameAr: r.name_ar, nameCkb: r.name_ckb },
    })),
  };
}

/** The names of these areas in the three languages, by P-code. */
export async function areaNames(db: Executor, pcodes: string[]) {
  return new Map((await store.areasByCode(db, pcodes)).map((a) => [a.pcode, a]));
}

/** Which of these P-codes are unknown (for validating households, imports, sites). */
export async function unknownPcodes(db: Executor, pcodes: string[]): Promise<string[]> {
  const known = await store.existingPcodes(db, pcodes);
  return pcodes.filter((p) => !known.has(p));
}

/** Which of these site ids exist. */
export function existingSiteIds(db: Executor, ids: string[]): Promise<Set<string>> {
  return store.existingSiteIds(db, ids);
}

/** The codes of the configured shelter types. */
export async function shelterCodes(db: Executor): Promise<Set<string>> {
  return new Set((await store.shelterTypes(db)).map((s) => s.code));
}

/** The configured specific-needs codes, each with whether it is sensitive (SV, TR...). */
export async function needSensitivity(db: Executor): Promise<Map<string, boolean>> {
  return new Map((await store.specificNeeds(db)).map((n) => [n.code, n.sensitive]));
}

/** Loads Iraq's 18 governorates and 101 districts when the table is empty (first start). */
export async function seedIraqAreas(db: Executor): Promise<number> {
  if ((await store.countAreas(db)) > 0) return 0;
  await store.upsertAreas(db, IRAQ_AREAS as AreaRecord[]);
  return IRAQ_AREAS.length;
}

/**
 * Stores imported areas and boundaries, with a point inside each area to draw it at; a Kurdish
 * name already known is kept when the file has none.
 */
export async function importAreas(ctx: Ctx, actor: Actor | null, areas: ImportedArea[]) {
  if (actor) requirePermission(actor, 'places.manage');
  return inTransaction(ctx, async (trx) => {
    const merged = [];
    for (const a of areas) {
      const existing = a.nameCkb ? null : await store.getArea(trx, a.pcode);
      merged.push({ ...a, nameCkb: a.nameCkb ?? existing?.nameCkb ?? null, point: labelPoint(a.geometry) });
    }
    await store.upsertAreas(trx, merged);
    await audit(trx, actor, 'areas.import', 'admin_area', null, { count: areas.length, withBoundary: areas.filter((a) => a.geometry).length });
    return merged.length;
  });
}

/** Sites with the displaced families and people the registry has at each now. */
export async function listSites(ctx: Ctx, query: SiteQuery): Promise<Site[]> {
  const sites = await store.listSites(ctx.db.kysely, query);
  const population = await sitePopulations(ctx.db.kysely, sites.map((s) => s.id));
  return sites.map((s) => ({ ...s, population: population.get(s.id)! }));
}

export async function getSite(ctx: Ctx, id: string): Promise<Site> {
  const site = await store.getSite(ctx.db.kysely, id);
  if (!site) throw notFound();
  return { ...site, population: (await sitePopulations(ctx.db.kysely, [id])).get(id)! };
}

/** A site lived in takes the shelter type of its kind unless given one (a collective centre may be a school). */
const SHELTER_OF_KIND: Record<string, string> = { camp: 'camp', informal_settlement: 'informal_settlement', collective_centre: 'collective_centre' };

async function checkSite(ctx: Ctx, actor: Actor, input: Omit<SiteInput, 'id'>) {
  if (!inScope(input.pcode, actor.scope)) throw invalidField('pcode', 'scope.outside');
  if ((await unknownPcodes(ctx.db.kysely, [input.pcode])).length) throw invalidField('pcode', 'pcode.unknown');
  if (input.shelter && !(await shelterCodes(ctx.db.kysely)).has(input.shelter)) throw invalidField('shelter', 'shelter.unknown');
  if (input.kind === 'transit_point' && input.shelter) throw invalidField('shelter', 'site.transit_type');
  return { ...input, shelter: input.shelter ?? SHELTER_OF_KIND[input.kind] ?? null };
}

/** Registers a site inside the actor's geographic scope; a replay with the same id returns it. */
export async function createSite(ctx: Ctx, actor: Actor, input: SiteInput): Promise<Site> {
  requirePermission(actor, 'places.manage');
  const checked = await checkSite(ctx, actor, input);
  const id = input.id ?? uuidv7();
  const site = await inTransaction(ctx, async (trx) => {
    const inserted = await store.insertSite(trx, id, checked);
    if (!inserted) return (await store.getSite(trx, id))!;
    await audit(trx, actor, 'site.create', 'site', id, { name: input.name, pcode: input.pcode, kind: input.kind });
    return inserted;
  });
  return { ...site, population: (await sitePopulations(ctx.db.kysely, [id])).get(id)! };
}

/** Edits a site at the version read (409 with the current one when stale); both places in the actor's scope. */
export async function updateSite(ctx: Ctx, actor: Actor, id: string, input: SiteUpdate): Promise<Site> {
  requirePermission(actor, 'places.manage');
  const current = await getSite(ctx, id);
  if (!inScope(current.pcode, actor.scope)) throw notFound();
  const checked = { ...input, ...(await checkSite(ctx, actor, input)) };
  const site = await inTransaction(ctx, async (trx) => {
    const updated = await store.updateSite(trx, id, checked);
    if (!updated) throw new Problem(409, 'problem.conflict_version', { extra: { current: await getSite(ctx, id) } });
    await audit(trx, actor, 'site.update', 'site', id, { version: updated.version, active: updated.active });
    return updated;
  });
  return { ...site, population: current.population };
}

/** What movements and flow counts need of sites: open or closed, kind, shelter type, P-code. */
export function siteFacts(db: Executor, ids: string[]) {
  return store.siteFacts(db, ids);
}

/** Points to draw places at: a site's coordinates, an area's label point. */
export function placePoints(db: Executor, pcodes: string[], siteIds: string[]) {
  return store.placePoints(db, pcodes, siteIds);
}

/** The configurable lists the forms need, with labels in the three languages. */
export async function reference(ctx: Ctx): Promise<Reference> {
  const db = ctx.db.kysely;
  const [shelters, needs, roles, waves, sectors, priorities] = await Promise.all([
    store.shelterTypes(db), store.specificNeeds(db), listRoles(ctx), store.waves(db), store.sectors(db), store.priorityNeeds(db),
  ]);
  const labels = (r: { name_en: string; name_ar: string; name_ckb: string }) => ({ en: r.name_en, ar: r.name_ar, ckb: r.name_ckb });
  return {
    shelterTypes: shelters.map((s) => ({ code: s.code, category: s.category, labels: labels(s) })),
    waves: waves.map((w) => ({ code: w.code, startsOn: w.starts_on, endsOn: w.ends_on, labels: labels(w) })),
    sectors: sectors.map((s) => ({ code: s.code, number: s.number, labels: labels(s) })),
    priorityNeeds: priorities.map((n) => ({ code: n.code, sector: n.sector_code, labels: labels(n) })),
    specificNeeds: needs.map((n) => ({ code: n.code, sensitive: n.sensitive, labels: { en: n.name_en, ar: n.name_ar, ckb: n.name_ckb } })),
    roles,
  };
}
