import { compareDates, prepareDate } from './dates.ts';
import { scriptOf } from './names/normalize.ts';
import type {
  BinaryLevel, Comparison, GradedLevel, Level, NameFunctions, NameLevel, PersonRecord, PreparedName,
  PreparedPerson, Script, TfField,
} from './types.ts';

/**
 * Per-field comparison of prepared persons. Hot path: no regular expressions, no spreads, one
 * object allocated per compared pair (the Comparison).
 *
 * Name block: the four parts are first compared in place. When that disagrees, two re-alignments
 * are tried in both directions and kept only if every re-aligned pair agrees and more parts agree
 * than in place; `nameOrder` then becomes `shifted` and the part levels are those of the alignment:
 * - skipped father: A's father ~ B's grandfather and A's grandfather ~ B's family (A omitted the
 *   father); levels father, grandfather = those pairs, family = missing;
 * - family as grandfather: A has no family name and A's grandfather ~ B's family (the tribal name
 *   typed in the third slot); father compared in place, grandfather = missing, family = that pair.
 */

const CLOSE_JARO_WINKLER = 0.92;
const SHORT_NAME = 6;
let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/** Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4) without allocating per call. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (la > flagsA.length || lb > flagsB.length) {
    flagsA = new Uint8Array(Math.max(la, lb) * 2);
    flagsB = new Uint8Array(Math.max(la, lb) * 2);
  }
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const c = a.charCodeAt(i);
    const hi = Math.min(lb - 1, i + window);
    for (let j = Math.max(0, i - window); j <= hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === c) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  return winkler(a, b, jaro(a, b, matches));
}

function jaro(a: string, b: string, matches: number): number {
  let k = 0;
  let halfTranspositions = 0;
  for (let i = 0; i < a.length; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) halfTranspositions++;
    k++;
  }
  const m = matches;
  return (m / a.length + m / b.length + (m - halfTranspositions / 2) / m) / 3;
}

function winkler(a: string, b: string, j: number): number {
  const limit = Math.min(4, a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * 0.1 * (1 - j);
}

/** True when a and b differ by at most one insertion, deletion, substitution or adjacent swap. */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (la < lb) return withinOneEdit(b, a);
  if (la - lb > 1) return false;
  let i = 0;
  while (i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === lb) return true;
  if (la !== lb) return sameFrom(a, i + 1, b, i);
  if (sameFrom(a, i + 1, b, i + 1)) return true;
  return i + 1 < la && a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i)
    && sameFrom(a, i + 2, b, i + 2);
}

function sameFrom(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}

/** Script class of a normalised name: Arabic script (Arabic, Sorani) or not. */
function scriptClass(text: string): Script {
  const script = scriptOf(text);
  return script === 'arabic' || script === 'mixed' ? 1 : 0;
}

/** A similarity function for the `close` level. */
export type Similarity = (a: string, b: string) => number;

/**
 * Compares one name part: exact, close (same script), crossScript (same key), different, missing.
 * Two different known names (محمد / محمود, حسن / حسين) are different however near their spelling.
 */
export function compareNamePart(a: PreparedName | null, b: PreparedName | null, sim: Similarity = jaroWinkler): NameLevel {
  if (a === null || b === null) return 'missing';
  if (a.norm === b.norm) return 'exact';
  if (a.known && b.known && a.key !== b.key) return 'different';
  if (a.script === b.script && (sim === jaroWinkler ? isCloseCached(a, b) : isClose(a.norm, b.norm, sim))) return 'close';
  if (a.key === b.key) return 'crossScript';
  return 'different';
}

const CLOSE_CACHE_LIMIT = 2_000_000;
const closeCache = new Map<number, boolean>();

/** isClose with Jaro-Winkler, remembered per pair of spellings: a batch meets the same pairs again and again. */
function isCloseCached(a: PreparedName, b: PreparedName): boolean {
  const key = a.normId < b.normId ? a.normId * 0x4000000 + b.normId : b.normId * 0x4000000 + a.normId;
  let close = closeCache.get(key);
  if (close === undefined) {
    close = isClose(a.norm, b.norm, jaroWinkler);
    if (closeCache.size >= CLOSE_CACHE_LIMIT) closeCache.clear();
    closeCache.set(key, close);
  }
  return close;
}

function isClose(a: string, b: string, sim: Similarity): boolean {
  if (sim(a, b) >= CLOSE_JARO_WINKLER) return true;
  const shorter = Math.min(a.length, b.length);
  return shorter >= 3 && Math.max(a.length, b.length) <= SHORT_NAME && withinOneEdit(a, b);
}

function agrees(level: NameLevel): number {
  return level === 'exact' || level === 'close' || level === 'crossScript' ? 1 : 0;
}

/** Tries the `skipped father` alignment (x omitted the father; at most one in-place agreement). */
function trySkippedFather(x: PreparedPerson, y: PreparedPerson, out: Comparison, sim: Similarity): boolean {
  const father = compareNamePart(x.parts[1], y.parts[2], sim);
  if (agrees(father) === 0) return false;
  const grandfather = compareNamePart(x.parts[2], y.parts[3], sim);
  if (agrees(grandfather) === 0) return false;
  out.father = father;
  out.grandfather = grandfather;
  out.family = 'missing';
  return true;
}

/** Tries the `family as grandfather` alignment (x has no family name); returns true if taken. */
function tryFamilyAsGrandfather(x: PreparedPerson, y: PreparedPerson, out: Comparison, best: number, sim: Similarity): boolean {
  if (x.parts[3] !== null || y.parts[3] === null) return false;
  const family = compareNamePart(x.parts[2], y.parts[3], sim);
  if (agrees(family) === 0) return false;
  const father = compareNamePart(x.parts[1], y.parts[1], sim);
  if (agrees(father) + 1 <= best) return false;
  out.father = father;
  out.grandfather = 'missing';
  out.family = family;
  return true;
}

function compareNameBlock(a: PreparedPerson, b: PreparedPerson, out: Comparison, sim: Similarity): void {
  out.given = compareNamePart(a.parts[0], b.parts[0], sim);
  out.father = compareNamePart(a.parts[1], b.parts[1], sim);
  out.grandfather = compareNamePart(a.parts[2], b.parts[2], sim);
  out.family = compareNamePart(a.parts[3], b.parts[3], sim);
  out.nameOrder = 'exact';
  const inPlace = agrees(out.father) + agrees(out.grandfather) + agrees(out.family);
  if (inPlace >= 2) return;
  const shifted = trySkippedFather(a, b, out, sim) || trySkippedFather(b, a, out, sim)
    || tryFamilyAsGrandfather(a, b, out, inPlace, sim) || tryFamilyAsGrandfather(b, a, out, inPlace, sim);
  if (shifted) out.nameOrder = 'shifted';
}

/** Sex: exact, different or missing. */
export function compareSex(a: 'm' | 'f' | null, b: 'm' | 'f' | null): BinaryLevel {
  if (a === null || b === null) return 'missing';
  return a === b ? 'exact' : 'different';
}

/** Phone (E.164): exact, different or missing. */
export function comparePhone(a: string | null, b: string | null): BinaryLevel {
  if (a === null || b === null) return 'missing';
  return a === b ? 'exact' : 'different';
}

/** Number of values two sorted unique arrays share. */
function sharedCount(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared;
}

/** Documents (sorted, unique): exact when any number is shared; missing when either has none. */
export function compareDocuments(a: readonly string[], b: readonly string[]): BinaryLevel {
  if (a.length === 0 || b.length === 0) return 'missing';
  return sharedCount(a, b) > 0 ? 'exact' : 'different';
}

/** Origin: exact for the same district, close for the same governorate only. */
export function compareOrigin(a: PreparedPerson, b: PreparedPerson): GradedLevel {
  if (a.governorate === null || b.governorate === null) return 'missing';
  if (a.district !== null && a.district === b.district) return 'exact';
  return a.governorate === b.governorate ? 'close' : 'different';
}

/** Household members (sorted given-name keys): exact when 2+ shared, close when 1. */
export function compareMembers(a: readonly string[], b: readonly string[]): GradedLevel {
  if (a.length === 0 || b.length === 0) return 'missing';
  const shared = sharedCount(a, b);
  if (shared >= 2) return 'exact';
  return shared === 1 ? 'close' : 'different';
}

/** The cross-script key both parts share when they agree, for term-frequency adjustment. */
function sharedKey(a: PreparedName | null, b: PreparedName | null, level: Level): string | null {
  if (a === null || b === null || a.key === '' || a.key !== b.key) return null;
  return level === 'exact' || level === 'close' || level === 'crossScript' ? a.key : null;
}

/** A comparison to fill (see compareRecords' `into`). */
export function emptyComparison(): Comparison {
  return {
    given: 'missing', father: 'missing', grandfather: 'missing', family: 'missing', nameOrder: 'exact', sex: 'missing',
    birthDate: 'missing', documents: 'missing', phone: 'missing', origin: 'missing', members: 'missing',
    givenValue: null, fatherValue: null, grandfatherValue: null, familyValue: null, birthDateValue: null,
  };
}

/**
 * Compares two prepared persons field by field; sim overrides Jaro-Winkler for `close` names.
 * A batch passes `into`, one Comparison it reuses for every pair (no allocation per pair: ten
 * million candidate pairs would otherwise keep the garbage collector busy for seconds).
 */
export function compareRecords(a: PreparedPerson, b: PreparedPerson, sim: Similarity = jaroWinkler, into?: Comparison): Comparison {
  const out = into ?? emptyComparison();
  out.given = 'missing';
  out.father = 'missing';
  out.grandfather = 'missing';
  out.family = 'missing';
  out.nameOrder = 'exact';
  out.sex = compareSex(a.sex, b.sex);
  out.birthDate = compareDates(a.birth, b.birth);
  out.documents = compareDocuments(a.documents, b.documents);
  out.phone = comparePhone(a.phone, b.phone);
  out.origin = compareOrigin(a, b);
  out.members = compareMembers(a.memberKeys, b.memberKeys);
  out.fatherValue = null;
  out.grandfatherValue = null;
  out.familyValue = null;
  out.birthDateValue = out.birthDate === 'exact' ? a.birth?.value ?? null : null;
  compareNameBlock(a, b, out, sim);
  out.givenValue = sharedKey(a.parts[0], b.parts[0], out.given);
  if (out.nameOrder === 'exact') {
    out.fatherValue = sharedKey(a.parts[1], b.parts[1], out.father);
    out.grandfatherValue = sharedKey(a.parts[2], b.parts[2], out.grandfather);
    out.familyValue = sharedKey(a.parts[3], b.parts[3], out.family);
  }
  return out;
}

const NAME_CACHE_LIMIT = 200_000;
const nameCaches = new WeakMap<NameFunctions, Map<string, PreparedName | null>>();

/**
 * One prepared name per distinct spelling and name functions: registries repeat a few thousand
 * spellings, so a million persons share their PreparedName objects (immutable) instead of
 * normalising four million strings.
 */
function prepareName(raw: string | null, names: NameFunctions): PreparedName | null {
  if (raw === null) return null;
  let cache = nameCaches.get(names);
  if (cache === undefined) nameCaches.set(names, (cache = new Map()));
  const hit = cache.get(raw);
  if (hit !== undefined) return hit;
  const prepared = prepareNameUncached(raw, names);
  if (cache.size >= NAME_CACHE_LIMIT) cache.clear();
  cache.set(raw, prepared);
  return prepared;
}

const keyIds = new Map<string, number>();
const normIds = new Map<string, number>();

function prepareNameUncached(raw: string, names: NameFunctions): PreparedName | null {
  const norm = names.normalize(raw);
  if (norm.length === 0) return null;
  const key = names.key(raw);
  let keyId = keyIds.get(key);
  if (keyId === undefined) keyIds.set(key, (keyId = keyIds.size));
  let normId = normIds.get(norm);
  if (normId === undefined) normIds.set(norm, (normId = normIds.size));
  return Object.freeze({ norm, key, keyId, normId, script: scriptClass(norm), known: names.known?.(key) ?? false });
}

/** Sorted, without duplicates or empty strings; insertion sort (a household has a handful). */
function sortedUnique(values: readonly string[]): readonly string[] {
  if (values.length === 0) return EMPTY;
  if (values.length === 1) return values[0].length > 0 ? [values[0]] : EMPTY;
  const out: string[] = [];
  for (const v of values) {
    if (v.length === 0) continue;
    let at = out.length;
    while (at > 0 && out[at - 1] > v) at--;
    if (at > 0 && out[at - 1] === v) continue;
    out.splice(at, 0, v);
  }
  return out;
}

const EMPTY: readonly string[] = Object.freeze([]);

/** The values term frequencies are counted on, per person: name keys and the birth date. */
export function termValues(p: PreparedPerson): Record<TfField, string | null> {
  const key = (i: 0 | 1 | 2 | 3) => p.parts[i]?.key || null;
  return { given: key(0), father: key(1), grandfather: key(2), family: key(3), birthDate: p.birth?.value ?? null };
}

/** District (`IQG01Q01`) and governorate (`IQG01`) prefixes of an Iraqi P-code. */
export function pcodeLevels(pcode: string | null): { district: string | null; governorate: string | null } {
  if (pcode === null || pcode.length < 5) return { district: null, governorate: null };
  const code = pcode.toUpperCase();
  return { district: code.length >= 8 ? code.slice(0, 8) : null, governorate: code.slice(0, 5) };
}

/** Computes once per record every normalised value and key the comparisons use. */
export function preparePerson(p: PersonRecord, names: NameFunctions): PreparedPerson {
  const n = p.names;
  const origin = pcodeLevels(p.originPcode);
  const members = (p.householdMembers ?? []).map((m) => prepareName(m, names)?.key ?? '');
  return {
    id: p.id,
    householdId: p.householdId,
    registry: p.registry,
    parts: [prepareName(n.given, names), prepareName(n.father, names), prepareName(n.grandfather, names), prepareName(n.family, names)],
    sex: p.sex,
    birth: prepareDate(p.birthDate),
    phone: p.phone,
    documents: sortedUnique(p.documents),
    district: origin.district,
    governorate: origin.governorate,
    memberKeys: sortedUnique(members),
  };
}
