import type { Ctx } from '../context.ts';
import { householdsForMatching, householdsToIndex, type MatchingHousehold } from '../registry/merge.ts';
import type { HouseholdRecord } from '../registry/store.ts';
import { DedupIndex, type IndexOptions } from './index.ts';

/**
 * The dedup index of a running server. It is built from the database in the background when the
 * app starts (pages of households, the event loop served between pages); until the build ends,
 * checks run against what is loaded so far and say `indexReady: false`, so a registration is
 * never held up by a restart. Committed changes reach it through the registry's hooks (records in
 * hand are applied at once; bulk changes are read back by id), and each is applied only if its
 * version is newer than the one held, so the build and the changes racing it settle on the latest.
 */
export interface DedupRuntime {
  index: DedupIndex;
  /** Resolves when the start-up build has finished (or stopped). */
  built: Promise<void>;
  /** Applies households changed by this process. */
  apply(changes: readonly (MatchingHousehold | HouseholdRecord | string)[]): Promise<void>;
  stop(): void;
}

const PAGE = 1000;
const runtimes = new WeakMap<Ctx, DedupRuntime>();

/** The dedup runtime of this context, if the app installed one. */
export function dedupRuntime(ctx: Ctx): DedupRuntime | null {
  return runtimes.get(ctx) ?? null;
}

function isRecord(h: MatchingHousehold | HouseholdRecord): h is HouseholdRecord {
  return 'registrationNumber' in h;
}

/** Puts one household's current state in the index (out of it once merged). */
function applyOne(index: DedupIndex, h: MatchingHousehold | HouseholdRecord): void {
  if (h.status === 'merged') index.remove(h.id, h.version);
  else if (isRecord(h)) index.upsert({ id: h.id, registry: h.registry, originPcode: h.originPcode, phone: h.phone, members: h.members }, h.version);
  else index.upsert(h, h.version);
}

/** Creates the index of this context and starts its background build. */
export function startDedupRuntime(ctx: Ctx, options: IndexOptions = {}): DedupRuntime {
  const index = new DedupIndex(options);
  let stopped = false;
  const apply = async (changes: readonly (MatchingHousehold | HouseholdRecord | string)[]) => {
    const ids = changes.filter((c): c is string => typeof c === 'string');
    for (const c of changes) if (typeof c !== 'string') applyOne(index, c);
    for (let k = 0; k < ids.length && !stopped; k += PAGE) {
      for (const h of await householdsForMatching(ctx.db.kysely, ids.slice(k, k + PAGE))) applyOne(index, h);
    }
  };
  const build = async () => {
    const started = performance.now();
    let after: string | null = null;
    while (!stopped) {
      const page = await householdsToIndex(ctx.db.kysely, after, PAGE);
      if (page.length === 0) break;
      for (const h of page) applyOne(index, h);
      after = page[page.length - 1].id;
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (stopped) return;
    index.ready = true;
    ctx.log.info({ ...index.stats(), seconds: Math.round((performance.now() - started) / 100) / 10 }, 'dedup index ready');
  };
  const built = build().catch((error) => {
    if (!stopped) ctx.log.error({ err: error }, 'dedup index build failed; checks answer indexReady: false');
  });
  const runtime: DedupRuntime = { index, built, apply, stop: () => { stopped = true; } };
  runtimes.set(ctx, runtime);
  return runtime;
}
