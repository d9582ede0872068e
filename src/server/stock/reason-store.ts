import { sql } from 'kysely';
import type { Labels } from '#domain/assistance/catalogue';
import type { StockReason } from '#domain/assistance/stock-views';
import type { Executor } from '../audit/store.ts';

/** SQL of the configured reasons for counts' differences and adjustments. */

export type ReasonRecord = Required<StockReason>;

type Row = { code: string; direction: string; name_en: string; name_ar: string; name_ckb: string; active: boolean; position: number; version: number };
const toReason = (r: Row): ReasonRecord => ({
  code: r.code, direction: r.direction as StockReason['direction'], name: r.name_en, nameAr: r.name_ar, nameCkb: r.name_ckb,
  active: r.active, position: r.position, version: r.version,
});

/** The reasons in their order: active ones only unless `all`. */
export async function listReasons(db: Executor, all = false): Promise<ReasonRecord[]> {
  const rows = await db.selectFrom('stock_reasons').selectAll().$if(!all, (q) => q.where('active', '=', true)).orderBy('position').orderBy('code').execute();
  return rows.map(toReason);
}

/** One reason; `lock` holds it until the transaction ends. */
export async function reasonOf(db: Executor, code: string, lock = false): Promise<ReasonRecord | null> {
  const r = await sql<Row>`select * from stock_reasons where code = ${code} ${lock ? sql`for update` : sql``}`.execute(db);
  return r.rows[0] ? toReason(r.rows[0]) : null;
}

export async function insertReason(db: Executor, r: { code: string; direction: string; labels: Labels }): Promise<void> {
  const last = await sql<{ n: number }>`select coalesce(max(position), 0)::int + 1 as n from stock_reasons`.execute(db);
  await db.insertInto('stock_reasons').values({
    code: r.code, direction: r.direction, name_en: r.labels.en, name_ar: r.labels.ar, name_ckb: r.labels.ckb, position: last.rows[0].n,
  }).execute();
}

/** Writes the new names, state and place if the version still matches; false when someone else wrote first. */
export async function updateReason(db: Executor, code: string, v: { labels: Labels; active: boolean; position: number }, expectedVersion: number): Promise<boolean> {
  const r = await db.updateTable('stock_reasons').set({
    name_en: v.labels.en, name_ar: v.labels.ar, name_ckb: v.labels.ckb, active: v.active, position: v.position, version: expectedVersion + 1,
  }).where('code', '=', code).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
