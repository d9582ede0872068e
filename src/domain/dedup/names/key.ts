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
  return canonicalOfStripped(stripped) ?? canonicalOfStripped(soraniVowelsDropped(stripped)) ?? skeletonOfStripped(stripped);
}

/**
 * Sorani typed on an Arabic keyboard writes its vowels with ه and و (محهمهد, عومهر for محمد,
 * عمر). Inside a word those letters are dropped for a second look in the variant table only:
 * in Arabic a medial ه is a consonant (مهدي), so the skeleton never uses this reading.
 */
function soraniVowelsDropped(word: string): string {
  if (word.length < 4) return word;
  let out = word[0];
  for (let i = 1; i < word.length - 1; i++) {
    const c = word[i];
    if (c === 'ه') continue;
    if (c === 'و' && word[i - 1] !== 'و' && word[i + 1] !== 'و' && word[i - 1] !== 'ا' && word[i + 1] !== 'ا') continue;
    out += c;
  }
  return out + word[word.length - 1];
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
