import { formulaCodes } from '#domain/assistance/formula';
import type { DistributionRound } from '#domain/assistance/rounds';
import type { Actor, Ctx } from '../context.ts';
import type { ErrorKey } from '#domain/i18n/errors';
import { Problem, invalidField, invalidFields } from '../http/problem.ts';
import { requirePermission } from '../identity/policy.ts';
import { audit, inTransaction, type Trx } from '../shared/tx.ts';
import { shareItems } from './catalogue-store.ts';
import { weightSnapshot } from './catalogue.ts';
import { assertCanApprove, assertCanManage } from './policy.ts';
import * as store from './round-store.ts';
import { roundOf, shownRound } from './rounds.ts';
import { formulaErrors } from './validation.ts';

/**
 * The maker-checker steps of a round: its maker submits the draft, a checker who did not prepare
 * or submit it approves it or sends it back to draft with a reason; after its entitlements are
 * issued (issue.ts) it is closed. Each step names the version it was taken on: a round changed
 * meanwhile is a 409 with the current one, never approved, issued or closed unseen.
 */

type Status = store.RoundRecord['status'];

/** Why a round is not where a step to `to` starts. */
const WRONG_STATUS: Record<Status, ErrorKey> = {
  draft: 'distribution_round.not_submitted', submitted: 'distribution_round.not_draft', approved: 'distribution_round.not_submitted',
  issued: 'distribution_round.not_approved', closed: 'distribution_round.not_issued',
};

async function conflict(trx: Trx, id: string, key: ErrorKey): Promise<Problem> {
  return new Problem(409, key, { extra: { current: await shownRound(trx, id) } });
}

/**
 * The round is at `from` and at the version read, or a 409 with the current round: issued or
 * closed already (a second click, or someone else), in another step, or changed since it was read.
 */
export async function assertAt(trx: Trx, round: store.RoundRecord, from: Status, version: number, to: Status) {
  if (to === 'issued' && (round.status === 'issued' || round.status === 'closed')) throw await conflict(trx, round.id, 'distribution_round.already_issued');
  if (to === 'closed' && round.status === 'closed') throw await conflict(trx, round.id, 'distribution_round.already_closed');
  if (round.status !== from) throw await conflict(trx, round.id, WRONG_STATUS[to]);
  if (version !== round.version) throw await conflict(trx, round.id, 'problem.conflict_version');
}

async function move(trx: Trx, round: store.RoundRecord, step: Parameters<typeof store.moveRound>[4]) {
  if (!(await store.moveRound(trx, round.id, round.status, round.version, step))) throw await conflict(trx, round.id, 'problem.conflict_version');
}

/**
 * The maker sends a draft for approval (`assistance.manage`); it must say what households receive,
 * in entries of the catalogue still active. The round keeps the weights its score counts now:
 * the checker approves, and the issue targets, the households scored with them. What its kits
 * hold is held until the submit is committed (a kit in use no longer changes, catalogue-config.ts).
 */
export async function submitRound(ctx: Ctx, actor: Actor, id: string, version: number): Promise<DistributionRound> {
  assertCanManage(actor);
  return inTransaction(ctx, async (trx) => {
    const round = await roundOf(trx, actor, id, true);
    await assertAt(trx, round, 'draft', version, 'submitted');
    if (round.formula.parts.length === 0) throw invalidField('formula.parts', 'distribution_round.no_formula');
    await shareItems(trx, formulaCodes(round.formula).sort());
    const inactive = await formulaErrors(trx, round.formula);
    if (inactive.length) throw invalidFields(inactive);
    const weights = await weightSnapshot(trx);
    await move(trx, round, { to: 'submitted', by: actor.userId, weights });
    await audit(trx, actor, 'distribution_round.submit', 'distribution_round', id, { version, weights });
    return shownRound(trx, id);
  });
}

/**
 * A checker approves the submitted round as read (`assistance.approve`): never one of its
 * authors (who created or edited the draft) nor its submitter (403).
 */
export async function approveRound(ctx: Ctx, actor: Actor, id: string, version: number): Promise<DistributionRound> {
  requirePermission(actor, 'assistance.approve');
  return inTransaction(ctx, async (trx) => {
    const round = await roundOf(trx, actor, id, true);
    assertCanApprove(actor, { organizationId: round.programme.organizationId, authors: round.authors.map((a) => a.id), submittedBy: round.submittedBy?.id ?? null });
    await assertAt(trx, round, 'submitted', version, 'approved');
    await move(trx, round, { to: 'approved', by: actor.userId });
    await audit(trx, actor, 'distribution_round.approve', 'distribution_round', id, { version, submittedBy: round.submittedBy?.id });
    return shownRound(trx, id);
  });
}

/** A checker sends the submitted round back to draft with the reason (`assistance.approve`). */
export async function rejectRound(ctx: Ctx, actor: Actor, id: string, version: number, reason: string): Promise<DistributionRound> {
  requirePermission(actor, 'assistance.approve');
  return inTransaction(ctx, async (trx) => {
    const round = await roundOf(trx, actor, id, true);
    await assertAt(trx, round, 'submitted', version, 'draft');
    await move(trx, round, { to: 'draft', by: actor.userId, reason });
    await audit(trx, actor, 'distribution_round.reject', 'distribution_round', id, { version, reason });
    return shownRound(trx, id);
  });
}

/** Closes a round whose entitlements were issued (`assistance.manage`), as read: for good. */
export async function closeRound(ctx: Ctx, actor: Actor, id: string, version: number): Promise<DistributionRound> {
  assertCanManage(actor);
  return inTransaction(ctx, async (trx) => {
    const round = await roundOf(trx, actor, id, true);
    await assertAt(trx, round, 'issued', version, 'closed');
    await move(trx, round, { to: 'closed', by: actor.userId });
    await audit(trx, actor, 'distribution_round.close', 'distribution_round', id, { targetedHouseholds: round.targetedHouseholds });
    return shownRound(trx, id);
  });
}
