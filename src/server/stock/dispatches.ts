import { v7 as uuidv7 } from 'uuid';
import type { DispatchInput, DispatchQuery, ReceiveInput } from '#domain/assistance/stock';
import { receivedDifferences, shortages } from '#domain/assistance/stock-rules';
import type { Dispatch } from '#domain/assistance/stock-views';
import type { Actor, Ctx } from '../context.ts';
import { Problem, invalidField, notFound } from '../http/problem.ts';
import { idempotent } from '../shared/idempotency.ts';
import { audit } from '../shared/tx.ts';
import * as documents from './document-store.ts';
import { checkStockItems, insufficient, issuesProblem } from './items.ts';
import * as levels from './level-store.ts';
import * as places from './location-store.ts';
import { assertCanManageLocation, assertCanReadStock, guarded, ours, visibility } from './policy.ts';
import { stockPlace } from './service.ts';

/**
 * Dispatches between places: the goods leave the source at once (409 when it has not got them,
 * and nothing moves), travel `in_transit`, and enter the destination when its staff receive them,
 * with what actually arrived and a reason for each difference. The destination may belong to
 * another organisation (a partner's convoy to a ministry's point).
 */

/** Sends goods from a place the actor keeps to any open place; the source's stock goes down at once. */
export async function dispatchStock(ctx: Ctx, actor: Actor, input: DispatchInput, idempotencyKey?: string) {
  const from = await stockPlace(ctx, actor, input.fromLocationId, 'fromLocationId');
  const to = await places.getLocation(ctx.db.kysely, input.toLocationId);
  if (!to) throw invalidField('toLocationId', 'stock.location_unknown');
  if (!to.active) throw invalidField('toLocationId', 'stock.location_inactive');
  const items = input.lines.map((l) => l.item);
  await checkStockItems(ctx.db.kysely, items);
  return idempotent<Dispatch>(ctx, actor, idempotencyKey, 'POST /api/stock/dispatches', input, async (trx) => {
    const id = input.id ?? uuidv7();
    const held = await levels.lockLevels(trx, from.id, items);
    const short = shortages(input.lines, new Map([...held].map(([item, l]) => [item, l.quantity])));
    if (short.length) throw insufficient(short, (item) => `lines.${items.indexOf(item)}.quantity`);
    const note = `${to.code}${input.waybill ? ` · ${input.waybill}` : ''}`;
    await levels.applyChanges(trx, from.id, input.lines.map((l) => ({ item: l.item, delta: -l.quantity, entries: [{ kind: 'dispatch', change: -l.quantity, note }] })),
      { referenceId: id, userId: actor.userId });
    await documents.insertDispatch(trx, { id, fromId: from.id, toId: to.id, lines: input.lines, waybill: input.waybill, note: input.note, sentBy: actor.userId });
    await audit(trx, actor, 'stock.dispatch', 'dispatch', id, { from: from.code, to: to.code, lines: input.lines, waybill: input.waybill });
    return { status: 201, body: (await documents.getDispatch(trx, id))! };
  });
}

/**
 * Receives a dispatch at its destination (the destination's staff only): what arrived of each item
 * enters its stock, and each difference from what was sent is kept with its reason. A dispatch is
 * received once: the second time is a 409 with the dispatch as received.
 */
export async function receiveDispatch(ctx: Ctx, actor: Actor, id: string, input: ReceiveInput, idempotencyKey?: string) {
  const dispatch = await documents.dispatchRecord(ctx.db.kysely, id);
  const to = dispatch && (await places.getLocation(ctx.db.kysely, dispatch.toId));
  assertCanManageLocation(actor, to && guarded(to));
  const received = async () => new Problem(409, 'stock.dispatch_received', { extra: { current: await documents.getDispatch(ctx.db.kysely, id) } });
  if (dispatch!.status === 'received') throw await received();
  const reasons = await places.reasonRules(ctx.db.kysely);
  const from = await places.getLocation(ctx.db.kysely, dispatch!.fromId);
  const arrival = receivedDifferences(dispatch!.lines, input.lines, reasons);
  if (arrival.issues.length) throw issuesProblem(arrival.issues);
  return idempotent<Dispatch>(ctx, actor, idempotencyKey, `POST /api/stock/dispatches/${id}/receive`, input, async (trx) => {
    const arrived = arrival.lines.filter((l) => l.received > 0);
    await levels.lockLevels(trx, to!.id, arrived.map((l) => l.item), true);
    if (!(await documents.markReceived(trx, id, { lines: arrival.lines, note: input.note, by: actor.userId }))) throw await received();
    await levels.applyChanges(trx, to!.id, arrived.map((l) => ({
      item: l.item, delta: l.received,
      entries: [{ kind: 'dispatch_received', change: l.received, reason: l.reason, note: from?.code ?? null }],
    })), { referenceId: id, userId: actor.userId });
    await audit(trx, actor, 'stock.dispatch_receive', 'dispatch', id, { to: to!.code, differences: arrival.lines.filter((l) => l.difference !== 0) });
    return { status: 200, body: (await documents.getDispatch(trx, id))! };
  });
}

/** One dispatch, for the staff of its source or its destination. */
export async function getDispatch(ctx: Ctx, actor: Actor, id: string): Promise<Dispatch> {
  assertCanReadStock(actor);
  const dispatch = await documents.getDispatch(ctx.db.kysely, id);
  if (!dispatch) throw notFound();
  const ends = await Promise.all([dispatch.from.id, dispatch.to.id].map((l) => places.getLocation(ctx.db.kysely, l)));
  if (!ends.some((l) => l && ours(actor, guarded(l)))) throw notFound();
  return dispatch;
}

/** Dispatches from or to the actor's places, newest first; by status (in transit, received) or place. */
export async function listDispatches(ctx: Ctx, actor: Actor, query: DispatchQuery) {
  assertCanReadStock(actor);
  return { ...(await documents.listDispatches(ctx.db.kysely, visibility(actor), query)), page: query.page, pageSize: query.pageSize };
}
