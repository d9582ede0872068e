import type { Catalogue, Weights } from '#domain/assistance/catalogue';
import type { RoundStatus } from '#domain/assistance/rounds';
import { countedWeights, parseCriterion, type ScoredCriterion } from '#domain/assistance/vulnerability';
import type { Actor, Ctx } from '../context.ts';
import type { Executor } from '../audit/store.ts';
import { needSensitivity, reference } from '../places/service.ts';
import * as store from './catalogue-store.ts';
import { assertCanReadCatalogue } from './policy.ts';

/**
 * The catalogue with labels in three languages, and the MCOF sectors: for anyone who reads
 * assistance. Active entries only, unless `all` (then each with `active`, `position`, `version`):
 * what was issued before an entry was deactivated is still named by it.
 */
export async function assistanceCatalogue(ctx: Ctx, actor: Actor, query: { all?: 'true' | 'false' } = {}): Promise<Catalogue> {
  assertCanReadCatalogue(actor);
  const [items, ref] = await Promise.all([store.catalogueItems(ctx.db.kysely), reference(ctx)]);
  return {
    items: query.all === 'true' ? items : items.filter((i) => i.active).map(({ active: _a, position: _p, version: _v, ...i }) => i),
    sectors: ref.sectors.map((s) => ({ code: s.code, number: s.number, labels: s.labels })),
  };
}

/** Whether the score counts a criterion: one it understands, never naming a sensitive need nor a need the list does not know. */
const counts = (sensitivity: Map<string, boolean>) => (code: string) => sensitivity.get(code) !== false;

/** The configured weights of the vulnerability score, each marked whether the score counts it. */
export async function vulnerabilityWeights(ctx: Ctx, actor: Actor): Promise<Weights> {
  assertCanReadCatalogue(actor);
  return weightList(ctx.db.kysely);
}

/** The weights as the API gives them (the caller checked the reader). */
export async function weightList(db: Executor): Promise<Weights> {
  const [rows, sensitivity] = await Promise.all([store.weights(db), needSensitivity(db)]);
  const sensitive = counts(sensitivity);
  return {
    items: rows.map((w) => {
      const c = parseCriterion(w.criterion);
      const counted = c !== null && !(c.kind === 'need' && sensitive(c.code));
      return { criterion: w.criterion, weight: w.weight, labels: { en: w.name_en, ar: w.name_ar, ckb: w.name_ckb }, counted, version: w.version };
    }),
  };
}

/**
 * The weights the score counts, for targeting: never one naming a sensitive need, nor a need
 * the configured list does not know (it could not be told apart from a sensitive one).
 */
export async function scoredWeights(db: Executor): Promise<ScoredCriterion[]> {
  const [rows, sensitivity] = await Promise.all([store.weights(db), needSensitivity(db)]);
  return countedWeights(rows, counts(sensitivity));
}

/** Weights as a round keeps them: `[{ criterion: 'need:SM', weight: 3 }]`. */
export type WeightSnapshot = { criterion: string; weight: number }[];

/** The weights the score counts now, as a round keeps them when its maker submits it. */
export async function weightSnapshot(db: Executor): Promise<WeightSnapshot> {
  const [rows, sensitivity] = await Promise.all([store.weights(db), needSensitivity(db)]);
  const sensitive = counts(sensitivity);
  return rows.filter((w) => countedWeights([w], sensitive).length > 0).map((w) => ({ criterion: w.criterion, weight: w.weight }));
}

/**
 * The weights a round's score counts: a draft's are today's; once submitted, those kept at the
 * submit, so that what the checker approved is what is issued (a sensitive need still never counts).
 */
export async function roundWeights(db: Executor, round: { status: RoundStatus; scoredWeights: WeightSnapshot | null }): Promise<ScoredCriterion[]> {
  if (round.status === 'draft' || round.scoredWeights === null) return scoredWeights(db);
  return countedWeights(round.scoredWeights, counts(await needSensitivity(db)));
}

/** Active items, kits and cash by code (kits with their components): what a new formula may hand out. */
export async function activeItems(db: Executor): Promise<Map<string, store.ItemRecord>> {
  return new Map((await store.catalogueItems(db)).filter((i) => i.active).map((i) => [i.code, i]));
}

/** Every item, kit and cash by code, active or not: what a formula already submitted may hand out. */
export async function allItems(db: Executor): Promise<Map<string, store.ItemRecord>> {
  return new Map((await store.catalogueItems(db)).map((i) => [i.code, i]));
}
