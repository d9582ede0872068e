import { describe, expect, it } from 'vitest';
import { prepareHousehold, type MatchableHousehold } from '#domain/dedup/household';
import { DedupIndex } from './index.ts';

const household = (id: string, registry: string, given: string, year = '1975'): MatchableHousehold => ({
  id, registry, originPcode: 'IQG15Q05', phone: '+9647501112233',
  members: [
    { id: `${id}-1`, relationship: 'head', givenName: given, fatherName: 'حسين', grandfatherName: 'علي', familyName: 'الجبوري', sex: 'm', birthDate: year, documents: [{ number: `A-${id}` }] },
    { id: `${id}-2`, relationship: 'spouse', givenName: 'فاطمة', fatherName: 'محمود', grandfatherName: 'سالم', familyName: 'العبيدي', sex: 'f', birthDate: '1980', documents: [] },
  ],
});

const found = (index: DedupIndex, h: MatchableHousehold, registries: string[] | null = null) =>
  index.check(prepareHousehold({ ...h, id: 'query' }), { registries: registries && new Set(registries) }).candidates.map((c) => c.household.id);

describe('the real-time index', () => {
  it('gives back each person exactly as prepared', () => {
    const index = new DedupIndex();
    const h = household('h1', 'MOMD', 'محمد');
    index.upsert(h, 1);
    expect(index.household('h1')).toEqual(prepareHousehold(h));
  });

  it('finds a family across registries, only in the registries asked for', () => {
    const index = new DedupIndex();
    index.upsert(household('h1', 'MOMD', 'محمد'), 1);
    const kurdish = household('q', 'BMD', 'محەمەد');
    expect(found(index, kurdish)).toEqual(['h1']);
    expect(found(index, kurdish, ['BMD'])).toEqual([]);
  });

  it('applies a version only when newer, and forgets a household taken out', () => {
    const index = new DedupIndex();
    index.upsert(household('h1', 'MOMD', 'خالد'), 2);
    expect(index.upsert(household('h1', 'MOMD', 'محمد'), 1)).toBe(false);
    expect(found(index, household('q', 'BMD', 'خالد'))).toEqual(['h1']);
    index.remove('h1', 3);
    expect(index.upsert(household('h1', 'MOMD', 'خالد'), 2)).toBe(false);
    expect(found(index, household('q', 'BMD', 'خالد'))).toEqual([]);
    expect(index.stats()).toMatchObject({ persons: 0, households: 0, deadRows: 2 });
  });

  it('keeps term frequencies current as households come and go', () => {
    const index = new DedupIndex({ termFrequenciesFrom: 0 });
    index.upsert(household('h1', 'MOMD', 'محمد'), 1);
    index.upsert(household('h2', 'MOMD', 'خالد', '1960'), 1);
    const key = prepareHousehold(household('x', 'MOMD', 'محمد')).members[0].parts[0]!.key;
    expect(index.tf('given', key)).toBeCloseTo(0.25, 6);
    index.remove('h2', 2);
    expect(index.tf('given', key)).toBeCloseTo(0.5, 6);
    expect(new DedupIndex().tf('given', key)).toBeUndefined();
  });
});
