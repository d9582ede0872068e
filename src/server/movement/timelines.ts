import { figureStays, type CountedHousehold } from '#domain/movement/figures';
import { currentState, type CurrentState } from '#domain/movement/timeline';
import type { Executor } from '../audit/store.ts';
import * as movements from './store.ts';
import * as stays from './stays-store.ts';

/**
 * The one place where a household's timeline is applied: after any change to a household (its
 * registration, an edit, an import, a merge or its undo, a link) or to its movements, in the
 * same transaction. It answers with where the timeline has each household now, and brings the
 * stays that registry figures count, and the built monthly snapshots, up to date, so that figures
 * are current the moment the change commits.
 */
export type TimelineHousehold = Omit<CountedHousehold, 'movements'> & { id: string };

const stayKey = (s: stays.StoredStay) =>
  [s.fromDay, s.toDay, s.pcode, s.siteId, s.status, s.shelter, s.origin, s.wave, s.families, s.individuals].join('|');

function byHousehold(list: readonly stays.StoredStay[]): Map<string, string> {
  const keys = new Map<string, string[]>();
  for (const s of list) keys.set(s.householdId, [...(keys.get(s.householdId) ?? []), stayKey(s)]);
  return new Map([...keys].map(([id, k]) => [id, k.sort().join('\n')]));
}

/**
 * Applies the timelines of these households; returns each one's current state. `created`: they
 * were just created (registered, imported), so they have neither movements nor stays yet.
 */
export async function applyTimelines(db: Executor, households: readonly TimelineHousehold[], created = false): Promise<Map<string, CurrentState>> {
  const ids = households.map((h) => h.id);
  const timelines = created ? new Map() : await movements.timelinesOf(db, ids);
  const waves = await movements.waves(db);
  const states = new Map<string, CurrentState>();
  const next: stays.StoredStay[] = [];
  for (const h of households) {
    const list = timelines.get(h.id) ?? [];
    states.set(h.id, currentState(h.registration, list));
    next.push(...figureStays({ ...h, movements: list }, waves).map((s) => ({ ...s, householdId: h.id })));
  }
  const old = created ? [] : await stays.staysOf(db, ids);
  const before = byHousehold(old);
  const after = byHousehold(next);
  const changed = new Set(ids.filter((id) => (before.get(id) ?? '') !== (after.get(id) ?? '')));
  if (changed.size === 0) return states;
  const removed = old.filter((s) => changed.has(s.householdId));
  const added = next.filter((s) => changed.has(s.householdId));
  await stays.replaceStays(db, [...changed], added);
  await stays.adjustSnapshots(db, [...removed.map((stay) => ({ stay, sign: -1 as const })), ...added.map((stay) => ({ stay, sign: 1 as const }))]);
  return states;
}

/** Forgets every monthly snapshot of the registry's figures: months are built again when next asked for. */
export function forgetSnapshots(db: Executor) {
  return stays.dropSnapshots(db);
}
