import { Dexie, type Table } from 'dexie';
import type { PointList } from '#domain/assistance/distribution';
import { uuidv7 } from '#web/lib/uuid.ts';
import { deriveKey, open, PBKDF2_ITERATIONS, randomBytes, seal } from './crypto.ts';
import type { OutboxEntry, OutboxState } from './outbox.ts';

/**
 * What an offline point keeps in IndexedDB: per point, its downloaded list, and the outbox of
 * collections recorded on this device. Both are sealed (./crypto.ts) under the key of the
 * passphrase set at download; in the clear are only the point's name, when the list was made,
 * and each outbox entry's state (to say "3 waiting to sync" before the list is opened).
 */
interface StoredList {
  pointId: string;
  pointCode: string;
  pointName: string;
  generatedAt: string;
  downloadedAt: string;
  salt: Uint8Array;
  iterations: number;
  iv: Uint8Array;
  data: ArrayBuffer;
}

interface StoredEntry {
  key: string;
  pointId: string;
  state: OutboxState;
  createdAt: string;
  iv: Uint8Array;
  data: ArrayBuffer;
}

interface Meta {
  name: string;
  value: string;
}

class OfflineDb extends Dexie {
  lists!: Table<StoredList, string>;
  outbox!: Table<StoredEntry, string>;
  meta!: Table<Meta, string>;

  constructor() {
    super('amina-offline-points');
    this.version(1).stores({ lists: 'pointId', outbox: 'key, pointId, [pointId+state]', meta: 'name' });
  }
}

let database: OfflineDb | null = null;
const db = () => (database ??= new OfflineDb());

export type ListInfo = Pick<StoredList, 'pointId' | 'pointCode' | 'pointName' | 'generatedAt' | 'downloadedAt'>;

/** The list kept for a point (without its contents), if any. */
export async function listInfo(pointId: string): Promise<ListInfo | null> {
  const row = await db().lists.get(pointId);
  if (!row) return null;
  const { pointCode, pointName, generatedAt, downloadedAt } = row;
  return { pointId, pointCode, pointName, generatedAt, downloadedAt };
}

/** Every list kept on this device (without contents), with its collections waiting to sync: what the device can work on offline. */
export async function allLists(): Promise<(ListInfo & { pending: number })[]> {
  const rows = await db().lists.toArray();
  const lists = await Promise.all(rows.map(async ({ pointId, pointCode, pointName, generatedAt, downloadedAt }) =>
    ({ pointId, pointCode, pointName, generatedAt, downloadedAt, pending: await pendingCount(pointId) })));
  return lists.sort((a, b) => b.downloadedAt.localeCompare(a.downloadedAt));
}

/** How many collections of a point wait to be synced (readable without the passphrase). */
export function pendingCount(pointId: string): Promise<number> {
  return db().outbox.where({ pointId, state: 'pending' }).count();
}

const entryContext = (pointId: string, key: string) => `${pointId}:${key}`;

/** Keeps a downloaded list, sealed under a new key from `passphrase` (or under `key`, the one already open). */
export async function saveList(list: PointList, secret: { passphrase: string } | { key: CryptoKey }, iterations = PBKDF2_ITERATIONS): Promise<CryptoKey> {
  const existing = await db().lists.get(list.point.id);
  let key: CryptoKey;
  let salt: Uint8Array;
  if ('key' in secret) {
    if (!existing) throw new Error('no list to refresh');
    key = secret.key;
    salt = existing.salt;
    iterations = existing.iterations;
  } else {
    salt = randomBytes(16);
    key = await deriveKey(secret.passphrase, salt, iterations);
  }
  const sealed = await seal(key, list, list.point.id);
  await db().lists.put({
    pointId: list.point.id, pointCode: list.point.code, pointName: list.point.name, generatedAt: list.generatedAt,
    downloadedAt: new Date().toISOString(), salt, iterations, iv: sealed.iv, data: sealed.data,
  });
  return key;
}

/** Opens a point's list and outbox with the passphrase; throws WrongPassphrase when it is not the one set. */
export async function unlock(pointId: string, passphrase: string): Promise<{ key: CryptoKey; list: PointList; entries: OutboxEntry[] }> {
  const row = await db().lists.get(pointId);
  if (!row) throw new Error('no list');
  const key = await deriveKey(passphrase, row.salt, row.iterations);
  const list = await open<PointList>(key, row, pointId);
  return { key, list, entries: await readEntries(pointId, key) };
}

async function readEntries(pointId: string, key: CryptoKey): Promise<OutboxEntry[]> {
  const rows = await db().outbox.where('pointId').equals(pointId).toArray();
  const entries = await Promise.all(rows.map(async (r) => ({ ...(await open<OutboxEntry>(key, r, entryContext(pointId, r.key))), state: r.state })));
  return entries.sort((a, b) => b.redemption.redeemedAt.localeCompare(a.redemption.redeemedAt));
}

/** Writes outbox entries (new, or with a new state), sealed; resolves once IndexedDB has committed them. */
export async function putEntries(key: CryptoKey, entries: readonly OutboxEntry[]): Promise<void> {
  const rows = await Promise.all(entries.map(async (e) => {
    const sealed = await seal(key, e, entryContext(e.redemption.pointId, e.key));
    return { key: e.key, pointId: e.redemption.pointId, state: e.state, createdAt: e.redemption.redeemedAt, iv: sealed.iv, data: sealed.data };
  }));
  await db().transaction('rw', db().outbox, () => db().outbox.bulkPut(rows));
}

/** Removes a point's list from the device, refused while collections wait to be synced or were refused by the server. */
export async function forgetList(pointId: string): Promise<void> {
  await db().transaction('rw', db().lists, db().outbox, async () => {
    const unsettled = await db().outbox.where('[pointId+state]').anyOf([[pointId, 'pending'], [pointId, 'refused']]).count();
    if (unsettled > 0) throw new Error('unsettled');
    await db().outbox.where('pointId').equals(pointId).delete();
    await db().lists.delete(pointId);
  });
}

/** This device's id for the server (made once, kept). */
export async function deviceId(): Promise<string> {
  const row = await db().meta.get('deviceId');
  if (row) return row.value;
  const value = `web-${uuidv7()}`;
  await db().meta.put({ name: 'deviceId', value });
  return value;
}
