import { describe, expect, it } from 'vitest';
import { compareDates, isDefaultDate, prepareDate } from './dates.ts';

const level = (a: string | null, b: string | null) => compareDates(prepareDate(a), prepareDate(b));

describe('compareDates', () => {
  it.each([
    ['1975-03-04', '1975-03-04', 'exact'],
    ['1975', '1975', 'exact'],
    ['1975-06', '1975-06', 'exact'],
    ['1975', '1975-06-03', 'close'],
    ['1975-06', '1975-06-03', 'close'],
    ['1975-06', '1975', 'close'],
    ['1975-01-01', '1975-09-14', 'close'],
    ['1975-07-01', '1975-09-14', 'close'],
    ['1975-03-04', '1975-04-03', 'close'],
    ['1975-03-04', '1976-03-04', 'close'],
    ['1975', '1974', 'close'],
    ['1975-01-01', '1976-05-20', 'close'],
    ['1975-06', '1974-06-11', 'close'],
    ['1975-03-04', '1975-03-05', 'different'],
    ['1975-06', '1975-08', 'different'],
    ['1975-06', '1975-08-06', 'different'],
    ['1975-03-04', '1976-05-06', 'different'],
    ['1975-03-04', '1977-03-04', 'different'],
    ['1975', '1977', 'different'],
    ['1975-03-14', '1975-14-03', 'missing'],
    [null, '1975', 'missing'],
    ['1975', null, 'missing'],
    ['', '1975', 'missing'],
  ] as const)('%s vs %s is %s', (a, b, expected) => {
    expect(level(a, b)).toBe(expected);
    expect(level(b, a)).toBe(expected);
  });

  it('reads Eastern Arabic digits', () => {
    expect(level('١٩٧٥-٠٣-٠٤', '1975-03-04')).toBe('exact');
  });
});

describe('prepareDate', () => {
  it('splits the precision into numbers', () => {
    expect(prepareDate('1975')).toEqual({ value: '1975', year: 1975, month: 0, day: 0 });
    expect(prepareDate('1975-06')).toEqual({ value: '1975-06', year: 1975, month: 6, day: 0 });
    expect(prepareDate('1975-06-03')).toEqual({ value: '1975-06-03', year: 1975, month: 6, day: 3 });
    expect(prepareDate('1975-02-30')).toBeNull();
  });

  it.each([
    ['1980-01-01', true], ['1980-07-01', true], ['1980-07-02', false], ['1980-03-01', false], ['1980', false],
  ] as const)('isDefaultDate(%s) = %s', (d, expected) => {
    const p = prepareDate(d);
    expect(p && isDefaultDate(p)).toBe(expected);
  });
});
