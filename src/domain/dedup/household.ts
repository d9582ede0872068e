import { normalizeDocumentNumber } from '../registry/search-terms.ts';
import { normalizePhone } from '../shared/phone.ts';
import { compareRecords, preparePerson } from './compare.ts';
import { IRAQI_NAMES } from './iraqi-names.ts';
import { bandOf, score, type Model, type TermFrequency, type Thresholds } from './scoring.ts';
import type { Comparison, Field, Level, NameFunctions, PersonRecord, PreparedPerson } from './types.ts';

/**
 * Household matching: two households are the same family when their heads match, or when enough
 * of their members do (two member pairs, or half of the smaller household). Members are paired
 * best score first, each member used once, so a household match comes with the member pairs
 * behind it and each pair with its explanation (every field's level and weight).
 *
 * Siblings share their father's, grandfather's and family name, and often their household's
 * given names, and a million Iraqis hold many Omar Ahmed Omars: two persons of two families can
 * score as one on every field but their own given name or birth year. So a member pair counts
 * only when the sexes do not disagree, the given names agree and the birth dates are not
 * different, unless a document (or, for the dates, the phone) is shared, whatever its score.
 */

/** A member as matching needs it: a stored member, a form's member, an index entry. */
export interface MatchableMember {
  id: string;
  relationship: string;
  givenName: string;
  fatherName: string | null;
  grandfatherName: string | null;
  familyName: string | null;
  sex: string;
  birthDate: string | null;
  documents: readonly { number: string }[];
}

/** A household as matching needs it. */
export interface MatchableHousehold {
  id: string;
  registry: string;
  originPcode: string | null;
  phone: string | null;
  members: readonly MatchableMember[];
}

/** A household's members prepared once, with the position of its head (-1 when it has none). */
export interface PreparedHousehold {
  id: string;
  members: readonly PreparedPerson[];
  head: number;
}

export type Band = 'likely' | 'possible';

/** One field's part of a member pair's score. */
export interface FieldExplanation { level: Level; weight: number }

/** Two members found to be the same person: positions in each household, score and reasons. */
export interface MemberPairMatch {
  a: number;
  b: number;
  probability: number;
  weight: number;
  band: Band;
  fields: Record<Field, FieldExplanation>;
}

/** Two households found to be the same family. */
export interface HouseholdMatch {
  probability: number;
  band: Band;
  /** `head`: the heads are one person; `members`: enough other members are. */
  reason: 'head' | 'members';
  /** The member pairs at or above the possible threshold, best first. */
  pairs: MemberPairMatch[];
}

/** The persons of a household as the matcher sees them; each knows the other members' given names. */
export function householdPersons(h: MatchableHousehold): PersonRecord[] {
  const phone = h.phone === null ? null : normalizePhone(h.phone);
  return h.members.map((m, i) => ({
    id: m.id,
    householdId: h.id,
    registry: h.registry,
    names: { given: m.givenName, father: m.fatherName, grandfather: m.grandfatherName, family: m.familyName },
    sex: m.sex === 'm' || m.sex === 'f' ? m.sex : null,
    birthDate: m.birthDate,
    phone,
    documents: m.documents.map((d) => normalizeDocumentNumber(d.number)).filter((d) => d.length > 0),
    originPcode: h.originPcode,
    householdMembers: h.members.filter((_, j) => j !== i).map((other) => other.givenName),
  }));
}

/** Prepares a household's members once (normalised names, cross-script keys, dates). */
export function prepareHousehold(h: MatchableHousehold, names: NameFunctions = IRAQI_NAMES): PreparedHousehold {
  return {
    id: h.id,
    members: householdPersons(h).map((p) => preparePerson(p, names)),
    head: h.members.findIndex((m) => m.relationship === 'head'),
  };
}

/** Whether two compared persons can be one person inside a family (see the module comment). */
export function plausibleSamePerson(c: Comparison): boolean {
  if (c.sex === 'different') return false;
  if (c.given === 'different' && c.documents !== 'exact') return false;
  return c.birthDate !== 'different' || c.documents === 'exact' || c.phone === 'exact';
}

/** A scored member pair before explanation: positions and probability. */
export interface ScoredPair { a: number; b: number; probability: number }

/**
 * Pairs members best score first, each used once, keeping pairs at or above `possible`
 * (pairs below it come after all of those, so they could never change the assignment).
 */
export function assignMembers<T extends ScoredPair>(pairs: readonly T[], possible: number): T[] {
  const sorted = pairs.filter((p) => p.probability >= possible).sort((x, y) => y.probability - x.probability);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: T[] = [];
  for (const p of sorted) {
    if (usedA.has(p.a) || usedB.has(p.b)) continue;
    usedA.add(p.a);
    usedB.add(p.b);
    out.push(p);
  }
  return out;
}

/**
 * The household decision from assigned member pairs (all at or above `possible`). The score is
 * the head pair's probability when only the heads match, else 1 - prod(1 - p) over the pairs:
 * each matched member is further evidence that the families are one.
 */
export function decideHousehold(assigned: readonly ScoredPair[], sizes: readonly [number, number], heads: readonly [number, number], thresholds: Thresholds):
  { probability: number; band: Band; reason: 'head' | 'members' } | null {
  if (assigned.length === 0) return null;
  const headPair = assigned.find((p) => p.a === heads[0] && p.b === heads[1] && heads[0] >= 0);
  // One person who heads one household and not the other has left home (a son with his own
  // family now): the same person, not the same family (an individual pair, see matchPerson).
  const one = assigned.length === 1 ? assigned[0] : null;
  const leftHome = one !== null && (one.a === heads[0]) !== (one.b === heads[1]);
  const enoughMembers = assigned.length >= 2 || (!leftHome && assigned.length * 2 >= Math.min(sizes[0], sizes[1]));
  if (!headPair && !enoughMembers) return null;
  let probability = headPair ? headPair.probability : 0;
  if (enoughMembers) probability = 1 - assigned.reduce((rest, p) => rest * (1 - p.probability), 1);
  const band = bandOf(probability, thresholds) ?? 'possible';
  return { probability, band, reason: headPair ? 'head' : 'members' };
}

type ExplainedPair = ScoredPair & { weight: number; fields: Record<Field, FieldExplanation> };

/** Every plausible member pair of `a` and `b` scoring at or above `possible`, explained. */
function scoreMembers(a: PreparedHousehold, b: PreparedHousehold, model: Model, tf?: TermFrequency): ExplainedPair[] {
  const scored: ExplainedPair[] = [];
  for (let i = 0; i < a.members.length; i++) {
    for (let j = 0; j < b.members.length; j++) {
      const comparison = compareRecords(a.members[i], b.members[j]);
      if (!plausibleSamePerson(comparison)) continue;
      const result = score(comparison, model, tf);
      if (result.probability < model.thresholds.possible) continue;
      const fields = {} as Record<Field, FieldExplanation>;
      for (const c of result.contributions) fields[c.field] = { level: c.level, weight: c.weight };
      scored.push({ a: i, b: j, probability: result.probability, weight: result.weight, fields });
    }
  }
  return scored;
}

/**
 * One person registered in two households that are not one family (a son with his parents, then
 * as head of his own household): the best member pair, when it scores `likely`. Call it only when
 * `matchHouseholds` found no family: a family match already carries its member pairs.
 */
export function matchPerson(a: PreparedHousehold, b: PreparedHousehold, model: Model, tf?: TermFrequency): MemberPairMatch | null {
  const best = scoreMembers(a, b, model, tf).filter((p) => p.probability >= model.thresholds.likely)
    .sort((x, y) => y.probability - x.probability)[0];
  return best ? { ...best, band: 'likely' } : null;
}

/** Compares every member of `a` with every member of `b` and decides whether they are one family. */
export function matchHouseholds(a: PreparedHousehold, b: PreparedHousehold, model: Model, tf?: TermFrequency): HouseholdMatch | null {
  const possible = model.thresholds.possible;
  const assigned = assignMembers(scoreMembers(a, b, model, tf), possible);
  const decision = decideHousehold(assigned, [a.members.length, b.members.length], [a.head, b.head], model.thresholds);
  if (!decision) return null;
  const pairs = assigned.map((p) => ({ ...p, band: bandOf(p.probability, model.thresholds) ?? 'possible' as Band }));
  return { ...decision, pairs };
}
