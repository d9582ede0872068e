import { normalizeNamePart, withoutArticle } from './normalize.ts';
import { skeletonOfStripped } from './transliterate.ts';
import { canonicalOfStripped } from './variants.ts';

/**
 * Cross-script matching key of one name part: the variant table's canonical id (lower-case,
 * e.g. "mohammed") when the name is known, else the consonant skeleton (upper-case, e.g. "MHMD"),
 * so the two kinds of key never collide. '' for input with no letters or digits.
 * Results are memoised in a bounded cache: registries repeat the same few thousand names.
 */

const CACHE_LIMIT = 50_000;
let cache = new Map<string, string>();

function computeKey(raw: string): string {
  const stripped = withoutArticle(normalizeNamePart(raw));
  if (!stripped) return '';
  return canonicalOfStripped(stripped) ?? skeletonOfStripped(stripped);
}

/** Cross-script key of a raw name part: canonical id when known, else skeleton; '' when empty. */
export function crossScriptKey(raw: string): string {
  const hit = cache.get(raw);
  if (hit !== undefined) return hit;
  const key = computeKey(raw);
  if (cache.size >= CACHE_LIMIT) cache = new Map();
  cache.set(raw, key);
  return key;
}

/** The same key without the memo (for measuring and for tests of the cache itself). */
export function crossScriptKeyUncached(raw: string): string {
  return computeKey(raw);
}

/** True for a key taken from the variant table (a known name), false for a skeleton. */
export function isKnownNameKey(key: string): boolean {
  return key !== '' && key !== key.toUpperCase();
}
