import type { Candidate } from '#domain/dedup/api';
import type { Actor, Ctx } from '../context.ts';
import type { Trx } from '../shared/tx.ts';
import type { HouseholdRecord } from './store.ts';

/**
 * What other capabilities do when households change: deduplication checks a new household
 * inside its registration's transaction and keeps its in-memory index current after each commit;
 * and what they allow: deduplication's sharing lets checkers read other registries' households.
 * They plug in here when the app is assembled, so that the registry does not import them; with
 * nothing installed (the CLI) registration works the same, without duplicates.
 */
export interface RegistryHooks {
  /** Possible duplicates of a household just written (not yet committed); they are queued in `trx`. */
  possibleDuplicates?(trx: Trx, actor: Actor, household: HouseholdRecord, reason: string | null): Promise<Candidate[]>;
  /** After commit: households written (the record in hand) or changed in bulk (by id). */
  committed?(changes: readonly (HouseholdRecord | string)[]): void;
  /** Other registries whose households the actor may open read-only, to compare with a family at the desk. */
  sharedRegistries?(actor: Actor): Promise<readonly string[]>;
}

const installed = new WeakMap<Ctx, RegistryHooks>();

/** Installs the hooks of a running server. */
export function setRegistryHooks(ctx: Ctx, hooks: RegistryHooks): void {
  installed.set(ctx, hooks);
}

/** The installed hooks, or none. */
export function registryHooks(ctx: Ctx): RegistryHooks {
  return installed.get(ctx) ?? {};
}
