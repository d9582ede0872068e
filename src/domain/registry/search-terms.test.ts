import { describe, expect, it } from 'vitest';
import { householdSearchText, normalizeDocumentNumber, searchTerms } from './search-terms.ts';

const household = {
  registrationNumbers: ['MOMD-IQG11-0000123'],
  phone: '+9647501234567',
  members: [
    { givenName: 'عبد الله', fatherName: 'حسين', grandfatherName: null, familyName: 'الجبوري', documents: [{ number: 'A-12 345' }] },
    { givenName: 'کەریم', fatherName: null, grandfatherName: null, familyName: null, documents: [] },
  ],
};

describe('household search text', () => {
  const text = householdSearchText(household);
  it.each(['عبد', 'الله', 'عبدالله', 'حسين', 'الجبوري', 'كهريم', 'كريم', 'a12345', '9647501234567', '07501234567', 'momd-iqg11-0000123'])(
    'holds the word %s', (word) => { expect(text).toContain(` ${word} `); },
  );
});

describe('search terms', () => {
  it('lets every spelling of a Sorani name find the stored one', () => {
    const stored = householdSearchText({ registrationNumbers: [], phone: null, members: [
      { givenName: 'ئەحمەد', fatherName: 'ئیسماعیل', grandfatherName: null, familyName: null, documents: [] },
    ] });
    for (const query of ['ئەحمەد', 'ئهحمهد', 'احمد', 'أحمد', 'ئيسماعيل', 'اسماعيل', 'إسماعيل']) {
      const terms = searchTerms(query);
      expect(terms.every((alternatives) => alternatives.some((w) => stored.includes(` ${w}`))), query).toBe(true);
    }
  });

  it.each([
    ['MOMD-IQG11-0000123', [['momd-iqg11-0000123']]],
    ['0750 123 4567', [['9647501234567']]],
    ['+964 750 123 4567', [['9647501234567']]],
    ['A-12 345', [['a'], ['12'], ['345']]],
    ['A-12345', [['a12345']]],
    ['١٩٨٧٦٥٤٣٢١', [['1987654321']]],
    ['أحمد الجبورى', [['احمد'], ['الجبوري']]],
    ['کەریم', [['كهريم', 'كريم']]],
    ['ئهحمهد', [['يهحمهد', 'اهحمهد']]],
    ['  ', []],
  ])('reads %s as %j', (query, terms) => {
    expect(searchTerms(query)).toEqual(terms);
  });

  it('normalises document numbers', () => {
    expect(normalizeDocumentNumber(' ab-١٢٣ ')).toBe('ab123');
  });
});
