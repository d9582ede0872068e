import type { Reach, ReachCounts, SexAge } from '#domain/assistance/reports';

/**
 * Shaping the assistance reports for the page: the share reached, the rows of the charts, and the
 * sex-and-age groups (children 0-17, adults 18-59, elderly 60+ by sex).
 */
export const SEX_AGE_GROUPS = ['children', 'adults', 'elderly'] as const;
export type SexAgeGroup = (typeof SEX_AGE_GROUPS)[number];

/** Reached as a share of targeted, in whole percent; null when nobody was targeted. */
export function percentReached(reached: number, targeted: number): number | null {
  return targeted > 0 ? Math.round((reached / targeted) * 100) : null;
}

const key = (sex: 'female' | 'male', group: SexAgeGroup) => `${sex}${group[0].toUpperCase()}${group.slice(1)}` as keyof SexAge;

export interface SexAgeRow {
  group: SexAgeGroup;
  femaleTargeted: number;
  maleTargeted: number;
  femaleReached: number;
  maleReached: number;
}

/** People targeted and reached by age group and sex (one row per age group), for the sex-and-age chart. */
export function sexAgeRows(targeted: SexAge, reached: SexAge): SexAgeRow[] {
  return SEX_AGE_GROUPS.map((group) => ({
    group,
    femaleTargeted: targeted[key('female', group)], maleTargeted: targeted[key('male', group)],
    femaleReached: reached[key('female', group)], maleReached: reached[key('male', group)],
  }));
}

export interface ReachRowView {
  key: string;
  label: Reach['rows'][number]['label'];
  targeted: ReachCounts;
  reached: ReachCounts;
  percent: number | null;
}

/** Rows with the most households targeted first (then by key, so the order is stable), each with its share reached. */
export function reachRows(reach: Reach): ReachRowView[] {
  return [...reach.rows]
    .sort((a, b) => b.targeted.households - a.targeted.households || a.key.localeCompare(b.key))
    .map((r) => ({ ...r, percent: percentReached(r.reached.households, r.targeted.households) }));
}

/** The chart's rows: the largest `limit` rows, targeted and reached households each. */
export function reachChartRows(rows: readonly ReachRowView[], name: (r: ReachRowView) => string, limit = 12) {
  return rows.slice(0, limit).map((r) => ({ name: name(r), targeted: r.targeted.households, reached: r.reached.households }));
}

/** The redemption rate (0..1) as whole percent text. */
export const ratePercent = (rate: number) => `${Math.round(rate * 100)}%`;
