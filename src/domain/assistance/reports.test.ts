import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stockNeeded } from './catalogue.ts';
import { ageGroup, redemptionRate, sexAgeKey, threeWTable, THREE_W_COLUMNS } from './reports.ts';

describe('age groups', () => {
  it.each([
    ['2000', '2017-06-01', 'children'], ['1999', '2017-06-01', 'adults'], ['1957-12-31', '2017-01-01', 'elderly'], ['1958-12-31', '2017-12-31', 'adults'],
    ['1958', '2017-01-01', 'adults'], ['1957-07', '2017-01-01', 'elderly'], [null, '2017-01-01', 'unknown'], ['2018', '2017-01-01', 'unknown'],
  ])('counts someone born %s on %s among the %s', (birth, day, group) => {
    expect(ageGroup(birth, day)).toBe(group);
  });

  it('names the sex-and-age column of a person', () => {
    expect(sexAgeKey('f', 'children')).toBe('femaleChildren');
    expect(sexAgeKey('m', 'elderly')).toBe('maleElderly');
    expect(sexAgeKey('m', 'unknown')).toBe('ageUnknown');
  });

  it('puts every known birth year in exactly one of the three groups (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1900, max: 2017 }), (year) => {
      expect(['children', 'adults', 'elderly']).toContain(ageGroup(String(year), '2017-03-01'));
    }));
  });
});

describe('the 3W table', () => {
  it('has a header row and the HXL hashtag row the brief names, then one row per programme, round and district', () => {
    const table = threeWTable([{
      organization: 'MOMD', sector: 'Shelter and non-food items', adm1: 'IQG11', adm1Name: 'Erbil', adm2: 'IQG11Q01', adm2Name: 'Erbil',
      activity: 'Winter 2014, round 1', targetedHouseholds: 10, targetedPeople: 52, reachedHouseholds: 7, reachedPeople: 35,
      startsOn: '2014-11-01', endsOn: '2014-11-30',
    }]);
    expect(table[1]).toEqual(['#org+impl', '#sector', '#adm1+code', '#adm1+name', '#adm2+code', '#adm2+name', '#activity',
      '#targeted+hh', '#targeted+ind', '#reached+hh', '#reached+ind', '#date+start', '#date+end']);
    expect(table[2]).toEqual(['MOMD', 'Shelter and non-food items', 'IQG11', 'Erbil', 'IQG11Q01', 'Erbil', 'Winter 2014, round 1', '10', '52', '7', '35', '2014-11-01', '2014-11-30']);
    expect(table[0]).toHaveLength(THREE_W_COLUMNS.length);
  });

  it('gives the redemption rate to three decimals, 0 when nothing was issued', () => {
    expect(redemptionRate(2, 3)).toBe(0.667);
    expect(redemptionRate(0, 0)).toBe(0);
  });
});

describe('stock needed', () => {
  it('expands kits into their items and leaves cash out', () => {
    const items = new Map([
      ['hygiene_kit', { kind: 'kit' as const, components: [{ code: 'soap', quantity: 10 }, { code: 'jerrycan', quantity: 1 }] }],
      ['soap', { kind: 'item' as const, components: [] }],
      ['cash_grant', { kind: 'cash' as const, components: [] }],
    ]);
    expect(stockNeeded([{ code: 'hygiene_kit', quantity: 3 }, { code: 'soap', quantity: 5 }, { code: 'cash_grant', quantity: 100000 }], items))
      .toEqual([{ code: 'soap', quantity: 35 }, { code: 'jerrycan', quantity: 3 }]);
  });
});
