import type { Candidate, CheckInput, CheckResponse, MemberPair, PairHousehold } from '#domain/dedup/api';
import { prepareHousehold, type MatchableHousehold, type MemberPairMatch } from '#domain/dedup/household';
import type { Actor, Ctx } from '../context.ts';
import { can, requirePermission } from '../identity/policy.ts';
import { householdsForReview } from '../registry/merge.ts';
import type { HouseholdRecord } from '../registry/store.ts';
import { audit, inTransaction, type Trx } from '../shared/tx.ts';
import type { Executor } from '../audit/store.ts';
import type { IndexCandidate, IndexPersonCandidate } from './index.ts';
import { dedupRuntime } from './runtime.ts';
import * as store from './store.ts';

/**
 * The duplicate check at the desk: a household (typed, or just registered) against the index, in
 * the registries the actor's organisation reaches, leaving out merged households and pairs decided
 * different. Candidates carry what a clerk compares side by side (read fresh from the database)
 * and the member pairs with every field's level and weight; never specific needs or documents.
 */

const SHOWN = 10;
/** The id of a household typed but not saved: it has no pairs yet. */
const UNSAVED = 'unsaved';

const round = (n: number) => Math.round(n * 10000) / 10000;

/** A member pair's explanation as shown: each field's level and its weight, rounded. */
function explain(p: MemberPairMatch): MemberPair['fields'] {
  return Object.fromEntries(Object.entries(p.fields).map(([f, e]) => [f, { level: e.level, weight: round(e.weight) }])) as MemberPair['fields'];
}

/** A household's member pairs as stored and shown: member ids, score, band, field explanations. */
export function memberPairs(pairs: MemberPairMatch[], a: { members: readonly { id: string }[] }, b: { members: readonly { id: string }[] }): MemberPair[] {
  return pairs.map((p) => ({ a: a.members[p.a].id, b: b.members[p.b].id, score: round(p.probability), band: p.band, fields: explain(p) }));
}

/** An individual pair to queue: one person of `a` registered again in `b`, another family. */
export function personPair(a: { id: string; members: readonly { id: string }[] }, b: { id: string; members: readonly { id: string }[] },
  pair: MemberPairMatch, source: store.NewPersonPair['source'], duplicateReason: string | null = null): store.NewPersonPair {
  const member = memberPairs([pair], a, b)[0];
  return { a: a.id, b: b.id, individualA: member.a, individualB: member.b, score: member.score, member, source, duplicateReason };
}

/** The household as the matcher sees it, from a registration form (members not yet saved have no id). */
function fromInput(input: CheckInput, registry: string): MatchableHousehold {
  return {
    id: input.id ?? UNSAVED, registry, originPcode: input.origin?.pcode ?? null, phone: input.phone ?? null,
    members: input.members.map((m, i) => ({
      id: m.id ?? `unsaved-${i}`, relationship: m.relationship, givenName: m.givenName, fatherName: m.fatherName ?? null,
      grandfatherName: m.grandfatherName ?? null, familyName: m.familyName ?? null, sex: m.sex ?? '', birthDate: m.birthDate ?? null,
      documents: m.documents,
    })),
  };
}

/** Index candidates with what the clerk compares; those merged or gone since the index saw them are dropped. */
function toCandidates(found: IndexCandidate[], display: Map<string, PairHousehold>): Candidate[] {
  return found.flatMap((c) => {
    const h = display.get(c.household.id);
    if (!h || h.status === 'merged') return [];
    const people = new Map(h.members.map((m) => [m.id, m]));
    const members = c.match.pairs.flatMap((p) => {
      const person = people.get(c.household.members[p.b].id);
      return person ? [{ individualId: person.id, matchedWith: p.a, score: round(p.probability), band: p.band, fields: explain(p), person }] : [];
    });
    return [{
      householdId: h.id, registrationNumber: h.registrationNumber, registrationNumbers: h.registrationNumbers, registry: h.registry,
      registries: h.registries, score: round(c.match.probability), band: c.match.band, reason: c.match.reason, origin: h.origin,
      currentPcode: h.current.pcode, size: h.size, members,
    }];
  });
}

/** Finds the candidates of a household in the index, as the actor may see them. */
async function findCandidates(ctx: Ctx, db: Executor, actor: Actor, household: MatchableHousehold, limit: number, fresh: boolean) {
  const runtime = dedupRuntime(ctx);
  if (!runtime) return { found: [] as IndexCandidate[], persons: [] as IndexPersonCandidate[], candidates: [] as Candidate[], indexReady: false };
  const registries = new Set(await store.reachableRegistries(db, actor.organizationCode));
  const exclude = fresh ? new Set<string>() : await store.decidedDifferent(db, household.id);
  const result = runtime.index.check(prepareHousehold(household), { registries, exclude, limit });
  const display = await householdsForReview(db, result.candidates.map((c) => c.household.id));
  return { found: result.candidates, persons: result.persons, candidates: toCandidates(result.candidates, display), indexReady: runtime.index.ready };
}

/**
 * The other registries whose households a checker or reviewer may open, read-only, to compare with
 * the family in front of them: those its organisation's check reaches (`dedup_sharing`).
 */
export async function comparableRegistries(ctx: Ctx, actor: Actor): Promise<string[]> {
  if (!can(actor, 'dedup.check') && !can(actor, 'dedup.review')) return [];
  const reachable = await store.reachableRegistries(ctx.db.kysely, actor.organizationCode);
  return reachable.filter((r) => r !== actor.organizationCode);
}

const shown = (candidates: Candidate[]) => candidates.map((c) => ({ householdId: c.householdId, registrationNumber: c.registrationNumber, score: c.score }));

/** POST /api/dedup/check: nothing is saved but the audit row of who checked and what was shown. */
export async function checkHousehold(ctx: Ctx, actor: Actor, input: CheckInput): Promise<CheckResponse> {
  requirePermission(actor, 'dedup.check');
  const { candidates, indexReady } = await findCandidates(ctx, ctx.db.kysely, actor, fromInput(input, actor.organizationCode), SHOWN, !input.id);
  await inTransaction(ctx, (trx) => audit(trx, actor, 'dedup.check', 'household', input.id ?? null, {
    members: input.members.length, indexReady, candidates: shown(candidates),
  }));
  return { indexReady, candidates };
}

/**
 * Inside a registration's transaction: the new household's possible duplicates, queued as open
 * pairs (with the clerk's reason for registering anyway) and audited. A person of it who is
 * likely registered in another family is queued as an individual pair. Candidates are returned
 * only to an actor who may run the check; the pairs are queued either way.
 */
export async function possibleDuplicatesAtRegistration(ctx: Ctx, trx: Trx, actor: Actor, household: HouseholdRecord, reason: string | null): Promise<Candidate[]> {
  const { found, persons, candidates } = await findCandidates(ctx, trx, actor, household, SHOWN * 2, true);
  if (found.length === 0 && persons.length === 0) return [];
  await store.upsertPairs(trx, found.map((c) => ({
    a: household.id, b: c.household.id, score: c.match.probability, band: c.match.band, reason: c.match.reason,
    members: memberPairs(c.match.pairs, household, c.household), source: 'registration', duplicateReason: reason,
  })));
  await store.upsertPersonPairs(trx, persons.map((p) => personPair(household, p.household, p.pair, 'registration', reason)));
  await audit(trx, actor, 'dedup.possible_duplicates', 'household', household.id, { candidates: shown(candidates), persons: persons.length, reason });
  return can(actor, 'dedup.check') ? candidates.slice(0, SHOWN) : [];
}
