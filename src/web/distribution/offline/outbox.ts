import type { EntitlementLine, PointList, SyncResult } from '#domain/assistance/distribution';
import { foldName } from '#domain/names/fold';

/**
 * An offline point's outbox: every collection recorded on the device, with the idempotency key
 * it will be synced under. An entry starts `pending` and is written (encrypted) before the screen
 * says "collected"; a sync moves it to the server's answer for its key: `recorded` or
 * `already_recorded` (done), `conflict` (another point had recorded it first: a supervisor
 * resolves it) or `refused` (with why). A failed or partial sync leaves entries pending, to be
 * sent again under the same key; nothing is ever removed.
 */
export type OutboxState = 'pending' | SyncResult['results'][number]['outcome'];

export interface OfflineCollection {
  key: string;
  entitlementId: string;
  cardId: string | null;
  redeemedAt: string;
  pointId: string;
  collectedBy: 'head' | 'alternate';
  collectorName: string | null;
  collectorDocument: string | null;
}

export interface OutboxEntry {
  key: string;
  state: OutboxState;
  redemption: OfflineCollection;
  /** What the screen shows of it, kept with it so the list is not needed to read the outbox. */
  household: { registrationNumber: string; headName: string };
  programmeCode: string;
  roundNumber: number;
  contents: EntitlementLine[];
  syncedAt: string | null;
  error: string | null;
  conflictId: string | null;
}

export type ListItem = PointList['items'][number];

/** The server takes at most this many per sync request. */
export const SYNC_BATCH = 2000;

/** The entries still to send, oldest collection first, in batches the server accepts. */
export function pendingBatches(entries: readonly OutboxEntry[], size = SYNC_BATCH): OfflineCollection[][] {
  const pending = entries
    .filter((e) => e.state === 'pending')
    .map((e) => e.redemption)
    .sort((a, b) => a.redeemedAt.localeCompare(b.redeemedAt));
  const batches: OfflineCollection[][] = [];
  for (let i = 0; i < pending.length; i += size) batches.push(pending.slice(i, i + size));
  return batches;
}

/** The entries a sync answer changes (their new state), leaving the ones it did not mention pending. */
export function applySyncResult(entries: readonly OutboxEntry[], result: SyncResult, now: string): OutboxEntry[] {
  const byKey = new Map(result.results.map((r) => [r.key, r]));
  const changed: OutboxEntry[] = [];
  for (const entry of entries) {
    const r = byKey.get(entry.key);
    if (!r || entry.state !== 'pending') continue;
    changed.push({ ...entry, state: r.outcome, syncedAt: now, error: r.error, conflictId: r.conflictId });
  }
  return changed;
}

export type LocalStatus = 'available' | 'collected_here' | 'redeemed_before' | 'cancelled' | 'other_point';

/**
 * Whether an entitlement may be handed out at this device now: not when this device already
 * recorded it (whatever the sync said), nor when the list said it was redeemed or cancelled.
 */
export function localStatus(item: ListItem, entries: readonly OutboxEntry[], pointId: string): LocalStatus {
  if (entries.some((e) => e.redemption.entitlementId === item.entitlementId)) return 'collected_here';
  if (item.status === 'redeemed') return 'redeemed_before';
  if (item.status === 'cancelled') return 'cancelled';
  const assigned = (item as ListItem & { pointId?: string | null }).pointId;
  if (assigned && assigned !== pointId) return 'other_point';
  return 'available';
}

/** The entitlements of the household holding this card; none when the card is not on the list (revoked or unknown). */
export function itemsForCard(list: PointList, cardId: string): ListItem[] {
  return list.items.filter((i) => i.cardId === cardId);
}

/** The entitlements of one household. */
export function itemsForHousehold(list: PointList, householdId: string): ListItem[] {
  return list.items.filter((i) => i.household.id === householdId);
}

/** Households on the list whose registration number or head's name contains every word typed (letters folded). */
export function searchList(list: PointList, text: string, limit = 20): ListItem['household'][] {
  const words = foldName(text).split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const seen = new Map<string, ListItem['household']>();
  for (const { household } of list.items) {
    if (seen.has(household.id)) continue;
    const hay = `${foldName(household.headName)} ${household.registrationNumber.toLowerCase()}`;
    if (words.every((w) => hay.includes(w))) seen.set(household.id, household);
    if (seen.size >= limit) break;
  }
  return [...seen.values()];
}

/** How many entries are in each state. */
export function outboxCounts(entries: readonly OutboxEntry[]): Record<OutboxState, number> {
  const counts: Record<OutboxState, number> = { pending: 0, recorded: 0, already_recorded: 0, conflict: 0, refused: 0 };
  for (const e of entries) counts[e.state] += 1;
  return counts;
}
