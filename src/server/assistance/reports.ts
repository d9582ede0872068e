import { stringify } from 'csv-stringify/sync';
import { inScope } from '#domain/places/pcode';
import { guardCell } from '#domain/registry/csv-format';
import {
  redemptionRate, threeWTable, type Dashboard, type DashboardQuery, type DistributionSheet, type Reach, type ReachCounts, type ReachQuery, type SheetQuery, type ThreeWRow,
} from '#domain/assistance/reports';
import type { Actor, Ctx } from '../context.ts';
import { notFound } from '../http/problem.ts';
import { requirePermission } from '../identity/policy.ts';
import { areaNames, reference } from '../places/service.ts';
import { entitledHouseholds } from '../registry/entitled.ts';
import { assertCanRead } from './policy.ts';
import * as store from './reports-store.ts';

const filterOf = (actor: Actor, q: Partial<ReachQuery> = {}): store.ReportFilter => ({
  organizationId: actor.organizationId, scope: actor.scope, programme: q.programme, sector: q.sector, area: q.area, from: q.from, to: q.to,
});

const ZERO = { households: 0, people: 0, femaleChildren: 0, femaleAdults: 0, femaleElderly: 0, maleChildren: 0, maleAdults: 0, maleElderly: 0, ageUnknown: 0 };

/**
 * Reached against targeted for the actor's organisation (inside the actor's scope), by
 * governorate or district (where households were when issued), programme or sector, with people
 * by sex and age group; each household once per row and once in the totals.
 */
export async function reachReport(ctx: Ctx, actor: Actor, q: ReachQuery): Promise<Reach> {
  assertCanRead(actor);
  const db = ctx.db.kysely;
  const key = q.by === 'area' ? (q.level === 2 ? 'area2' : 'area1') : q.by;
  const [rows, [totals]] = await Promise.all([store.reach(db, filterOf(actor, q), key), store.reach(db, filterOf(actor, q), 'all')]);
  const labels = await labelsFor(ctx, actor, q.by, rows.map((r) => r.key));
  return {
    by: q.by, level: q.level,
    rows: rows.map((r) => ({ key: r.key, label: labels.get(r.key) ?? { en: r.key, ar: null, ckb: null }, targeted: r.targeted as ReachCounts, reached: r.reached as ReachCounts })),
    totals: { targeted: (totals?.targeted ?? ZERO) as ReachCounts, reached: (totals?.reached ?? ZERO) as ReachCounts },
  };
}

type Label = { en: string; ar: string | null; ckb: string | null };

async function labelsFor(ctx: Ctx, actor: Actor, by: ReachQuery['by'], keys: string[]): Promise<Map<string, Label>> {
  if (by === 'area') {
    const names = await areaNames(ctx.db.kysely, keys);
    return new Map([...names].map(([k, a]) => [k, { en: a.nameEn, ar: a.nameAr, ckb: a.nameCkb }]));
  }
  if (by === 'sector') return new Map((await reference(ctx)).sectors.map((s) => [s.code, s.labels]));
  const programmes = await store.programmeNames(ctx.db.kysely, actor.organizationId, keys);
  return new Map(programmes.map((p) => [p.id, { en: `${p.code}: ${p.name}`, ar: p.name_ar && `${p.code}: ${p.name_ar}`, ckb: p.name_ckb && `${p.code}: ${p.name_ckb}` }]));
}

/**
 * Who collected what at a point on a day (UTC), for printing: the point must be one of the
 * actor's organisation inside the actor's scope; names need `households.read` too.
 */
export async function distributionSheet(ctx: Ctx, actor: Actor, q: SheetQuery): Promise<DistributionSheet> {
  assertCanRead(actor);
  requirePermission(actor, 'households.read');
  const db = ctx.db.kysely;
  const point = await store.pointOf(db, q.point);
  if (!point || point.organization_id !== actor.organizationId || !inScope(point.pcode, actor.scope)) throw notFound();
  const rows = await store.collections(db, actor.organizationId, point.id, q.day, q.round);
  const households = await entitledHouseholds(db, rows.map((r) => r.householdId));
  const totals = new Map<string, number>();
  for (const r of rows) for (const l of r.contents) totals.set(l.code, (totals.get(l.code) ?? 0) + l.quantity);
  return {
    point: { id: point.id, code: point.code, name: point.name, nameAr: point.name_ar, nameCkb: point.name_ckb, pcode: point.pcode },
    day: q.day,
    rows: rows.map((r) => {
      const h = households.get(r.householdId);
      return {
        redeemedAt: r.redeemedAt, entitlementId: r.entitlementId, people: r.people, contents: r.contents,
        household: { id: r.householdId, registrationNumber: h?.registrationNumber ?? '', headName: h?.headName ?? '' },
        collectedBy: r.collectedBy, collectorName: r.collectorName, via: r.via,
        programme: { code: r.programmeCode, name: r.programmeName }, roundNumber: r.roundNumber,
      };
    }),
    households: rows.length, people: rows.reduce((s, r) => s + r.people, 0),
    totals: [...totals].map(([code, quantity]) => ({ code, quantity })),
  };
}

/** The 3W/4W rows of the actor's organisation: one per programme, round and district. */
export async function threeWRows(ctx: Ctx, actor: Actor, q: { from?: string; to?: string }): Promise<ThreeWRow[]> {
  assertCanRead(actor);
  const records = await store.threeW(ctx.db.kysely, filterOf(actor, q));
  const names = await areaNames(ctx.db.kysely, [...new Set(records.flatMap((r) => [r.district.slice(0, 5), r.district]))]);
  return records.map((r) => ({
    organization: r.organization, sector: r.sector, adm1: r.district.slice(0, 5), adm1Name: names.get(r.district.slice(0, 5))?.nameEn ?? '',
    adm2: r.district.length === 8 ? r.district : '', adm2Name: r.district.length === 8 ? names.get(r.district)?.nameEn ?? '' : '',
    activity: `${r.programmeName}, round ${r.roundNumber}${r.roundName ? ` (${r.roundName})` : ''}`,
    targetedHouseholds: r.targetedHouseholds, targetedPeople: r.targetedPeople, reachedHouseholds: r.reachedHouseholds, reachedPeople: r.reachedPeople,
    startsOn: r.startsOn, endsOn: r.endsOn,
  }));
}

/** The 3W/4W table as HXL-tagged CSV (header row, hashtag row, data), every cell guarded against formulas. */
export function threeWCsv(rows: readonly ThreeWRow[]): string {
  return stringify(threeWTable(rows).map((r) => r.map(guardCell)), { bom: true });
}

/**
 * The dashboard: per programme its rounds, households and people targeted and reached, and the
 * redemption rate (collected / issued entitlements); the same per sector and in all. The period
 * and sector choose the rounds as they do for the reach report.
 */
export async function assistanceDashboard(ctx: Ctx, actor: Actor, q: DashboardQuery = {}): Promise<Dashboard> {
  assertCanRead(actor);
  const db = ctx.db.kysely;
  const f = filterOf(actor, q);
  const [tallies, byProgramme, bySector, [all]] = await Promise.all([
    store.programmeTallies(db, f), store.reach(db, f, 'programme'), store.reach(db, f, 'sector'), store.reach(db, f, 'all'),
  ]);
  const pair = (r?: store.ReachRowRecord) => ({
    targeted: { households: r?.targeted.households ?? 0, people: r?.targeted.people ?? 0 },
    reached: { households: r?.reached.households ?? 0, people: r?.reached.people ?? 0 },
  });
  const counts = (ts: store.ProgrammeTally[]) => {
    const entitlements = ts.reduce((s, t) => s + t.entitlements, 0);
    const redeemed = ts.reduce((s, t) => s + t.redeemed, 0);
    return { entitlements, redeemed, redemptionRate: redemptionRate(redeemed, entitlements) };
  };
  const sectors = [...new Set(tallies.map((t) => t.sector))].sort();
  return {
    programmes: tallies.map((t) => ({
      id: t.id, code: t.code, name: t.name, nameAr: t.nameAr, nameCkb: t.nameCkb, sector: t.sector, status: t.status, rounds: t.rounds, roundsIssued: t.roundsIssued,
      ...pair(byProgramme.find((r) => r.key === t.id)), ...counts([t]),
    })),
    sectors: sectors.map((s) => {
      const of = tallies.filter((t) => t.sector === s);
      return { sector: s, programmes: of.length, ...pair(bySector.find((r) => r.key === s)), ...counts(of) };
    }),
    totals: { ...pair(all), ...counts(tallies) },
  };
}
