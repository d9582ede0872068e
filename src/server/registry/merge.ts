import { diffRecords } from '#domain/registry/diff';
import { householdSearchText } from '#domain/registry/search-terms';
import type { Actor, Ctx } from '../context.ts';
import { Problem } from '../http/problem.ts';
import type { Trx } from '../shared/tx.ts';
import { historyView } from './service.ts';
import * as match from './matching-store.ts';
import * as store from './store.ts';
import { syncTimelines } from './timeline.ts';

export {
  displayByIds as householdsForReview, matchingByIds as householdsForMatching, matchingPage as householdsToIndex, householdsOfIndividuals,
} from './matching-store.ts';
export type { MatchingHousehold } from './matching-store.ts';

/**
 * The registry's part of a deduplication merge, run inside the caller's transaction. The survivor
 * takes the merged household's registration numbers and registry, and its members: a member who
 * is the same person as one of the survivor's is linked to that person and stays behind, the
 * others move in. The merged household keeps its history, gets status `merged` and points to the
 * survivor. Both get a new version and a history entry. Undoing moves the members back.
 */

export interface MergeLink { individualId: string; sameAs: string }

/** What undoing a merge needs. */
export interface MergeSnapshot {
  survivor: { mergedNumbers: string[]; alsoRegistries: string[] };
  moved: match.MemberPlace[];
  linked: MergeLink[];
}

const unique = (values: string[]) => [...new Set(values)];

async function lockedPair(trx: Trx, survivorId: string, mergedId: string) {
  await match.lockHouseholds(trx, [survivorId, mergedId]);
  const survivor = await store.getHousehold(trx, survivorId);
  const merged = await store.getHousehold(trx, mergedId);
  if (!survivor || !merged) throw new Problem(404, 'problem.not_found');
  return { survivor, merged };
}

function searchText(r: store.HouseholdRecord, mergedNumbers: string[], members: store.StoredMember[]): string {
  return householdSearchText({ registrationNumbers: [r.registrationNumber, ...mergedNumbers], phone: r.phone, members });
}

async function recordHistory(ctx: Ctx, trx: Trx, actor: Actor, before: store.HouseholdRecord, action: string, note: { path: string; to: string }) {
  // The survivor now counts more people, the merged household none: figures follow in this transaction.
  const [after] = await syncTimelines(trx, [(await store.getHousehold(trx, before.id))!]);
  const changes = [{ path: note.path, from: null, to: note.to }, ...diffRecords(historyView(ctx, before), historyView(ctx, after))];
  await store.insertHistory(trx, { householdId: after.id, version: after.version, action, changes, actorId: actor.userId });
  return after;
}

/** Merges `mergedId` into `survivorId` (both must be active); returns both as stored and the snapshot. */
export async function mergeHouseholds(ctx: Ctx, trx: Trx, actor: Actor, survivorId: string, mergedId: string, links: MergeLink[], mergeId: string) {
  const { survivor, merged } = await lockedPair(trx, survivorId, mergedId);
  if (survivor.status !== 'active' || merged.status !== 'active') throw new Problem(409, 'problem.merge_stale');
  const ours = new Set(survivor.members.map((m) => m.id));
  const linked = links.filter((l) => ours.has(l.sameAs) && merged.members.some((m) => m.id === l.individualId));
  const linkedIds = new Set(linked.map((l) => l.individualId));
  const moved = merged.members.map((m, position) => ({ id: m.id, position, relationship: m.relationship })).filter((m) => !linkedIds.has(m.id));
  const snapshot: MergeSnapshot = { survivor: { mergedNumbers: survivor.mergedNumbers ?? [], alsoRegistries: survivor.alsoRegistries ?? [] }, moved, linked };
  await match.moveMembersInto(trx, survivorId, moved.map((m) => m.id), survivor.members.length);
  await match.linkMembers(trx, linked);
  const mergedNumbers = unique([...snapshot.survivor.mergedNumbers, merged.registrationNumber, ...(merged.mergedNumbers ?? [])]);
  const alsoRegistries = unique([...snapshot.survivor.alsoRegistries, merged.registry, ...(merged.alsoRegistries ?? [])]).filter((r) => r !== survivor.registry);
  const members = [...survivor.members, ...merged.members.filter((m) => !linkedIds.has(m.id))];
  await match.setMergeColumns(trx, survivorId, {
    status: 'active', mergedInto: null, mergedNumbers, alsoRegistries, size: members.length,
    searchText: searchText(survivor, mergedNumbers, members), version: survivor.version + 1, actorId: actor.userId,
  });
  await match.setMergeColumns(trx, mergedId, {
    status: 'merged', mergedInto: survivorId, mergedNumbers: merged.mergedNumbers ?? [], alsoRegistries: merged.alsoRegistries ?? [],
    size: linked.length, searchText: merged.searchText, version: merged.version + 1, actorId: actor.userId,
  });
  return {
    snapshot,
    survivor: await recordHistory(ctx, trx, actor, survivor, 'merge', { path: 'merge', to: mergeId }),
    merged: await recordHistory(ctx, trx, actor, merged, 'merged', { path: 'merge', to: mergeId }),
  };
}

/**
 * Undoes a merge: the moved members go back (as they are now), links are removed, the survivor's
 * numbers and registries are those it had before, the merged household is active again. Edits
 * made to the survivor since stay with it. 409 when that cannot be done cleanly: the survivor was
 * merged into another household since, or a moved member is no longer in it.
 */
export async function unmergeHouseholds(ctx: Ctx, trx: Trx, actor: Actor, survivorId: string, mergedId: string, snapshot: MergeSnapshot, mergeId: string) {
  const { survivor, merged } = await lockedPair(trx, survivorId, mergedId);
  const present = new Set(survivor.members.map((m) => m.id));
  const clean = survivor.status === 'active' && merged.status === 'merged' && merged.mergedInto === survivorId
    && snapshot.moved.every((m) => present.has(m.id));
  if (!clean) throw new Problem(409, 'problem.undo_conflict');
  await match.moveMembersBack(trx, mergedId, snapshot.moved);
  await match.linkMembers(trx, snapshot.linked.map((l) => ({ individualId: l.individualId, sameAs: null })));
  const movedIds = new Set(snapshot.moved.map((m) => m.id));
  const kept = survivor.members.filter((m) => !movedIds.has(m.id));
  const { mergedNumbers, alsoRegistries } = snapshot.survivor;
  await match.setMergeColumns(trx, survivorId, {
    status: 'active', mergedInto: null, mergedNumbers, alsoRegistries, size: kept.length,
    searchText: searchText(survivor, mergedNumbers, kept), version: survivor.version + 1, actorId: actor.userId,
  });
  const back = (await store.getHousehold(trx, mergedId))!;
  await match.setMergeColumns(trx, mergedId, {
    status: 'active', mergedInto: null, mergedNumbers: back.mergedNumbers ?? [], alsoRegistries: back.alsoRegistries ?? [],
    size: back.members.length, searchText: searchText(back, back.mergedNumbers ?? [], back.members), version: merged.version + 1, actorId: actor.userId,
  });
  return {
    survivor: await recordHistory(ctx, trx, actor, survivor, 'unmerge', { path: 'unmerge', to: mergeId }),
    merged: await recordHistory(ctx, trx, actor, merged, 'unmerge', { path: 'unmerge', to: mergeId }),
  };
}

/**
 * Links a member to the same person's record in another household (an individual pair decided
 * same): the households stay apart, the person counts once. The household gets a new version and
 * a history entry. 409 when the household is no longer active or the member no longer in it or
 * already linked.
 */
export async function linkIndividual(ctx: Ctx, trx: Trx, actor: Actor, householdId: string, individualId: string, sameAs: string, mergeId: string) {
  await match.lockHouseholds(trx, [householdId]);
  const before = await store.getHousehold(trx, householdId);
  const member = before?.members.find((m) => m.id === individualId);
  if (!before || before.status !== 'active' || !member || member.sameAs) throw new Problem(409, 'problem.merge_stale');
  await match.linkMembers(trx, [{ individualId, sameAs }]);
  await match.touchHousehold(trx, householdId, before.version + 1, actor.userId);
  return recordHistory(ctx, trx, actor, before, 'link', { path: 'link', to: mergeId });
}

/** Undoes `linkIndividual`; 409 when the member left the household or was linked otherwise since. */
export async function unlinkIndividual(ctx: Ctx, trx: Trx, actor: Actor, householdId: string, link: MergeLink, mergeId: string) {
  await match.lockHouseholds(trx, [householdId]);
  const before = await store.getHousehold(trx, householdId);
  const member = before?.members.find((m) => m.id === link.individualId);
  if (!before || !member || member.sameAs !== link.sameAs) throw new Problem(409, 'problem.undo_conflict');
  await match.linkMembers(trx, [{ individualId: link.individualId, sameAs: null }]);
  await match.touchHousehold(trx, householdId, before.version + 1, actor.userId);
  return recordHistory(ctx, trx, actor, before, 'unlink', { path: 'unlink', to: mergeId });
}
