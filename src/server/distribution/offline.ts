import { v7 as uuidv7 } from 'uuid';
import type { PointList, SyncInput, SyncResult } from '#domain/assistance/distribution';
import { translateError, type Locale } from '#domain/i18n/errors';
import type { Actor, Ctx } from '../context.ts';
import { Problem, notFound } from '../http/problem.ts';
import { requirePermission } from '../identity/policy.ts';
import { entitledHouseholds } from '../registry/entitled.ts';
import { audit, inTransaction } from '../shared/tx.ts';
import { issueForRedemption } from '../stock/service.ts';
import { validCards } from './cards-store.ts';
import * as conflicts from './conflicts-store.ts';
import { publicKeys } from './keys.ts';
import { assertCollectable, usablePoint } from './redeem.ts';
import * as store from './store.ts';

/**
 * Offline distribution points: the list a point downloads (its entitlements, the households' faces
 * and valid card ids, the keys to verify cards), and the redemptions it recorded offline, synced
 * later with the keys the device gave them. Nothing is lost: a redemption another point recorded
 * first is kept as a conflict for a supervisor to resolve.
 */

/** The point's list for an offline device: personal data, so the download is audited. */
export async function pointList(ctx: Ctx, actor: Actor, pointId: string): Promise<PointList> {
  requirePermission(actor, 'assistance.distribute');
  const point = await usablePoint(ctx, actor, pointId);
  const db = ctx.db.kysely;
  const entitlements = (await store.pointEntitlements(db, point.id)).filter((e) => e.programme.organizationId === actor.organizationId);
  const ids = [...new Set(entitlements.map((e) => e.householdId))];
  const [households, cards] = await Promise.all([entitledHouseholds(db, ids), validCards(db, ids)]);
  const redeemed = await store.redemptionsOf(db, entitlements.filter((e) => e.status === 'redeemed').map((e) => e.id));
  await inTransaction(ctx, (trx) => audit(trx, actor, 'distribution.list_download', 'stock_location', point.id, { entitlements: entitlements.length }));
  return {
    point: { id: point.id, code: point.code, name: point.name, nameAr: point.nameAr, nameCkb: point.nameCkb },
    generatedAt: new Date().toISOString(), keys: await publicKeys(ctx, db),
    items: entitlements.map((e) => {
      const h = households.get(e.householdId)!;
      const first = redeemed.get(e.id);
      const { organizationId: _o, ...programme } = e.programme;
      return {
        entitlementId: e.id, roundId: e.roundId, roundNumber: e.roundNumber, programme, pointId: e.pointId, contents: e.contents,
        status: e.status, cardId: cards.get(e.householdId)?.id ?? null,
        redemption: first ? { redeemedAt: first.redeemedAt, pointName: first.point.name } : null,
        household: { id: h.id, registrationNumber: h.registrationNumber, headName: h.headName, headSex: h.headSex, headBirthDate: h.headBirthDate, size: h.size, currentPcode: h.currentPcode },
      };
    }),
  };
}

type Item = SyncInput['items'][number];
type Outcome = SyncResult['results'][number];

async function syncOne(ctx: Ctx, actor: Actor, deviceId: string, item: Item): Promise<Outcome> {
  const done = (outcome: Outcome['outcome'], ids: { redemptionId?: string | null; conflictId?: string | null } = {}, error: string | null = null): Outcome =>
    ({ key: item.key, outcome, redemptionId: ids.redemptionId ?? null, conflictId: ids.conflictId ?? null, error });
  const before = await store.syncedKey(ctx.db.kysely, item.key);
  if (before) return done('already_recorded', before);
  const point = await usablePoint(ctx, actor, item.pointId);
  const e = await store.entitlementById(ctx.db.kysely, item.entitlementId);
  if (!e || e.programme.organizationId !== actor.organizationId) throw notFound();
  await assertCollectable(ctx.db.kysely, e, point.id);
  return inTransaction(ctx, async (trx) => {
    const id = uuidv7();
    const recorded = await store.insertRedemption(trx, {
      id, entitlementId: e.id, pointId: point.id, cardId: item.cardId, collectedBy: item.collectedBy, collectorName: item.collectorName,
      collectorDocument: item.collectorDocument, redeemedAt: item.redeemedAt, recordedBy: actor.userId, via: 'offline', deviceId, syncKey: item.key,
    });
    if (recorded) {
      // The goods were handed over offline: stock short of them is recorded as a shortfall, never below zero.
      await issueForRedemption(trx, actor, point.id, e.contents, id, 'record');
      await audit(trx, actor, 'redemption.create', 'entitlement', e.id, { redemption: id, point: point.code, offline: deviceId });
      return done('recorded', { redemptionId: id });
    }
    const conflictId = await conflicts.insertConflict(trx, { entitlementId: e.id, pointId: point.id, item, deviceId, reportedBy: actor.userId });
    await audit(trx, actor, 'redemption.conflict', 'entitlement', e.id, { conflict: conflictId, point: point.code, offline: deviceId });
    return done('conflict', { conflictId });
  });
}

/**
 * Records what an offline point handed out, item by item (one refused item does not hold back the
 * others). A key synced before is answered as it was; two syncs of one key at once record it once.
 */
export async function syncRedemptions(ctx: Ctx, actor: Actor, input: SyncInput, locale: Locale): Promise<SyncResult> {
  requirePermission(actor, 'assistance.distribute');
  const results: Outcome[] = [];
  for (const item of input.items) {
    try {
      results.push(await syncOne(ctx, actor, input.deviceId, item));
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        results.push({ key: item.key, outcome: 'already_recorded', ...((await store.syncedKey(ctx.db.kysely, item.key)) ?? { redemptionId: null, conflictId: null }), error: null });
      } else if (error instanceof Problem) {
        results.push({ key: item.key, outcome: 'refused', redemptionId: null, conflictId: null, error: translateError(locale, error.key, error.options.params) });
      } else {
        throw error;
      }
    }
  }
  return { results };
}

/** Conflicts of the actor's organisation's programmes, open ones first. */
export async function listConflicts(ctx: Ctx, actor: Actor, status?: 'open' | 'resolved') {
  requirePermission(actor, 'assistance.distribute');
  return conflicts.listConflicts(ctx.db.kysely, actor.organizationId, status);
}

/**
 * A supervisor's decision on a conflict: the family really collected twice (the second handout
 * leaves the point's stock too, and reports count it), or the second record was a mistake.
 */
export async function resolveConflict(ctx: Ctx, actor: Actor, id: string, resolution: 'double_collection' | 'recording_error', note: string | null) {
  requirePermission(actor, 'assistance.manage');
  return inTransaction(ctx, async (trx) => {
    const conflict = await conflicts.conflictForUpdate(trx, id);
    if (!conflict || conflict.organizationId !== actor.organizationId) throw notFound();
    if (conflict.status !== 'open') throw new Problem(409, 'conflict.resolved');
    if (resolution === 'double_collection') await issueForRedemption(trx, actor, conflict.pointId, conflict.contents, id, 'record');
    await conflicts.resolve(trx, id, resolution, note, actor.userId);
    await audit(trx, actor, 'redemption.conflict_resolved', 'entitlement', conflict.entitlementId, { conflict: id, resolution });
    return (await conflicts.conflictById(trx, id))!;
  });
}
