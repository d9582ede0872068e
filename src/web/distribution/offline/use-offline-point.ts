import { useCallback, useEffect, useRef, useState } from 'react';
import type { PointList } from '#domain/assistance/distribution';
import { uuidv7 } from '#web/lib/uuid.ts';
import { downloadPointList, syncRedemptions, type Point } from '../api.ts';
import { applySyncResult, localStatus, pendingBatches, type ListItem, type OutboxEntry } from './outbox.ts';
import * as store from './store.ts';

export interface Collector {
  collectedBy: 'head' | 'alternate';
  collectorName: string | null;
  collectorDocument: string | null;
}

export type OfflineState =
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'locked'; info: store.ListInfo; pending: number }
  | { status: 'open'; info: store.ListInfo; list: PointList; entries: OutboxEntry[] };

export interface SyncReport {
  at: string;
  sent: number;
  /** Entries whose state the sync changed. */
  changed: OutboxEntry[];
  /** The sync could not reach the server (entries stay pending). */
  failed: unknown | null;
}

/** How often a device with collections waiting tries to sync while online. */
const AUTO_SYNC_MS = 30_000;

/**
 * An offline point on this device: its sealed list and outbox, the key while open (in memory
 * only: a reload asks for the passphrase again), recording and syncing. Syncs by itself when the
 * browser comes back online and every 30 s while collections wait.
 */
export function useOfflinePoint(pointId: string | null) {
  const [state, setState] = useState<OfflineState>({ status: 'loading' });
  const [syncing, setSyncing] = useState(false);
  const [report, setReport] = useState<SyncReport | null>(null);
  const key = useRef<CryptoKey | null>(null);
  const syncingRef = useRef(false);

  const reload = useCallback(async () => {
    key.current = null;
    if (!pointId) return setState({ status: 'none' });
    const info = await store.listInfo(pointId);
    setState(info ? { status: 'locked', info, pending: await store.pendingCount(pointId) } : { status: 'none' });
  }, [pointId]);

  useEffect(() => {
    setReport(null);
    void reload();
  }, [reload]);

  const openWith = async (k: CryptoKey, list: PointList, entries: OutboxEntry[]) => {
    key.current = k;
    setState({ status: 'open', info: (await store.listInfo(list.point.id))!, list, entries });
  };

  /** Downloads the point's list and keeps it sealed under the passphrase (or, when open, the key in use). */
  const download = async (passphrase?: string) => {
    const list = await downloadPointList(pointId!);
    const k = await store.saveList(list, key.current && !passphrase ? { key: key.current } : { passphrase: passphrase! });
    const entries = state.status === 'open' ? state.entries : [];
    await openWith(k, list, entries);
  };

  const unlock = async (passphrase: string) => {
    const opened = await store.unlock(pointId!, passphrase);
    await openWith(opened.key, opened.list, opened.entries);
  };

  /** Records a collection: sealed in the outbox before this resolves (and before the screen says "collected"). */
  const record = async (item: ListItem, collector: Collector): Promise<OutboxEntry> => {
    if (state.status !== 'open' || !key.current) throw new Error('locked');
    if (localStatus(item, state.entries, pointId!) !== 'available') throw new Error('not available');
    const entry: OutboxEntry = {
      key: `offline-${uuidv7()}`, state: 'pending',
      redemption: { key: '', entitlementId: item.entitlementId, cardId: item.cardId, redeemedAt: new Date().toISOString(), pointId: pointId!, ...collector },
      household: { registrationNumber: item.household.registrationNumber, headName: item.household.headName },
      programmeCode: item.programme.code, roundNumber: item.roundNumber, contents: item.contents,
      syncedAt: null, error: null, conflictId: null,
    };
    entry.redemption.key = entry.key;
    await store.putEntries(key.current, [entry]);
    setState((s) => (s.status === 'open' ? { ...s, entries: [entry, ...s.entries] } : s));
    return entry;
  };

  const sync = useCallback(async () => {
    if (state.status !== 'open' || !key.current || syncingRef.current) return;
    const batches = pendingBatches(state.entries);
    if (!batches.length) return;
    syncingRef.current = true;
    setSyncing(true);
    const changed: OutboxEntry[] = [];
    let failed: unknown = null;
    try {
      const device = await store.deviceId();
      for (const items of batches) {
        const result = await syncRedemptions({ deviceId: device, items });
        const updates = applySyncResult(state.entries, result, new Date().toISOString());
        // Written before they are shown: a crash now leaves them pending, to be sent again under the same key.
        await store.putEntries(key.current, updates);
        changed.push(...updates);
      }
    } catch (error) {
      failed = error;
    } finally {
      const byKey = new Map(changed.map((e) => [e.key, e]));
      setState((s) => (s.status === 'open' ? { ...s, entries: s.entries.map((e) => byKey.get(e.key) ?? e) } : s));
      setReport({ at: new Date().toISOString(), sent: batches.flat().length, changed, failed });
      syncingRef.current = false;
      setSyncing(false);
    }
  }, [state]);

  // Automatic sync: on coming back online, and every 30 s while collections wait.
  const pending = state.status === 'open' ? state.entries.filter((e) => e.state === 'pending').length : 0;
  const syncRef = useRef(sync);
  syncRef.current = sync;
  useEffect(() => {
    if (!pending) return;
    const attempt = () => { if (navigator.onLine) void syncRef.current(); };
    window.addEventListener('online', attempt);
    const timer = window.setInterval(attempt, AUTO_SYNC_MS);
    return () => {
      window.removeEventListener('online', attempt);
      window.clearInterval(timer);
    };
  }, [pending]);

  const lock = () => void reload();
  const forget = async () => {
    await store.forgetList(pointId!);
    await reload();
  };

  return { state, syncing, report, pending, download, unlock, record, sync, lock, forget };
}

export type OfflinePoint = ReturnType<typeof useOfflinePoint>;

/** The point as the device's list names it, when the server cannot be asked. */
export function offlinePoint(state: OfflineState): Point | undefined {
  if (state.status !== 'locked' && state.status !== 'open') return undefined;
  const { pointId, pointCode, pointName } = state.info;
  return { id: pointId, code: pointCode, name: pointName, nameAr: null, nameCkb: null, active: true };
}
