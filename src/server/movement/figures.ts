import { stringify } from 'csv-stringify/sync';
import {
  FIGURE_COLUMNS, type FigureRow, type Figures, type FiguresQuery, type Origins, type Trends, type TrendsQuery,
} from '#domain/movement/figures';
import type { Actor, Ctx } from '../context.ts';
import { requirePermission } from '../identity/policy.ts';
import { assessmentFigures, assessmentOrigins, assessmentTrends } from '../assessments/figures.ts';
import { areaNames } from '../places/service.ts';
import { inTransaction } from '../shared/tx.ts';
import * as stays from './stays-store.ts';

/**
 * The displacement picture: figures by governorate or district on a day, trends, and where the
 * displaced come from, from the registry or from location assessments: two sources side by side,
 * never added together. Aggregates only: anyone with `figures.read`.
 */

const today = () => new Date().toISOString().slice(0, 10);
const monthOf = (day: string) => `${day.slice(0, 7)}-01`;
/** The first day of the month `n` months after (or before) the one starting on `month`. */
const addMonths = (month: string, n: number) => {
  const d = new Date(`${month}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
};
const nextMonth = (month: string) => addMonths(month, 1);
/** The last day of the month that starts on `month`. */
const monthEnd = (month: string) => new Date(Date.parse(`${nextMonth(month)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** At most this many months in a trend (five years), so that one request builds a bounded number of snapshots. */
export const MAX_TREND_MONTHS = 60;

/** Builds the snapshots of these months that figures have never asked for (once each). */
async function ensureMonths(ctx: Ctx, months: readonly string[]) {
  const built = await stays.builtMonths(ctx.db.kysely, months);
  const missing = months.filter((m) => !built.has(m));
  if (missing.length) await inTransaction(ctx, (trx) => stays.buildMonths(trx, missing));
}

type Counts = Omit<FigureRow, 'pcode' | 'name' | 'nameAr' | 'nameCkb'>;
const zero = (): Counts => ({ families: 0, individuals: 0, returneeFamilies: 0, returnees: 0, estimated: false });

/** Registry counts by area and status as figure rows (abroad counted apart). */
function registryRows(counts: stays.AreaCount[]): { rows: Map<string, Counts>; abroad: number } {
  const rows = new Map<string, Counts>();
  let abroad = 0;
  for (const c of counts) {
    if (c.status === 'abroad') { abroad += c.families; continue; }
    const row = rows.get(c.pcode) ?? zero();
    if (c.status === 'displaced') { row.families += c.families; row.individuals += c.individuals; }
    if (c.status === 'returned') { row.returneeFamilies += c.families; row.returnees += c.individuals; }
    rows.set(c.pcode, row);
  }
  return { rows, abroad };
}

async function withNames(ctx: Ctx, rows: Map<string, Counts>): Promise<FigureRow[]> {
  const names = await areaNames(ctx.db.kysely, [...rows.keys()]);
  return [...rows].sort(([a], [b]) => a.localeCompare(b)).map(([pcode, c]) => {
    const n = names.get(pcode);
    return { pcode, name: n?.nameEn ?? pcode, nameAr: n?.nameAr ?? null, nameCkb: n?.nameCkb ?? null, ...c };
  });
}

function totalsOf(rows: readonly Counts[]) {
  return rows.reduce((t, r) => ({
    families: t.families + r.families, individuals: t.individuals + r.individuals, returneeFamilies: t.returneeFamilies + r.returneeFamilies,
    returnees: t.returnees + r.returnees, estimated: t.estimated || r.estimated,
  }), zero());
}

/**
 * Displaced families and people, and returnees, by governorate (level 1) or district (level 2)
 * on a day (today by default). Registry: each registered family where its timeline had it that
 * day, merged families once, a person linked to another family's record once. Assessments: the
 * latest round closed with a reporting date on or before that day.
 */
export async function displacementFigures(ctx: Ctx, actor: Actor, q: FiguresQuery): Promise<Figures> {
  requirePermission(actor, 'figures.read');
  const date = q.date ?? today();
  const filter = { wave: q.wave, shelter: q.shelter, area: q.area };
  if (q.source === 'assessments') {
    const result = await assessmentFigures(ctx, { level: q.level as 1 | 2, date, ...filter });
    const rows = await withNames(ctx, new Map(result.rows.map(({ pcode, ...c }) => [pcode, c])));
    return { source: q.source, level: q.level, date, round: result.round, rows, totals: { ...totalsOf(rows), abroadFamilies: 0 } };
  }
  const month = monthOf(date);
  await ensureMonths(ctx, [month]);
  const counts = await stays.countsByArea(ctx.db.kysely, month, date, q.level === 1 ? 5 : 8, filter);
  const { rows, abroad } = registryRows(counts);
  const named = await withNames(ctx, rows);
  return { source: q.source, level: q.level, date, round: null, rows: named, totals: { ...totalsOf(named), abroadFamilies: abroad } };
}

/** The figures as an HXL-tagged CSV table: a header row, a hashtag row, one row per area. */
export function figuresCsv(f: Figures): string {
  const cell = (r: FigureRow, key: (typeof FIGURE_COLUMNS)[number]['key']) =>
    (key === 'date' ? f.date : key === 'source' ? f.source : key === 'estimated' ? (r.estimated ? 'yes' : 'no') : String(r[key] ?? ''));
  return stringify([
    FIGURE_COLUMNS.map((c) => c.name),
    FIGURE_COLUMNS.map((c) => c.tag(f.level)),
    ...f.rows.map((r) => FIGURE_COLUMNS.map((c) => cell(r, c.key))),
  ]);
}

/** The months of a trend: from (its month) to to (its month), at most MAX_TREND_MONTHS, the latest kept. */
function trendMonths(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = monthOf(to); m >= monthOf(from) && months.length < MAX_TREND_MONTHS; m = addMonths(m, -1)) months.unshift(m);
  return months;
}

/**
 * Totals over time: the registry at the end of each month (today for the current one), or each
 * closed round of assessments; for the whole country or inside one area.
 */
export async function displacementTrends(ctx: Ctx, actor: Actor, q: TrendsQuery): Promise<Trends> {
  requirePermission(actor, 'figures.read');
  const to = q.to ?? today();
  // Two years of months by default.
  const from = q.from ?? addMonths(monthOf(to), -23);
  const filter = { wave: q.wave, shelter: q.shelter, area: q.area };
  if (q.source === 'assessments') {
    const points = await assessmentTrends(ctx, { ...filter, from, to });
    return { source: q.source, area: q.area ?? null, points };
  }
  const months = trendMonths(from, to);
  const current = monthOf(today());
  const ends = months.filter((m) => m < current).map(nextMonth);
  await ensureMonths(ctx, [...ends, ...(months.includes(current) ? [current] : [])]);
  const byMonth = new Map<string, Counts>();
  for (const r of await stays.totalsByMonth(ctx.db.kysely, ends, filter)) {
    const total = byMonth.get(r.month) ?? zero();
    if (r.status === 'displaced') { total.families += r.families; total.individuals += r.individuals; }
    if (r.status === 'returned') { total.returneeFamilies += r.families; total.returnees += r.individuals; }
    byMonth.set(r.month, total);
  }
  const points = months.map((m) => (m < current
    ? { date: monthEnd(m), round: null, ...(byMonth.get(nextMonth(m)) ?? zero()) }
    : null));
  if (months.includes(current)) {
    const counts = await stays.countsByArea(ctx.db.kysely, current, to, 5, filter);
    points[points.length - 1] = { date: to, round: null, ...totalsOf([...registryRows(counts).rows.values()]) };
  }
  return { source: q.source, area: q.area ?? null, points: points.filter((p): p is NonNullable<typeof p> => p !== null) };
}

/** Displaced families by governorate of origin and the governorate they are in on a day. */
export async function displacementOrigins(ctx: Ctx, actor: Actor, q: Pick<FiguresQuery, 'date' | 'source' | 'wave' | 'shelter'>): Promise<Origins> {
  requirePermission(actor, 'figures.read');
  const date = q.date ?? today();
  if (q.source === 'assessments') {
    const result = await assessmentOrigins(ctx, { date, wave: q.wave, shelter: q.shelter });
    return { source: q.source, date, round: result.round, items: result.items };
  }
  const month = monthOf(date);
  await ensureMonths(ctx, [month]);
  const rows = await stays.countsByOrigin(ctx.db.kysely, month, date, { wave: q.wave, shelter: q.shelter });
  const items = rows.map((r) => ({ ...r, estimated: false })).sort((a, b) => b.families - a.families);
  return { source: q.source, date, round: null, items };
}
