import { v7 as uuidv7 } from 'uuid';
import type { AdjustmentInput, CountInput, LedgerQuery, LevelQuery, ReceiptInput } from '#domain/assistance/stock';
import { countDifferences, reasonIssue, shortages, type StockIssue } from '#domain/assistance/stock-rules';
import type { Adjustment, Count, Receipt, StockLocation } from '#domain/assistance/stock-views';
import type { Actor, Ctx } from '../context.ts';
import { notFound } from '../http/problem.ts';
import { idempotent } from '../shared/idempotency.ts';
import { audit } from '../shared/tx.ts';
import * as documents from './document-store.ts';
import { checkStockItems, insufficient, issuesProblem } from './items.ts';
import * as levels from './level-store.ts';
import * as places from './location-store.ts';
import { assertCanMoveStockAt, assertCanReadLocation, assertCanReadStock, guarded, visibility } from './policy.ts';
import * as reads from './read-store.ts';

export { issueForRedemption } from './issue.ts';
export { pointOf } from './locations.ts';

/**
 * Stock at a place: receipts from outside, counts, adjustments, and what keepers read (levels,
 * the ledger, alerts). Every change locks the levels it moves, writes them and their ledger rows
 * in one statement, and is audited in the same transaction; nothing goes below zero.
 */

const today = () => new Date().toISOString().slice(0, 10);

/** The place a document is recorded at: the actor's organisation's, in scope (else 404), open. */
export async function stockPlace(ctx: Ctx, actor: Actor, id: string, field: string): Promise<StockLocation> {
  const location = await places.getLocation(ctx.db.kysely, id);
  assertCanMoveStockAt(actor, location && guarded(location), field);
  return location!;
}

/** Goods arriving from outside: each line adds to the place's level and to its ledger. */
export async function recordReceipt(ctx: Ctx, actor: Actor, input: ReceiptInput, idempotencyKey?: string) {
  const location = await stockPlace(ctx, actor, input.locationId, 'locationId');
  const items = input.lines.map((l) => l.item);
  await checkStockItems(ctx.db.kysely, items);
  return idempotent<Receipt>(ctx, actor, idempotencyKey, 'POST /api/stock/receipts', input, async (trx) => {
    const id = input.id ?? uuidv7();
    const note = [input.supplier, input.reference].filter(Boolean).join(' · ') || input.note;
    await levels.lockLevels(trx, location.id, items, true);
    const balances = await levels.applyChanges(trx, location.id,
      input.lines.map((l) => ({ item: l.item, delta: l.quantity, entries: [{ kind: 'receipt', change: l.quantity, note }] })),
      { referenceId: id, userId: actor.userId });
    const lines = input.lines.map((l) => ({ ...l, balance: balances.get(l.item)! }));
    const receivedOn = input.receivedOn ?? today();
    await documents.insertReceipt(trx, { id, locationId: location.id, lines, supplier: input.supplier, reference: input.reference, note: input.note, receivedOn, recordedBy: actor.userId });
    await audit(trx, actor, 'stock.receipt', 'stock_location', location.id, { receipt: id, lines: input.lines, supplier: input.supplier, reference: input.reference });
    const body: Receipt = {
      id, location: places.toRef(location), lines, supplier: input.supplier, reference: input.reference, note: input.note, receivedOn,
      recordedBy: actor.username, recordedAt: new Date().toISOString(),
    };
    return { status: 201, body };
  });
}

/**
 * A physical count: each counted item's level becomes what was counted, its difference a `count`
 * row of the ledger with the reason given (required wherever there is a difference), and its open
 * shortfall is settled. Items not counted are left as they are.
 */
export async function recordCount(ctx: Ctx, actor: Actor, input: CountInput, idempotencyKey?: string) {
  const location = await stockPlace(ctx, actor, input.locationId, 'locationId');
  const items = input.lines.map((l) => l.item);
  await checkStockItems(ctx.db.kysely, items);
  const reasons = await places.reasonRules(ctx.db.kysely);
  return idempotent<Count>(ctx, actor, idempotencyKey, 'POST /api/stock/counts', input, async (trx) => {
    const id = input.id ?? uuidv7();
    const held = await levels.lockLevels(trx, location.id, items, true);
    const quantities = new Map([...held].map(([item, l]) => [item, l.quantity]));
    const counted = countDifferences(input.lines, quantities, reasons);
    if (counted.issues.length) throw issuesProblem(counted.issues);
    await levels.applyChanges(trx, location.id, counted.lines.map((l) => ({
      item: l.item, delta: l.difference, shortfallDelta: -held.get(l.item)!.shortfall,
      entries: [{ kind: 'count', change: l.difference, reason: l.reason, note: input.note }],
    })), { referenceId: id, userId: actor.userId });
    const lines = counted.lines.map((l) => ({ ...l, settled: held.get(l.item)!.shortfall }));
    const countedOn = input.countedOn ?? today();
    await documents.insertCount(trx, { id, locationId: location.id, lines, countedOn, note: input.note, recordedBy: actor.userId });
    await audit(trx, actor, 'stock.count', 'stock_location', location.id, { count: id, differences: lines.filter((l) => l.difference !== 0 || l.settled > 0) });
    const body: Count = { id, location: places.toRef(location), countedOn, note: input.note, lines, recordedBy: actor.username, recordedAt: new Date().toISOString() };
    return { status: 201, body };
  });
}

/**
 * Stock found or lost outside a count: each line adds or takes away, with a reason from the list
 * that points its way. Taking more than there is is a 409 `stock.insufficient` and changes nothing.
 */
export async function adjustStock(ctx: Ctx, actor: Actor, input: AdjustmentInput, idempotencyKey?: string) {
  const location = await stockPlace(ctx, actor, input.locationId, 'locationId');
  const items = input.lines.map((l) => l.item);
  await checkStockItems(ctx.db.kysely, items);
  const reasons = await places.reasonRules(ctx.db.kysely);
  const issues = input.lines.map((l, i) => reasonIssue(l.quantity, l.reason, reasons, ['lines', i, 'reason'])).filter((x): x is StockIssue => x !== null);
  if (issues.length) throw issuesProblem(issues);
  return idempotent<Adjustment>(ctx, actor, idempotencyKey, 'POST /api/stock/adjustments', input, async (trx) => {
    const id = input.id ?? uuidv7();
    const held = await levels.lockLevels(trx, location.id, items, true);
    const out = input.lines.filter((l) => l.quantity < 0).map((l) => ({ item: l.item, quantity: -l.quantity }));
    const short = shortages(out, new Map([...held].map(([item, l]) => [item, l.quantity])));
    if (short.length) throw insufficient(short, (item) => `lines.${items.indexOf(item)}.quantity`);
    const balances = await levels.applyChanges(trx, location.id, input.lines.map((l) => ({
      item: l.item, delta: l.quantity, entries: [{ kind: 'adjustment', change: l.quantity, reason: l.reason, note: input.note }],
    })), { referenceId: id, userId: actor.userId });
    const lines = input.lines.map((l) => ({ item: l.item, change: l.quantity, balance: balances.get(l.item)!, reason: l.reason }));
    await audit(trx, actor, 'stock.adjustment', 'stock_location', location.id, { adjustment: id, lines: input.lines, note: input.note });
    const body: Adjustment = { id, location: places.toRef(location), note: input.note, lines, recordedBy: actor.username, recordedAt: new Date().toISOString() };
    return { status: 201, body };
  });
}

/** Levels at the actor's places, with their low levels and a `low` flag; `low=true` for only those. */
export async function stockLevels(ctx: Ctx, actor: Actor, query: LevelQuery) {
  assertCanReadStock(actor);
  return { ...(await reads.listLevels(ctx.db.kysely, visibility(actor), query)), page: query.page, pageSize: query.pageSize };
}

/** Every change at the actor's places, newest first: how much, the balance left, who and why. */
export async function stockLedger(ctx: Ctx, actor: Actor, query: LedgerQuery) {
  assertCanReadStock(actor);
  return { ...(await reads.ledgerPage(ctx.db.kysely, visibility(actor), query)), page: query.page, pageSize: query.pageSize };
}

/** What needs a keeper's attention: items at or under their low level, and shortfalls no count has settled. */
export async function stockAlerts(ctx: Ctx, actor: Actor) {
  assertCanReadStock(actor);
  return reads.alerts(ctx.db.kysely, visibility(actor));
}

/** A document as its place's staff read it (404 for anyone else). */
async function placed<T extends { locationId: string }>(ctx: Ctx, actor: Actor, doc: T | null) {
  if (!doc) throw notFound();
  const location = await places.getLocation(ctx.db.kysely, doc.locationId);
  assertCanReadLocation(actor, location && guarded(location));
  const { locationId: _, ...rest } = doc;
  return { ...rest, location: places.toRef(location!) };
}

/** A receipt, read by the staff of its place. */
export async function getReceipt(ctx: Ctx, actor: Actor, id: string): Promise<Receipt> {
  return placed(ctx, actor, await documents.getReceipt(ctx.db.kysely, id));
}

/** A count, read by the staff of its place. */
export async function getCount(ctx: Ctx, actor: Actor, id: string): Promise<Count> {
  return placed(ctx, actor, await documents.getCount(ctx.db.kysely, id));
}
