/**
 * HOPE's deduplication query for one person against the index (hope-index.ts), scored as
 * Elasticsearch would (see hope.ts for the query). Only persons that share a name term (fuzzy or
 * phonetic), the birth date, the phone, or a middle-name term repeated in the query are scored:
 * any other person can reach at most sex 1 + relationship 1 + middle name 1 + admin1 1 + admin2 1
 * = 5, below any minimum score above 5, so skipping them changes no result.
 * Part of the HOPE baseline; measures nothing by itself.
 */
import type { HopeIndex } from './hope-index.ts';

/** HOPE returns the 100 best hits of each query (`"size": "100"`). */
export const HITS_PER_QUERY = 100;

export interface Hit { doc: number; score: number }

/** Runs queries against one index, reusing its score accumulators between queries. */
export class HopeSearcher {
  private readonly givenFuzzy: Float32Array;
  private readonly givenPhonetic: Float32Array;
  private readonly familyFuzzy: Float32Array;
  private readonly familyPhonetic: Float32Array;
  private readonly fullMatched: Uint16Array;
  private readonly flags: Uint8Array;
  private readonly seen: Int32Array;
  private readonly touchedAt: Int32Array;
  private readonly touched: Int32Array;
  private count = 0;
  private query = 0;
  private stamp = 0;
  /** Persons scored over all queries (the comparisons made). */
  scored = 0;

  constructor(private readonly index: HopeIndex, private readonly minScore: number) {
    if (!(minScore > 5)) throw new Error('the HOPE emulation is exact only for a minimum score above 5');
    const n = index.size;
    [this.givenFuzzy, this.givenPhonetic, this.familyFuzzy, this.familyPhonetic] = [0, 1, 2, 3].map(() => new Float32Array(n));
    this.fullMatched = new Uint16Array(n);
    this.flags = new Uint8Array(n);
    this.seen = new Int32Array(n).fill(-1);
    this.touchedAt = new Int32Array(n).fill(-1);
    this.touched = new Int32Array(n);
  }

  /** The hits of person `a`'s query with a score of at least the minimum, best first, at most 100. */
  search(a: number): Hit[] {
    this.query++;
    this.count = 0;
    const ix = this.index;
    const p = ix.people[a];
    const byNames = p.given !== '' && p.family !== '';
    if (byNames) {
      this.fuzzy(ix.givenFuzzy, a, this.givenFuzzy);
      this.phonetic(ix.given.postings, ix.given.positions[a], this.givenPhonetic);
      this.fuzzy(ix.familyFuzzy, a, this.familyFuzzy);
      this.phonetic(ix.family.postings, ix.family.positions[a], this.familyPhonetic);
    } else {
      this.allPositions(ix.full.postings, ix.full.positions[a]);
    }
    if (p.birth) for (const b of ix.byBirth.get(p.birth) ?? []) this.flag(b, 1);
    if (p.phoneTyped) for (const b of ix.byPhone.get(p.phoneTyped) ?? []) this.flag(b, 2);
    this.repeatedMiddleTerms(ix.middle.postings, ix.middle.positions[a]);
    const hits: Hit[] = [];
    for (let k = 0; k < this.count; k++) {
      const b = this.touched[k];
      if (b === a) continue;
      const score = this.score(a, b, byNames);
      if (score >= this.minScore) hits.push({ doc: b, score });
    }
    this.scored += this.count;
    this.reset();
    if (hits.length <= HITS_PER_QUERY) return hits;
    return hits.sort((x, y) => y.score - x.score || x.doc - y.doc).slice(0, HITS_PER_QUERY);
  }

  private touch(b: number): void {
    if (this.touchedAt[b] === this.query) return;
    this.touchedAt[b] = this.query;
    this.touched[this.count++] = b;
  }

  private flag(b: number, bit: number): void {
    this.flags[b] |= bit;
    this.touch(b);
  }

  /** Match query with fuzziness: per query token, the boosts of the expanded terms a person holds. */
  private fuzzy(field: HopeIndex['givenFuzzy'], a: number, into: Float32Array): void {
    for (const token of field.tokens[a]) {
      for (const { term, boost } of field.vocabulary.expand(token)) {
        for (const b of field.postings[term]) {
          into[b] += boost;
          this.touch(b);
        }
      }
    }
  }

  /**
   * Match query on a phonetic field: 1 per query position whose token or code a person holds.
   * Tokens without a code (Arabic script) match exactly the persons the fuzzy query already gave
   * 1 for that token, so the phonetic side cannot win the dis_max and is skipped.
   */
  private phonetic(postings: Map<number, number[]>, positions: number[][], into: Float32Array): void {
    if (positions.every((terms) => terms.length === 1)) return;
    for (const terms of positions) {
      const stamp = ++this.stamp;
      for (const t of terms) {
        for (const b of postings.get(t) ?? []) {
          if (this.seen[b] === stamp) continue;
          this.seen[b] = stamp;
          into[b] += 1;
          this.touch(b);
        }
      }
    }
  }

  /** Match query with operator AND on full_name: counts positions matched in order, all or nothing. */
  private allPositions(postings: Map<number, number[]>, positions: number[][]): void {
    positions.forEach((terms, at) => {
      const stamp = ++this.stamp;
      for (const t of terms) {
        for (const b of postings.get(t) ?? []) {
          if (this.seen[b] === stamp || this.fullMatched[b] !== at) continue;
          this.seen[b] = stamp;
          this.fullMatched[b]++;
          if (at === 0) this.touch(b);
        }
      }
    });
  }

  /** Persons holding a middle-name term that several query positions share (their score may pass 1). */
  private repeatedMiddleTerms(postings: Map<number, number[]>, positions: number[][]): void {
    if (positions.length < 2) return;
    const counts = new Map<number, number>();
    for (const terms of positions) for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, n] of counts) if (n > 1) for (const b of postings.get(t) ?? []) this.touch(b);
  }

  /** The score of person b for a's query, or -1 when it cannot reach the minimum score. */
  private score(a: number, b: number, byNames: boolean): number {
    const ix = this.index;
    let names = 0;
    if (byNames) {
      const givenLength = ix.given.lengths[b];
      const familyLength = ix.family.lengths[b];
      const g = givenLength ? Math.max(this.givenFuzzy[b], this.givenPhonetic[b]) / givenLength : 0;
      const f = familyLength ? Math.max(this.familyFuzzy[b], this.familyPhonetic[b]) / familyLength : 0;
      names = g > 0 && f > 0 ? 4 * (g + f) : g + f;
    } else {
      const positions = ix.full.lengths[a];
      if (positions > 0 && this.fullMatched[b] === positions) names = (8 * positions) / ix.full.lengths[b];
    }
    const flags = this.flags[b];
    const score = names + (flags & 1 ? 2 : 0) + (flags & 2 ? 2 : 0)
      + same(ix.sex, a, b) + same(ix.relationship, a, b) + same(ix.admin1, a, b) + same(ix.admin2, a, b);
    const middleLength = ix.middle.lengths[b];
    if (middleLength === 0) return score;
    if (score + ix.middle.lengths[a] / middleLength < this.minScore) return -1;
    return score + middleScore(ix.middle.positions[a], ix.middle.positions[b]);
  }

  private reset(): void {
    for (let k = 0; k < this.count; k++) {
      const b = this.touched[k];
      this.givenFuzzy[b] = 0;
      this.givenPhonetic[b] = 0;
      this.familyFuzzy[b] = 0;
      this.familyPhonetic[b] = 0;
      this.fullMatched[b] = 0;
      this.flags[b] = 0;
    }
  }
}

const same = (values: Int32Array, a: number, b: number) => (values[a] >= 0 && values[a] === values[b] ? 1 : 0);

/** middle_name (boost 1): 1 / tokens of b's middle name per query position b holds a term of. */
function middleScore(query: number[][], doc: number[][]): number {
  if (query.length === 0) return 0;
  let matched = 0;
  for (const terms of query) {
    if (doc.some((docTerms) => docTerms.some((t) => terms.includes(t)))) matched++;
  }
  return matched / doc.length;
}
