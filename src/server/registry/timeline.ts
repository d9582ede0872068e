import { currentState, type Registration } from '#domain/movement/timeline';
import type { Executor } from '../audit/store.ts';
import type { Ctx } from '../context.ts';
import { applyTimelines, forgetSnapshots, type TimelineHousehold } from '../movement/timelines.ts';
import { inTransaction } from '../shared/tx.ts';
import { everyHouseholdPage } from './bulk-store.ts';
import * as store from './store.ts';

/**
 * The registry's side of a household's timeline: what the registration says (where and when),
 * and where the timeline has the household now, written back onto it. Every write of a
 * household goes through `syncTimelines` in its transaction, so figures are current at commit.
 */

/** The registration as the first event of the household's timeline. */
export function registrationOf(r: Pick<store.HouseholdRecord, 'registeredOn' | 'registered' | 'displacedOn' | 'createdAt'>): Registration {
  return {
    on: r.registeredOn, place: { pcode: r.registered.pcode, siteId: r.registered.siteId, place: r.registered.address },
    shelter: r.registered.shelter, displacedOn: r.displacedOn, recordedAt: r.createdAt.toISOString(),
  };
}

/** The state of a household that has no movements yet: where and since when it was registered displaced. */
export function registeredState(r: Pick<store.HouseholdRecord, 'registeredOn' | 'registered' | 'displacedOn' | 'createdAt'>) {
  const s = currentState(registrationOf(r), []);
  return { displacementStatus: s.status, statusSince: s.since, lastMovementId: null };
}

function timelineHousehold(r: store.HouseholdRecord): TimelineHousehold {
  return {
    id: r.id, registration: registrationOf(r), originPcode: r.originPcode,
    counted: r.members.filter((m) => !m.sameAs).length, active: r.status === 'active',
  };
}

/**
 * Applies the timelines of these households as stored (figures follow), writes where each one is
 * now where that changed, and returns the records as they now are. `created`: households just
 * registered or imported (no movements, no stays yet).
 */
export async function syncTimelines(db: Executor, records: readonly store.HouseholdRecord[], created = false): Promise<store.HouseholdRecord[]> {
  const states = await applyTimelines(db, records.map(timelineHousehold), created);
  const result: store.HouseholdRecord[] = [];
  for (const r of records) {
    const s = states.get(r.id)!;
    const next: store.HouseholdRecord = {
      ...r, currentPcode: s.location.pcode ?? r.currentPcode, currentSiteId: s.location.siteId, currentAddress: s.location.place,
      shelter: s.shelter ?? r.shelter, displacementStatus: s.status, statusSince: s.since, lastMovementId: s.movementId,
    };
    const same = next.currentPcode === r.currentPcode && next.currentSiteId === r.currentSiteId && next.currentAddress === r.currentAddress
      && next.shelter === r.shelter && next.displacementStatus === r.displacementStatus && next.statusSince === r.statusSince
      && next.lastMovementId === r.lastMovementId;
    if (!same) {
      await store.setCurrentState(db, r.id, {
        pcode: s.location.pcode, siteId: s.location.siteId, address: s.location.place, shelter: s.shelter,
        status: s.status, since: s.since, movementId: s.movementId,
      });
    }
    result.push(next);
  }
  return result;
}

/**
 * Re-applies every household's timeline, a page at a time (after the configured waves changed, say),
 * and forgets the monthly snapshots, which figures rebuild when next asked for. Returns the count.
 */
export async function rebuildTimelines(ctx: Ctx, onProgress?: (done: number) => void): Promise<number> {
  let after: string | null = null;
  let done = 0;
  for (;;) {
    const page = await everyHouseholdPage(ctx.db.kysely, after, 1000);
    if (page.length === 0) break;
    await inTransaction(ctx, (trx) => syncTimelines(trx, page));
    after = page[page.length - 1].id;
    done += page.length;
    onProgress?.(done);
  }
  await inTransaction(ctx, (trx) => forgetSnapshots(trx));
  return done;
}
