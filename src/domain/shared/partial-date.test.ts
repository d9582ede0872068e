import { describe, expect, it } from 'vitest';
import { earliestDay, isNotFuture, parsePartialDate } from './partial-date.ts';

describe('parsePartialDate', () => {
  it.each([
    ['1975', 'year'], ['2014-06', 'month'], ['2014-07-15', 'day'], ['2016-02-29', 'day'], ['١٩٧٥', 'year'],
  ] as const)('keeps %s at %s precision', (raw, precision) => {
    expect(parsePartialDate(raw)?.precision).toBe(precision);
  });

  it('keeps the value as given, not padded', () => {
    expect(parsePartialDate('1975')?.value).toBe('1975');
    expect(parsePartialDate('٢٠١٤-٠٦')?.value).toBe('2014-06');
  });

  it.each(['75', '2014-13', '2014-00', '2015-02-29', '2014-06-31', '1800', '2014/06/01', '06-2014', ''])('refuses %s', (raw) => {
    expect(parsePartialDate(raw)).toBeNull();
  });

  it('compares the earliest day a partial date can mean with today', () => {
    expect(earliestDay('2014-06')).toBe('2014-06-01');
    expect(isNotFuture('2026', '2026-01-01')).toBe(true);
    expect(isNotFuture('2026-02', '2026-01-31')).toBe(false);
  });
});
