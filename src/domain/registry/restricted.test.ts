import { describe, expect, it } from 'vitest';
import type { Household } from './household.ts';
import { isWithheldPath, restrictedView } from './restricted.ts';

const member = {
  id: '0190a4c0-0000-7000-8000-000000000001', relationship: 'head' as const, givenName: 'محمد', fatherName: 'حسين',
  grandfatherName: 'علي', familyName: 'الجبوري', sex: 'm' as const, birthDate: '1975',
  documents: [{ type: 'national_id' as const, number: '199812345' }], noDocuments: false, specificNeeds: ['SM', 'TR'],
};
const household: Household = {
  id: '0190a4c0-0000-7000-8000-000000000002', registrationNumber: 'MOMD-IQG08-0000001', registrationNumbers: ['MOMD-IQG08-0000001'],
  registry: 'MOMD', origin: { pcode: 'IQG15Q05', place: null }, displacedOn: '2014-06',
  current: { pcode: 'IQG08Q01', siteId: null, address: null }, shelter: 'camp', phone: '+9647501234567',
  legalBasis: 'vital_interest', consent: { given: true, date: null, scope: [] }, notes: 'referred to protection',
  status: 'active', size: 1, version: 1, members: [member], registeredOn: '2024-01-01', displacement: { status: 'displaced', since: '2014-06', movementId: null }, createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z',
};

describe('a household read from another registry', () => {
  it('keeps what tells the family apart and withholds phone, notes, documents and needs', () => {
    const view = restrictedView(household);
    expect(view).toMatchObject({ restricted: true, phone: null, notes: null, registrationNumber: household.registrationNumber, origin: household.origin });
    expect(view.members).toEqual([{ ...member, documents: [], noDocuments: false, specificNeeds: [] }]);
    expect(JSON.stringify(view)).not.toMatch(/199812345|TR|SM|9647501234567|protection/);
  });

  it.each([
    ['phone', true], ['notes', true], [`members.${member.id}.documents.0.number`, true], [`members.${member.id}.noDocuments`, true],
    [`members.${member.id}.specificNeeds`, true], [`members.${member.id}.givenName`, false], ['current.pcode', false],
    ['phoneBook', false], ['consent.given', false], ['import.file', false],
  ])('history path %s withheld: %s', (path, withheld) => {
    expect(isWithheldPath(path)).toBe(withheld);
  });
});
