import { v7 as uuidv7 } from 'uuid';
import type { DistributionRound, RoundInput, RoundUpdate } from '#domain/assistance/rounds';
import type { Actor, Ctx } from '../context.ts';
import type { Executor } from '../audit/store.ts';
import { Problem, invalidField, notFound } from '../http/problem.ts';
import { idempotent } from '../shared/idempotency.ts';
import { audit, inTransaction } from '../shared/tx.ts';
import { assertCanManage, assertCanRead } from './policy.ts';
import { programmeOf } from './programmes.ts';
import * as store from './round-store.ts';
import { checkRound } from './validation.ts';

/** A round as the API gives it. */
export function presentRound(r: store.RoundRecord, points: store.PointRef[]): DistributionRound {
  return {
    id: r.id, number: r.number, name: r.name, startsOn: r.startsOn, endsOn: r.endsOn, rules: r.rules, formula: r.formula, points,
    programme: { id: r.programme.id, code: r.programme.code, name: r.programme.name, sector: r.programme.sector, organization: { id: r.programme.organizationId, code: r.programme.organizationCode } },
    status: r.status, createdBy: r.createdBy, createdAt: r.createdAt, submittedBy: r.submittedBy, submittedAt: r.submittedAt,
    approvedBy: r.approvedBy, approvedAt: r.approvedAt, rejection: r.rejection, issuedAt: r.issuedAt,
    targetedHouseholds: r.targetedHouseholds, targetedPeople: r.targetedPeople, version: r.version,
  };
}

/** The round as it now is, with its points. */
export async function shownRound(db: Executor, id: string): Promise<DistributionRound> {
  const round = (await store.getRound(db, id))!;
  return presentRound(round, (await store.roundPoints(db, [id])).get(id)!);
}

/** A round the actor's organisation owns, or a 404 (also for a partner's staff). */
export async function roundOf(db: Executor, actor: Actor, id: string, lock = false): Promise<store.RoundRecord> {
  const round = await store.getRound(db, id, lock);
  if (!round || round.programme.organizationId !== actor.organizationId) throw notFound();
  return round;
}

/**
 * Drafts a round of an active programme of the actor's organisation (`assistance.manage`): its
 * number is the next one unless given (unique in the programme); rules, formula and points are
 * checked against the data. With an Idempotency-Key a replay returns the first response.
 */
export async function createRound(ctx: Ctx, actor: Actor, programmeId: string, input: RoundInput, idempotencyKey?: string) {
  assertCanManage(actor);
  const programme = await programmeOf(ctx.db.kysely, programmeId);
  if (!programme) throw notFound();
  assertCanManage(actor, programme);
  if (programme.status !== 'active') throw new Problem(409, 'programme.closed');
  await checkRound(ctx.db.kysely, programme, input);
  return idempotent<DistributionRound>(ctx, actor, idempotencyKey, `POST /api/programmes/${programmeId}/rounds`, input, async (trx) => {
    await programmeOf(trx, programmeId, true);
    const id = input.id ?? uuidv7();
    if (input.id && (await store.getRound(trx, id))) throw new Problem(409, 'problem.conflict');
    const number = input.number ?? (await store.nextNumber(trx, programmeId));
    if (await store.numberTaken(trx, programmeId, number)) {
      throw new Problem(409, 'distribution_round.number_taken', { errors: [{ path: 'number', key: 'distribution_round.number_taken' }] });
    }
    await store.insertRound(trx, { ...input, id, programmeId, number, createdBy: actor.userId });
    await store.replacePoints(trx, id, input.pointIds);
    await audit(trx, actor, 'distribution_round.create', 'distribution_round', id, { programme: programme.code, number });
    return { status: 201, body: await shownRound(trx, id) };
  });
}

/** A round of the actor's organisation, for readers of assistance. */
export async function getRound(ctx: Ctx, actor: Actor, id: string): Promise<DistributionRound> {
  assertCanRead(actor);
  await roundOf(ctx.db.kysely, actor, id);
  return shownRound(ctx.db.kysely, id);
}

/** A programme's rounds, newest first. */
export async function listRounds(ctx: Ctx, actor: Actor, programmeId: string, query: { status?: string; page: number; pageSize: number }) {
  assertCanRead(actor);
  const programme = await programmeOf(ctx.db.kysely, programmeId);
  if (!programme) throw notFound();
  assertCanRead(actor, programme);
  const { items, total } = await store.listRounds(ctx.db.kysely, programmeId, query);
  const points = await store.roundPoints(ctx.db.kysely, items.map((r) => r.id));
  return { items: items.map((r) => presentRound(r, points.get(r.id)!)), total, page: query.page, pageSize: query.pageSize };
}

/**
 * Changes a draft at the version read: the fields given replace the round's. Only a draft
 * changes (409 otherwise, with the current round), so what a checker approves is what was
 * submitted; whoever edits it becomes one of its authors, who may not approve it.
 */
export async function updateRound(ctx: Ctx, actor: Actor, id: string, patch: RoundUpdate): Promise<DistributionRound> {
  assertCanManage(actor);
  const current = await roundOf(ctx.db.kysely, actor, id);
  const programme = (await programmeOf(ctx.db.kysely, current.programmeId))!;
  const stale = async (db: Executor, key: 'distribution_round.not_draft' | 'problem.conflict_version') =>
    new Problem(409, key, { extra: { current: await shownRound(db, id) } });
  if (current.status !== 'draft') throw await stale(ctx.db.kysely, 'distribution_round.not_draft');
  if (programme.status !== 'active') throw new Problem(409, 'programme.closed');
  const next: store.RoundValues = {
    name: patch.name === undefined ? current.name : patch.name, startsOn: patch.startsOn ?? current.startsOn, endsOn: patch.endsOn ?? current.endsOn,
    rules: patch.rules ?? current.rules, formula: patch.formula ?? current.formula,
  };
  if (next.endsOn < next.startsOn) throw invalidField(patch.endsOn ? 'endsOn' : 'startsOn', 'range.reversed');
  await checkRound(ctx.db.kysely, programme, { ...next, pointIds: patch.pointIds });
  return inTransaction(ctx, async (trx) => {
    if (!(await store.updateDraft(trx, id, next, patch.version, actor.userId))) {
      const now = (await store.getRound(trx, id))!;
      throw await stale(trx, now.status !== 'draft' ? 'distribution_round.not_draft' : 'problem.conflict_version');
    }
    if (patch.pointIds) await store.replacePoints(trx, id, patch.pointIds);
    await audit(trx, actor, 'distribution_round.update', 'distribution_round', id, { fields: Object.keys(patch).filter((k) => k !== 'version') });
    return shownRound(trx, id);
  });
}
