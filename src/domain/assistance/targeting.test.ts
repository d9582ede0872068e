import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TargetingRules, firstDay, matchesRules, type HouseholdFacts } from './targeting.ts';
import { countedWeights, parseCriterion, vulnerabilityScore } from './vulnerability.ts';

const rules = (value: Record<string, unknown> = {}) => TargetingRules.parse(value);
const household = (over: Partial<HouseholdFacts> = {}): HouseholdFacts => ({
  pcode: 'IQG11Q01', siteId: null, shelter: 'host_family', shelterCategory: 'private', status: 'displaced', since: '2014-06',
  people: 5, needs: [], headSex: 'm', headBirthYear: 1975, active: true, openDuplicate: false, servedInSector: false, ...over,
});
const match = (r: Record<string, unknown>, h: Partial<HouseholdFacts>, areas: string[] = [], score = 0) => matchesRules(rules(r), household(h), areas, score);

describe('targeting rules', () => {
  it('fill in what a new round targets: displaced and returned households, with both exclusions on', () => {
    expect(rules()).toEqual({
      areas: [], sites: [], statuses: ['displaced', 'returned'], shelterTypes: [], shelterCategories: [], needs: [],
      exclude: { servedInSector: true, openDuplicates: true },
    });
  });

  it('refuse unknown fields, reversed ranges and bad codes with the path of the field', () => {
    const issues = (v: unknown) => (TargetingRules.safeParse(v).error?.issues ?? []).map((i) => `${i.path.join('.')}:${i.message}`);
    expect(issues({ size: { min: 7, max: 3 } })).toEqual(['size.max:targeting.size_range']);
    expect(issues({ since: { from: '2015-01-01', to: '2014-12-31' } })).toEqual(['since.to:range.reversed']);
    expect(issues({ areas: ['Erbil'], needs: ['serious'], statuses: ['abroad'] })).toEqual(['areas.0:pcode.invalid', 'statuses.0:invalid_value', 'needs.0:need.invalid']);
    expect(issues({ minimumScore: 3 })[0]).toMatch(/unrecognized_keys|Unrecognized/);
  });

  it('take size bounds inclusively', () => {
    expect(match({ size: { min: 4, max: 6 } }, { people: 3 })).toBe(false);
    expect(match({ size: { min: 4, max: 6 } }, { people: 4 })).toBe(true);
    expect(match({ size: { min: 4, max: 6 } }, { people: 6 })).toBe(true);
    expect(match({ size: { min: 4, max: 6 } }, { people: 7 })).toBe(false);
    expect(match({ size: { min: 7 } }, { people: 40 })).toBe(true);
  });

  it('match an area prefix or a site, inside the programme\'s areas', () => {
    expect(match({ areas: ['IQG11'] }, { pcode: 'IQG11Q04' })).toBe(true);
    expect(match({ areas: ['IQG11Q01'] }, { pcode: 'IQG11Q04' })).toBe(false);
    const site = '0190a0b0-0000-7000-8000-000000000001';
    expect(match({ areas: ['IQG09'], sites: [site] }, { pcode: 'IQG11Q04', siteId: site })).toBe(true);
    expect(match({ sites: [site] }, { pcode: 'IQG11Q04', siteId: null })).toBe(false);
    expect(match({}, { pcode: 'IQG15Q05' }, ['IQG11', 'IQG09'])).toBe(false);
    expect(match({}, { pcode: 'IQG09Q01' }, ['IQG11', 'IQG09'])).toBe(true);
  });

  it('tell displaced from returned, never target those abroad, merged or closed', () => {
    expect(match({ statuses: ['returned'] }, { status: 'displaced' })).toBe(false);
    expect(match({ statuses: ['returned'] }, { status: 'returned' })).toBe(true);
    expect(match({}, { status: 'abroad' })).toBe(false);
    expect(match({}, { active: false })).toBe(false);
  });

  it('read the status date at its first day: a year is January 1st', () => {
    expect(firstDay('2014')).toBe('2014-01-01');
    expect(firstDay('2014-08')).toBe('2014-08-01');
    expect(match({ since: { from: '2014-06-01' } }, { since: '2014' })).toBe(false);
    expect(match({ since: { to: '2014-06-01' } }, { since: '2014-06' })).toBe(true);
    expect(match({ since: { from: '2014-06-02' } }, { since: '2014-06' })).toBe(false);
    expect(match({ since: { from: '2014-01-01' } }, { since: null })).toBe(false);
  });

  it('match a shelter type or a category of shelter', () => {
    expect(match({ shelterCategories: ['critical'] }, { shelter: 'school', shelterCategory: 'critical' })).toBe(true);
    expect(match({ shelterCategories: ['critical'], shelterTypes: ['camp'] }, { shelter: 'camp', shelterCategory: 'camp' })).toBe(true);
    expect(match({ shelterTypes: ['camp'] }, { shelter: 'host_family', shelterCategory: 'private' })).toBe(false);
  });

  it('match a need on any member, a score threshold and the exclusions', () => {
    expect(match({ needs: ['SM', 'DS'] }, { needs: ['PL', 'DS'] })).toBe(true);
    expect(match({ needs: ['SM'] }, { needs: ['PL'] })).toBe(false);
    expect(match({ minScore: 3 }, {}, [], 2)).toBe(false);
    expect(match({ minScore: 3 }, {}, [], 3)).toBe(true);
    expect(match({}, { openDuplicate: true })).toBe(false);
    expect(match({ exclude: { openDuplicates: false } }, { openDuplicate: true })).toBe(true);
    expect(match({}, { servedInSector: true })).toBe(false);
    expect(match({ exclude: { servedInSector: false } }, { servedInSector: true })).toBe(true);
  });

  it('only narrow as rules are added (property)', () => {
    const facts = fc.record({
      pcode: fc.constantFrom('IQG11Q01', 'IQG11Q04', 'IQG09Q01', 'IQG15Q05'), siteId: fc.constantFrom(null, 's1'),
      shelter: fc.constantFrom('camp', 'school', 'host_family'), shelterCategory: fc.constantFrom('camp', 'critical', 'private'),
      status: fc.constantFrom('displaced', 'returned', 'abroad') as fc.Arbitrary<HouseholdFacts['status']>,
      since: fc.constantFrom(null, '2014', '2014-08', '2016-03-10'), people: fc.integer({ min: 1, max: 12 }),
      needs: fc.subarray(['SM', 'DS', 'PL', 'ER']), headSex: fc.constantFrom('m', 'f') as fc.Arbitrary<'m' | 'f'>,
      headBirthYear: fc.option(fc.integer({ min: 1930, max: 2010 }), { nil: null }), active: fc.boolean(),
      openDuplicate: fc.boolean(), servedInSector: fc.boolean(),
    });
    const extra = fc.constantFrom<Record<string, unknown>>({ areas: ['IQG11'] }, { size: { min: 4 } }, { needs: ['SM'] }, { shelterCategories: ['critical'] }, { minScore: 2 }, { statuses: ['displaced'] });
    fc.assert(fc.property(facts, extra, fc.integer({ min: 0, max: 6 }), (h, more, score) => {
      if (matchesRules(rules(more), h, [], score)) expect(matchesRules(rules({}), h, [], score)).toBe(true);
    }));
  });
});

describe('the vulnerability score', () => {
  it('reads the configured criteria and ignores what it does not understand', () => {
    expect(parseCriterion('need:SM')).toEqual({ kind: 'need', code: 'SM' });
    expect(parseCriterion('size:7+')).toEqual({ kind: 'size', min: 7, max: null });
    expect(parseCriterion('size:4-6')).toEqual({ kind: 'size', min: 4, max: 6 });
    expect(parseCriterion('shelter:critical')).toEqual({ kind: 'shelter', code: 'critical' });
    expect(parseCriterion('head:elderly')).toEqual({ kind: 'head', what: 'elderly' });
    for (const bad of ['size:6-4', 'size:0+', 'head:tall', 'income:low', 'need:sm']) expect(parseCriterion(bad), bad).toBeNull();
  });

  it('sums the weights a household meets, never a sensitive need, the head\'s age on the round\'s first day', () => {
    const weights = countedWeights([
      { criterion: 'need:SM', weight: 3 }, { criterion: 'need:SV', weight: 50 }, { criterion: 'size:7+', weight: 2 },
      { criterion: 'shelter:critical', weight: 3 }, { criterion: 'head:female', weight: 2 }, { criterion: 'head:elderly', weight: 2 },
      { criterion: 'income:low', weight: 9 },
    ], (code) => code === 'SV' || code === 'TR');
    expect(weights).toHaveLength(5);
    const h = household({ needs: ['SM', 'SV'], people: 7, shelter: 'school', shelterCategory: 'critical', headSex: 'f', headBirthYear: 1955 });
    expect(vulnerabilityScore(weights, h, '2015-01-10')).toBe(3 + 2 + 3 + 2 + 2);
    expect(vulnerabilityScore(weights, h, '2014-12-31')).toBe(3 + 2 + 3 + 2);
    expect(vulnerabilityScore(weights, household({ people: 6 }), '2015-01-10')).toBe(0);
  });
});
