import { describe, expect, it } from 'vitest';
import type { Lookup } from '#domain/assistance/distribution';
import { fromList, fromLookup, verdict } from './desk-model.ts';
import type { ListItem, OutboxEntry } from './offline/outbox.ts';

const HERE = '00000000-0000-7000-8000-000000000001';
const THERE = '00000000-0000-7000-8000-000000000002';
const household = { id: '00000000-0000-7000-8000-000000000003', registrationNumber: 'MOMD-IQG11-0000001', headName: 'أحمد', headSex: 'm', headBirthDate: '1975', size: 6, currentPcode: 'IQG11Q01' };
const programme = { code: 'WINTER', name: 'Winter response', nameAr: null, nameCkb: null, sector: 'shelter_nfi' };

function entitlement(id: string, o: Partial<Lookup['entitlements'][number]> = {}): Lookup['entitlements'][number] {
  return { id, roundId: id, programme, roundNumber: 1, pointId: null, contents: [{ code: 'food_parcel', quantity: 1 }], people: 6, status: 'issued', redemption: null, ...o };
}
const lookup = (...entitlements: Lookup['entitlements']): Lookup => ({ household, card: null, entitlements });
const redemption = (at: string) => ({
  id: 'r', entitlementId: 'e', point: { id: THERE, code: 'P2', name: 'Debaga point' }, collectedBy: 'head' as const, collectorName: null,
  redeemedAt: at, recordedAt: at, recordedBy: null, via: 'scan' as const,
});

describe('what the desk says of a family', () => {
  it('offers what can be collected here, and only that', () => {
    const v = verdict(fromLookup(lookup(entitlement('a'), entitlement('b', { pointId: THERE }), entitlement('c', { pointId: HERE })), HERE));
    expect(v.kind === 'collect' && v.available.map((e) => e.id)).toEqual(['a', 'c']);
  });

  it('says already collected, with the latest when and where, when nothing is left', () => {
    const family = fromLookup(lookup(
      entitlement('a', { status: 'redeemed', redemption: redemption('2014-11-12T09:30:00Z') }),
      entitlement('b', { status: 'redeemed', redemption: redemption('2014-12-01T10:00:00Z') }),
      entitlement('c', { status: 'cancelled' }),
    ), HERE);
    expect(verdict(family)).toMatchObject({ kind: 'already', entitlement: { id: 'b', collected: { at: '2014-12-01T10:00:00Z', where: 'Debaga point' } } });
  });

  it('says nothing to collect here for a cancelled entitlement or one of another point', () => {
    expect(verdict(fromLookup(lookup(entitlement('a', { status: 'cancelled' }), entitlement('b', { pointId: THERE })), HERE))).toEqual({ kind: 'not_entitled' });
  });

  it('offline: what this device recorded counts as collected here, with its time', () => {
    const item: ListItem = { entitlementId: 'a', roundId: 'r', roundNumber: 2, programme: { code: 'WINTER', name: 'Winter', nameAr: null, nameCkb: null, sector: 'shelter_nfi' }, pointId: null, redemption: null, contents: [], status: 'issued', household, cardId: null };
    const entry = { key: 'k', state: 'pending', redemption: { entitlementId: 'a', redeemedAt: '2014-11-12T09:30:00Z' } } as OutboxEntry;
    expect(verdict(fromList([item], [], { id: HERE, name: 'Here' })).kind).toBe('collect');
    expect(verdict(fromList([item], [entry], { id: HERE, name: 'Here' }))).toMatchObject({ kind: 'already', entitlement: { state: 'collected_here', collected: { at: '2014-11-12T09:30:00Z', where: 'Here' } } });
    // Redeemed before the list was made: collected, with no time known on this device.
    expect(verdict(fromList([{ ...item, status: 'redeemed' }], [], { id: HERE, name: 'Here' }))).toMatchObject({ kind: 'already', entitlement: { collected: null } });
  });
});
