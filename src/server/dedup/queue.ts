import { compareRecords } from '#domain/dedup/compare';
import { DEFAULT_MODEL } from '#domain/dedup/default-model';
import {
  assignMembers, decideHousehold, matchHouseholds, matchPerson, prepareHousehold, type FieldExplanation, type HouseholdMatch, type PreparedHousehold,
} from '#domain/dedup/household';
import { bandOf, score, type Model, type TermFrequency } from '#domain/dedup/scoring';
import type { Field } from '#domain/dedup/types';
import type { Actor, Ctx } from '../context.ts';
import { householdsForMatching, householdsOfIndividuals, type MatchingHousehold } from '../registry/merge.ts';
import { audit, inTransaction, type Trx } from '../shared/tx.ts';
import { memberPairs, personPair } from './check.ts';
import { dedupRuntime } from './runtime.ts';
import * as store from './store.ts';

/**
 * Pairs of households to review, from the batch engine's person pairs and after a merge. A pair
 * is queued (or its open score refreshed) only when both households are active and no decision
 * was made on it: "different" is never proposed again.
 */

/** A person pair found by the batch engine. */
export interface FoundPair { individualA: string; individualB: string; probability: number }

export interface QueueOptions { actor?: Actor | null; model?: Model; tf?: TermFrequency }

/** Household pairs handled per transaction. */
const CHUNK = 200;

const keyOf = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

function toNewPair(a: MatchingHousehold, b: MatchingHousehold, match: HouseholdMatch, source: store.NewPair['source']): store.NewPair {
  return {
    a: a.id, b: b.id, score: match.probability, band: match.band, reason: match.reason,
    members: memberPairs(match.pairs, a, b), source,
  };
}

/**
 * The batch's own evidence for a household pair: its person pairs, each member used once, under
 * the same household rule; explained field by field by the server's model.
 */
function batchMatch(a: PreparedHousehold, b: PreparedHousehold, found: FoundPair[], model: Model, tf?: TermFrequency): HouseholdMatch | null {
  const at = (h: PreparedHousehold, id: string) => h.members.findIndex((m) => m.id === id);
  const scored = found.map((f) => ({ a: at(a, f.individualA), b: at(b, f.individualB), probability: f.probability }))
    .filter((p) => p.a >= 0 && p.b >= 0);
  const assigned = assignMembers(scored, model.thresholds.possible);
  const decision = decideHousehold(assigned, [a.members.length, b.members.length], [a.head, b.head], model.thresholds);
  if (!decision) return null;
  const pairs = assigned.map((p) => {
    const result = score(compareRecords(a.members[p.a], b.members[p.b]), model, tf);
    const fields = {} as Record<Field, FieldExplanation>;
    for (const c of result.contributions) fields[c.field] = { level: c.level, weight: c.weight };
    return { ...p, weight: result.weight, band: bandOf(p.probability, model.thresholds) ?? 'possible' as const, fields };
  });
  return { ...decision, pairs };
}

/** Orients the batch's person pairs so that `individualA` is in the pair's first household. */
function groupByHousehold(pairs: FoundPair[], households: Map<string, string>) {
  const groups = new Map<string, { a: string; b: string; found: FoundPair[] }>();
  for (const p of pairs) {
    const ha = households.get(p.individualA);
    const hb = households.get(p.individualB);
    if (!ha || !hb || ha === hb) continue;
    const flip = ha > hb;
    const key = keyOf(ha, hb);
    const group = groups.get(key) ?? { a: flip ? hb : ha, b: flip ? ha : hb, found: [] };
    group.found.push(flip ? { individualA: p.individualB, individualB: p.individualA, probability: p.probability } : p);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * Queues the batch engine's person pairs as household pairs (source `batch`): groups them by
 * household pair, decides each with the household rule (on the batch's probabilities, or on the
 * server model's when it finds more), skips merged households and decided pairs, upserts the rest
 * as open. Two households that are not one family but share a person scoring `likely` get an
 * individual pair (households decided different get neither: the reviewer has seen them). Returns how many household pairs were queued and skipped.
 */
export async function queuePairs(ctx: Ctx, pairs: FoundPair[], options: QueueOptions = {}) {
  const runtime = dedupRuntime(ctx);
  const model = options.model ?? runtime?.index.model ?? DEFAULT_MODEL;
  const tf = options.tf ?? runtime?.index.tf;
  const individuals = [...new Set(pairs.flatMap((p) => [p.individualA, p.individualB]))];
  const households = new Map<string, string>();
  for (let k = 0; k < individuals.length; k += 1000) {
    for (const [i, h] of await householdsOfIndividuals(ctx.db.kysely, individuals.slice(k, k + 1000))) households.set(i, h);
  }
  const groups = groupByHousehold(pairs, households);
  let queued = 0;
  for (let k = 0; k < groups.length; k += CHUNK) {
    const chunk = groups.slice(k, k + CHUNK);
    queued += await inTransaction(ctx, async (trx) => {
      const decided = await store.existingPairs(trx, chunk);
      const open = chunk.filter((g) => (decided.get(keyOf(g.a, g.b)) ?? 'open') === 'open');
      const read = new Map((await householdsForMatching(trx, [...new Set(open.flatMap((g) => [g.a, g.b]))])).map((h) => [h.id, h]));
      const found: store.NewPair[] = [];
      const persons: store.NewPersonPair[] = [];
      for (const g of open) {
        const [a, b] = [read.get(g.a), read.get(g.b)];
        if (a?.status !== 'active' || b?.status !== 'active') continue;
        const [pa, pb] = [prepareHousehold(a), prepareHousehold(b)];
        const ours = matchHouseholds(pa, pb, model, tf);
        const theirs = batchMatch(pa, pb, g.found, model, tf);
        const best = !theirs || (ours && ours.probability >= theirs.probability) ? ours : theirs;
        if (best) found.push(toNewPair(a, b, best, 'batch'));
        const person = best ? null : matchPerson(pa, pb, model, tf);
        if (person) persons.push(personPair(a, b, person, 'batch'));
      }
      await store.upsertPairs(trx, found);
      await store.upsertPersonPairs(trx, persons);
      const queued = found.length + persons.length;
      if (queued) await audit(trx, options.actor ?? null, 'dedup.pairs_queued', 'dedup_pair', null, { source: 'batch', pairs: found.length, persons: persons.length });
      return queued;
    });
  }
  return { households: groups.length, queued, skipped: groups.length - queued };
}

/**
 * After a merge: the merged household's other open pairs are superseded; each other household in
 * them is matched against the survivor as it now is and, if still a possible duplicate and never
 * decided, queued against the survivor. Returns both lists, for undoing.
 */
export async function repointPairs(ctx: Ctx, trx: Trx, decidedPairId: string, survivorId: string, mergedId: string) {
  const others = await store.openPairsOf(trx, mergedId, decidedPairId);
  const superseded = others.map((o) => o.id);
  await store.setPairStatus(trx, superseded, 'superseded');
  const sources = new Map(others.map((o) => [o.household_a === mergedId ? o.household_b : o.household_a, o.source as store.NewPair['source']]));
  sources.delete(survivorId);
  const existing = await store.existingPairs(trx, [...sources.keys()].map((x) => ({ a: survivorId, b: x })));
  const fresh = [...sources.keys()].filter((x) => !existing.has(keyOf(survivorId, x)));
  if (fresh.length === 0) return { superseded, opened: [] as string[] };
  const runtime = dedupRuntime(ctx);
  const read = new Map((await householdsForMatching(trx, [survivorId, ...fresh])).map((h) => [h.id, h]));
  const survivor = read.get(survivorId)!;
  const prepared = prepareHousehold(survivor);
  const pairs: store.NewPair[] = [];
  for (const x of fresh) {
    const other = read.get(x);
    if (other?.status !== 'active') continue;
    const match = matchHouseholds(prepared, prepareHousehold(other), runtime?.index.model ?? DEFAULT_MODEL, runtime?.index.tf);
    if (match) pairs.push(toNewPair(survivor, other, match, sources.get(x)!));
  }
  await store.upsertPairs(trx, pairs);
  return { superseded, opened: await store.pairIds(trx, pairs) };
}
