import { describe, expect, it } from 'vitest';
import {
  compareDocuments, compareMembers, compareNamePart, compareRecords, comparePhone, compareSex,
  jaroWinkler, pcodeLevels, preparePerson, withinOneEdit,
} from './compare.ts';
import type { NameFunctions, PersonRecord } from './types.ts';

const KEYS: Record<string, string> = {
  mohammed: 'MHMD', muhammad: 'MHMD', mohamed: 'MHMD', 'محمد': 'MHMD',
  hussein: 'HSN', husayn: 'HSN', 'حسين': 'HSN',
};
const names: NameFunctions = {
  normalize: (s) => s.trim().toLowerCase(),
  key: (s) => KEYS[s.trim().toLowerCase()] ?? s.trim().toLowerCase(),
};

function person(over: Partial<PersonRecord> & { n?: [string | null, string | null, string | null, string | null] }): PersonRecord {
  const [given, father, grandfather, family] = over.n ?? ['Ahmed', 'Hassan', 'Ali', 'al-Jubouri'];
  return {
    id: 'p', householdId: 'h', registry: 'r', names: { given, father, grandfather, family }, sex: 'm',
    birthDate: '1975-03-04', phone: '+9647501234567', documents: ['a123'], originPcode: 'IQG01Q01', ...over,
  };
}
const prep = (p: PersonRecord) => preparePerson(p, names);
const part = (s: string | null) => prep(person({ n: [s, null, null, null] })).parts[0];

describe('jaroWinkler and withinOneEdit', () => {
  it.each([
    ['martha', 'marhta', 0.961], ['dwayne', 'duane', 0.84], ['dixon', 'dicksonx', 0.813], ['abc', 'xyz', 0],
  ] as const)('jaroWinkler(%s, %s) ~ %s', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
  });

  it('handles long strings and identity', () => {
    const long = 'a'.repeat(200);
    expect(jaroWinkler(long, `${long}b`)).toBeGreaterThan(0.99);
    expect(jaroWinkler('ali', 'ali')).toBe(1);
    expect(jaroWinkler('', 'ali')).toBe(0);
  });

  it.each([
    ['ali', 'aly', true], ['ali', 'alli', true], ['ali', 'al', true], ['omar', 'omra', true],
    ['ali', 'ali', true], ['ali', 'amir', false], ['omar', 'roma', false], ['abcd', 'badc', false],
  ] as const)('withinOneEdit(%s, %s) = %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });
});

describe('compareNamePart', () => {
  it.each([
    ['Mohammed', 'mohammed ', 'exact'],
    ['محمد', 'محمد', 'exact'],
    ['Mohammed', 'Mohammad', 'close'],
    ['Abdulrahman', 'Abdulrahmen', 'close'],
    ['Ali', 'Aly', 'close'],
    ['Omar', 'Omra', 'close'],
    ['حسين', 'حسن', 'close'],
    ['Mohammed', 'محمد', 'crossScript'],
    ['Hussein', 'حسين', 'crossScript'],
    ['Mohamed', 'Muhammad', 'crossScript'],
    ['Ali', 'Omar', 'different'],
    ['Hussein', 'Hassan', 'different'],
    ['Ali', 'علي', 'different'],
    ['Ali', null, 'missing'],
    ['Ali', '  ', 'missing'],
  ] as const)('%s vs %s is %s', (a, b, expected) => {
    expect(compareNamePart(part(a), part(b))).toBe(expected);
    expect(compareNamePart(part(b), part(a))).toBe(expected);
  });

  it('uses an injected similarity', () => {
    expect(compareNamePart(part('Ali'), part('Omar'), () => 1)).toBe('close');
  });
});

describe('name block', () => {
  type Parts = [string | null, string | null, string | null, string | null];
  it.each<[string, Parts, Parts, string, string, string, string]>([
    ['in place', ['Ahmed', 'Hassan', 'Ali', 'Jubouri'], ['Ahmed', 'Hassan', 'Ali', 'Jubouri'], 'exact', 'exact', 'exact', 'exact'],
    ['skipped father', ['Ahmed', 'Ali', 'Jubouri', null], ['Ahmed', 'Hassan', 'Ali', 'Jubouri'], 'shifted', 'exact', 'exact', 'missing'],
    ['skipped father, other side', ['Ahmed', 'Hassan', 'Ali', 'Jubouri'], ['Ahmed', 'Ali', 'Jubouri', 'Karim'], 'shifted', 'exact', 'exact', 'missing'],
    ['family as grandfather', ['Ahmed', 'Hassan', 'Jubouri', null], ['Ahmed', 'Hassan', 'Ali', 'Jubouri'], 'shifted', 'exact', 'missing', 'exact'],
    ['family as grandfather, other side', ['Ahmed', 'Hassan', 'Ali', 'Jubouri'], ['Ahmed', 'Hasan', 'Jubouri', null], 'shifted', 'close', 'missing', 'exact'],
    ['family simply missing', ['Ahmed', 'Hassan', 'Ali', null], ['Ahmed', 'Hassan', 'Ali', 'Jubouri'], 'exact', 'exact', 'exact', 'missing'],
    ['no alignment agrees', ['Ahmed', 'Karim', 'Saad', 'Tamimi'], ['Ahmed', 'Hassan', 'Ali', 'Jubouri'], 'exact', 'different', 'different', 'different'],
  ])('%s', (_, a, b, order, father, grandfather, family) => {
    const c = compareRecords(prep(person({ n: a })), prep(person({ n: b })));
    expect([c.nameOrder, c.father, c.grandfather, c.family]).toEqual([order, father, grandfather, family]);
  });
});

describe('other fields', () => {
  it.each([
    ['m', 'm', 'exact'], ['m', 'f', 'different'], [null, 'f', 'missing'],
  ] as const)('sex %s vs %s is %s', (a, b, expected) => expect(compareSex(a, b)).toBe(expected));

  it.each([
    ['+9647501234567', '+9647501234567', 'exact'], ['+9647501234567', '+9647701234567', 'different'], [null, '+9647501234567', 'missing'],
  ] as const)('phone %s vs %s is %s', (a, b, expected) => expect(comparePhone(a, b)).toBe(expected));

  it.each<[string[], string[], string]>([
    [['a123', 'p98765'], ['p98765'], 'exact'], [['a123'], ['a124'], 'different'], [[], ['a123'], 'missing'],
  ])('documents %j vs %j', (a, b, expected) => {
    const c = compareRecords(prep(person({ documents: a })), prep(person({ documents: b })));
    expect(c.documents).toBe(expected);
    expect(compareDocuments([...a].sort(), [...b].sort())).toBe(expected);
  });

  it.each<[string | null, string | null, string]>([
    ['IQG01Q01', 'IQG01Q01', 'exact'], ['IQG01Q01C003', 'iqg01q01', 'exact'], ['IQG01Q01', 'IQG01Q02', 'close'],
    ['IQG01', 'IQG01Q02', 'close'], ['IQG01Q01', 'IQG15Q01', 'different'], [null, 'IQG01', 'missing'], ['IQ', 'IQG01', 'missing'],
  ])('origin %s vs %s is %s', (a, b, expected) => {
    expect(compareRecords(prep(person({ originPcode: a })), prep(person({ originPcode: b }))).origin).toBe(expected);
  });

  it.each<[string[], string[], string]>([
    [['Fatima', 'Mohammed', 'Zainab'], ['Zainab', 'محمد'], 'exact'], [['Fatima', 'Hussein'], ['حسين', 'Noor'], 'close'],
    [['Fatima'], ['Noor'], 'different'], [[], ['Noor'], 'missing'],
  ])('members %j vs %j', (a, b, expected) => {
    const c = compareRecords(prep(person({ householdMembers: a })), prep(person({ householdMembers: b })));
    expect(c.members).toBe(expected);
  });

  it('compareMembers on sorted keys', () => expect(compareMembers(['a', 'b'], ['b', 'c'])).toBe('close'));
  it('pcodeLevels', () => expect(pcodeLevels('IQG09Q03')).toEqual({ district: 'IQG09Q03', governorate: 'IQG09' }));
});

describe('compareRecords', () => {
  it('keeps exact given and family values for term frequencies', () => {
    const c = compareRecords(prep(person({})), prep(person({ n: ['ahmed', 'Hassan', 'Ali', 'Jubouri'] })));
    expect(c.givenValue).toBe('ahmed');
    expect(c.familyValue).toBeNull();
    const d = compareRecords(prep(person({})), prep(person({})));
    expect([d.givenValue, d.familyValue]).toEqual(['ahmed', 'al-jubouri']);
  });
});
