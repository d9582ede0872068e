import { describe, expect, it } from 'vitest';
import type { Reach, ReachCounts } from '#domain/assistance/reports';
import { percentReached, ratePercent, reachChartRows, reachRows, sexAgeRows } from './report-shape.ts';

const zero = { femaleChildren: 0, femaleAdults: 0, femaleElderly: 0, maleChildren: 0, maleAdults: 0, maleElderly: 0, ageUnknown: 0 };
const counts = (households: number, people: number, extra: Partial<ReachCounts> = {}): ReachCounts => ({ ...zero, households, people, ...extra });
const label = (en: string) => ({ en, ar: null, ckb: null });

describe('assistance reports', () => {
  it('gives the share reached in whole percent, none when nobody was targeted', () => {
    expect(percentReached(1, 3)).toBe(33);
    expect(percentReached(2, 3)).toBe(67);
    expect(percentReached(0, 0)).toBeNull();
    expect(ratePercent(0.667)).toBe('67%');
  });

  it('puts the rows with the most households targeted first', () => {
    const reach: Reach = {
      by: 'area', level: 1,
      rows: [
        { key: 'IQG09', label: label('Duhok'), targeted: counts(2, 9), reached: counts(1, 4) },
        { key: 'IQG11', label: label('Erbil'), targeted: counts(5, 20), reached: counts(5, 20) },
        { key: 'IQG06', label: label('Sulaymaniyah'), targeted: counts(2, 8), reached: counts(0, 0) },
      ],
      totals: { targeted: counts(9, 37), reached: counts(6, 24) },
    };
    const rows = reachRows(reach);
    expect(rows.map((r) => [r.key, r.percent])).toEqual([['IQG11', 100], ['IQG06', 0], ['IQG09', 50]]);
    expect(reachChartRows(rows, (r) => r.label.en, 2)).toEqual([{ name: 'Erbil', targeted: 5, reached: 5 }, { name: 'Sulaymaniyah', targeted: 2, reached: 0 }]);
  });

  it('splits people by age group and sex, targeted beside reached', () => {
    const targeted = { ...zero, femaleChildren: 3, maleChildren: 2, femaleAdults: 4, maleAdults: 5, maleElderly: 1 };
    const reached = { ...zero, femaleChildren: 1, maleAdults: 2 };
    expect(sexAgeRows(targeted, reached)).toEqual([
      { group: 'children', femaleTargeted: 3, maleTargeted: 2, femaleReached: 1, maleReached: 0 },
      { group: 'adults', femaleTargeted: 4, maleTargeted: 5, femaleReached: 0, maleReached: 2 },
      { group: 'elderly', femaleTargeted: 0, maleTargeted: 1, femaleReached: 0, maleReached: 0 },
    ]);
  });
});
