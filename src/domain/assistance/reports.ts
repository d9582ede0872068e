import { z } from 'zod';
import { Day } from '../movement/assessments.ts';
import { EntitlementLine } from './distribution.ts';
import { SectorCode } from './programmes.ts';
import { ADULT_AGE, ELDERLY_AGE } from './vulnerability.ts';

/**
 * Assistance reports: reached against targeted (by area, programme or sector, with sex and age),
 * the distribution sheet of a point on a day, the 3W/4W table (HXL) and the dashboard summary.
 * Targeted: households holding an entitlement; reached: those whose entitlement was collected.
 * A household is counted once per row whatever the number of its entitlements there; its people
 * and their sex and age groups are those it was issued for (members not linked to another
 * family's record of the same person, their age on the round's first day).
 */
export const AGE_GROUPS = ['children', 'adults', 'elderly'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number] | 'unknown';

/** Children 0-17, adults 18-59, elderly 60+, from the birth year (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) on `day`. */
export function ageGroup(birthDate: string | null, day: string): AgeGroup {
  if (!birthDate || !/^\d{4}/.test(birthDate)) return 'unknown';
  const age = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (age < 0) return 'unknown';
  return age < ADULT_AGE ? 'children' : age < ELDERLY_AGE ? 'adults' : 'elderly';
}

/** People by sex and age group (`ageUnknown`: no birth year); they add up to `people`. */
export const SexAge = z.object({
  femaleChildren: z.number().int(), femaleAdults: z.number().int(), femaleElderly: z.number().int(),
  maleChildren: z.number().int(), maleAdults: z.number().int(), maleElderly: z.number().int(),
  ageUnknown: z.number().int(),
});
export type SexAge = z.infer<typeof SexAge>;
export const SEX_AGE_KEYS = Object.keys(SexAge.shape) as (keyof SexAge)[];

/** The sex-and-age key of one person. */
export function sexAgeKey(sex: string, group: AgeGroup): keyof SexAge {
  if (group === 'unknown') return 'ageUnknown';
  return `${sex === 'f' ? 'female' : 'male'}${group[0].toUpperCase()}${group.slice(1)}` as keyof SexAge;
}

const Counts = SexAge.extend({ households: z.number().int(), people: z.number().int() });
export type ReachCounts = z.infer<typeof Counts>;

export const REACH_DIMENSIONS = ['area', 'programme', 'sector'] as const;

/** Rounds whose period overlaps these days. */
const Period = { from: Day.optional(), to: Day.optional() };
/** What the reach report and the dashboard count: rounds of the period, of programmes of the sector. */
const PeriodAndSector = { sector: SectorCode.optional(), ...Period };
const AreaPrefix = z.string().trim().toUpperCase().regex(/^IQG\d{2}(Q\d{2}(N\d{2})?)?$/, 'pcode.invalid');

export const ReachQuery = z.object({
  by: z.enum(REACH_DIMENSIONS, 'invalid_value').default('area'),
  /** For `by=area`: governorates (1) or districts (2). */
  level: z.coerce.number().int().min(1, 'invalid_value').max(2, 'invalid_value').default(1),
  programme: z.uuid('uuid.invalid').optional(),
  area: AreaPrefix.optional(),
  ...PeriodAndSector,
});
export type ReachQuery = z.infer<typeof ReachQuery>;

/** The dashboard's filters: the reach report's period and sector. */
export const DashboardQuery = z.object(PeriodAndSector);
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const ReachRow = z.object({
  /** P-code, programme id or sector code. */
  key: z.string(),
  label: z.object({ en: z.string(), ar: z.string().nullable(), ckb: z.string().nullable() }),
  targeted: Counts, reached: Counts,
});
export const Reach = z.object({ by: z.enum(REACH_DIMENSIONS), level: z.number().int(), rows: z.array(ReachRow), totals: z.object({ targeted: Counts, reached: Counts }) });
export type Reach = z.infer<typeof Reach>;

export const SheetQuery = z.object({ point: z.uuid('uuid.invalid'), day: Day, round: z.uuid('uuid.invalid').optional() });
export type SheetQuery = z.infer<typeof SheetQuery>;

export const DistributionSheet = z.object({
  point: z.object({ id: z.uuid(), code: z.string(), name: z.string(), nameAr: z.string().nullable(), nameCkb: z.string().nullable(), pcode: z.string() }),
  /** The day (UTC) of the collections listed. */
  day: z.string(),
  rows: z.array(z.object({
    redeemedAt: z.string(), entitlementId: z.uuid(),
    household: z.object({ id: z.uuid(), registrationNumber: z.string(), headName: z.string() }),
    people: z.number().int(), contents: z.array(EntitlementLine),
    collectedBy: z.string(), collectorName: z.string().nullable(), via: z.string(),
    programme: z.object({ code: z.string(), name: z.string() }), roundNumber: z.number().int(),
  })),
  households: z.number().int(), people: z.number().int(),
  /** Everything handed out there that day, by item (cash in IQD). */
  totals: z.array(EntitlementLine),
});
export type DistributionSheet = z.infer<typeof DistributionSheet>;

/** The 3W/4W table: one row per programme, round and district, HXL-tagged. */
export const THREE_W_COLUMNS = [
  { key: 'organization', name: 'organisation', tag: '#org+impl' },
  { key: 'sector', name: 'sector', tag: '#sector' },
  { key: 'adm1', name: 'admin1_pcode', tag: '#adm1+code' },
  { key: 'adm1Name', name: 'admin1_name', tag: '#adm1+name' },
  { key: 'adm2', name: 'admin2_pcode', tag: '#adm2+code' },
  { key: 'adm2Name', name: 'admin2_name', tag: '#adm2+name' },
  { key: 'activity', name: 'activity', tag: '#activity' },
  { key: 'targetedHouseholds', name: 'targeted_households', tag: '#targeted+hh' },
  { key: 'targetedPeople', name: 'targeted_individuals', tag: '#targeted+ind' },
  { key: 'reachedHouseholds', name: 'reached_households', tag: '#reached+hh' },
  { key: 'reachedPeople', name: 'reached_individuals', tag: '#reached+ind' },
  { key: 'startsOn', name: 'start_date', tag: '#date+start' },
  { key: 'endsOn', name: 'end_date', tag: '#date+end' },
] as const;

export const ThreeWRow = z.object({
  organization: z.string(), sector: z.string(), adm1: z.string(), adm1Name: z.string(), adm2: z.string(), adm2Name: z.string(),
  activity: z.string(), targetedHouseholds: z.number().int(), targetedPeople: z.number().int(),
  reachedHouseholds: z.number().int(), reachedPeople: z.number().int(), startsOn: z.string(), endsOn: z.string(),
});
export type ThreeWRow = z.infer<typeof ThreeWRow>;

export const ThreeWQuery = z.object({ ...Period, format: z.enum(['json', 'csv'], 'invalid_value').default('csv') });
export const ThreeW = z.object({ rows: z.array(ThreeWRow) });

/** The table as text cells: a header row, the HXL hashtag row, one row per programme, round and district. */
export function threeWTable(rows: readonly ThreeWRow[]): string[][] {
  return [
    THREE_W_COLUMNS.map((c) => c.name),
    THREE_W_COLUMNS.map((c) => c.tag),
    ...rows.map((r) => THREE_W_COLUMNS.map((c) => String(r[c.key]))),
  ];
}

const Totals = z.object({
  targeted: z.object({ households: z.number().int(), people: z.number().int() }),
  reached: z.object({ households: z.number().int(), people: z.number().int() }),
  entitlements: z.number().int(), redeemed: z.number().int(),
  /** Redeemed entitlements / entitlements issued (0 when none). */
  redemptionRate: z.number(),
});

export const Dashboard = z.object({
  /** Programmes of the sector whose dates overlap the period; their rounds and entitlements of rounds in the period. */
  programmes: z.array(Totals.extend({
    id: z.uuid(), code: z.string(), name: z.string(), nameAr: z.string().nullable(), nameCkb: z.string().nullable(), sector: z.string(), status: z.string(),
    rounds: z.number().int(), roundsIssued: z.number().int(),
  })),
  sectors: z.array(Totals.extend({ sector: z.string(), programmes: z.number().int() })),
  totals: Totals,
});
export type Dashboard = z.infer<typeof Dashboard>;

/** Redeemed / issued, to three decimals. */
export const redemptionRate = (redeemed: number, entitlements: number) => (entitlements === 0 ? 0 : Math.round((redeemed / entitlements) * 1000) / 1000);
