import { sql, type Kysely, type Transaction } from 'kysely';
import type { EntitlementFormula } from '#domain/assistance/formula';
import type { EntitlementQuery } from '#domain/assistance/rounds';
import type { Executor } from '../audit/store.ts';
import type { Database } from '../db/schema.ts';
import { iso, json } from './programme-store.ts';
import { DEMOGRAPHIC_COLUMNS, TABLED_PEOPLE, contentsSql, contentsTable, targetedSql, type TargetFrame } from './targeting-sql.ts';

/** SQL of entitlements: what a round would target (one aggregate), issuing them (one insert), reading them. */

export interface TargetCount {
  district: string; people: number; households: number; eligible: number; openDuplicates: number; servedInSector: number;
}

/**
 * Settings for the targeting statements, until the transaction ends: no JIT (at 100,000s of
 * households the planner's cost calls for compiling them, which takes longer than running them).
 */
async function withoutJit(trx: Executor): Promise<void> {
  await sql`set local jit = off`.execute(trx);
  // Grouping a million members by household: in memory rather than in sort files.
  await sql`set local work_mem = '64MB'`.execute(trx);
}

/** Households meeting the rules by district and number of people, and how many each exclusion leaves out. */
export async function countTargets(db: Kysely<Database>, f: TargetFrame): Promise<TargetCount[]> {
  return db.transaction().execute(async (trx) => {
    await withoutJit(trx);
    const r = await sql<TargetCount>`select left(t.pcode, 8) as district, t.people, count(*)::int as households,
      count(*) filter (where not t.open_duplicate and not t.served)::int as eligible,
      count(*) filter (where t.open_duplicate)::int as "openDuplicates", count(*) filter (where t.served)::int as "servedInSector"
    from (${targetedSql(f)}) t group by 1, 2`.execute(trx);
    return r.rows;
  });
}

const uuidv7 = sql`encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing
  substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`;

/**
 * Creates the round's entitlements in one statement: every eligible household the formula gives
 * something, assigned to a point of the round at its site, else the most precise point whose
 * area holds its place (null: any point of the round). A household already holding one is
 * left as it is. Returns how many were created.
 */
export async function insertEntitlements(db: Transaction<Database>, f: TargetFrame, formula: EntitlementFormula, hasPoints: boolean): Promise<number> {
  const { contents, any } = contentsSql(formula, sql`t.people`);
  const table = contentsTable(formula);
  const point = hasPoints
    ? sql`(select l.id from round_points rp join stock_locations l on l.id = rp.point_id
        where rp.round_id = ${f.roundId} and l.active
          and ((l.site_id is not null and l.site_id = t.site_id) or (l.site_id is null and t.pcode like l.pcode || '%'))
        order by (l.site_id is not null) desc, length(l.pcode) desc, l.code limit 1)`
    : sql`null::uuid`;
  const demographics = sql.join(DEMOGRAPHIC_COLUMNS.map((c) => sql.ref(c)));
  await withoutJit(db);
  const r = await sql`insert into entitlements (id, round_id, household_id, point_id, contents, people, score, pcode, ${demographics})
    select ${uuidv7}, ${f.roundId}::uuid, t.id, ${point}, coalesce(f.contents, ${contents}), t.people, t.score, t.pcode,
      ${sql.join(DEMOGRAPHIC_COLUMNS.map((c) => sql.ref(`t.${c}`)))}
    from (${targetedSql(f)}) t left join ${table} as f (people, contents) on f.people = t.people
    where not t.open_duplicate and not t.served and (f.people is not null or (t.people > ${TABLED_PEOPLE} and ${any}))
    on conflict (round_id, household_id) do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/** Households and people a round's entitlements are for. */
export async function roundTotals(db: Executor, roundId: string): Promise<{ households: number; people: number }> {
  const r = await sql<{ households: number; people: number }>`select count(*)::int as households, coalesce(sum(people), 0)::int as people
    from entitlements where round_id = ${roundId} and status <> 'cancelled'`.execute(db);
  return r.rows[0];
}

export interface EntitlementRecord {
  id: string; householdId: string; pcode: string;
  point: { id: string; code: string; name: string; nameAr: string | null; nameCkb: string | null } | null;
  contents: { code: string; quantity: number }[]; people: number; score: number; status: 'issued' | 'redeemed' | 'cancelled';
  redeemedAt: string | null;
}

/** A round's entitlements by area (where the household was when issued), point and status, by area then id. */
export async function listEntitlements(db: Executor, roundId: string, scope: readonly string[], f: EntitlementQuery) {
  const where = sql.join([
    sql`e.round_id = ${roundId}`,
    ...(scope.length ? [sql`(${sql.join(scope.map((p) => sql`e.pcode like ${`${p}%`}`), sql` or `)})`] : []),
    ...(f.area ? [sql`e.pcode like ${`${f.area}%`}`] : []),
    ...(f.point === 'none' ? [sql`e.point_id is null`] : f.point ? [sql`e.point_id = ${f.point}`] : []),
    ...(f.status ? [sql`e.status = ${f.status}`] : []),
  ], sql` and `);
  const [rows, count] = await Promise.all([
    sql<any>`select e.id, e.household_id, e.pcode, e.contents, e.people, e.score, e.status, l.id as point_id, l.code as point_code,
        l.name as point_name, l.name_ar as point_name_ar, l.name_ckb as point_name_ckb, x.redeemed_at
      from entitlements e left join stock_locations l on l.id = e.point_id left join redemptions x on x.entitlement_id = e.id
      where ${where} order by e.pcode, e.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from entitlements e where ${where}`.execute(db),
  ]);
  const items: EntitlementRecord[] = rows.rows.map((r) => ({
    id: r.id, householdId: r.household_id, pcode: r.pcode, contents: json(r.contents), people: r.people, score: r.score, status: r.status,
    point: r.point_id ? { id: r.point_id, code: r.point_code, name: r.point_name, nameAr: r.point_name_ar, nameCkb: r.point_name_ckb } : null, redeemedAt: r.redeemed_at ? iso(r.redeemed_at) : null,
  }));
  return { items, total: count.rows[0].n };
}
