import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../audit/store.ts';
import { iso, json } from './programme-store.ts';
import { DEMOGRAPHIC_COLUMNS } from './targeting-sql.ts';

/**
 * Read-only reporting SQL over entitlements and their redemptions (redemptions are written by
 * the distribution capability; a redemption row is what "reached" means). Households merged
 * since are counted as the household they were merged into, so a family served under two
 * registrations counts once.
 */

export interface ReportFilter {
  organizationId: string; scope: readonly string[];
  programme?: string; sector?: string; area?: string; from?: string; to?: string;
}

export type ReachKey = 'area1' | 'area2' | 'programme' | 'sector' | 'all';
const KEYS: Record<ReachKey, RawBuilder<unknown>> = {
  area1: sql`left(e.pcode, 5)`, area2: sql`left(e.pcode, 8)`, programme: sql`p.id::text`, sector: sql`p.sector_code`, all: sql`''`,
};

const likeAny = (column: RawBuilder<unknown>, prefixes: readonly string[]) => sql`(${sql.join(prefixes.map((p) => sql`${column} like ${`${p}%`}`), sql` or `)})`;

function conditions(f: ReportFilter): RawBuilder<unknown> {
  return sql.join([
    sql`p.organization_id = ${f.organizationId}`, sql`e.status <> 'cancelled'`,
    ...(f.scope.length ? [likeAny(sql`e.pcode`, f.scope)] : []),
    ...(f.programme ? [sql`p.id = ${f.programme}`] : []),
    ...(f.sector ? [sql`p.sector_code = ${f.sector}`] : []),
    ...(f.area ? [sql`e.pcode like ${`${f.area}%`}`] : []),
    ...(f.from ? [sql`r.ends_on >= ${f.from}::date`] : []),
    ...(f.to ? [sql`r.starts_on <= ${f.to}::date`] : []),
  ], sql` and `);
}

const camel = (c: string) => c.replace(/_([a-z])/g, (_, l: string) => l.toUpperCase());

export type CountRow = Record<string, number> & { households: number; people: number };
export interface ReachRowRecord { key: string; targeted: CountRow; reached: CountRow }

/**
 * Households and people targeted and reached, grouped by `key`: each household once per group
 * (its entitlement there that was collected, else its latest), people by sex and age group.
 */
export async function reach(db: Executor, f: ReportFilter, key: ReachKey): Promise<ReachRowRecord[]> {
  const columns = ['people', ...DEMOGRAPHIC_COLUMNS];
  const sums = sql.join(columns.flatMap((c) => [
    sql`coalesce(sum(${sql.ref(c)}), 0)::int as ${sql.ref(`t_${c}`)}`,
    sql`coalesce(sum(${sql.ref(c)}) filter (where reached), 0)::int as ${sql.ref(`r_${c}`)}`,
  ]));
  const r = await sql<any>`with issued as (
      select ${KEYS[key]} as k, coalesce(h.merged_into, e.household_id) as hh, e.created_at, ${sql.join(columns.map((c) => sql.ref(`e.${c}`)))},
        exists (select 1 from redemptions x where x.entitlement_id = e.id) as reached
      from entitlements e join distribution_rounds r on r.id = e.round_id join programmes p on p.id = r.programme_id
        join households h on h.id = e.household_id
      where ${conditions(f)}
    ), one as (
      select distinct on (k, hh) k, ${sql.join(columns.map((c) => sql.ref(c)))}, bool_or(reached) over (partition by k, hh) as reached
      from issued order by k, hh, reached desc, created_at desc
    )
    select k, count(*)::int as t_households, (count(*) filter (where reached))::int as r_households, ${sums}
    from one group by k order by k`.execute(db);
  return r.rows.map((row) => {
    const side = (prefix: string) => Object.fromEntries([['households', row[`${prefix}households`]], ...columns.map((c) => [camel(c), row[`${prefix}${c}`]])]) as CountRow;
    return { key: row.k, targeted: side('t_'), reached: side('r_') };
  });
}

export interface ThreeWRecord {
  organization: string; sector: string; programmeName: string; roundNumber: number; roundName: string | null;
  startsOn: string; endsOn: string; district: string;
  targetedHouseholds: number; targetedPeople: number; reachedHouseholds: number; reachedPeople: number;
}

/** Targeted and reached per programme, round and district (where households were when issued). */
export async function threeW(db: Executor, f: ReportFilter): Promise<ThreeWRecord[]> {
  const r = await sql<any>`select o.code as organization, s.name_en as sector, p.name as programme_name, r.number, r.name as round_name,
      r.starts_on::text as starts_on, r.ends_on::text as ends_on, left(e.pcode, 8) as district,
      count(*)::int as targeted_households, sum(e.people)::int as targeted_people,
      count(x.id)::int as reached_households, coalesce(sum(e.people) filter (where x.id is not null), 0)::int as reached_people
    from entitlements e join distribution_rounds r on r.id = e.round_id join programmes p on p.id = r.programme_id
      join organizations o on o.id = p.organization_id join sectors s on s.code = p.sector_code
      left join redemptions x on x.entitlement_id = e.id
    where ${conditions(f)}
    group by o.code, s.name_en, p.id, p.code, p.name, r.id, r.number, r.name, r.starts_on, r.ends_on, left(e.pcode, 8)
    order by p.code, r.number, district`.execute(db);
  return r.rows.map((x) => ({
    organization: x.organization, sector: x.sector, programmeName: x.programme_name, roundNumber: x.number, roundName: x.round_name,
    startsOn: x.starts_on, endsOn: x.ends_on, district: x.district, targetedHouseholds: x.targeted_households, targetedPeople: x.targeted_people,
    reachedHouseholds: x.reached_households, reachedPeople: x.reached_people,
  }));
}

export interface ProgrammeTally {
  id: string; code: string; name: string; nameAr: string | null; nameCkb: string | null; sector: string; status: string;
  rounds: number; roundsIssued: number; entitlements: number; redeemed: number;
}

/**
 * Per programme of the organisation (of the sector, its dates overlapping the period): its rounds
 * in the period, the entitlements they issued (inside the scope) and how many were collected.
 */
export async function programmeTallies(db: Executor, f: ReportFilter): Promise<ProgrammeTally[]> {
  const scope = f.scope.length ? likeAny(sql`e.pcode`, f.scope) : sql`true`;
  const inPeriod = sql.join([
    sql`r.programme_id = p.id`,
    ...(f.from ? [sql`r.ends_on >= ${f.from}::date`] : []),
    ...(f.to ? [sql`r.starts_on <= ${f.to}::date`] : []),
  ], sql` and `);
  const programmes = sql.join([
    sql`p.organization_id = ${f.organizationId}`,
    ...(f.sector ? [sql`p.sector_code = ${f.sector}`] : []),
    ...(f.from ? [sql`(p.ends_on is null or p.ends_on >= ${f.from}::date)`] : []),
    ...(f.to ? [sql`p.starts_on <= ${f.to}::date`] : []),
  ], sql` and `);
  const r = await sql<any>`select p.id, p.code, p.name, p.name_ar, p.name_ckb, p.sector_code, p.status,
      (select count(*) from distribution_rounds r where ${inPeriod})::int as rounds,
      (select count(*) from distribution_rounds r where ${inPeriod} and r.status in ('issued', 'closed'))::int as rounds_issued,
      coalesce(t.entitlements, 0)::int as entitlements, coalesce(t.redeemed, 0)::int as redeemed
    from programmes p left join lateral (
      select count(*) as entitlements, count(x.id) as redeemed
      from entitlements e join distribution_rounds r on r.id = e.round_id left join redemptions x on x.entitlement_id = e.id
      where ${inPeriod} and e.status <> 'cancelled' and ${scope}) t on true
    where ${programmes} order by p.starts_on desc, p.code`.execute(db);
  return r.rows.map((x) => ({
    id: x.id, code: x.code, name: x.name, nameAr: x.name_ar, nameCkb: x.name_ckb, sector: x.sector_code, status: x.status,
    rounds: x.rounds, roundsIssued: x.rounds_issued, entitlements: x.entitlements, redeemed: x.redeemed,
  }));
}

/** Codes and names of these programmes of the organisation. */
export async function programmeNames(db: Executor, organizationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('programmes').select(['id', 'code', 'name', 'name_ar', 'name_ckb'])
    .where('organization_id', '=', organizationId).where('id', 'in', ids).execute();
}

export interface SheetRecord {
  redeemedAt: string; entitlementId: string; householdId: string; people: number; contents: { code: string; quantity: number }[];
  collectedBy: string; collectorName: string | null; via: string; programmeCode: string; programmeName: string; roundNumber: number;
}

/** What was collected at a point on a day (UTC), of the organisation's programmes, in the order it was handed out. */
export async function collections(db: Executor, organizationId: string, pointId: string, day: string, roundId?: string): Promise<SheetRecord[]> {
  const r = await sql<any>`select x.redeemed_at, e.id, e.household_id, e.people, e.contents, x.collected_by, x.collector_name, x.via,
      p.code as programme_code, p.name as programme_name, r.number
    from redemptions x join entitlements e on e.id = x.entitlement_id join distribution_rounds r on r.id = e.round_id
      join programmes p on p.id = r.programme_id
    where x.point_id = ${pointId} and p.organization_id = ${organizationId} ${roundId ? sql`and r.id = ${roundId}` : sql``}
      and x.redeemed_at >= (${day}::date)::timestamp at time zone 'UTC' and x.redeemed_at < (${day}::date + 1)::timestamp at time zone 'UTC'
    order by x.redeemed_at, e.id`.execute(db);
  return r.rows.map((x) => ({
    redeemedAt: iso(x.redeemed_at), entitlementId: x.id, householdId: x.household_id, people: x.people, contents: json(x.contents),
    collectedBy: x.collected_by, collectorName: x.collector_name, via: x.via, programmeCode: x.programme_code, programmeName: x.programme_name,
    roundNumber: x.number,
  }));
}

/** A distribution point (the stock capability's table, read-only: the sheet names it). */
export async function pointOf(db: Executor, id: string) {
  return db.selectFrom('stock_locations').select(['id', 'code', 'name', 'name_ar', 'name_ckb', 'pcode', 'organization_id', 'kind'])
    .where('id', '=', id).executeTakeFirst();
}
