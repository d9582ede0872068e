import type { Catalogue, Weights } from '#domain/assistance/catalogue';
import { countedWeights, parseCriterion, type ScoredCriterion } from '#domain/assistance/vulnerability';
import type { Actor, Ctx } from '../context.ts';
import type { Executor } from '../audit/store.ts';
import { needSensitivity, reference } from '../places/service.ts';
import * as store from './catalogue-store.ts';
import { assertCanRead } from './policy.ts';

/** The catalogue with labels in three languages, and the MCOF sectors: for anyone who reads assistance. */
export async function assistanceCatalogue(ctx: Ctx, actor: Actor): Promise<Catalogue> {
  assertCanRead(actor);
  const [items, ref] = await Promise.all([store.catalogueItems(ctx.db.kysely), reference(ctx)]);
  return {
    items: items.filter((i) => i.active).map(({ active: _active, ...i }) => i),
    sectors: ref.sectors.map((s) => ({ code: s.code, number: s.number, labels: s.labels })),
  };
}

/** The configured weights of the vulnerability score, each marked whether the score counts it. */
export async function vulnerabilityWeights(ctx: Ctx, actor: Actor): Promise<Weights> {
  assertCanRead(actor);
  const [rows, sensitivity] = await Promise.all([store.weights(ctx.db.kysely), needSensitivity(ctx.db.kysely)]);
  return {
    items: rows.map((w) => {
      const c = parseCriterion(w.criterion);
      const counted = c !== null && !(c.kind === 'need' && sensitivity.get(c.code) !== false);
      return { criterion: w.criterion, weight: w.weight, labels: { en: w.name_en, ar: w.name_ar, ckb: w.name_ckb }, counted };
    }),
  };
}

/**
 * The weights the score counts, for targeting: never one naming a sensitive need, nor a need
 * the configured list does not know (it could not be told apart from a sensitive one).
 */
export async function scoredWeights(db: Executor): Promise<ScoredCriterion[]> {
  const [rows, sensitivity] = await Promise.all([store.weights(db), needSensitivity(db)]);
  return countedWeights(rows, (code) => sensitivity.get(code) !== false);
}

/** Active items, kits and cash by code (kits with their components). */
export async function activeItems(db: Executor): Promise<Map<string, store.ItemRecord>> {
  return new Map((await store.catalogueItems(db)).filter((i) => i.active).map((i) => [i.code, i]));
}
