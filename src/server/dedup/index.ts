import { DEFAULT_RULES, type BlockingRule } from '#domain/dedup/blocking';
import { compareRecords } from '#domain/dedup/compare';
import { DEFAULT_MODEL, priorFor } from '#domain/dedup/default-model';
import {
  matchHouseholds, matchPerson, plausibleSamePerson, prepareHousehold, type HouseholdMatch, type MatchableHousehold, type MemberPairMatch,
  type PreparedHousehold,
} from '#domain/dedup/household';
import { score, type Model, type TermFrequency } from '#domain/dedup/scoring';
import type { PreparedPerson } from '#domain/dedup/types';
import { BlockTable, hashBlockKey } from './block-table.ts';
import { PersonTable } from './person-table.ts';

/**
 * The real-time duplicate index: every person of every household not merged away, blocked by the
 * same rules as the batch engine, in one server process. A check blocks the new household's members
 * against it (the most selective blocks first, oversized blocks skipped, a bounded number of
 * comparisons), scores the persons found, and matches the households of those that score as
 * possible duplicates. Kept current by `upsert` and `remove` after each committed change, which
 * apply a household's version only when it is newer than the one held, so the start-up build and
 * the changes that race it settle on the latest state.
 */

export interface IndexOptions {
  model?: Model;
  rules?: readonly BlockingRule[];
  /** A block shared by more persons than this is skipped by a check (it separates nothing). */
  maxBlock?: number;
  /** Person comparisons one check may make. */
  comparisons?: number;
  /** Households one check matches member by member. */
  households?: number;
  /**
   * Persons needed before term frequencies are used: in a small registry every name is "common"
   * (each of two families holds half the names) and agreement would count for nothing.
   */
  termFrequenciesFrom?: number;
}

export interface CheckOptions {
  /** Registries to search; null for all. */
  registries?: ReadonlySet<string> | null;
  /** Households never to propose (the household itself, pairs decided different). */
  exclude?: ReadonlySet<string>;
  limit?: number;
}

/** A household of the index found to be the same family as the one checked. */
export interface IndexCandidate {
  household: PreparedHousehold;
  registry: string;
  match: HouseholdMatch;
}

/** A household of the index that is another family, holding one person of the one checked. */
export interface IndexPersonCandidate {
  household: PreparedHousehold;
  registry: string;
  pair: MemberPairMatch;
}

export interface CheckResult {
  candidates: IndexCandidate[];
  /** Households that are not the same family but share a person (`likely`), best first. */
  persons: IndexPersonCandidate[];
  /** Comparisons made, and whether the budget cut the search short. */
  comparisons: number;
  truncated: boolean;
}

/** Below this many persons the prior is that of a registry this size (a new registry is not all duplicates). */
const MIN_POPULATION = 10_000;

export class DedupIndex {
  ready = false;
  private readonly baseModel: Model;
  private modelFor = { persons: -1, model: null as Model | null };
  readonly tf: TermFrequency;
  private readonly rules: readonly BlockingRule[];
  private readonly tables: BlockTable[];
  private readonly persons = new PersonTable();
  private readonly maxBlock: number;
  private readonly maxComparisons: number;
  private readonly maxHouseholds: number;

  constructor(options: IndexOptions = {}) {
    this.baseModel = options.model ?? DEFAULT_MODEL;
    this.rules = options.rules ?? DEFAULT_RULES;
    this.tables = this.rules.map(() => new BlockTable());
    this.maxBlock = options.maxBlock ?? 300;
    this.maxComparisons = options.comparisons ?? 3000;
    this.maxHouseholds = options.households ?? 40;
    const from = options.termFrequenciesFrom ?? 1000;
    this.tf = (field, value) => (this.persons.count - this.persons.dead < from ? undefined : this.persons.frequency(field, value));
  }

  /**
   * The model with the prior of the registry's size: the prior is the chance that two persons
   * taken at random are one (see estimateFromSessions), so it falls as the registry grows.
   */
  get model(): Model {
    const persons = this.persons.count - this.persons.dead;
    // Recomputed when the size has moved by more than 1%, so the object stays stable between checks.
    if (this.modelFor.model === null || Math.abs(persons - this.modelFor.persons) > this.modelFor.persons / 100) {
      this.modelFor = { persons, model: { ...this.baseModel, prior: priorFor(Math.max(persons, MIN_POPULATION)) } };
    }
    return this.modelFor.model!;
  }

  /** Live persons and households held. */
  stats() {
    const live = this.persons.count - this.persons.dead;
    const households = this.persons.households.filter((h) => h.count > 0).length;
    const blockBytes = this.tables.reduce((sum, t) => sum + t.bytes(), 0);
    return { persons: live, deadRows: this.persons.dead, households, blockBytes };
  }

  /** The version held for a household (0 when never seen). */
  versionOf(id: string): number {
    const slot = this.persons.slotOf.get(id);
    return slot === undefined ? 0 : this.persons.households[slot].version;
  }

  /** Puts a household's current members in, unless a newer version is already held. */
  upsert(h: MatchableHousehold, version: number): boolean {
    return this.put(h.id, h.registry, version, prepareHousehold(h));
  }

  /** The same with members already prepared (bulk building). */
  put(id: string, registry: string, version: number, prepared: PreparedHousehold): boolean {
    if (version <= this.versionOf(id)) return false;
    const slot = this.persons.slotFor(id, registry);
    this.takeOut(slot);
    this.persons.households[slot].version = version;
    this.persons.append(slot, prepared);
    for (const t of this.tables) t.growPersons(this.persons.size);
    const first = this.persons.households[slot].first;
    prepared.members.forEach((p, k) => this.block(p, first + k, 'add'));
    return true;
  }

  /** Takes a household out (merged away) at a version, unless a newer one is held. */
  remove(id: string, version: number): boolean {
    if (version <= this.versionOf(id)) return false;
    const slot = this.persons.slotFor(id, null);
    this.takeOut(slot);
    this.persons.households[slot].version = version;
    return true;
  }

  /** The prepared members of a household of the index, or null when it is not in it. */
  household(id: string): PreparedHousehold | null {
    const slot = this.persons.slotOf.get(id);
    if (slot === undefined || this.persons.households[slot].count === 0) return null;
    return this.persons.household(slot);
  }

  private takeOut(slot: number): void {
    const entry = this.persons.households[slot];
    if (entry.count === 0) return;
    for (let row = entry.first; row < entry.first + entry.count; row++) this.block(this.persons.person(row), row, 'remove');
    this.persons.release(slot);
  }

  private block(p: PreparedPerson, row: number, how: 'add' | 'remove'): void {
    for (let r = 0; r < this.rules.length; r++) {
      const key = this.rules[r].key(p);
      if (key !== null) this.tables[r][how](hashBlockKey(r, key), row);
    }
  }

  /** The households of the index that are the same family as `query`, best first. */
  check(query: PreparedHousehold, options: CheckOptions = {}): CheckResult {
    const allowed = this.registryMask(options.registries ?? null);
    const excluded = new Set<number>();
    for (const id of options.exclude ?? []) {
      const slot = this.persons.slotOf.get(id);
      if (slot !== undefined) excluded.add(slot);
    }
    excluded.add(this.persons.slotOf.get(query.id) ?? -1);
    const { flagged, comparisons, truncated } = this.candidateHouseholds(query, (slot) =>
      allowed[this.persons.households[slot].registry] === 1 && !excluded.has(slot));
    const candidates: IndexCandidate[] = [];
    const persons: IndexPersonCandidate[] = [];
    const best = [...flagged].sort((a, b) => b[1] - a[1]).slice(0, this.maxHouseholds);
    for (const [slot] of best) {
      const household = this.persons.household(slot);
      const registry = this.persons.registries[this.persons.households[slot].registry];
      const match = matchHouseholds(query, household, this.model, this.tf);
      if (match) candidates.push({ household, registry, match });
      const pair = match ? null : matchPerson(query, household, this.model, this.tf);
      if (pair) persons.push({ household, registry, pair });
    }
    candidates.sort((a, b) => b.match.probability - a.match.probability);
    persons.sort((a, b) => b.pair.probability - a.pair.probability);
    const limit = options.limit ?? 20;
    return { candidates: candidates.slice(0, limit), persons: persons.slice(0, limit), comparisons, truncated };
  }

  /**
   * Persons sharing a block with a query member, most selective blocks first, scored one by one
   * until the comparison budget is spent; returns the households of those at or above `possible`
   * with their best member score.
   */
  private candidateHouseholds(query: PreparedHousehold, wanted: (slot: number) => boolean) {
    const lookups: { q: number; table: BlockTable; slot: number; size: number }[] = [];
    query.members.forEach((member, q) => this.rules.forEach((rule, r) => {
      const key = rule.key(member);
      if (key === null) return;
      const table = this.tables[r];
      const slot = table.find(hashBlockKey(r, key));
      const size = slot < 0 ? 0 : table.size(slot);
      if (size > 0 && size <= Math.min(rule.maxBlock ?? this.maxBlock, this.maxBlock)) lookups.push({ q, table, slot, size });
    }));
    lookups.sort((a, b) => a.size - b.size);
    const flagged = new Map<number, number>();
    const seen = new Set<number>();
    const possible = this.model.thresholds.possible;
    let comparisons = 0;
    for (const { q, table, slot } of lookups) {
      for (let row = table.first(slot); row !== -1; row = table.after(row)) {
        const household = this.persons.householdOfRow(row);
        const pair = row * 64 + (q & 63);
        if (seen.has(pair) || !wanted(household)) continue;
        if (comparisons >= this.maxComparisons) return { flagged, comparisons, truncated: true };
        seen.add(pair);
        comparisons++;
        const comparison = compareRecords(query.members[q], this.persons.person(row));
        if (!plausibleSamePerson(comparison)) continue;
        const probability = score(comparison, this.model, this.tf).probability;
        if (probability >= possible && probability > (flagged.get(household) ?? 0)) flagged.set(household, probability);
      }
    }
    return { flagged, comparisons, truncated: false };
  }

  private registryMask(registries: ReadonlySet<string> | null): Uint8Array {
    const mask = new Uint8Array(Math.max(1, this.persons.registries.length));
    this.persons.registries.forEach((code, i) => { mask[i] = registries === null || registries.has(code) ? 1 : 0; });
    return mask;
  }
}
