import { normalizeNamePart, withoutArticle } from './normalize.ts';

/**
 * Rule-based consonant skeleton shared by Arabic, Kurdish Sorani and Latin spellings of a name.
 *
 * Why these choices:
 * - Arabic script leaves short vowels out, Latin writes them in many ways (Mohammed, Muhammad,
 *   Mhamad), so short vowels are dropped everywhere; Kurdish short vowels (ە, single و between
 *   consonants) are already removed by `normalizeNamePart`.
 * - Long vowels are the only vowels Arabic writes. Medial ي and و are kept as Y and W, because
 *   without them حسن/حسين and محمد/محمود meet. On the Latin side only unambiguous long vowels
 *   and diphthongs count: ee ei ai ay ie ia ae -> Y, oo ou uu au aw ow ua -> W; a lone i or u
 *   is read as short. Medial ا / aa is dropped (Latin a never tells its length).
 * - A word-initial vowel (ا أ إ ع, Latin a e i o u) is kept as A, so that احمد (AHMD) and
 *   حامد (HMD) differ; ع elsewhere, ء and apostrophes vanish.
 * - Final vowels go (ة/ه, ا, ى/ي, و; Latin a e i o u, -ah -eh, -ey -ay, a final y after a consonant):
 *   Fatima/Fatimah/فاطمة, Ali/Aly/علي. Only one final letter goes in Arabic, so عالية keeps Y.
 * - Consonant classes follow Iraqi pronunciation and Kurdish spelling: ث/th -> S (كوثر/کەوسەر),
 *   ذ ض ظ/dh/z -> Z (كاظم/Kadhim/Kazim/کازم), ط/t -> T, ص س ش/s/sh -> S, ق ك/q k c -> K,
 *   ح ه/h -> H, خ/kh -> X, غ گ/gh g -> G, چ/ch -> C, پ ب/p b -> B, ف ڤ/f v ph -> F.
 * - Doubled consonants collapse (Mohammed/Mohamad), the article ال/al-/el- is dropped,
 *   and the words of a name part are concatenated (Abdul Rahman = Abdulrahman).
 * Known limits (see the tests): Latin cannot mark vowel length, so Karim (KRM) and كريم (KRYM),
 * Khalid and خالید, Juburi and الجبوري differ here; the variant table reconciles common names.
 */

const ARABIC: Record<string, string> = {
  'ب': 'B', 'پ': 'B', 'ت': 'T', 'ث': 'S', 'ج': 'J', 'چ': 'C', 'ح': 'H', 'خ': 'X', 'د': 'D',
  'ذ': 'Z', 'ر': 'R', 'ز': 'Z', 'ژ': 'Z', 'س': 'S', 'ش': 'S', 'ص': 'S', 'ض': 'Z', 'ط': 'T',
  'ظ': 'Z', 'ع': '', 'غ': 'G', 'ف': 'F', 'ڤ': 'F', 'ق': 'K', 'ك': 'K', 'ک': 'K', 'گ': 'G',
  'ل': 'L', 'م': 'M', 'ن': 'N', 'ه': 'H', 'و': 'W', 'ي': 'Y', 'ا': '', 'ء': '',
};
const LATIN: Record<string, string> = {
  b: 'B', c: 'K', d: 'D', f: 'F', g: 'G', h: 'H', j: 'J', k: 'K', l: 'L', m: 'M', n: 'N',
  p: 'B', q: 'K', r: 'R', s: 'S', t: 'T', v: 'F', w: 'W', x: 'KS', y: 'Y', z: 'Z',
};
// Latin consonant + h digraphs.
const WITH_H: Record<string, string> = { k: 'X', g: 'G', s: 'S', t: 'S', d: 'Z', z: 'Z', c: 'C', p: 'F' };

// The tables by code point (U+0600-U+06FF and ASCII), with digits kept; undefined ignores.
const ARABIC_BY_CODE: (string | undefined)[] = new Array(0x100).fill(undefined);
for (const [ch, cls] of Object.entries(ARABIC)) ARABIC_BY_CODE[ch.charCodeAt(0) - 0x600] = cls;
const LATIN_BY_CODE: (string | undefined)[] = new Array(0x80).fill(undefined);
const WITH_H_BY_CODE: (string | undefined)[] = new Array(0x80).fill(undefined);
for (const [ch, cls] of Object.entries(LATIN)) LATIN_BY_CODE[ch.charCodeAt(0)] = cls;
for (const [ch, cls] of Object.entries(WITH_H)) WITH_H_BY_CODE[ch.charCodeAt(0)] = cls;
for (let d = 0; d <= 9; d++) {
  LATIN_BY_CODE[0x30 + d] = String(d);
}

const ALEF = 0x627, AIN = 0x639, WAW = 0x648, YEH = 0x64a, HEH = 0x647, H = 0x68, Y = 0x79;

function isVowel(c: number): boolean {
  return c === 0x61 || c === 0x65 || c === 0x69 || c === 0x6f || c === 0x75;
}

/** Appends a class letter unless it repeats the last one (doubled consonants collapse). */
function push(out: string, cls: string | undefined): string {
  return cls && !out.endsWith(cls) ? out + cls : out;
}

function arabicSkeleton(word: string): string {
  let end = word.length;
  const lastCode = word.charCodeAt(end - 1);
  if (end > 1 && (lastCode === ALEF || lastCode === YEH || lastCode === HEH
    || (lastCode === WAW && word.charCodeAt(end - 2) !== ALEF))) end--;
  let out = '';
  for (let i = 0; i < end; i++) {
    const c = word.charCodeAt(i);
    if (i === 0 && (c === ALEF || c === AIN)) { out = 'A'; continue; }
    if (c >= 0x600 && c <= 0x6ff) out = push(out, ARABIC_BY_CODE[c - 0x600]);
    else if (c >= 0x30 && c <= 0x39) out += word[i];
  }
  return out;
}

/** Class of a medial Latin vowel run: long i/e-like -> Y, long o/u-like -> W, else ''. */
function vowelRun(word: string, from: number, to: number): string {
  if (to - from < 2) return '';
  let back = false;
  for (let i = from; i < to; i++) {
    const c = word.charCodeAt(i);
    if (c === 0x69 || c === 0x65) return 'Y';
    if (c === 0x6f || c === 0x75) back = true;
  }
  return back ? 'W' : '';
}

function latinSkeleton(word: string): string {
  let end = word.length;
  if (end > 2 && word.charCodeAt(end - 1) === H && isVowel(word.charCodeAt(end - 2))) end--;
  if (end > 2 && word.charCodeAt(end - 1) === Y && isVowel(word.charCodeAt(end - 2))) end--;
  if (end > 1 && isVowel(word.charCodeAt(end - 1))) {
    while (end > 1 && isVowel(word.charCodeAt(end - 1))) end--;
  } else if (end > 1 && word.charCodeAt(end - 1) === Y && !isVowel(word.charCodeAt(end - 2))) end--;
  let out = '';
  let i = 0;
  if (isVowel(word.charCodeAt(0))) {
    while (i < end && isVowel(word.charCodeAt(i))) i++;
    out = push('A', vowelRun(word, 0, i));
  }
  while (i < end) {
    const c = word.charCodeAt(i);
    if (isVowel(c)) {
      let j = i;
      while (j < end && isVowel(word.charCodeAt(j))) j++;
      out = push(out, vowelRun(word, i, j));
      i = j;
      continue;
    }
    if (c < 0x80) {
      const di = i + 1 < end && word.charCodeAt(i + 1) === H ? WITH_H_BY_CODE[c] : undefined;
      if (di !== undefined) { out = push(out, di); i += 2; continue; }
      const cls = LATIN_BY_CODE[c];
      if (cls !== undefined && c >= 0x30 && c <= 0x39) out += cls;
      else out = push(out, cls);
    }
    i++;
  }
  return out;
}

/** Skeleton of a normalized name part whose article is already removed (`withoutArticle`). */
export function skeletonOfStripped(stripped: string): string {
  if (!stripped) return '';
  if (!stripped.includes(' ')) return stripped.charCodeAt(0) >= 0x600 ? arabicSkeleton(stripped) : latinSkeleton(stripped);
  let out = '';
  for (const word of stripped.split(' ')) {
    if (word) out += word.charCodeAt(0) >= 0x600 ? arabicSkeleton(word) : latinSkeleton(word);
  }
  return out;
}

/** Consonant skeleton of an already normalized name part (article removed here). */
export function skeletonOfNormalized(normalized: string): string {
  return skeletonOfStripped(withoutArticle(normalized));
}

/** Cross-script consonant skeleton of a raw name part, e.g. محمد / محەمەد / Mohammed -> MHMD. */
export function nameSkeleton(raw: string): string {
  return skeletonOfNormalized(normalizeNamePart(raw));
}
