import { v7 as uuidv7 } from 'uuid';
import type { StockLocationInput, StockLocationQuery, StockLocationUpdate, ThresholdsInput } from '#domain/assistance/stock';
import type { StockLocation } from '#domain/assistance/stock-views';
import type { Actor, Ctx } from '../context.ts';
import type { Executor } from '../audit/store.ts';
import { Problem, invalidFields, type FieldError } from '../http/problem.ts';
import { requirePermission } from '../identity/policy.ts';
import { existingSiteIds, unknownPcodes } from '../places/service.ts';
import { idempotent } from '../shared/idempotency.ts';
import { audit, inTransaction } from '../shared/tx.ts';
import { checkStockItems } from './items.ts';
import * as levels from './level-store.ts';
import * as store from './location-store.ts';
import { listLevels } from './read-store.ts';
import { assertCanManageLocation, assertCanReadLocation, assertCanReadStock, assertInScope, guarded, visibility } from './policy.ts';

/** Warehouses and distribution points: registered, read, edited, closed, and their low levels. */

async function checkPlace(db: Executor, l: { pcode: string; siteId: string | null }): Promise<void> {
  const errors: FieldError[] = [];
  if ((await unknownPcodes(db, [l.pcode])).length) errors.push({ path: 'pcode', key: 'pcode.unknown' });
  if (l.siteId && !(await existingSiteIds(db, [l.siteId])).has(l.siteId)) errors.push({ path: 'siteId', key: 'site.unknown' });
  if (errors.length) throw invalidFields(errors);
}

const codeTaken = (current: StockLocation | null) =>
  new Problem(409, 'stock.location_code_taken', { errors: [{ path: 'code', key: 'stock.location_code_taken' }], extra: { current } });

/**
 * Registers a warehouse or distribution point for the actor's organisation, inside the actor's
 * scope. A code already used (by any organisation) is a 409; a replay with the same
 * Idempotency-Key returns the first answer.
 */
export async function registerStockLocation(ctx: Ctx, actor: Actor, input: StockLocationInput, idempotencyKey?: string) {
  requirePermission(actor, 'stock.manage');
  assertInScope(actor, input.pcode);
  await checkPlace(ctx.db.kysely, input);
  return idempotent<StockLocation>(ctx, actor, idempotencyKey, 'POST /api/stock/locations', input, async (trx) => {
    const id = input.id ?? uuidv7();
    if (await store.locationByCode(trx, input.code)) throw codeTaken(null);
    if (!(await store.insertLocation(trx, { ...input, id, active: true, organizationId: actor.organizationId }))) throw new Problem(409, 'problem.conflict');
    await audit(trx, actor, 'stock.location_create', 'stock_location', id, { code: input.code, kind: input.kind, pcode: input.pcode });
    return { status: 201, body: (await store.getLocation(trx, id))! };
  });
}

/** One place of the actor's organisation (404 for another's, or outside scope). */
export async function getStockLocation(ctx: Ctx, actor: Actor, id: string): Promise<StockLocation> {
  const location = await store.getLocation(ctx.db.kysely, id);
  assertCanReadLocation(actor, location && guarded(location));
  return location!;
}

/** The actor's organisation's places inside scope, by kind, area, state, or code and name. */
export async function listStockLocations(ctx: Ctx, actor: Actor, query: StockLocationQuery) {
  assertCanReadStock(actor);
  return { ...(await store.listLocations(ctx.db.kysely, visibility(actor), query)), page: query.page, pageSize: query.pageSize };
}

/** Open places of every organisation that a dispatch can be sent to. */
export async function listDestinations(ctx: Ctx, actor: Actor, query: { q?: string; kind?: string }) {
  requirePermission(actor, 'stock.manage');
  return { items: await store.destinations(ctx.db.kysely, query) };
}

/**
 * Edits a place at the version read (409 with the current one when stale), inside the actor's
 * scope where it is and where it moves. A place closes (`active: false`) only once it holds no
 * stock and awaits no dispatch, so nothing is stranded in a place no one can use.
 */
export async function updateStockLocation(ctx: Ctx, actor: Actor, id: string, patch: StockLocationUpdate): Promise<StockLocation> {
  const current = await store.getLocation(ctx.db.kysely, id);
  assertCanManageLocation(actor, current && guarded(current));
  const { version, ...changes } = patch;
  const next = { ...current!, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as StockLocation;
  assertInScope(actor, next.pcode);
  await checkPlace(ctx.db.kysely, next);
  const stale = async () => new Problem(409, 'problem.conflict_version', { extra: { current: await store.getLocation(ctx.db.kysely, id) } });
  if (version !== current!.version) throw await stale();
  return inTransaction(ctx, async (trx) => {
    if (next.code !== current!.code && (await store.locationByCode(trx, next.code))) throw codeTaken(null);
    if (current!.active && !next.active && (await store.holdsStock(trx, id))) throw new Problem(409, 'stock.location_not_empty');
    if (!(await store.updateLocation(trx, id, next, version))) throw await stale();
    const fields = Object.keys(changes).filter((k) => JSON.stringify(changes[k as keyof typeof changes]) !== JSON.stringify(current![k as keyof StockLocation]));
    await audit(trx, actor, 'stock.location_update', 'stock_location', id, { version: version + 1, fields });
    return (await store.getLocation(trx, id))!;
  });
}

/** Sets the low level of items at a place (null clears one): at or under it, an item is in the alerts. Answers those levels. */
export async function setThresholds(ctx: Ctx, actor: Actor, id: string, input: ThresholdsInput) {
  const location = await store.getLocation(ctx.db.kysely, id);
  assertCanManageLocation(actor, location && guarded(location));
  await checkStockItems(ctx.db.kysely, input.thresholds.map((t) => t.item), 'thresholds');
  await inTransaction(ctx, async (trx) => {
    await levels.setLowLevels(trx, id, input.thresholds);
    await audit(trx, actor, 'stock.thresholds', 'stock_location', id, { thresholds: input.thresholds });
  });
  const items = input.thresholds.map((t) => t.item);
  return { items: (await listLevels(ctx.db.kysely, visibility(actor), { location: id, items, page: 1, pageSize: items.length })).items };
}

/** What a redemption needs to know of a place: whose it is, whether it is a point and open. Null when none. */
export async function pointOf(db: Executor, pointId: string) {
  const l = await store.getLocation(db, pointId);
  if (!l) return null;
  return { id: l.id, code: l.code, name: l.name, nameAr: l.nameAr, nameCkb: l.nameCkb, organizationId: l.organization.id, kind: l.kind, active: l.active, pcode: l.pcode };
}
