import { v7 as uuidv7 } from 'uuid';
import type { EntitlementView, Lookup, Redemption, RedemptionInput } from '#domain/assistance/distribution';
import type { Actor, Ctx } from '../context.ts';
import type { Executor } from '../audit/store.ts';
import { Problem, notFound } from '../http/problem.ts';
import { requirePermission } from '../identity/policy.ts';
import { entitledHouseholds } from '../registry/entitled.ts';
import { idempotent } from '../shared/idempotency.ts';
import { audit } from '../shared/tx.ts';
import { issueForRedemption, pointOf } from '../stock/service.ts';
import { cardOfToken } from './cards.ts';
import { validCards } from './cards-store.ts';
import * as store from './store.ts';

/**
 * At the distribution point: who holds this card (or is this household) and what it may collect
 * here, and the collection itself, exactly once. The unique redemption per entitlement decides
 * between two points at the same instant; the stock is taken in the same transaction, and a point
 * without enough stock refuses rather than go below zero.
 */

/** A point of the actor's organisation that is open; 404 for another organisation's. */
export async function usablePoint(ctx: Ctx, actor: Actor, pointId: string) {
  const point = await pointOf(ctx.db.kysely, pointId);
  if (!point || point.organizationId !== actor.organizationId || point.kind !== 'point') throw notFound();
  if (!point.active) throw new Problem(409, 'point.closed');
  return point;
}

function entitlementView(e: store.EntitlementRow, redemption: Redemption | null): EntitlementView {
  const { organizationId: _o, ...programme } = e.programme;
  return {
    id: e.id, roundId: e.roundId, roundNumber: e.roundNumber, pointId: e.pointId, programme,
    contents: e.contents, people: e.people, status: e.status, redemption,
  };
}

/** Whether the entitlement may be collected at this point: its round is served here, and it is for here or anywhere. */
async function collectableHere(db: Executor, e: store.EntitlementRow, pointId: string): Promise<boolean> {
  if (e.pointId !== null && e.pointId !== pointId) return false;
  return e.servedHere ?? store.roundServedAt(db, e.roundId, pointId);
}

/**
 * The household a card names (or a household chosen from a search) as the officer checks it, and
 * its entitlements from the programmes of the officer's organisation. A household with none is a
 * 404: the point shows nothing of families it does not serve.
 */
export async function lookup(ctx: Ctx, actor: Actor, q: { token?: string; household?: string; pointId: string }): Promise<Lookup> {
  requirePermission(actor, 'assistance.distribute');
  await usablePoint(ctx, actor, q.pointId);
  const db = ctx.db.kysely;
  const card = q.token ? await cardOfToken(ctx, db, q.token) : null;
  const householdId = card?.householdId ?? q.household;
  if (!householdId) throw new Problem(400, 'problem.bad_request');
  const entitlements = await store.entitlementsOfHousehold(db, householdId, actor.organizationId);
  if (entitlements.length === 0) throw new Problem(404, 'entitlement.none');
  const household = (await entitledHouseholds(db, [householdId])).get(householdId)!;
  const redeemed = await store.redemptionsOf(db, entitlements.filter((e) => e.status === 'redeemed').map((e) => e.id));
  return {
    household: { ...household },
    card: card ?? (await validCards(db, [householdId])).get(householdId) ?? null,
    entitlements: entitlements.map((e) => entitlementView(e, redeemed.get(e.id) ?? null)),
  };
}

/** The entitlement a redemption is for: named, or the one open here for the card's household. */
async function entitlementFor(ctx: Ctx, actor: Actor, input: RedemptionInput) {
  const db = ctx.db.kysely;
  if (input.entitlementId) {
    const e = await store.entitlementById(db, input.entitlementId, input.pointId);
    if (!e || e.programme.organizationId !== actor.organizationId) throw notFound();
    return { entitlement: e, cardId: null };
  }
  const card = await cardOfToken(ctx, db, input.token!);
  const all = await store.entitlementsOfHousehold(db, card.householdId, actor.organizationId, input.pointId);
  const here = [];
  for (const e of all) if (await collectableHere(db, e, input.pointId)) here.push(e);
  const open = here.filter((e) => e.status === 'issued');
  if (open.length > 1) throw new Problem(409, 'redemption.choose', { extra: { entitlements: open.map((e) => e.id) } });
  const chosen = open[0] ?? here.find((e) => e.status === 'redeemed');
  if (!chosen) throw new Problem(422, 'entitlement.not_here', { errors: [{ path: 'token', key: 'entitlement.not_here' }] });
  return { entitlement: chosen, cardId: card.id };
}

/** The answer to a second collection: when, where and by whom the first was recorded. */
async function alreadyCollected(db: Executor, entitlementId: string): Promise<Problem> {
  const first = (await store.redemptionsOf(db, [entitlementId])).get(entitlementId);
  // The sentence carries the time as a clerk reads it (UTC); `redemption` carries it exactly.
  const when = first ? `${first.redeemedAt.slice(0, 16).replace('T', ' ')} UTC` : '';
  return new Problem(409, 'redemption.already', { params: { when, where: first?.point.name ?? '' }, extra: { redemption: first ?? null } });
}

/** Refuses an entitlement that cannot be collected here now (cancelled, round not open, another point's). */
export async function assertCollectable(db: Executor, e: store.EntitlementRow, pointId: string) {
  if (e.status === 'cancelled') throw new Problem(409, 'entitlement.cancelled');
  if (e.roundStatus !== 'issued') throw new Problem(409, 'entitlement.round_closed');
  if (!(await collectableHere(db, e, pointId))) throw new Problem(422, 'entitlement.not_here', { errors: [{ path: 'pointId', key: 'entitlement.not_here' }] });
}

/**
 * Records that a household collected its entitlement at a point (201), once: every later attempt,
 * at this point or another, even at the same instant, is a 409 saying when and where it was
 * collected. The point's stock goes down by what was handed over in the same transaction.
 */
export async function redeem(ctx: Ctx, actor: Actor, input: RedemptionInput, idempotencyKey?: string) {
  requirePermission(actor, 'assistance.distribute');
  const point = await usablePoint(ctx, actor, input.pointId);
  const { entitlement, cardId } = await entitlementFor(ctx, actor, input);
  if (entitlement.status === 'redeemed') throw await alreadyCollected(ctx.db.kysely, entitlement.id);
  await assertCollectable(ctx.db.kysely, entitlement, point.id);
  return idempotent<{ redemption: Redemption; entitlement: EntitlementView }>(ctx, actor, idempotencyKey, 'POST /api/redemptions', input, async (trx) => {
    const now = new Date().toISOString();
    const redemption: Redemption = {
      id: uuidv7(), entitlementId: entitlement.id, point: { id: point.id, code: point.code, name: point.name }, collectedBy: input.collectedBy,
      collectorName: input.collectorName, redeemedAt: now, recordedAt: now, recordedBy: actor.username, via: input.token ? 'scan' : 'search',
    };
    const recorded = await store.insertRedemption(trx, {
      ...redemption, pointId: point.id, cardId, collectorDocument: input.collectorDocument, recordedBy: actor.userId, deviceId: null, syncKey: null,
    });
    if (!recorded) throw await alreadyCollected(trx, entitlement.id);
    await issueForRedemption(trx, actor, point.id, entitlement.contents, redemption.id, 'refuse');
    // Last, so the audit chain's head is held for as short a time as possible.
    await audit(trx, actor, 'redemption.create', 'entitlement', entitlement.id, { redemption: redemption.id, point: point.code, collectedBy: input.collectedBy });
    return { status: 201, body: { redemption, entitlement: entitlementView({ ...entitlement, status: 'redeemed' }, redemption) } };
  });
}
