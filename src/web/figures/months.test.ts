import { describe, expect, it } from 'vitest';
import { figureDate, monthEnd, monthIndex, monthsBetween, yearMarks } from './months.ts';

describe('the month slider', () => {
  it('has one step per month, across years', () => {
    expect(monthsBetween('2014-11', '2015-02')).toEqual(['2014-11', '2014-12', '2015-01', '2015-02']);
    expect(monthsBetween('2014-01', '2014-01')).toEqual(['2014-01']);
    expect(monthsBetween('2015-01', '2014-12')).toEqual([]);
    expect(monthsBetween('2014-01', '2025-06')).toHaveLength(138);
  });

  it('asks for a month\'s last day, or today in the month in progress', () => {
    expect(monthEnd('2016-02')).toBe('2016-02-29');
    expect(monthEnd('2014-12')).toBe('2014-12-31');
    expect(figureDate('2014-08', '2025-06-10')).toBe('2014-08-31');
    expect(figureDate('2025-06', '2025-06-10')).toBe('2025-06-10');
  });

  it('marks each January with its year', () => {
    const marks = yearMarks(monthsBetween('2014-01', '2016-03'));
    expect(marks).toEqual([{ value: 0, label: '2014' }, { value: 12, label: '2015' }, { value: 24, label: '2016' }]);
    expect(yearMarks(monthsBetween('2014-01', '2026-12'), 4).map((m) => m.label)).toEqual(['2014', '2018', '2022', '2026']);
  });

  it('finds the step of a date, and the ends for dates outside', () => {
    const months = monthsBetween('2014-01', '2015-12');
    expect(monthIndex(months, '2014-08-31')).toBe(7);
    expect(monthIndex(months, '2013-05-01')).toBe(0);
    expect(monthIndex(months, '2030-01-01')).toBe(23);
    expect(monthIndex(months, null)).toBe(23);
  });
});
