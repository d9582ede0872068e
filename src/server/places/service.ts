import { v7 as uuidv7 } from 'uuid';
import type { AreaQuery, Reference, SiteInput } from '#domain/places/schemas';
import { IRAQ_AREAS, type AreaRecord } from '#domain/places/iraq-areas';
import type { ImportedArea } from '#domain/places/boundary-import';
import { inScope } from '#domain/places/pcode';
import type { Actor, Ctx } from '../context.ts';
import { invalidField, notFound } from '../http/problem.ts';
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

/** Stores imported areas and boundaries; a Kurdish name already known is kept when the file has none. */
export async function importAreas(ctx: Ctx, actor: Actor | null, areas: ImportedArea[]) {
  if (actor) requirePermission(actor, 'places.manage');
  return inTransaction(ctx, async (trx) => {
    const merged = [];
    for (const a of areas) {
      const existing = a.nameCkb ? null : await store.getArea(trx, a.pcode);
      merged.push({ ...a, nameCkb: a.nameCkb ?? existing?.nameCkb ?? null });
    }
    await store.upsertAreas(trx, merged);
    await audit(trx, actor, 'areas.import', 'admin_area', null, { count: areas.length, withBoundary: areas.filter((a) => a.geometry).length });
    return merged.length;
  });
}

export function listSites(ctx: Ctx, query: { pcode?: string; q?: string }) {
  return store.listSites(ctx.db.kysely, query);
}

/** Registers a site inside the actor's geographic scope; a replay with the same id returns it. */
export async function createSite(ctx: Ctx, actor: Actor, input: SiteInput) {
  requirePermission(actor, 'places.manage');
  if (!inScope(input.pcode, actor.scope)) throw invalidField('pcode', 'scope.outside');
  if ((await unknownPcodes(ctx.db.kysely, [input.pcode])).length) throw invalidField('pcode', 'pcode.unknown');
  const id = input.id ?? uuidv7();
  return inTransaction(ctx, async (trx) => {
    const site = await store.insertSite(trx, id, input);
    if (!site) return (await store.getSite(trx, id))!;
    await audit(trx, actor, 'site.create', 'site', id, { name: input.name, pcode: input.pcode });
    return site;
  });
}

/** The configurable lists the forms need, with labels in the three languages. */
export async function reference(ctx: Ctx): Promise<Reference> {
  const [shelters, needs, roles] = await Promise.all([
    store.shelterTypes(ctx.db.kysely), store.specificNeeds(ctx.db.kysely), listRoles(ctx),
  ]);
  return {
    shelterTypes: shelters.map((s) => ({ code: s.code, category: s.category, labels: { en: s.name_en, ar: s.name_ar, ckb: s.name_ckb } })),
    specificNeeds: needs.map((n) => ({ code: n.code, sensitive: n.sensitive, labels: { en: n.name_en, ar: n.name_ar, ckb: n.name_ckb } })),
    roles,
  };
}
