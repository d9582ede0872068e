import { sql, type ExpressionBuilder } from 'kysely';
import type { StockLocationQuery } from '#domain/assistance/stock';
import type { ReasonRule } from '#domain/assistance/stock-rules';
import type { LocationRef, StockLocation } from '#domain/assistance/stock-views';
import type { Executor } from '../audit/store.ts';

/** SQL of warehouses and distribution points, and of the lists stock is checked against (items, reasons). */

export const iso = (v: unknown): string => new Date(v as string).toISOString();
export const day = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v)).slice(0, 10);
/** A jsonb column, whichever driver read it. */
export const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** Whose places a reader sees: one organisation's, inside a geographic scope (empty: everywhere). */
export interface Visibility { organizationId: string; scope: readonly string[] }

/** The places `v` sees, as a condition on `stock_locations as s`. */
export function visibleTo(eb: ExpressionBuilder<any, any>, v: Visibility) {
  const own = eb('s.organization_id', '=', v.organizationId);
  if (v.scope.length === 0) return own;
  return eb.and([own, eb.or(v.scope.map((prefix) => eb('s.pcode', 'like', `${prefix}%`)))]);
}

/** Places whose code or name, in any of the three languages, holds `text`. */
function named(eb: ExpressionBuilder<any, any>, text: string) {
  const like = `%${text.replace(/[%_\\]/g, '\\$&')}%`;
  return eb.or([eb('s.code', 'ilike', like), eb('s.name', 'ilike', like), eb('s.name_ar', 'ilike', like), eb('s.name_ckb', 'ilike', like)]);
}

function locations(db: Executor) {
  return db.selectFrom('stock_locations as s').innerJoin('organizations as o', 'o.id', 's.organization_id')
    .selectAll('s').select('o.code as organization_code');
}

function toLocation(r: any): StockLocation {
  return {
    id: r.id, code: r.code, kind: r.kind, name: r.name, nameAr: r.name_ar, nameCkb: r.name_ckb, pcode: r.pcode, siteId: r.site_id,
    organization: { id: r.organization_id, code: r.organization_code }, active: r.active, version: r.version, createdAt: iso(r.created_at),
  };
}

export function toRef(l: Pick<StockLocation, 'id' | 'code' | 'kind' | 'name' | 'nameAr' | 'nameCkb' | 'organization'>): LocationRef {
  return { id: l.id, code: l.code, kind: l.kind, name: l.name, nameAr: l.nameAr, nameCkb: l.nameCkb, organizationCode: l.organization.code };
}

export async function getLocation(db: Executor, id: string): Promise<StockLocation | null> {
  const r = await locations(db).where('s.id', '=', id).executeTakeFirst();
  return r ? toLocation(r) : null;
}

export async function locationByCode(db: Executor, code: string): Promise<StockLocation | null> {
  const r = await locations(db).where('s.code', '=', code).executeTakeFirst();
  return r ? toLocation(r) : null;
}

/** Places by id, as other records name them. */
export async function locationRefs(db: Executor, ids: string[]): Promise<Map<string, LocationRef>> {
  if (ids.length === 0) return new Map();
  const rows = await locations(db).where('s.id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, toRef(toLocation(r))]));
}

type LocationValues = Pick<StockLocation, 'code' | 'name' | 'nameAr' | 'nameCkb' | 'pcode' | 'siteId' | 'active'>;
const values = (l: LocationValues) => ({
  code: l.code, name: l.name, name_ar: l.nameAr, name_ckb: l.nameCkb, pcode: l.pcode, site_id: l.siteId, active: l.active,
});

/** Inserts a place; false when one with this id exists already. */
export async function insertLocation(db: Executor, l: LocationValues & { id: string; kind: string; organizationId: string }): Promise<boolean> {
  const r = await db.insertInto('stock_locations').values({ id: l.id, kind: l.kind, organization_id: l.organizationId, ...values(l) })
    .onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Writes the new state if the version still matches; false when someone else wrote first. */
export async function updateLocation(db: Executor, id: string, l: LocationValues, expectedVersion: number): Promise<boolean> {
  const r = await db.updateTable('stock_locations').set({ ...values(l), version: expectedVersion + 1 })
    .where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listLocations(db: Executor, v: Visibility, f: StockLocationQuery): Promise<{ items: StockLocation[]; total: number }> {
  let q = db.selectFrom('stock_locations as s').where((eb) => visibleTo(eb, v));
  if (f.kind) q = q.where('s.kind', '=', f.kind);
  if (f.area) q = q.where('s.pcode', 'like', `${f.area}%`);
  if (f.active !== undefined) q = q.where('s.active', '=', f.active);
  if (f.q) q = q.where((eb) => named(eb, f.q!));
  const ids = await q.select('s.id').orderBy('s.code').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = ids.length ? await locations(db).where('s.id', 'in', ids.map((i) => i.id)).orderBy('s.code').execute() : [];
  return { items: rows.map(toLocation), total: Number(count.n) };
}

/** Every open place of every organisation, as a dispatch names its destination. */
export async function destinations(db: Executor, f: { q?: string; kind?: string }): Promise<LocationRef[]> {
  let q = locations(db).where('s.active', '=', true);
  if (f.kind) q = q.where('s.kind', '=', f.kind);
  if (f.q) q = q.where((eb) => named(eb, f.q!));
  return (await q.orderBy('s.code').limit(200).execute()).map((r) => toRef(toLocation(r)));
}

/** Whether a place still holds stock or awaits a dispatch (it cannot close then). */
export async function holdsStock(db: Executor, id: string): Promise<boolean> {
  const r = await sql<{ busy: boolean }>`select exists (select 1 from stock_levels where location_id = ${id} and quantity > 0)
    or exists (select 1 from dispatches where to_location = ${id} and status = 'in_transit') as busy`.execute(db);
  return r.rows[0].busy;
}

/** Kinds of catalogue codes (item, kit, cash); absent codes are not in the catalogue. */
export async function itemKinds(db: Executor, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('assistance_items').select(['code', 'kind']).where('code', 'in', [...new Set(codes)]).execute();
  return new Map(rows.map((r) => [r.code, r.kind]));
}

/** The configured reasons, each with the way it may move stock. */
export async function reasonRules(db: Executor): Promise<Map<string, ReasonRule>> {
  const rows = await db.selectFrom('stock_reasons').select(['code', 'direction', 'active']).execute();
  return new Map(rows.map((r) => [r.code, { direction: r.direction as ReasonRule['direction'], active: r.active }]));
}
