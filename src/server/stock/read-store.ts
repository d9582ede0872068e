import { sql } from 'kysely';
import type { LedgerQuery, LevelQuery } from '#domain/assistance/stock';
import { isLow } from '#domain/assistance/stock-rules';
import type { ItemRef, LedgerEntry, LocationRef, StockAlerts, StockLevel } from '#domain/assistance/stock-views';
import type { Executor } from '../audit/store.ts';
import { iso, visibleTo, type Visibility } from './location-store.ts';

/** SQL that reads stock: levels, the ledger, and what needs attention. */

function levels(db: Executor, v: Visibility) {
  return db.selectFrom('stock_levels as l')
    .innerJoin('stock_locations as s', 's.id', 'l.location_id')
    .innerJoin('organizations as o', 'o.id', 's.organization_id')
    .innerJoin('assistance_items as i', 'i.code', 'l.item_code')
    .where((eb) => visibleTo(eb, v));
}

const levelColumns = [
  's.id as location_id', 's.code as location_code', 's.kind as location_kind', 's.name as location_name', 's.name_ar as location_name_ar',
  's.name_ckb as location_name_ckb', 'o.code as organization_code', 'i.code as item_code', 'i.name_en as item_name', 'i.name_ar as item_name_ar',
  'i.name_ckb as item_name_ckb', 'i.unit as item_unit', 'l.quantity', 'l.low_level', 'l.shortfall',
] as const;

const ref = (r: any): LocationRef => ({
  id: r.location_id, code: r.location_code, kind: r.location_kind, name: r.location_name, nameAr: r.location_name_ar,
  nameCkb: r.location_name_ckb, organizationCode: r.organization_code,
});
const item = (r: any): ItemRef => ({ code: r.item_code, name: r.item_name, nameAr: r.item_name_ar, nameCkb: r.item_name_ckb, unit: r.item_unit });

function toLevel(r: any): StockLevel {
  const quantity = Number(r.quantity);
  const lowLevel = r.low_level === null ? null : Number(r.low_level);
  return { location: ref(r), item: item(r), quantity, lowLevel, low: isLow(quantity, lowLevel), shortfall: Number(r.shortfall) };
}

/** Levels at the places `v` sees, by place and catalogue order. */
export async function listLevels(db: Executor, v: Visibility, f: LevelQuery & { items?: string[] }): Promise<{ items: StockLevel[]; total: number }> {
  let q = levels(db, v);
  if (f.location) q = q.where('l.location_id', '=', f.location);
  if (f.locations) q = q.where('l.location_id', 'in', f.locations);
  if (f.item) q = q.where('l.item_code', '=', f.item);
  if (f.items) q = q.where('l.item_code', 'in', f.items);
  if (f.low) q = q.where('l.low_level', 'is not', null).where((eb) => eb('l.quantity', '<=', eb.ref('l.low_level')));
  const [rows, count] = await Promise.all([
    q.select(levelColumns).orderBy('s.code').orderBy('i.position').orderBy('i.code').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toLevel), total: Number(count.n) };
}

/** Items at or under their low level, and open shortfalls (with when the last one was recorded), at the places `v` sees. */
export async function alerts(db: Executor, v: Visibility): Promise<StockAlerts> {
  const rows = await levels(db, v).where('s.active', '=', true)
    .where((eb) => eb.or([eb.and([eb('l.low_level', 'is not', null), eb('l.quantity', '<=', eb.ref('l.low_level'))]), eb('l.shortfall', '>', 0)]))
    .select(levelColumns)
    .select(sql<string | null>`(select max(g.recorded_at) from stock_ledger g
      where g.location_id = l.location_id and g.item_code = l.item_code and g.kind = 'shortfall')`.as('since'))
    .orderBy('s.code').orderBy('i.position').limit(1000).execute();
  const levelsRead = rows.map((r) => ({ level: toLevel(r), since: r.since }));
  return {
    low: levelsRead.filter((x) => x.level.low).map(({ level }) => ({ location: level.location, item: level.item, quantity: level.quantity, lowLevel: level.lowLevel! })),
    shortfalls: levelsRead.filter((x) => x.level.shortfall > 0)
      .map(({ level, since }) => ({ location: level.location, item: level.item, missing: level.shortfall, since: since ? iso(since) : null })),
  };
}

/** The ledger of the places `v` sees, newest first, with who recorded each change. */
export async function ledgerPage(db: Executor, v: Visibility, f: LedgerQuery): Promise<{ items: LedgerEntry[]; total: number }> {
  let q = db.selectFrom('stock_ledger as g')
    .innerJoin('stock_locations as s', 's.id', 'g.location_id')
    .where((eb) => visibleTo(eb, v));
  if (f.location) q = q.where('g.location_id', '=', f.location);
  if (f.item) q = q.where('g.item_code', '=', f.item);
  if (f.kind) q = q.where('g.kind', '=', f.kind);
  const [rows, count] = await Promise.all([
    q.innerJoin('organizations as o', 'o.id', 's.organization_id').leftJoin('users as u', 'u.id', 'g.recorded_by')
      .selectAll('g').select([
        's.id as location_id', 's.code as location_code', 's.kind as location_kind', 's.name as location_name',
        's.name_ar as location_name_ar', 's.name_ckb as location_name_ckb', 'o.code as organization_code', 'u.username',
      ])
      .orderBy('g.id', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r: any) => ({
      id: Number(r.id), location: ref(r), item: r.item_code, kind: r.kind, change: Number(r.change), balance: Number(r.balance),
      missing: r.missing === null ? null : Number(r.missing), reason: r.reason, note: r.note, referenceId: r.reference_id,
      recordedBy: r.username ?? null, recordedAt: iso(r.recorded_at),
    })),
    total: Number(count.n),
  };
}
