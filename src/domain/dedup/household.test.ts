import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from './default-model.ts';
import {
  assignMembers, decideHousehold, householdPersons, matchHouseholds, matchPerson, plausibleSamePerson, prepareHousehold,
  type MatchableHousehold, type MatchableMember,
} from './household.ts';
import { DEFAULT_THRESHOLDS } from './scoring.ts';
import { FIELDS, type Comparison } from './types.ts';

type Names = [string, string | null, string | null, string | null];
const member = (id: string, relationship: string, names: Names, sex: string, birthDate: string | null, documents: string[] = []): MatchableMember => ({
  id, relationship, givenName: names[0], fatherName: names[1], grandfatherName: names[2], familyName: names[3], sex, birthDate,
  documents: documents.map((number) => ({ number })),
});
const household = (id: string, registry: string, members: MatchableMember[], phone: string | null = null): MatchableHousehold =>
  ({ id, registry, originPcode: 'IQG15Q05', phone, members });

/** The Jubouri family as MoMD wrote it in Baghdad, in Arabic. */
const arabic = household('momd', 'MOMD', [
  member('a1', 'head', ['محمد', 'حسين', 'علي', 'الجبوري'], 'm', '1975', ['A-123456']),
  member('a2', 'spouse', ['فاطمة', 'محمود', 'سالم', 'العبيدي'], 'f', '1980-03'),
  member('a3', 'son', ['علي', 'محمد', 'حسين', 'الجبوري'], 'm', '2005'),
  member('a4', 'daughter', ['زينب', 'محمد', 'حسين', 'الجبوري'], 'f', '2008-11-02'),
], '07501234567');

/** The same family as BMD wrote it in Erbil, in Kurdish script, the son left out. */
const kurdish = household('bmd', 'BMD', [
  member('k1', 'head', ['محەمەد', 'حوسێن', 'عەلی', 'جبووری'], 'm', '1975-07-01'),
  member('k2', 'spouse', ['فاتیمە', 'مەحموود', null, 'عوبەیدی'], 'f', '1980'),
  member('k4', 'daughter', ['زەینەب', 'محەمەد', 'حوسێن', 'جبووری'], 'f', '2008'),
], '+964 750 123 4567');

/** And by a partner in Latin transliteration. */
const latin = household('ngo', 'NGO', [
  member('l2', 'spouse', ['Fatima', 'Mahmoud', 'Salim', 'al-Obaidi'], 'f', '1980'),
  member('l1', 'head', ['Mohammed', 'Hussein', 'Ali', 'al-Jubouri'], 'm', '1975'),
]);

const prepared = (h: MatchableHousehold) => prepareHousehold(h);

describe('matching households', () => {
  it('finds one family written in Arabic and in Kurdish, heads and members paired', () => {
    const match = matchHouseholds(prepared(arabic), prepared(kurdish), DEFAULT_MODEL)!;
    expect(match).not.toBeNull();
    expect(match.reason).toBe('head');
    expect(match.band).toBe('likely');
    const pairs = match.pairs.map((p) => [arabic.members[p.a].id, kurdish.members[p.b].id]);
    expect(pairs).toEqual(expect.arrayContaining([['a1', 'k1'], ['a2', 'k2'], ['a4', 'k4']]));
    expect(pairs.some(([a]) => a === 'a3')).toBe(false);
  });

  it('pairs members whatever their order, each member used once', () => {
    const match = matchHouseholds(prepared(latin), prepared(arabic), DEFAULT_MODEL)!;
    expect(match.pairs.map((p) => [latin.members[p.a].id, arabic.members[p.b].id]).sort()).toEqual([['l1', 'a1'], ['l2', 'a2']]);
    expect(new Set(match.pairs.map((p) => p.b)).size).toBe(match.pairs.length);
  });

  it('explains each member pair field by field, the weights adding up to its score', () => {
    const match = matchHouseholds(prepared(arabic), prepared(kurdish), DEFAULT_MODEL)!;
    const head = match.pairs.find((p) => p.a === 0)!;
    expect(Object.keys(head.fields).sort()).toEqual([...FIELDS].sort());
    expect(['exact', 'crossScript']).toContain(head.fields.given.level);
    expect(head.fields.birthDate.level).toBe('close');
    const fromLatin = matchHouseholds(prepared(latin), prepared(arabic), DEFAULT_MODEL)!.pairs.find((p) => p.a === 1)!;
    expect(fromLatin.fields.given.level).toBe('crossScript');
    expect(head.fields.phone.level).toBe('exact');
    const prior = Math.log2(DEFAULT_MODEL.prior / (1 - DEFAULT_MODEL.prior));
    const sum = Object.values(head.fields).reduce((s, f) => s + f.weight, prior);
    expect(head.weight).toBeCloseTo(sum, 8);
  });

  it('tells a different family apart', () => {
    const other = household('other', 'BMD', [
      member('o1', 'head', ['محمود', 'حسن', 'عمر', 'الدليمي'], 'm', '1962'),
      member('o2', 'spouse', ['خديجة', 'سعد', 'جاسم', 'الراوي'], 'f', '1966'),
    ]);
    expect(matchHouseholds(prepared(arabic), prepared(other), DEFAULT_MODEL)).toBeNull();
  });

  it('matches on members when the head is recorded differently', () => {
    const widowed = household('w', 'BMD', [
      member('w2', 'head', ['فاتیمە', 'مەحموود', 'سالم', 'عوبەیدی'], 'f', '1980'),
      member('w3', 'son', ['عەلی', 'محەمەد', 'حوسێن', 'جبووری'], 'm', '2005'),
      member('w4', 'daughter', ['زەینەب', 'محەمەد', 'حوسێن', 'جبووری'], 'f', '2008'),
    ]);
    const match = matchHouseholds(prepared(arabic), prepared(widowed), DEFAULT_MODEL)!;
    expect(match.reason).toBe('members');
    expect(match.pairs.length).toBeGreaterThanOrEqual(2);
  });

  it('does not call two large families one because a single child matches', () => {
    const cousins = household('c', 'BMD', [
      member('c1', 'head', ['خالد', 'جاسم', 'عباس', 'الجبوري'], 'm', '1970'),
      member('c2', 'spouse', ['سعاد', 'كريم', 'حميد', 'التميمي'], 'f', '1972'),
      member('c3', 'son', ['علي', 'محمد', 'حسين', 'الجبوري'], 'm', '2005'),
      member('c4', 'son', ['عمر', 'خالد', 'جاسم', 'الجبوري'], 'm', '2001'),
    ]);
    expect(matchHouseholds(prepared(arabic), prepared(cousins), DEFAULT_MODEL)).toBeNull();
  });

  it('takes a daughter now heading her own household for the same person, not the same family', () => {
    const alone = household('s', 'MOMD', [member('s1', 'head', ['زینەب', 'محەمەد', 'حوسێن', 'جبووری'], 'f', '2008-11-02')]);
    expect(matchHouseholds(prepared(alone), prepared(arabic), DEFAULT_MODEL)).toBeNull();
    const person = matchPerson(prepared(alone), prepared(arabic), DEFAULT_MODEL);
    expect(person && arabic.members[person.b].id).toBe('a4');
  });
});

describe('the household rule', () => {
  const t = DEFAULT_THRESHOLDS;
  it.each([
    ['heads alone', [{ a: 0, b: 0, probability: 0.7 }], [5, 5], 'head', 0.7],
    ['two members, no heads', [{ a: 1, b: 2, probability: 0.6 }, { a: 2, b: 1, probability: 0.6 }], [6, 6], 'members', 0.84],
    ['half of a household of two', [{ a: 1, b: 1, probability: 0.9 }], [2, 7], 'members', 0.9],
    ['heads and members', [{ a: 0, b: 0, probability: 0.9 }, { a: 1, b: 1, probability: 0.9 }], [4, 4], 'head', 0.99],
  ] as const)('%s', (_, pairs, sizes, reason, probability) => {
    const d = decideHousehold(pairs, sizes, [0, 0], t)!;
    expect(d.reason).toBe(reason);
    expect(d.probability).toBeCloseTo(probability, 6);
  });

  it('needs the heads, two members or half the smaller household', () => {
    expect(decideHousehold([{ a: 2, b: 3, probability: 0.99 }], [5, 6], [0, 0], t)).toBeNull();
    // A son heading his own household of two (himself and his wife) matched in his parents' one.
    expect(decideHousehold([{ a: 0, b: 2, probability: 0.99 }], [2, 6], [0, 0], t)).toBeNull();
    expect(decideHousehold([], [1, 1], [0, 0], t)).toBeNull();
  });

  it('bands by the model thresholds', () => {
    expect(decideHousehold([{ a: 0, b: 0, probability: 0.96 }], [3, 3], [0, 0], t)!.band).toBe('likely');
    expect(decideHousehold([{ a: 0, b: 0, probability: 0.6 }], [3, 3], [0, 0], t)!.band).toBe('possible');
  });

  it('uses each member once, best pairs first, and drops pairs under the possible threshold', () => {
    const assigned = assignMembers([
      { a: 0, b: 0, probability: 0.7 }, { a: 0, b: 1, probability: 0.9 }, { a: 1, b: 1, probability: 0.8 },
      { a: 1, b: 0, probability: 0.6 }, { a: 2, b: 2, probability: 0.3 },
    ], 0.5);
    expect(assigned).toEqual([{ a: 0, b: 1, probability: 0.9 }, { a: 1, b: 0, probability: 0.6 }]);
  });
});

describe('household persons', () => {
  it('gives each member the other members\' given names, normalised phone and documents', () => {
    const persons = householdPersons(arabic);
    expect(persons[0].householdMembers).toEqual(['فاطمة', 'علي', 'زينب']);
    expect(persons[0].phone).toBe('+9647501234567');
    expect(persons[0].documents).toEqual(['a123456']);
    expect(persons[1].registry).toBe('MOMD');
    expect(prepareHousehold(arabic).head).toBe(0);
    expect(prepareHousehold(latin).head).toBe(1);
  });
});

describe('siblings of two families', () => {
  it('are never paired: a different given name or sex is another person, however the rest agrees', () => {
    const brothers = household('b', 'MOMD', [
      member('b1', 'head', ['خالد', 'حسين', 'علي', 'الجبوري'], 'm', '1977'),
      member('b2', 'spouse', ['فاطمة', 'جاسم', 'سالم', 'العبيدي'], 'f', '1980'),
      member('b3', 'son', ['حسن', 'خالد', 'حسين', 'الجبوري'], 'm', '2005'),
    ]);
    const match = matchHouseholds(prepared(arabic), prepared(brothers), DEFAULT_MODEL);
    expect(match?.pairs.some((p) => p.a === 0) ?? false).toBe(false);
  });

  it.each([
    ['agreeing names and dates', {}, true],
    ['a different sex', { sex: 'different' }, false],
    ['a different given name', { given: 'different' }, false],
    ['a different given name but a shared document', { given: 'different', documents: 'exact' }, true],
    ['a different birth date', { birthDate: 'different' }, false],
    ['a different birth date but a shared phone', { birthDate: 'different', phone: 'exact' }, true],
  ] as const)('counts a member pair with %s: %s', (_, levels, expected) => {
    const c = { ...Object.fromEntries(FIELDS.map((f) => [f, 'exact'])), documents: 'missing', phone: 'missing', ...levels } as unknown as Comparison;
    expect(plausibleSamePerson(c)).toBe(expected);
  });
});

describe('namesakes', () => {
  it('are not one person when their birth years are far apart and nothing else links them', () => {
    const namesake = household('n', 'BMD', [member('n1', 'head', ['محمد', 'حسين', 'علي', 'الجبوري'], 'm', '1958')]);
    expect(matchHouseholds(prepared(namesake), prepared(arabic), DEFAULT_MODEL)).toBeNull();
    const sameDocument = household('d', 'BMD', [member('d1', 'head', ['محمد', 'حسين', 'علي', 'الجبوري'], 'm', '1958', ['A123456'])]);
    expect(matchHouseholds(prepared(sameDocument), prepared(arabic), DEFAULT_MODEL)).not.toBeNull();
  });
});

describe('matchPerson', () => {
  /** The Jubouri son, grown up, heads his own family in Erbil with his wife and son. */
  const son = household('son', 'BMD', [
    member('s1', 'head', ['عەلی', 'محەمەد', 'حوسێن', 'جبووری'], 'm', '2005'),
    member('s2', 'spouse', ['هودا', 'ئەکرەم', 'سەعید', 'ڕاوی'], 'f', '2006'),
    member('s3', 'son', ['یوسف', 'عەلی', 'محەمەد', 'جبووری'], 'm', '2024'),
  ], '07709998877');

  /** His parents' record, with his full birth date and document. */
  const parents = household('parents', 'MOMD', [
    ...arabic.members.filter((m) => m.id !== 'a3'), member('a3', 'son', ['علي', 'محمد', 'حسين', 'الجبوري'], 'm', '2005-02-14', ['B-778899']),
  ], '07501234567');
  const grown = household('son', 'BMD', [{ ...son.members[0], birthDate: '2005-02-14', documents: [{ number: 'B-778899' }] }, ...son.members.slice(1)], son.phone);

  it('finds one person in two families that are not one family', () => {
    expect(matchHouseholds(prepared(parents), prepared(grown), DEFAULT_MODEL)).toBeNull();
    const pair = matchPerson(prepared(parents), prepared(grown), DEFAULT_MODEL);
    expect(pair && [parents.members[pair.a].id, grown.members[pair.b].id, pair.band]).toEqual(['a3', 's1', 'likely']);
  });

  it('finds nobody between families that share no person', () => {
    expect(matchPerson(prepared(latin), prepared(son), DEFAULT_MODEL)).toBeNull();
  });
});
