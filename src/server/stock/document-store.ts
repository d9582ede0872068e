import type { DispatchQuery } from '#domain/assistance/stock';
import type { CountedLine, ReceivedLine } from '#domain/assistance/stock-rules';
import type { Count, Dispatch, LocationRef, Receipt } from '#domain/assistance/stock-views';
import type { Executor } from '../audit/store.ts';
import type { Trx } from '../shared/tx.ts';
import { day, iso, json, locationRefs, visibleTo, type Visibility } from './location-store.ts';

/** SQL of the documents behind stock changes: receipts, dispatches (and their arrival), counts. */

type Line = { item: string; quantity: number };
type Refs = Map<string, LocationRef>;

// ------------------------------------------------------------------------------ receipts

export async function insertReceipt(trx: Trx, r: {
  id: string; locationId: string; lines: (Line & { balance: number })[]; supplier: string | null; reference: string | null;
  note: string | null; receivedOn: string; recordedBy: string;
}): Promise<void> {
  await trx.insertInto('stock_receipts').values({
    id: r.id, location_id: r.locationId, lines: JSON.stringify(r.lines), supplier: r.supplier, reference: r.reference, note: r.note,
    received_on: r.receivedOn, recorded_by: r.recordedBy,
  }).execute();
}

export async function getReceipt(db: Executor, id: string): Promise<(Omit<Receipt, 'location'> & { locationId: string }) | null> {
  const r = await db.selectFrom('stock_receipts as r').leftJoin('users as u', 'u.id', 'r.recorded_by').selectAll('r').select('u.username')
    .where('r.id', '=', id).executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id, locationId: r.location_id, lines: json(r.lines), supplier: r.supplier, reference: r.reference, note: r.note,
    receivedOn: day(r.received_on), recordedBy: r.username ?? null, recordedAt: iso(r.recorded_at),
  };
}

// ------------------------------------------------------------------------------ counts

export async function insertCount(trx: Trx, c: {
  id: string; locationId: string; lines: (CountedLine & { settled: number })[]; countedOn: string; note: string | null; recordedBy: string;
}): Promise<void> {
  await trx.insertInto('stock_counts').values({
    id: c.id, location_id: c.locationId, lines: JSON.stringify(c.lines), counted_on: c.countedOn, note: c.note, recorded_by: c.recordedBy,
  }).execute();
}

export async function getCount(db: Executor, id: string): Promise<(Omit<Count, 'location'> & { locationId: string }) | null> {
  const r = await db.selectFrom('stock_counts as c').leftJoin('users as u', 'u.id', 'c.recorded_by').selectAll('c').select('u.username')
    .where('c.id', '=', id).executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id, locationId: r.location_id, lines: json(r.lines), countedOn: day(r.counted_on), note: r.note,
    recordedBy: r.username ?? null, recordedAt: iso(r.recorded_at),
  };
}

// ------------------------------------------------------------------------------ dispatches

export interface DispatchRecord { id: string; fromId: string; toId: string; lines: Line[]; status: 'in_transit' | 'received' }

export async function insertDispatch(trx: Trx, d: {
  id: string; fromId: string; toId: string; lines: Line[]; waybill: string | null; note: string | null; sentBy: string;
}): Promise<void> {
  await trx.insertInto('dispatches').values({
    id: d.id, from_location: d.fromId, to_location: d.toId, lines: JSON.stringify(d.lines), waybill: d.waybill, note: d.note, sent_by: d.sentBy,
  }).execute();
}

/** A dispatch's essentials; `lock` holds it for the receiving transaction. */
export async function dispatchRecord(db: Executor, id: string, lock = false): Promise<DispatchRecord | null> {
  const q = db.selectFrom('dispatches').select(['id', 'from_location', 'to_location', 'lines', 'status']).where('id', '=', id);
  const r = await (lock ? q.forUpdate() : q).executeTakeFirst();
  return r ? { id: r.id, fromId: r.from_location, toId: r.to_location, lines: json(r.lines), status: r.status as DispatchRecord['status'] } : null;
}

/** Marks an in-transit dispatch received; false when it was received already. */
export async function markReceived(trx: Trx, id: string, r: { lines: ReceivedLine[]; note: string | null; by: string }): Promise<boolean> {
  const res = await trx.updateTable('dispatches').set({
    status: 'received', received_at: new Date(), received_by: r.by, received_lines: JSON.stringify(r.lines), received_note: r.note,
  }).where('id', '=', id).where('status', '=', 'in_transit').executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

function dispatches(db: Executor) {
  return db.selectFrom('dispatches as d').leftJoin('users as su', 'su.id', 'd.sent_by').leftJoin('users as ru', 'ru.id', 'd.received_by')
    .selectAll('d').select(['su.username as sent_by_name', 'ru.username as received_by_name']);
}

function toDispatch(r: any, refs: Refs): Dispatch {
  return {
    id: r.id, from: refs.get(r.from_location)!, to: refs.get(r.to_location)!, lines: json(r.lines), waybill: r.waybill, note: r.note,
    status: r.status, sentBy: r.sent_by_name ?? null, sentAt: iso(r.sent_at),
    receivedBy: r.received_by_name ?? null, receivedAt: r.received_at ? iso(r.received_at) : null,
    receivedLines: r.received_lines ? json(r.received_lines) : null, receivedNote: r.received_note,
  };
}

async function withRefs(db: Executor, rows: any[]): Promise<Dispatch[]> {
  const refs = await locationRefs(db, rows.flatMap((r) => [r.from_location, r.to_location]));
  return rows.map((r) => toDispatch(r, refs));
}

export async function getDispatch(db: Executor, id: string): Promise<Dispatch | null> {
  const r = await dispatches(db).where('d.id', '=', id).executeTakeFirst();
  return r ? (await withRefs(db, [r]))[0] : null;
}

/** Dispatches from or to the places `v` sees, newest first. */
export async function listDispatches(db: Executor, v: Visibility, f: DispatchQuery): Promise<{ items: Dispatch[]; total: number }> {
  const seen = db.selectFrom('stock_locations as s').select('s.id').where((eb) => visibleTo(eb, v));
  let q = db.selectFrom('dispatches as d')
    .where((eb) => eb.or([eb('d.from_location', 'in', seen), eb('d.to_location', 'in', seen)]));
  if (f.status) q = q.where('d.status', '=', f.status);
  if (f.location) q = q.where((eb) => eb.or([eb('d.from_location', '=', f.location!), eb('d.to_location', '=', f.location!)]));
  const ids = await q.select('d.id').orderBy('d.sent_at', 'desc').orderBy('d.id', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = ids.length ? await dispatches(db).where('d.id', 'in', ids.map((i) => i.id)).orderBy('d.sent_at', 'desc').orderBy('d.id', 'desc').execute() : [];
  return { items: await withRefs(db, rows), total: Number(count.n) };
}
