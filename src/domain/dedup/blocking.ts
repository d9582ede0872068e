import type { Field, PreparedName, PreparedPerson } from './types.ts';

/**
 * Blocking: which pairs are worth scoring. A pair is a candidate when the two persons share the
 * key of at least one rule. The rules overlap on purpose, so that one corrupted field (a given
 * name typed another way, a missing father, a wrong birth year, a lost document) still leaves
 * another rule that brings the pair together. Keys use the cross-script name keys, so Arabic,
 * Kurdish and Latin spellings fall into the same block.
 *
 * Built for a million persons: each rule's keys become integer ids once, blocks come from a
 * counting sort, and a pair found by several rules is emitted by the first one only (checked by
 * comparing the earlier rules' ids, no set of seen pairs). Members of one household are not
 * compared with each other: siblings share father, grandfather and family name by design, and a
 * person entered twice in one form is the registration form's business, not the matcher's.
 */
export interface BlockingRule {
  name: string;
  /** The values that must all be present and equal. */
  fields: readonly BlockField[];
  /** Largest block this rule compares, when smaller than the overall limit. */
  maxBlock?: number;
  /**
   * Whether the model is trained on this rule's pairs (default true). Rules that do not hold the
   * given name fixed mostly find relatives (brothers share father, grandfather, family name and
   * phone), which would teach EM that a different given name is a match.
   */
  train?: boolean;
  /** The block key as text, or null when the person lacks one of the fields (for in-memory indexes). */
  key(p: PreparedPerson): string | null;
}

/**
 * What a rule can block on. `last` is the last name part given after the given name and
 * `beforeLast` the one before it, so that a record missing its father ([given, grandfather,
 * family]) still shares `given+beforeLast+last` with the full one.
 */
export type BlockField = 'given' | 'father' | 'grandfather' | 'family' | 'last' | 'beforeLast' | 'year' | 'evenYears' | 'oddYears' | 'origin' | 'document' | 'phone';

function presentAfterGiven(p: PreparedPerson, fromEnd: 1 | 2): PreparedName | null {
  let seen = 0;
  for (let i = 3; i >= 1; i--) {
    const part = p.parts[i];
    if (part !== null && part.key !== '' && ++seen === fromEnd) return part;
  }
  return null;
}

const nameOf = (part: PreparedName | null) => (part === null || part.key === '' ? null : part);

function namePart(p: PreparedPerson, field: BlockField): PreparedName | null {
  switch (field) {
    case 'given': return nameOf(p.parts[0]);
    case 'father': return nameOf(p.parts[1]);
    case 'grandfather': return nameOf(p.parts[2]);
    case 'family': return nameOf(p.parts[3]);
    case 'last': return presentAfterGiven(p, 1);
    case 'beforeLast': return presentAfterGiven(p, 2);
    default: return null;
  }
}

/** The comparison fields a block field makes agree in every pair it blocks. */
export const BLOCKED_COMPARISONS: Readonly<Record<BlockField, readonly Field[]>> = {
  // A given name all but fixes the sex: a pair blocked on it tells nothing about sex either.
  given: ['given', 'sex'], father: ['father'], grandfather: ['grandfather'], family: ['family'],
  last: ['father', 'grandfather', 'family', 'nameOrder'], beforeLast: ['father', 'grandfather', 'family', 'nameOrder'],
  year: ['birthDate'], evenYears: ['birthDate'], oddYears: ['birthDate'], origin: ['origin'], document: ['documents'], phone: ['phone'],
};

/** The value of a block field as text, or null when absent. */
export function blockValue(p: PreparedPerson, field: BlockField): string | number | null {
  if (field === 'year' || field === 'evenYears' || field === 'oddYears') {
    const n = blockNumber(p, field);
    return n < 0 ? null : n;
  }
  if (field === 'document') return p.documents.length ? p.documents[0] : null;
  if (field === 'phone') return p.phone;
  if (field === 'origin') return p.governorate;
  return namePart(p, field)?.key ?? null;
}

/** FNV-1a of a string, 32 bits. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The value of a block field as a 32-bit number, or -1 when absent. */
function blockNumber(p: PreparedPerson, field: BlockField): number {
  if (field === 'year') return p.birth?.year ?? -1;
  // Two-year windows, one starting on even years and one on odd: a year and the next share one.
  if (field === 'evenYears') return p.birth ? Math.floor(p.birth.year / 2) : -1;
  if (field === 'oddYears') return p.birth ? Math.floor((p.birth.year + 1) / 2) : -1;
  if (field === 'document') return p.documents.length ? hashString(p.documents[0]) : -1;
  if (field === 'phone') return p.phone === null ? -1 : hashString(p.phone);
  if (field === 'origin') return p.governorate === null ? -1 : hashString(p.governorate);
  return namePart(p, field)?.keyId ?? -1;
}

/** Two-pass LSD radix sort (16 bits a pass) of person indexes by 32-bit hash; stable. */
class RadixSorter {
  private readonly a: Uint32Array;
  private readonly b: Uint32Array;
  private readonly counts = new Uint32Array(0x10000);

  constructor(n: number) {
    this.a = new Uint32Array(n);
    this.b = new Uint32Array(n);
  }

  /** Indexes i with present[i] = 1, ordered by hashes[i] (a view, valid until the next call). */
  sort(hashes: Uint32Array, present: Uint8Array): Uint32Array {
    let count = 0;
    for (let i = 0; i < hashes.length; i++) if (present[i] === 1) this.a[count++] = i;
    this.pass(hashes, this.a, this.b, count, 0);
    this.pass(hashes, this.b, this.a, count, 16);
    return this.a.subarray(0, count);
  }

  private pass(hashes: Uint32Array, from: Uint32Array, to: Uint32Array, count: number, shift: number): void {
    const counts = this.counts;
    counts.fill(0);
    for (let k = 0; k < count; k++) counts[(hashes[from[k]] >>> shift) & 0xffff]++;
    let sum = 0;
    for (let d = 0; d < 0x10000; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let k = 0; k < count; k++) to[counts[(hashes[from[k]] >>> shift) & 0xffff]++] = from[k];
  }
}

/** Mixes one column of values into every person's hash; a missing value (-1) clears `present`. */
function mixColumn(hashes: Uint32Array, present: Uint8Array, values: Float64Array): void {
  for (let i = 0; i < hashes.length; i++) {
    const v = values[i];
    if (v < 0) present[i] = 0;
    else hashes[i] = mix(hashes[i], v);
  }
}

/** Mixes one more value into a 32-bit hash (murmur3 finaliser steps). */
function mix(h: number, v: number): number {
  let k = Math.imul(v ^ (v >>> 16), 0x85ebca6b);
  k = Math.imul(k ^ (k >>> 13), 0xc2b2ae35);
  h = Math.imul((h ^ k ^ (k >>> 16)) >>> 0, 0x27d4eb2f) + 0x165667b1;
  return (h ^ (h >>> 15)) >>> 0;
}

function rule(name: string, fields: BlockField[], options: { train?: boolean; maxBlock?: number } = {}): BlockingRule {
  return {
    name, fields, train: options.train ?? true, maxBlock: options.maxBlock,
    key(p) {
      let key = '';
      for (const f of fields) {
        const v = blockValue(p, f);
        if (v === null) return null;
        key += `${v}|`;
      }
      return key;
    },
  };
}

/**
 * The rules used for Iraqi registries. Each survives one corrupted or missing field of the others:
 * a given-name typo (father+grandfather+family+year), a dropped grandfather or family name
 * (given+father+last+year), an omitted father (given+beforeLast+last+year), a wrong birth year
 * (all four names), and documents and phones whatever the names say. Name chains without a birth
 * year make blocks of thousands in a million Iraqis (Mohammed Ali Hussein) and, even in small
 * blocks, mostly pair cousins named after the same grandfather, so they are avoided.
 */
export const DEFAULT_RULES: readonly BlockingRule[] = [
  rule('given+father+grandfather+year', ['given', 'father', 'grandfather', 'year']),
  rule('given+father+last+year', ['given', 'father', 'last', 'year']),
  rule('given+beforeLast+last+year', ['given', 'beforeLast', 'last', 'year']),
  rule('father+grandfather+family+year', ['father', 'grandfather', 'family', 'year'], { train: false }),
  rule('given+father+grandfather+family', ['given', 'father', 'grandfather', 'family']),
  rule('given+father+grandfather+evenYears', ['given', 'father', 'grandfather', 'evenYears'], { train: false }),
  rule('given+father+grandfather+oddYears', ['given', 'father', 'grandfather', 'oddYears'], { train: false }),
  rule('given+father+year+origin', ['given', 'father', 'year', 'origin'], { maxBlock: 50, train: false }),
  rule('given+grandfather+year+origin', ['given', 'grandfather', 'year', 'origin'], { maxBlock: 50, train: false }),
  rule('given+last+year+origin', ['given', 'last', 'year', 'origin'], { maxBlock: 50, train: false }),
  rule('father+grandfather+year+origin', ['father', 'grandfather', 'year', 'origin'], { maxBlock: 50, train: false }),
  rule('father+last+year+origin', ['father', 'last', 'year', 'origin'], { maxBlock: 50, train: false }),
  rule('document', ['document']),
  rule('phone+given', ['phone', 'given']),
  rule('phone+year', ['phone', 'year'], { train: false }),
];

/** Default largest block compared: a key shared by more persons than this separates nothing. */
export const DEFAULT_MAX_BLOCK = 300;

export interface BlockingOptions {
  rules?: readonly BlockingRule[];
  maxBlock?: number;
  /** Compare members of the same household too (default false). */
  sameHousehold?: boolean;
}

/** Each rule's key as an integer id per person (-1: the person has no key for that rule). */
export interface BlockIndex {
  rules: readonly BlockingRule[];
  /** keyIds[rule][person]. */
  keyIds: Int32Array[];
  /** blockSizes[rule][keyId]: how many persons share that key. */
  blockSizes: Uint32Array[];
  /** Largest block compared, per rule. */
  maxBlocks: number[];
  /** Household of each person as an integer id. */
  households: Int32Array;
  maxBlock: number;
  sameHousehold: boolean;
}

/**
 * Interns every rule's keys and the household ids of the persons. A rule's key is a 32-bit hash of
 * its field values; persons are grouped by a radix sort on the hash, so a million persons group in
 * a few tens of milliseconds per rule. Two keys that collide share a block:
 * a few extra candidate pairs, scored like any other, never a lost one.
 */
export function indexBlocks(people: readonly PreparedPerson[], options: BlockingOptions = {}): BlockIndex {
  const rules = options.rules ?? DEFAULT_RULES;
  const n = people.length;
  const fieldNames = [...new Set(rules.flatMap((r) => r.fields))];
  const fieldValues = new Map<BlockField, Float64Array>();
  for (const f of fieldNames) {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = blockNumber(people[i], f);
    fieldValues.set(f, values);
  }
  const keyIds: Int32Array[] = [];
  const blockSizes: Uint32Array[] = [];
  const hashes = new Uint32Array(n);
  const present = new Uint8Array(n);
  const sorter = new RadixSorter(n);
  for (const rule of rules) {
    hashes.fill(0x9747b28c);
    present.fill(1);
    for (const f of rule.fields) mixColumn(hashes, present, fieldValues.get(f)!);
    const sorted = sorter.sort(hashes, present);
    const count = sorted.length;
    const ids = new Int32Array(n).fill(-1);
    const sizes = new Uint32Array(count);
    let blocks = 0;
    let previous = -1;
    for (let k = 0; k < count; k++) {
      const hash = hashes[sorted[k]];
      if (hash !== previous) {
        blocks++;
        previous = hash;
      }
      ids[sorted[k]] = blocks - 1;
      sizes[blocks - 1]++;
    }
    keyIds.push(ids);
    blockSizes.push(sizes.slice(0, blocks));
  }
  const households = new Int32Array(n);
  const householdIds = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const h = people[i].householdId;
    let id = householdIds.get(h);
    if (id === undefined) householdIds.set(h, (id = householdIds.size));
    households[i] = id;
  }
  const maxBlock = options.maxBlock ?? DEFAULT_MAX_BLOCK;
  const maxBlocks = rules.map((r) => Math.min(maxBlock, r.maxBlock ?? maxBlock));
  return { rules, keyIds, blockSizes, maxBlocks, households, maxBlock, sameHousehold: options.sameHousehold ?? false };
}

/** Blocks of one rule: persons sorted by key id (counting sort), with each block's start. */
function blocksOf(ids: Int32Array, sizes: Uint32Array): { order: Uint32Array; starts: Uint32Array } {
  const starts = new Uint32Array(sizes.length + 1);
  for (let k = 0; k < sizes.length; k++) starts[k + 1] = starts[k] + sizes[k];
  const fill = starts.slice(0, sizes.length);
  const order = new Uint32Array(starts[sizes.length]);
  for (let i = 0; i < ids.length; i++) if (ids[i] >= 0) order[fill[ids[i]]++] = i;
  return { order, starts };
}

/** What a traversal of the candidates found, besides the pairs themselves. */
export interface BlockingStats {
  /** Pair count before removing pairs found by several rules (same-household pairs excluded). */
  comparisonsBeforeDedup: number;
  /** Candidate pairs, each once. */
  candidates: number;
  /** Blocks left out because they were larger than `maxBlock` (rule name and size). */
  skipped: { rule: string; size: number }[];
}

/**
 * Calls `visit(i, j, block, rule)` (i < j) once per candidate pair, block by block. `block` numbers
 * the blocks that produce pairs, so workers can share the work by block (`block % workers`);
 * `rule` is the index of the first rule that found the pair.
 */
export function forEachCandidate(index: BlockIndex, visit: (i: number, j: number, block: number, rule: number) => void): BlockingStats {
  const { keyIds, blockSizes, households, maxBlocks } = index;
  const stats: BlockingStats = { comparisonsBeforeDedup: 0, candidates: 0, skipped: [] };
  let block = 0;
  for (let r = 0; r < keyIds.length; r++) {
    const { order, starts } = blocksOf(keyIds[r], blockSizes[r]);
    for (let k = 0; k < blockSizes[r].length; k++) {
      const size = blockSizes[r][k];
      if (size < 2) continue;
      if (size > maxBlocks[r]) {
        stats.skipped.push({ rule: index.rules[r].name, size });
        continue;
      }
      const from = starts[k];
      const to = starts[k + 1];
      for (let a = from; a < to; a++) {
        const i = order[a];
        for (let b = a + 1; b < to; b++) {
          const j = order[b];
          if (!index.sameHousehold && households[i] === households[j]) continue;
          stats.comparisonsBeforeDedup++;
          if (foundEarlier(index, r, i, j)) continue;
          stats.candidates++;
          visit(i, j, block, r);
        }
      }
      block++;
    }
  }
  return stats;
}

/** True when an earlier rule already put i and j in one compared (not oversized) block. */
function foundEarlier(index: BlockIndex, rule: number, i: number, j: number): boolean {
  for (let r = 0; r < rule; r++) {
    const key = index.keyIds[r][i];
    if (key >= 0 && key === index.keyIds[r][j] && index.blockSizes[r][key] <= index.maxBlocks[r]) return true;
  }
  return false;
}

export interface BlockingResult extends BlockingStats {
  /** Candidate pairs as index pairs into the input, each once, i < j. */
  pairs: [Uint32Array, Uint32Array];
}

/** All candidate pairs at once (for tests, benchmarks and small sets). */
export function candidatePairs(people: readonly PreparedPerson[], rules: readonly BlockingRule[] = DEFAULT_RULES, maxBlock = DEFAULT_MAX_BLOCK,
  options: Omit<BlockingOptions, 'rules' | 'maxBlock'> = {}): BlockingResult {
  let left: Uint32Array<ArrayBuffer> = new Uint32Array(1024);
  let right: Uint32Array<ArrayBuffer> = new Uint32Array(1024);
  let n = 0;
  const stats = forEachCandidate(indexBlocks(people, { ...options, rules, maxBlock }), (i, j) => {
    if (n === left.length) {
      left = grow(left);
      right = grow(right);
    }
    left[n] = i;
    right[n++] = j;
  });
  return { ...stats, pairs: [left.slice(0, n), right.slice(0, n)] };
}

function grow(a: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(a.length * 2);
  b.set(a);
  return b;
}
