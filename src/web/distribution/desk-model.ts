import type { EntitlementLine, Lookup } from '#domain/assistance/distribution';
import { localStatus, type ListItem, type OutboxEntry } from './offline/outbox.ts';

/**
 * What the officer at the point sees of a family, whether it came from the server (online) or
 * from the downloaded list (offline): the head to recognise, and each entitlement with whether it
 * can be handed out here now.
 */
export interface DeskHousehold {
  id: string;
  registrationNumber: string;
  headName: string;
  headSex: string;
  headBirthDate: string | null;
  size: number;
}

export type DeskEntitlementState = 'available' | 'collected' | 'collected_here' | 'cancelled' | 'other_point';

export interface DeskEntitlement {
  id: string;
  programme: string;
  roundNumber: number;
  contents: EntitlementLine[];
  people: number | null;
  state: DeskEntitlementState;
  /** When and where it was collected (online: the server's record; offline: this device's). */
  collected: { at: string; where: string } | null;
}

export interface DeskFamily {
  household: DeskHousehold;
  entitlements: DeskEntitlement[];
}

/** A lookup from the server as the desk shows it. */
export function fromLookup(lookup: Lookup, pointId: string): DeskFamily {
  return {
    household: lookup.household,
    entitlements: lookup.entitlements.map((e) => ({
      id: e.id,
      programme: e.programme.name || e.programme.code,
      roundNumber: e.roundNumber,
      contents: e.contents,
      people: e.people,
      state: e.status === 'redeemed' ? 'collected' : e.status === 'cancelled' ? 'cancelled' : e.pointId && e.pointId !== pointId ? 'other_point' : 'available',
      collected: e.redemption ? { at: e.redemption.redeemedAt, where: e.redemption.point.name } : null,
    })),
  };
}

/** A household's items of the downloaded list as the desk shows them, with what this device recorded. */
export function fromList(items: ListItem[], entries: readonly OutboxEntry[], point: { id: string; name: string }): DeskFamily {
  return {
    household: items[0].household,
    entitlements: items.map((item) => {
      const status = localStatus(item, entries, point.id);
      const here = entries.find((e) => e.redemption.entitlementId === item.entitlementId);
      return {
        id: item.entitlementId,
        programme: item.programme.code,
        roundNumber: item.roundNumber,
        contents: item.contents,
        people: null,
        state: status === 'redeemed_before' ? 'collected' : status,
        collected: here ? { at: here.redemption.redeemedAt, where: point.name } : item.redemption ? { at: item.redemption.redeemedAt, where: item.redemption.pointName } : null,
      };
    }),
  };
}

export type DeskVerdict =
  | { kind: 'collect'; available: DeskEntitlement[] }
  | { kind: 'already'; entitlement: DeskEntitlement }
  | { kind: 'not_entitled' };

/** What the screen says of a family: hand something out, already collected (red), or nothing for it here. */
export function verdict(family: DeskFamily): DeskVerdict {
  const available = family.entitlements.filter((e) => e.state === 'available');
  if (available.length) return { kind: 'collect', available };
  const collected = family.entitlements
    .filter((e) => e.state === 'collected' || e.state === 'collected_here')
    .sort((a, b) => (b.collected?.at ?? '').localeCompare(a.collected?.at ?? ''));
  if (collected.length) return { kind: 'already', entitlement: collected[0] };
  return { kind: 'not_entitled' };
}
