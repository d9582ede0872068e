import { sql } from 'kysely';
import { Problem } from '../http/problem.ts';
import type { Trx } from '../shared/tx.ts';

/**
 * SQL that changes stock. Every writer locks the level rows it will change first, in item order
 * (`select ... order by item_code for update`): two writers at one place then queue instead of
 * deadlocking, and what they read is what they change. Each change is then one statement that
 * updates the levels, only where they stay at zero or more, and appends its ledger rows.
 */

export interface Level { quantity: number; shortfall: number; lowLevel: number | null }

/** A line of the ledger to append with a change (`change` moved the level; `missing`: a shortfall). */
export interface Entry { kind: string; change: number; missing?: number | null; reason?: string | null; note?: string | null }

/** One item's change at a place: how the level and the open shortfall move, and what the ledger says. */
export interface Change { item: string; delta: number; shortfallDelta?: number; entries: Entry[] }

type LevelRow = { item_code: string; quantity: string | number; shortfall: string | number; low_level: string | number | null };
const toLevels = (rows: LevelRow[]) => new Map(rows.map((l) => [l.item_code, {
  quantity: Number(l.quantity), shortfall: Number(l.shortfall), lowLevel: l.low_level === null ? null : Number(l.low_level),
}]));

/**
 * Locks the levels of these items at a place, in item order. With `create`, an item without a
 * level gets one at zero in the same ordered pass (an upsert that locks what exists and inserts
 * what does not, row by row in item order), so that creating never breaks the order; without,
 * an item without a level is absent from the answer.
 */
export async function lockLevels(trx: Trx, locationId: string, items: string[], create = false): Promise<Map<string, Level>> {
  const sorted = [...new Set(items)].sort();
  if (sorted.length === 0) return new Map();
  if (!create) {
    const r = await sql<LevelRow>`select item_code, quantity, shortfall, low_level from stock_levels
      where location_id = ${locationId} and item_code in (${sql.join(sorted)}) order by item_code for update`.execute(trx);
    return toLevels(r.rows);
  }
  const rows = sorted.map((item) => sql`(${locationId}::uuid, ${item}::text, 0::bigint)`);
  const r = await sql<LevelRow>`insert into stock_levels as l (location_id, item_code, quantity) values ${sql.join(rows)}
    on conflict (location_id, item_code) do update set quantity = l.quantity
    returning item_code, quantity, shortfall, low_level`.execute(trx);
  return toLevels(r.rows);
}

/** A redemption's lines read against the catalogue (a kit as its parts) with the point's stock of each part, locked. */
export interface IssueRow { code: string; kind: string; component: string | null; per: number | null; available: number | null }

/**
 * One statement for a redemption: the catalogue entries of its codes (kits with their items) and
 * the point's levels of every item they take, locked in item order (with `create`, an item
 * without a level gets one at zero, in the same ordered pass). Cash takes nothing.
 */
export async function lockForIssue(trx: Trx, pointId: string, codes: string[], create: boolean): Promise<IssueRow[]> {
  const locked = create
    ? sql`insert into stock_levels as l (location_id, item_code, quantity)
        select ${pointId}::uuid, item, 0 from needed order by item
        on conflict (location_id, item_code) do update set quantity = l.quantity
        returning item_code, quantity`
    : sql`select item_code, quantity from stock_levels
        where location_id = ${pointId} and item_code in (select item from needed) order by item_code for update`;
  const r = await sql<{ code: string; kind: string; component: string | null; per: number | null; available: string | number | null }>`
    with parts as materialized (
      select i.code, i.kind, k.item_code as component, k.quantity as per
      from assistance_items i left join kit_components k on i.kind = 'kit' and k.kit_code = i.code
      where i.code in (${sql.join(codes)})
    ), needed as materialized (
      select distinct coalesce(component, code) as item from parts where kind <> 'cash'
    ), locked as materialized (${locked})
    select p.code, p.kind, p.component, p.per, k.quantity as available
    from parts p left join locked k on k.item_code = coalesce(p.component, p.code)`.execute(trx);
  return r.rows.map((x) => ({ ...x, per: x.per === null ? null : Number(x.per), available: x.available === null ? null : Number(x.available) }));
}

/**
 * Applies changes to locked levels at one place and appends their ledger rows, in one statement.
 * A level is only changed where it stays at zero or more (`where quantity + delta >= 0`); should
 * one be refused, this throws 409 `stock.insufficient` and the caller's transaction writes nothing.
 * Answers the new balance of each item.
 */
export async function applyChanges(trx: Trx, locationId: string, changes: Change[], by: { referenceId: string | null; userId: string | null }): Promise<Map<string, number>> {
  if (changes.length === 0) return new Map();
  const levels = changes.map((c) => sql`(${c.item}::text, ${c.delta}::bigint, ${c.shortfallDelta ?? 0}::bigint)`);
  const entries = changes.flatMap((c) => c.entries.map((e) =>
    sql`(${c.item}::text, ${e.change}::bigint, ${e.missing ?? null}::bigint, ${e.kind}::text, ${e.reason ?? null}::text, ${e.note ?? null}::text)`));
  const r = await sql<{ item_code: string; balance: string | number }>`
    with v (item_code, delta, shortfall_delta) as (values ${sql.join(levels)}),
    up as (
      update stock_levels l set quantity = l.quantity + v.delta, shortfall = l.shortfall + v.shortfall_delta
      from v where l.location_id = ${locationId} and l.item_code = v.item_code and l.quantity + v.delta >= 0
      returning l.item_code, l.quantity
    ),
    e (item_code, change, missing, kind, reason, note) as (values ${sql.join(entries)})
    insert into stock_ledger (location_id, item_code, change, balance, missing, kind, reason, note, reference_id, recorded_by)
    select ${locationId}, e.item_code, e.change, up.quantity, e.missing, e.kind, e.reason, e.note, ${by.referenceId}, ${by.userId}
    from e join up on up.item_code = e.item_code
    returning item_code, balance`.execute(trx);
  const balances = new Map(r.rows.map((x) => [x.item_code, Number(x.balance)]));
  // The rows were locked and checked first, so this is a last guard: never commit half a change.
  if (changes.some((c) => !balances.has(c.item))) throw new Problem(409, 'stock.insufficient');
  return balances;
}

/** Sets (or clears, with null) the low level of items at a place; missing rows are created at zero (in item order, as locks go). */
export async function setLowLevels(trx: Trx, locationId: string, thresholds: { item: string; lowLevel: number | null }[]): Promise<void> {
  const sorted = [...thresholds].sort((a, b) => (a.item < b.item ? -1 : 1));
  const rows = sorted.map((t) => sql`(${locationId}::uuid, ${t.item}::text, 0::bigint, ${t.lowLevel}::bigint)`);
  await sql`insert into stock_levels (location_id, item_code, quantity, low_level) values ${sql.join(rows)}
    on conflict (location_id, item_code) do update set low_level = excluded.low_level`.execute(trx);
}
