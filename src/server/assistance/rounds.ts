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
  const p = r.programme;
  return {
    id: r.id, number: r.number, name: r.name, startsOn: r.startsOn, endsOn: r.endsOn, rules: r.rules, formula: r.formula, points,
    programme: { id: p.id, code: p.code, name: p.name, nameAr: p.nameAr, nameCkb: p.nameCkb, sector: p.sector, organization: { id: p.organizationId, code: p.organizationCode } },
    status: r.status, createdBy: r.createdBy, createdAt: r.createdAt, authors: r.authors, submittedBy: r.submittedBy, submittedAt: r.submittedAt,
    approvedBy: r.approvedBy, approvedAt: r.approvedAt, rejection: r.rejection, issuedBy: r.issuedBy, issuedAt: r.issuedAt,
    closedBy: r.closedBy, closedAt: r.closedAt, targetedHouseholds: r.targetedHouseholds, targetedPeople: r.targetedPeople,
    scoredWeights: r.scoredWeights, version: r.version,
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

/** Edits of a draft: the fields given replace the round's (a preview gives no name). */
type DraftEdits = Omit<RoundUpdate, 'version' | 'name'> & { name?: string | null };

/**
 * The draft as it would be with these edits, checked against the data as an update checks them
 * (422 with every field at fault), nothing written: only a draft (409 otherwise, with the
 * current round) of an active programme, by a manager of its organisation.
 */
export async function editedDraft(db: Executor, actor: Actor, current: store.RoundRecord, edits: DraftEdits): Promise<store.RoundRecord> {
  assertCanManage(actor);
  if (current.status !== 'draft') throw new Problem(409, 'distribution_round.not_draft', { extra: { current: await shownRound(db, current.id) } });
  const programme = (await programmeOf(db, current.programmeId))!;
  if (programme.status !== 'active') throw new Problem(409, 'programme.closed');
  const next: store.RoundValues = {
    name: edits.name === undefined ? current.name : edits.name, startsOn: edits.startsOn ?? current.startsOn, endsOn: edits.endsOn ?? current.endsOn,
    rules: edits.rules ?? current.rules, formula: edits.formula ?? current.formula,
  };
  if (next.endsOn < next.startsOn) throw invalidField(edits.endsOn ? 'endsOn' : 'startsOn', 'range.reversed');
  await checkRound(db, programme, { ...next, pointIds: edits.pointIds });
  return { ...current, ...next };
}

/**
 * Changes a draft at the version read: the fields given replace the round's. Only a draft
 * changes (409 otherwise, with the current round), so what a checker approves is what was
 * submitted; whoever edits it becomes one of its authors, who may not approve it.
 */
export async function updateRound(ctx: Ctx, actor: Actor, id: string, patch: RoundUpdate): Promise<DistributionRound> {
  assertCanManage(actor);
  const next = await editedDraft(ctx.db.kysely, actor, await roundOf(ctx.db.kysely, actor, id), patch);
  return inTransaction(ctx, async (trx) => {
    if (!(await store.updateDraft(trx, id, next, patch.version, actor.userId))) {
      const now = (await store.getRound(trx, id))!;
      const key = now.status !== 'draft' ? 'distribution_round.not_draft' : 'problem.conflict_version';
      throw new Problem(409, key, { extra: { current: await shownRound(trx, id) } });
    }
    if (patch.pointIds) await store.replacePoints(trx, id, patch.pointIds);
    await audit(trx, actor, 'distribution_round.update', 'distribution_round', id, { fields: Object.keys(patch).filter((k) => k !== 'version') });
    return shownRound(trx, id);
  });
}
