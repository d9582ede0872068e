import { describe, expect, it } from 'vitest';
import type { PointList } from '#domain/assistance/distribution';
import { applySyncResult, itemsForCard, localStatus, outboxCounts, pendingBatches, searchList, type ListItem, type OutboxEntry } from './outbox.ts';

const POINT = '00000000-0000-7000-8000-000000000001';
const id = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

function item(n: number, o: Partial<ListItem> = {}): ListItem {
  return {
    entitlementId: id(100 + n), roundId: id(2), roundNumber: 1, programme: { code: 'WINTER', name: 'Winter', nameAr: null, nameCkb: null, sector: 'shelter_nfi' }, pointId: null, redemption: null, contents: [{ code: 'winter_kit', quantity: 1 }],
    status: 'issued', cardId: id(200 + n),
    household: { id: id(300 + n), registrationNumber: `MOMD-IQG11-000012${n}`, headName: n === 1 ? 'أحمد حسن علي' : 'Dilshad Omar', headSex: 'm', headBirthDate: '1975', size: 6, currentPcode: 'IQG11Q01' },
    ...o,
  };
}

function entry(n: number, state: OutboxEntry['state'] = 'pending', at = `2026-01-0${n}T10:00:00.000Z`): OutboxEntry {
  return {
    key: `offline-${n}`, state,
    redemption: { key: `offline-${n}`, entitlementId: id(100 + n), cardId: null, redeemedAt: at, pointId: POINT, collectedBy: 'head', collectorName: null, collectorDocument: null },
    household: { registrationNumber: 'X', headName: 'Y' }, programmeCode: 'WINTER', roundNumber: 1, contents: [], syncedAt: null, error: null, conflictId: null,
  };
}

const list: PointList = { point: { id: POINT, code: 'P1', name: 'Point 1', nameAr: null, nameCkb: null }, generatedAt: '2026-01-01T00:00:00Z', keys: [], items: [item(1), item(2)] };

describe('the outbox of an offline point', () => {
  it('sends the pending entries only, oldest first, in batches the server accepts', () => {
    const entries = [entry(3), entry(1), entry(2, 'recorded'), entry(4, 'conflict'), entry(5)];
    expect(pendingBatches(entries).map((b) => b.map((r) => r.key))).toEqual([['offline-1', 'offline-3', 'offline-5']]);
    expect(pendingBatches(entries, 2).map((b) => b.length)).toEqual([2, 1]);
    expect(pendingBatches([entry(2, 'recorded')])).toEqual([]);
  });

  it('takes each outcome the server gave, and leaves unmentioned entries pending to be sent again', () => {
    const entries = [entry(1), entry(2), entry(3), entry(4), entry(5)];
    const changed = applySyncResult(entries, {
      results: [
        { key: 'offline-1', outcome: 'recorded', redemptionId: id(9), conflictId: null, error: null },
        { key: 'offline-2', outcome: 'already_recorded', redemptionId: id(8), conflictId: null, error: null },
        { key: 'offline-3', outcome: 'conflict', redemptionId: null, conflictId: id(7), error: null },
        { key: 'offline-4', outcome: 'refused', redemptionId: null, conflictId: null, error: 'This entitlement was cancelled.' },
        { key: 'unknown', outcome: 'recorded', redemptionId: id(6), conflictId: null, error: null },
      ],
    }, '2026-01-09T00:00:00Z');
    expect(changed.map((e) => [e.key, e.state])).toEqual([['offline-1', 'recorded'], ['offline-2', 'already_recorded'], ['offline-3', 'conflict'], ['offline-4', 'refused']]);
    expect(changed[2].conflictId).toBe(id(7));
    expect(changed[3].error).toContain('cancelled');
    expect(changed.every((e) => e.syncedAt === '2026-01-09T00:00:00Z')).toBe(true);
    const after = entries.map((e) => changed.find((c) => c.key === e.key) ?? e);
    expect(outboxCounts(after)).toEqual({ pending: 1, recorded: 1, already_recorded: 1, conflict: 1, refused: 1 });
    expect(pendingBatches(after).flat().map((r) => r.key)).toEqual(['offline-5']);
  });

  it('never changes an entry that already has the server\'s answer', () => {
    const changed = applySyncResult([entry(1, 'conflict')], { results: [{ key: 'offline-1', outcome: 'recorded', redemptionId: null, conflictId: null, error: null }] }, 'now');
    expect(changed).toEqual([]);
  });

  it('refuses a second collection on this device, whatever the sync said', () => {
    expect(localStatus(item(1), [], POINT)).toBe('available');
    for (const state of ['pending', 'recorded', 'conflict', 'refused'] as const) {
      expect(localStatus(item(1), [entry(1, state)], POINT)).toBe('collected_here');
    }
    expect(localStatus(item(1), [entry(2)], POINT)).toBe('available');
    expect(localStatus(item(1, { status: 'redeemed' }), [], POINT)).toBe('redeemed_before');
    expect(localStatus(item(1, { status: 'cancelled' }), [], POINT)).toBe('cancelled');
  });

  it('finds a card\'s entitlements (none for a card not on the list) and households by name or number', () => {
    expect(itemsForCard(list, id(201)).map((i) => i.entitlementId)).toEqual([id(101)]);
    expect(itemsForCard(list, id(999))).toEqual([]);
    expect(searchList(list, 'احمد').map((h) => h.id)).toEqual([id(301)]);
    expect(searchList(list, 'dilshad OMAR').map((h) => h.id)).toEqual([id(302)]);
    expect(searchList(list, '0000122').map((h) => h.id)).toEqual([id(302)]);
    expect(searchList(list, '  ')).toEqual([]);
  });
});
