import { diffRecords } from '#domain/registry/diff';
import type { Actor, Ctx } from '../context.ts';
import { Problem, notFound } from '../http/problem.ts';
import type { Trx } from '../shared/tx.ts';
import { registryHooks } from './hooks.ts';
import * as match from './matching-store.ts';
import { assertCanWrite } from './policy.ts';
import { historyView } from './service.ts';
import * as store from './store.ts';
import { syncTimelines } from './timeline.ts';

/**
 * The registry's part when a household's movements change (the movement capability records them):
 * the household is locked and checked first, then its timeline is applied, it gets a new version
 * and a history entry saying what moved, and the change is announced after commit.
 */

/** The household locked in `trx` for a change of its timeline: one the actor may write, not merged away. */
export async function lockForTimeline(trx: Trx, actor: Actor, id: string): Promise<store.HouseholdRecord> {
  await match.lockHouseholds(trx, [id]);
  const record = await store.getHousehold(trx, id);
  if (!record) throw notFound();
  assertCanWrite(actor, record);
  if (record.status === 'merged') throw new Problem(409, 'problem.household_merged', { extra: { mergedInto: record.mergedInto ?? null } });
  return record;
}

/** After a movement was recorded or withdrawn: the timeline applied, the next version, a history entry. */
export async function timelineChanged(ctx: Ctx, trx: Trx, actor: Actor, before: store.HouseholdRecord,
  action: 'movement' | 'movement_withdrawn', movementId: string): Promise<store.HouseholdRecord> {
  await syncTimelines(trx, [before]);
  await match.touchHousehold(trx, before.id, before.version + 1, actor.userId);
  const after = (await store.getHousehold(trx, before.id))!;
  const changes = [{ path: action, from: null, to: movementId }, ...diffRecords(historyView(ctx, before), historyView(ctx, after))];
  await store.insertHistory(trx, { householdId: after.id, version: after.version, action, changes, actorId: actor.userId });
  return after;
}

/** Tells the other capabilities (the duplicate index) that these households changed; after commit. */
export function announce(ctx: Ctx, records: store.HouseholdRecord[]): void {
  registryHooks(ctx).committed?.(records);
}
