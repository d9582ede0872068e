import { sql, type RawBuilder } from 'kysely';
import type { FigureStay } from '#domain/movement/figures';
import type { Executor } from '../audit/store.ts';

/**
 * SQL of what registry figures count: each household's stays, and the monthly snapshots summed
 * from them. A snapshot of month M is the state at the start of M: stays that began before M and
 * had not ended by then. Months are built when figures first ask for them, then kept current by
 * every change of stays, in the same transaction.
 */

export type StoredStay = FigureStay & { householdId: string };

const STAY_COLUMNS = sql`household_id, seq, from_day::text as from_day, to_day::text as to_day, pcode, site_id, status, shelter, origin, wave, families, individuals`;

function toStay(r: any): StoredStay {
  return {
    householdId: r.household_id, seq: r.seq, fromDay: r.from_day, toDay: r.to_day, pcode: r.pcode, siteId: r.site_id,
    status: r.status, shelter: r.shelter, origin: r.origin, wave: r.wave, families: r.families, individuals: r.individuals,
  };
}

export async function staysOf(db: Executor, householdIds: readonly string[]): Promise<StoredStay[]> {
  const result: StoredStay[] = [];
  for (let i = 0; i < householdIds.length; i += 5000) {
    const ids = householdIds.slice(i, i + 5000);
    const rows = await sql`select ${STAY_COLUMNS} from household_stays where household_id in (${sql.join(ids)})`.execute(db);
    result.push(...rows.rows.map(toStay));
  }
  return result;
}

/** Replaces the stays of these households (all of them, renumbered). */
export async function replaceStays(db: Executor, householdIds: readonly string[], stays: readonly StoredStay[]) {
  for (let i = 0; i < householdIds.length; i += 5000) {
    await db.deleteFrom('household_stays').where('household_id', 'in', householdIds.slice(i, i + 5000)).execute();
  }
  for (let i = 0; i < stays.length; i += 1000) {
    await db.insertInto('household_stays').values(stays.slice(i, i + 1000).map((s) => ({
      household_id: s.householdId, seq: s.seq, from_day: s.fromDay, to_day: s.toDay, pcode: s.pcode, site_id: s.siteId,
      status: s.status, shelter: s.shelter, origin: s.origin, wave: s.wave, families: s.families, individuals: s.individuals,
    }))).execute();
  }
}

/** The two grains of the monthly sums: by district and origin (figures), by governorate (trends). */
const GRAINS = [
  { table: sql.table('figure_snapshots'), keys: sql`pcode, origin, wave, shelter, status`, place: sql`pcode, origin`,
    conflict: sql`(month, pcode, origin, wave, shelter, status)` },
  { table: sql.table('figure_month_totals'), keys: sql`governorate, wave, shelter, status`, place: sql`left(pcode, 5) as governorate`,
    conflict: sql`(month, governorate, wave, shelter, status)` },
];

/**
 * Adds stays (sign 1) and takes away stays (sign -1) from the sums of every built month they
 * cover, at both grains; sums that reach zero are removed.
 */
export async function adjustSnapshots(db: Executor, changes: readonly { stay: FigureStay; sign: 1 | -1 }[]) {
  for (let i = 0; i < changes.length; i += 1000) {
    const values = changes.slice(i, i + 1000).map(({ stay: s, sign }) => sql`(${s.fromDay}::date, ${s.toDay}::date, ${s.pcode}::text,
      ${s.origin}::text, ${s.wave}::text, ${s.shelter}::text, ${s.status}::text, ${sign * s.families}::int, ${sign * s.individuals}::int)`);
    for (const g of GRAINS) {
      const touched = await sql<{ month: string }>`insert into ${g.table} (month, ${g.keys}, families, individuals)
        select month, ${g.keys}, sum(families), sum(individuals) from (
          select m.month, ${g.place}, d.wave, d.shelter, d.status, d.families, d.individuals
          from (values ${sql.join(values)}) as d (from_day, to_day, pcode, origin, wave, shelter, status, families, individuals)
          join figure_months m on m.month > d.from_day and (d.to_day is null or d.to_day >= m.month)) c
        group by month, ${g.keys}
        on conflict ${g.conflict} do update
          set families = ${g.table}.families + excluded.families, individuals = ${g.table}.individuals + excluded.individuals
        returning month::text as month`.execute(db);
      if (touched.rows.length) {
        await sql`delete from ${g.table} where families = 0 and individuals = 0
          and month in (${sql.join([...new Set(touched.rows.map((r) => r.month))])})`.execute(db);
      }
    }
  }
}

/** Which of these months (first days) have snapshots. */
export async function builtMonths(db: Executor, months: readonly string[]): Promise<Set<string>> {
  if (months.length === 0) return new Set();
  const rows = await sql<{ month: string }>`select month::text as month from figure_months where month in (${sql.join(months)})`.execute(db);
  return new Set(rows.rows.map((r) => r.month));
}

/**
 * Builds the snapshots of months not built yet, from the stays, while no stay changes: the lock
 * waits for transactions writing stays to finish and holds new ones until this one commits, so a
 * change is either in the build or applied to the built month afterwards, never lost or doubled.
 */
export async function buildMonths(db: Executor, months: readonly string[]) {
  await sql`lock table household_stays in share row exclusive mode`.execute(db);
  const already = await builtMonths(db, months);
  const todo = months.filter((m) => !already.has(m));
  if (todo.length === 0) return;
  await sql`insert into figure_months (month) values ${sql.join(todo.map((m) => sql`(${m}::date)`))}`.execute(db);
  for (const g of GRAINS) {
    await sql`insert into ${g.table} (month, ${g.keys}, families, individuals)
      select month, ${g.keys}, sum(families), sum(individuals) from (
        select m.month, ${g.place}, s.wave, s.shelter, s.status, s.families, s.individuals
        from household_stays s join figure_months m on m.month > s.from_day and (s.to_day is null or s.to_day >= m.month)
        where m.month in (${sql.join(todo.map((m) => sql`${m}::date`))})) c
      group by month, ${g.keys}`.execute(db);
  }
}

/** Forgets every snapshot (after the waves changed, say): months are rebuilt when next asked for. */
export async function dropSnapshots(db: Executor) {
  await sql`delete from figure_months`.execute(db);
}

export interface FigureFilter { wave?: string; shelter?: string; area?: string }

function filters(f: FigureFilter, alias: string): RawBuilder<unknown> {
  const c = [sql`true`];
  if (f.wave) c.push(sql`${sql.ref(`${alias}.wave`)} = ${f.wave}`);
  if (f.shelter) c.push(sql`${sql.ref(`${alias}.shelter`)} = ${f.shelter}`);
  if (f.area) c.push(sql`${sql.ref(`${alias}.pcode`)} like ${`${f.area}%`}`);
  return sql.join(c, sql` and `);
}

/**
 * The stays counted on `day` as signed parts: the snapshot of its month, plus stays that began in
 * the month up to that day, minus those that ended in it by then.
 */
export function partsOn(month: string, day: string, f: FigureFilter) {
  return sql`select s.pcode, s.origin, s.status, s.families, s.individuals from figure_snapshots s where s.month = ${month}::date and ${filters(f, 's')}
    union all
    select s.pcode, s.origin, s.status, s.families, s.individuals from household_stays s
      where s.from_day >= ${month}::date and s.from_day <= ${day}::date and ${filters(f, 's')}
    union all
    select s.pcode, s.origin, s.status, -s.families, -s.individuals from household_stays s
      where s.to_day >= ${month}::date and s.to_day <= ${day}::date and ${filters(f, 's')}`;
}

export interface AreaCount { pcode: string; status: string; families: number; individuals: number }

/** Families and people on `day` by area (P-code cut to `length` characters) and status. */
export async function countsByArea(db: Executor, month: string, day: string, length: number, f: FigureFilter): Promise<AreaCount[]> {
  const rows = await sql<AreaCount>`select left(p.pcode, ${length}) as pcode, p.status,
      sum(p.families)::int as families, sum(p.individuals)::int as individuals
    from (${partsOn(month, day, f)}) p group by 1, 2`.execute(db);
  return rows.rows.filter((r) => r.families !== 0 || r.individuals !== 0);
}

/** Displaced families and people on `day` by governorate of origin and governorate now. */
export async function countsByOrigin(db: Executor, month: string, day: string, f: FigureFilter) {
  const rows = await sql<{ origin: string; current: string; families: number; individuals: number }>`
    select p.origin, left(p.pcode, 5) as current, sum(p.families)::int as families, sum(p.individuals)::int as individuals
    from (${partsOn(month, day, f)}) p where p.status = 'displaced' group by 1, 2`.execute(db);
  return rows.rows.filter((r) => r.families !== 0);
}

/**
 * Totals by status at the start of each of these (built) months: from the sums by governorate,
 * unless the area asked for is a district.
 */
export async function totalsByMonth(db: Executor, months: readonly string[], f: FigureFilter) {
  if (months.length === 0) return [];
  const byDistrict = (f.area?.length ?? 0) > 5;
  const where = byDistrict ? filters(f, 's') : filters({ ...f, area: undefined }, 's');
  const area = !byDistrict && f.area ? sql` and s.governorate = ${f.area}` : sql``;
  const rows = await sql<{ month: string; status: string; families: number; individuals: number }>`
    select s.month::text as month, s.status, sum(s.families)::int as families, sum(s.individuals)::int as individuals
    from ${byDistrict ? sql.table('figure_snapshots') : sql.table('figure_month_totals')} s
    where s.month in (${sql.join(months.map((m) => sql`${m}::date`))}) and ${where}${area}
    group by 1, 2`.execute(db);
  return rows.rows;
}

/** Families and people the registry has at each of these sites now (their current stays). */
export async function siteCounts(db: Executor, siteIds: readonly string[]) {
  if (siteIds.length === 0) return new Map<string, { families: number; individuals: number }>();
  const rows = await sql<{ site_id: string; families: number; individuals: number }>`
    select site_id, sum(families)::int as families, sum(individuals)::int as individuals from household_stays
    where to_day is null and site_id in (${sql.join(siteIds)}) and status = 'displaced' group by site_id`.execute(db);
  return new Map(rows.rows.map((r) => [r.site_id, { families: r.families, individuals: r.individuals }]));
}
