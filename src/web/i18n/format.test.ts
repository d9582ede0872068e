import { describe, expect, it } from 'vitest';
import { ageInYears, formatPartialDate, formatPhone } from './format.ts';

describe('formatting without browser locale data', () => {
  it('keeps the precision of a partial date', () => {
    expect(formatPartialDate('en', '1975')).toBe('1975');
    expect(formatPartialDate('en', '1975-06')).toBe('June 1975');
    expect(formatPartialDate('en', '1975-06-01')).toBe('1 June 1975');
  });

  it('uses Iraqi Arabic and Kurdish month names', () => {
    expect(formatPartialDate('ar', '2014-06')).toBe('حزيران 2014');
    expect(formatPartialDate('ckb', '2014-08-03')).toBe('3 ئاب 2014');
    expect(formatPartialDate('ckb', '2014-01')).toBe('کانوونی دووەم 2014');
  });

  it('computes age from the earliest day a partial date can mean', () => {
    const today = new Date(2025, 5, 15);
    expect(ageInYears('1975', today)).toBe(50);
    expect(ageInYears('1975-07', today)).toBe(49);
    expect(ageInYears('1975-06-15', today)).toBe(50);
    expect(ageInYears('not a date', today)).toBeNull();
  });

  it('groups Iraqi mobile numbers', () => {
    expect(formatPhone('+9647501234567')).toBe('+964 750 123 4567');
    expect(formatPhone('+441632960961')).toBe('+441632960961');
  });
});
