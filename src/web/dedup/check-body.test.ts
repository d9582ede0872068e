import { describe, expect, it } from 'vitest';
import { emptyMember, newHousehold, type HouseholdValues } from '#web/register/form-values.ts';
import { checkRequest, headReady, typedBirth } from './check-body.ts';

function typed(head: Partial<HouseholdValues['members'][number]>): HouseholdValues {
  const values = newHousehold('BMD');
  values.members[0] = { ...values.members[0], ...head };
  return values;
}

describe('the duplicate check of a form being typed', () => {
  it('waits for the head\'s given name, father\'s name and a whole birth year', () => {
    expect(headReady(typed({ givenName: 'محەمەد', fatherName: 'حوسێن', birthDate: '197' }))).toBe(false);
    expect(headReady(typed({ givenName: 'محەمەد', fatherName: '', birthDate: '1975' }))).toBe(false);
    expect(headReady(typed({ givenName: 'محەمەد', fatherName: 'حوسێن', birthDate: '١٩٧٥' }))).toBe(true);
    expect(checkRequest(typed({ givenName: 'محەمەد' }))).toBeNull();
  });

  it('keeps the year while a month or day is being typed', () => {
    expect(typedBirth('1975-0')).toBe('1975');
    expect(typedBirth('1975-06-3')).toBe('1975-06');
    expect(typedBirth('1975-06-30')).toBe('1975-06-30');
    expect(typedBirth('19')).toBeNull();
  });

  it('sends only values a schema accepts, and remembers where each member sent sits on the form', () => {
    const values = typed({ givenName: ' Mohammed ', fatherName: 'Hussein', birthDate: '1975-1', sex: 'm' });
    values.members.push({ ...emptyMember('son'), givenName: '' }, { ...emptyMember('daughter'), givenName: 'Zainab', birthDate: '20' });
    values.phone = '0750 12';
    const request = checkRequest(values)!;
    expect(request.positions).toEqual([0, 2]);
    const members = request.body.members as Record<string, unknown>[];
    expect(members[0]).toMatchObject({ relationship: 'head', givenName: 'Mohammed', fatherName: 'Hussein', sex: 'm', birthDate: '1975', documents: [] });
    expect(members[1]).toMatchObject({ givenName: 'Zainab', birthDate: null });
    expect(members[1]).not.toHaveProperty('sex');
    expect(request.body).not.toHaveProperty('phone');
    expect(request.body).not.toHaveProperty('origin');
    expect(Object.keys(request.body)).toEqual(['members']);
  });

  it('sends the origin and a whole phone number once given', () => {
    const values = typed({ givenName: 'علي', fatherName: 'حسن', birthDate: '1980', sex: 'm' });
    values.origin.pcode = 'IQG15Q05';
    values.phone = '0750 123 4567';
    expect(checkRequest(values)!.body).toMatchObject({ origin: { pcode: 'IQG15Q05' }, phone: '+9647501234567' });
  });
});
