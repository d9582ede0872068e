import { describe, expect, it } from 'vitest';
import { beforeRegistration } from './timing.ts';

describe('a movement dated before the registration', () => {
  it('is told apart by the earliest day its date can mean, as the timeline orders it', () => {
    expect(beforeRegistration('2014-06', '2014-08-10')).toBe(true);
    expect(beforeRegistration('2014-08', '2014-08-10')).toBe(true);
    expect(beforeRegistration('2014-08-10', '2014-08-10')).toBe(false);
    expect(beforeRegistration('2015', '2014-08-10')).toBe(false);
    expect(beforeRegistration('٢٠١٣', '2014-08-10')).toBe(true);
  });

  it('says nothing while the date is not one yet, or the registration day is unknown', () => {
    expect(beforeRegistration('20', '2014-08-10')).toBe(false);
    expect(beforeRegistration('', '2014-08-10')).toBe(false);
    expect(beforeRegistration('2013', null)).toBe(false);
  });
});
