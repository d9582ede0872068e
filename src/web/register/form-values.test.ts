import { describe, expect, it } from 'vitest';
import { HouseholdInput } from '#domain/registry/household';
import { emptyDocument, emptyMember, inheritedNames, newHousehold, placeErrors, toInput, type HouseholdValues } from './form-values.ts';

function filled(): HouseholdValues {
  const values = newHousehold('MOMD');
  values.origin.pcode = 'IQG15Q05';
  values.current.pcode = 'IQG11Q02';
  values.members[0] = { ...values.members[0], givenName: 'أحمد', familyName: 'الجبوري', sex: 'm', birthDate: '1975' };
  return values;
}

describe('household form values', () => {
  it('defaults to what a desk registers most: own registry, vital interest, host family, consent today', () => {
    const v = newHousehold('BMD');
    expect(v).toMatchObject({ registry: 'BMD', legalBasis: 'vital_interest', shelter: 'host_family' });
    expect(v.consent).toMatchObject({ given: true, scope: ['registration', 'assistance'] });
    expect(v.members.map((m) => m.relationship)).toEqual(['head']);
  });

  it('turns a filled form into a valid HouseholdInput', () => {
    const parsed = HouseholdInput.safeParse(toInput(filled()));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.members[0]).toMatchObject({ fatherName: null, documents: [], birthDate: '1975' });
  });

  it('drops trailing empty document rows but keeps positions before a filled one', () => {
    const v = filled();
    v.members[0].documents = [{ ...emptyDocument(), number: '' }, { ...emptyDocument(), number: 'A1' }, emptyDocument()];
    const input = toInput(v) as { members: { documents: unknown[] }[] };
    expect(input.members[0].documents).toEqual([{ type: 'national_id', number: '' }, { type: 'national_id', number: 'A1' }]);
    const parsed = HouseholdInput.safeParse(input);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['members.0.documents.0.number']);
  });

  it('sends no documents when "no documents" is ticked', () => {
    const v = filled();
    v.members[0] = { ...v.members[0], noDocuments: true, documents: [{ ...emptyDocument(), number: 'X' }] };
    expect((toInput(v) as { members: { documents: unknown[] }[] }).members[0].documents).toEqual([]);
  });

  it('places errors at their field and keeps the rest for the summary', () => {
    const placed = placeErrors({
      'members.0.specificNeeds.2': 'unknown need',
      'members.1.documents.0.number': 'required',
      'origin': 'bad origin',
      'members': 'no head',
      'somethingElse': 'other',
    });
    expect(placed.fields).toEqual({
      'members.0.specificNeeds': 'unknown need',
      'members.1.documents.0.number': 'required',
      'origin.pcode': 'bad origin',
      'members': 'no head',
    });
    expect(placed.other).toEqual(['other']);
  });

  it('offers a child the head\'s names as father, grandfather and family name', () => {
    const head = { ...emptyMember('head'), givenName: 'Ahmed', fatherName: 'Hassan', grandfatherName: 'Ali', familyName: 'al-Jubouri', sex: 'm' as const };
    expect(inheritedNames(head, 'daughter')).toEqual({ fatherName: 'Ahmed', grandfatherName: 'Hassan', familyName: 'al-Jubouri' });
    expect(inheritedNames(head, 'brother')).toEqual({ fatherName: 'Hassan', grandfatherName: 'Ali', familyName: 'al-Jubouri' });
    expect(inheritedNames({ ...head, sex: 'f' }, 'son')).toEqual({});
    expect(inheritedNames(head, 'spouse')).toEqual({});
  });
});
