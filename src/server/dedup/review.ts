import { v7 as uuidv7 } from 'uuid';
import type { DecisionInput, Merge, PairHousehold, PairQuery, ReviewPair } from '#domain/dedup/api';
import { DEFAULT_MODEL } from '#domain/dedup/default-model';
import { matchHouseholds, prepareHousehold } from '#domain/dedup/household';
import type { Actor, Ctx } from '../context.ts';
import { Problem, invalidField, notFound } from '../http/problem.ts';
import { requirePermission } from '../identity/policy.ts';
import {
  householdsForMatching, householdsForReview, linkIndividual, mergeHouseholds, unlinkIndividual, unmergeHouseholds, type MergeSnapshot,
} from '../registry/merge.ts';
import type { Executor } from '../audit/store.ts';
import { audit, inTransaction } from '../shared/tx.ts';
import { repointPairs } from './queue.ts';
import { dedupRuntime } from './runtime.ts';
import * as store from './store.ts';

/**
 * The review queue and its decisions. A reviewer (dedup.review) sees pairs with one household in
 * its organisation's registry and the other in a registry it reaches. "Different" is remembered;
 * "same" merges the two households into the one registered first (or the one chosen) and
 * supersedes or re-points the other open pairs of the merged household. For an individual pair
 * (one person in two families) "same" links the person's record in the later household to the
 * one in the other household, recorded as a merge of kind `link` so that the same undo applies.
 * A merge can be undone. Deciding an already decided pair, or undoing twice, is a 409.
 */

type Snapshot = MergeSnapshot & { superseded: string[]; opened: string[]; kind?: 'link' };

async function reviewerOf(ctx: Ctx, actor: Actor): Promise<store.Reviewer> {
  requirePermission(actor, 'dedup.review');
  return { organizationCode: actor.organizationCode, reachable: await store.reachableRegistries(ctx.db.kysely, actor.organizationCode), scope: actor.scope };
}

function toReviewPair(p: store.PairRow, display: Map<string, PairHousehold>): ReviewPair | null {
  const a = display.get(p.householdA);
  const b = display.get(p.householdB);
  if (!a || !b) return null;
  return {
    id: p.id, kind: p.kind, individuals: p.kind === 'individual' ? { a: p.individualA!, b: p.individualB! } : null, status: p.status, source: p.source, score: p.score, band: p.band, reason: p.reason,
    duplicateReason: p.duplicateReason, note: p.note, createdAt: p.createdAt.toISOString(), decidedAt: p.decidedAt?.toISOString() ?? null,
    decidedBy: p.decidedBy ? { id: p.decidedBy, username: p.decidedByName } : null, mergeId: p.mergeId, a, b, members: p.members,
  };
}

async function pairView(db: Executor, r: store.Reviewer, id: string): Promise<ReviewPair> {
  const pair = await store.getPair(db, r, id);
  const view = pair && toReviewPair(pair, await householdsForReview(db, [pair.householdA, pair.householdB]));
  if (!view) throw notFound();
  return view;
}

function toMerge(m: store.MergeRow): Merge {
  const snapshot = m.snapshot as Snapshot;
  return {
    id: m.id, kind: snapshot.kind ?? 'merge', pairId: m.pairId, survivorId: m.survivorId, mergedId: m.mergedId, moved: snapshot.moved.map((x) => x.id),
    linked: snapshot.linked.map((l) => ({ individualId: l.individualId, sameAs: l.sameAs })), note: m.note,
    mergedAt: m.mergedAt.toISOString(), undoneAt: m.undoneAt?.toISOString() ?? null,
  };
}

/** GET /api/dedup/pairs: the pairs this reviewer may see, best score first, both households side by side. */
export async function listPairs(ctx: Ctx, actor: Actor, query: PairQuery) {
  const r = await reviewerOf(ctx, actor);
  const { items, total } = await store.listPairs(ctx.db.kysely, r, query);
  const display = await householdsForReview(ctx.db.kysely, [...new Set(items.flatMap((p) => [p.householdA, p.householdB]))]);
  return { items: items.map((p) => toReviewPair(p, display)).filter((p): p is ReviewPair => p !== null), total, page: query.page, pageSize: query.pageSize };
}

/** The survivor of a `same` decision: the one asked for (one of the pair), else the one registered first. */
async function chooseSurvivor(ctx: Ctx, pair: store.PairRow, asked: string | undefined): Promise<[string, string]> {
  const ids: [string, string] = [pair.householdA, pair.householdB];
  if (asked) {
    if (!ids.includes(asked)) throw invalidField('survivor', 'dedup.survivor_not_in_pair');
    return asked === ids[0] ? ids : [ids[1], ids[0]];
  }
  const display = await householdsForReview(ctx.db.kysely, ids);
  const [a, b] = ids.map((id) => display.get(id)!);
  const aFirst = a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.registrationNumber <= b.registrationNumber);
  return aFirst ? ids : [ids[1], ids[0]];
}

/** Merges the pair's households in one transaction; the index follows after commit. */
async function mergePair(ctx: Ctx, actor: Actor, pair: store.PairRow, input: DecisionInput): Promise<Merge> {
  const [survivorId, mergedId] = await chooseSurvivor(ctx, pair, input.survivor);
  const runtime = dedupRuntime(ctx);
  const model = runtime?.index.model ?? DEFAULT_MODEL;
  const mergeId = uuidv7();
  const { households, row } = await inTransaction(ctx, async (trx) => {
    if (!(await store.decidePair(trx, pair.id, 'same', actor.userId, input.note))) throw new Problem(409, 'problem.pair_decided');
    const read = await householdsForMatching(trx, [survivorId, mergedId]);
    const survivor = read.find((h) => h.id === survivorId)!;
    const merged = read.find((h) => h.id === mergedId)!;
    // Members found to be one person are linked, not moved: the survivor keeps one record of each person.
    const match = matchHouseholds(prepareHousehold(merged), prepareHousehold(survivor), model, runtime?.index.tf);
    const links = (match?.pairs ?? []).map((p) => ({ individualId: merged.members[p.a].id, sameAs: survivor.members[p.b].id }));
    const result = await mergeHouseholds(ctx, trx, actor, survivorId, mergedId, links, mergeId);
    const repointed = await repointPairs(ctx, trx, pair.id, survivorId, mergedId);
    const snapshot: Snapshot = { ...result.snapshot, ...repointed };
    await store.insertMerge(trx, { id: mergeId, pairId: pair.id, survivorId, mergedId, snapshot, note: input.note, actorId: actor.userId });
    await audit(trx, actor, 'dedup.merge', 'household', survivorId, {
      mergeId, pairId: pair.id, mergedId, moved: snapshot.moved.length, linked: snapshot.linked.length, superseded: repointed.superseded.length,
    });
    return { households: [result.survivor, result.merged], row: (await store.getMerge(trx, mergeId))! };
  });
  await runtime?.apply(households);
  return toMerge(row);
}

/** Links the person's record in the later household (`mergedId`) to the other; the households stay apart. */
async function linkPair(ctx: Ctx, actor: Actor, pair: store.PairRow, input: DecisionInput): Promise<Merge> {
  const [survivorId, mergedId] = await chooseSurvivor(ctx, pair, input.survivor);
  const [kept, linked] = survivorId === pair.householdA ? [pair.individualA!, pair.individualB!] : [pair.individualB!, pair.individualA!];
  const mergeId = uuidv7();
  const { household, row } = await inTransaction(ctx, async (trx) => {
    if (!(await store.decidePair(trx, pair.id, 'same', actor.userId, input.note))) throw new Problem(409, 'problem.pair_decided');
    const after = await linkIndividual(ctx, trx, actor, mergedId, linked, kept, mergeId);
    const snapshot: Snapshot = {
      kind: 'link', survivor: { mergedNumbers: [], alsoRegistries: [] }, moved: [], linked: [{ individualId: linked, sameAs: kept }], superseded: [], opened: [],
    };
    await store.insertMerge(trx, { id: mergeId, pairId: pair.id, survivorId, mergedId, snapshot, note: input.note, actorId: actor.userId });
    await audit(trx, actor, 'dedup.link', 'individual', linked, { mergeId, pairId: pair.id, sameAs: kept, householdId: mergedId });
    return { household: after, row: (await store.getMerge(trx, mergeId))! };
  });
  await dedupRuntime(ctx)?.apply([household]);
  return toMerge(row);
}

/** POST /api/dedup/pairs/:id/decision. */
export async function decidePair(ctx: Ctx, actor: Actor, id: string, input: DecisionInput) {
  const r = await reviewerOf(ctx, actor);
  const pair = await store.getPair(ctx.db.kysely, r, id);
  if (!pair) throw notFound();
  if (pair.status !== 'open') throw new Problem(409, 'problem.pair_decided');
  let merge: Merge | null = null;
  if (input.decision === 'same') merge = await (pair.kind === 'individual' ? linkPair : mergePair)(ctx, actor, pair, input);
  else {
    await inTransaction(ctx, async (trx) => {
      if (!(await store.decidePair(trx, id, 'different', actor.userId, input.note))) throw new Problem(409, 'problem.pair_decided');
      await audit(trx, actor, 'dedup.different', 'dedup_pair', id, {
        householdA: pair.householdA, householdB: pair.householdB, individualA: pair.individualA, individualB: pair.individualB,
      });
    });
  }
  return { pair: await pairView(ctx.db.kysely, r, id), merge };
}

/** POST /api/dedup/merges/:id/undo: both households as they were; the pair open again. */
export async function undoMerge(ctx: Ctx, actor: Actor, id: string) {
  const r = await reviewerOf(ctx, actor);
  const merge = await store.getMerge(ctx.db.kysely, id);
  if (!merge || !(await store.getPair(ctx.db.kysely, r, merge.pairId))) throw notFound();
  if (merge.undoneAt) throw new Problem(409, 'problem.merge_undone');
  const snapshot = merge.snapshot as Snapshot;
  const { households, row } = await inTransaction(ctx, async (trx) => {
    if (!(await store.markUndone(trx, id, actor.userId))) throw new Problem(409, 'problem.merge_undone');
    if (snapshot.kind === 'link') {
      const after = await unlinkIndividual(ctx, trx, actor, merge.mergedId, snapshot.linked[0], id);
      await store.setPairStatus(trx, [merge.pairId], 'open');
      await audit(trx, actor, 'dedup.unlink', 'individual', snapshot.linked[0].individualId, { mergeId: id, pairId: merge.pairId, householdId: merge.mergedId });
      return { households: [after], row: (await store.getMerge(trx, id))! };
    }
    const back = await unmergeHouseholds(ctx, trx, actor, merge.survivorId, merge.mergedId, snapshot, id);
    await store.setPairStatus(trx, [merge.pairId], 'open');
    await store.setPairStatus(trx, snapshot.superseded, 'open', 'superseded');
    await store.setPairStatus(trx, snapshot.opened, 'superseded', 'open');
    await audit(trx, actor, 'dedup.unmerge', 'household', merge.survivorId, { mergeId: id, pairId: merge.pairId, mergedId: merge.mergedId });
    return { households: [back.survivor, back.merged], row: (await store.getMerge(trx, id))! };
  });
  await dedupRuntime(ctx)?.apply(households);
  return { merge: toMerge(row), pair: await pairView(ctx.db.kysely, r, merge.pairId) };
}
