/**
 * Text handling of the HOPE baseline, as Elasticsearch does it for HOPE's individual index: the
 * standard tokenizer and lowercase filter, the `phonetic` analyzer (double metaphone kept beside
 * the token), and fuzzy expansion with fuzziness AUTO:3,6 (0 edits under 3 letters, 1 under 6,
 * else 2; adjacent transpositions count as one edit; at most 50 expansions per token, best
 * first) scored by Lucene's fuzzy boost 1 - edits / min(length of query term, length of term).
 * Part of the HOPE baseline (hope.ts); measures nothing by itself.
 */
import { doubleMetaphone } from './metaphone.ts';

const WORD = /[\p{L}\p{M}\p{N}_]+(?:['’.][\p{L}\p{M}\p{N}_]+)*/gu;

/**
 * Standard tokenizer (Unicode word boundaries: letters, marks and digits, joined by an apostrophe
 * or full stop between letters; hyphens and spaces split) then lowercase.
 */
export function standardTokens(text: string): string[] {
  return text ? (text.toLowerCase().match(WORD) ?? []) : [];
}

/** The terms the `phonetic` analyzer puts at one position: the token and its non-empty codes. */
export function phoneticTerms(token: string): string[] {
  const [primary, alternate] = doubleMetaphone(token);
  const terms = [token];
  if (primary) terms.push(primary);
  if (alternate && alternate !== primary) terms.push(alternate);
  return terms;
}

/** Edits fuzziness AUTO:3,6 allows for a term of `length` code points. */
export const autoEdits = (length: number) => (length < 3 ? 0 : length < 6 ? 1 : 2);

/** Optimal string alignment distance (Damerau with adjacent transpositions), or max + 1 beyond `max`. */
export function osaDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  let before = new Array<number>(lb + 1);
  let previous = new Array<number>(lb + 1);
  let current = new Array<number>(lb + 1);
  for (let j = 0; j <= lb; j++) previous[j] = j;
  for (let i = 1; i <= la; i++) {
    current[0] = i;
    let best = i;
    for (let j = 1; j <= lb; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        d = Math.min(d, before[j - 2] + 1);
      }
      current[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[lb], max + 1);
}

/** Every string made by deleting up to `depth` characters of `term` (the term itself included). */
function deletions(term: string, depth: number, out = new Set<string>()): Set<string> {
  out.add(term);
  if (depth === 0 || term.length <= 1) return out;
  for (let i = 0; i < term.length; i++) {
    const shorter = term.slice(0, i) + term.slice(i + 1);
    if (!out.has(shorter)) deletions(shorter, depth - 1, out);
  }
  return out;
}

const MAX_EXPANSIONS = 50;

/** One term a fuzzy token expanded to, with its boost. */
export interface Expansion { term: number; boost: number }

/**
 * The terms of one text field, with what a fuzzy query needs: every term within two edits of a
 * query token is found through shared deletions (symmetric delete), then checked exactly.
 */
export class FuzzyVocabulary {
  readonly terms: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly byDeletion = new Map<string, number[]>();
  private readonly cache = new Map<string, Expansion[]>();

  /** The id of a term, added when new. */
  add(term: string): number {
    let id = this.ids.get(term);
    if (id !== undefined) return id;
    id = this.terms.length;
    this.terms.push(term);
    this.ids.set(term, id);
    for (const d of deletions(term, 2)) {
      const list = this.byDeletion.get(d);
      if (list) list.push(id);
      else this.byDeletion.set(d, [id]);
    }
    return id;
  }

  /** The terms a fuzzy query for `token` matches, best boost first, at most 50 (Lucene's top terms). */
  expand(token: string): Expansion[] {
    const hit = this.cache.get(token);
    if (hit) return hit;
    const length = [...token].length;
    const max = autoEdits(length);
    const found = new Map<number, number>();
    for (const d of deletions(token, max)) {
      for (const id of this.byDeletion.get(d) ?? []) {
        if (found.has(id)) continue;
        const term = this.terms[id];
        const edits = osaDistance(token, term, max);
        if (edits > max) continue;
        found.set(id, edits === 0 ? 1 : 1 - edits / Math.min(length, [...term].length));
      }
    }
    const expansions = [...found].map(([term, boost]) => ({ term, boost }))
      .sort((a, b) => b.boost - a.boost || (this.terms[a.term] < this.terms[b.term] ? -1 : 1))
      .slice(0, MAX_EXPANSIONS);
    this.cache.set(token, expansions);
    return expansions;
  }
}
