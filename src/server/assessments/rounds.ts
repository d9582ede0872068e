import { v7 as uuidv7 } from 'uuid';
import type { Round, RoundCounts, RoundInput, RoundQuery } from '#domain/movement/assessments';
import type { Actor, Ctx } from '../context.ts';
import type { Executor } from '../audit/store.ts';
import { Problem, invalidField, notFound } from '../http/problem.ts';
import { requirePermission } from '../identity/policy.ts';
import { idempotent } from '../shared/idempotency.ts';
import { audit, inTransaction } from '../shared/tx.ts';
import { aggregateRound } from './figures.ts';
import { assertCanManageRound } from './policy.ts';
import * as store from './store.ts';

const NO_COUNTS: RoundCounts = { locations: 0, idpFamilies: 0, idpIndividuals: 0, returneeFamilies: 0, returnees: 0, estimated: false };

/** A round as the API gives it, with what it holds so far. */
export function presentRound(r: store.RoundRecord, counts: RoundCounts = NO_COUNTS): Round {
  return {
    id: r.id, number: r.number, name: r.name, organization: { id: r.organizationId, code: r.organizationCode },
    startsOn: r.startsOn, endsOn: r.endsOn, reportedOn: r.reportedOn, status: r.status,
    closedAt: r.closedAt, closedBy: r.closedBy, createdAt: r.createdAt, counts,
  };
}

/** A round by its id or its number, as `?round=` gives it; null when there is none. */
export function findRound(db: Executor, ref: string): Promise<store.RoundRecord | null> {
  return /^\d+$/.test(ref) ? store.getRound(db, { number: Number(ref) }) : store.getRound(db, { id: ref });
}

async function withCounts(ctx: Ctx, round: store.RoundRecord): Promise<Round> {
  return presentRound(round, (await store.roundCounts(ctx.db.kysely, [round.id])).get(round.id));
}

/**
 * Opens a round of the actor's organisation (`assessments.manage`). Its number is unique; with
 * an Idempotency-Key a replay returns the first response.
 */
export async function createRound(ctx: Ctx, actor: Actor, input: RoundInput, idempotencyKey?: string) {
  assertCanManageRound(actor, null);
  return idempotent<Round>(ctx, actor, idempotencyKey, 'POST /api/rounds', input, async (trx) => {
    const id = input.id ?? uuidv7();
    if (input.id && (await store.getRound(trx, { id }))) throw new Problem(409, 'problem.conflict');
    if (await store.roundNumberTaken(trx, input.number)) {
      throw new Problem(409, 'round.number_taken', { errors: [{ path: 'number', key: 'round.number_taken' }] });
    }
    await store.insertRound(trx, { ...input, id, organizationId: actor.organizationId, createdBy: actor.userId });
    await audit(trx, actor, 'round.create', 'assessment_round', id, { number: input.number, reportedOn: input.reportedOn });
    return { status: 201, body: presentRound((await store.getRound(trx, { id }))!) };
  });
}

/** One round with its counts, for readers of assessments. */
export async function getRound(ctx: Ctx, actor: Actor, id: string): Promise<Round> {
  requirePermission(actor, 'assessments.read');
  const round = await store.getRound(ctx.db.kysely, { id });
  if (!round) throw notFound();
  return withCounts(ctx, round);
}

/** Rounds, newest first, each with its counts. */
export async function listRounds(ctx: Ctx, actor: Actor, query: RoundQuery) {
  requirePermission(actor, 'assessments.read');
  const { items, total } = await store.listRounds(ctx.db.kysely, query);
  const counts = await store.roundCounts(ctx.db.kysely, items.map((r) => r.id));
  return { items: items.map((r) => presentRound(r, counts.get(r.id))), total, page: query.page, pageSize: query.pageSize };
}

/**
 * Closes (locks) a round of the actor's organisation for good: from then on its assessments are
 * what figures count, and any write to them is a 409 `round.closed`. There is no reopening. The
 * round's assessments are summed by area in the same transaction, for the figures.
 */
export async function closeRound(ctx: Ctx, actor: Actor, id: string): Promise<Round> {
  requirePermission(actor, 'assessments.manage');
  const closed = await inTransaction(ctx, async (trx) => {
    const round = await store.getRound(trx, { id }, 'update');
    if (!round) throw notFound();
    assertCanManageRound(actor, round);
    if (round.status === 'closed' || !(await store.closeRound(trx, id, actor.userId))) throw new Problem(409, 'round.closed');
    await aggregateRound(trx, id);
    const counts = (await store.roundCounts(trx, [id])).get(id) ?? NO_COUNTS;
    await audit(trx, actor, 'round.close', 'assessment_round', id, { number: round.number, locations: counts.locations });
    return presentRound((await store.getRound(trx, { id }))!, counts);
  });
  return closed;
}

/** The round a request names by id, for a write: 422 at `path` when there is none. */
export async function roundForWrite(db: Executor, id: string, path: string): Promise<store.RoundRecord> {
  const round = await store.getRound(db, { id });
  if (!round) throw invalidField(path, 'round.unknown');
  return round;
}
