import { ARABIC_LETTER_FOLD, foldName } from '../../names/fold.ts';
import { asciiDigits } from '../../shared/partial-date.ts';

/**
 * Script-aware cleanup of one name part (given, father's, grandfather's or family name).
 * Arabic script is folded as `foldName` does, after turning Kurdish Sorani spelling into Arabic
 * spelling (written short vowels ە and single و between consonants dropped, وو -> و, initial ئ -> ا).
 * "عبد X" is joined, the article ال stays glued. Latin is lower-cased without accents; the
 * article (al, el, Al-) becomes a separate word "al"; Abd al / Abdul / Abdel / Abd-el joins to
 * "abdul" + name; bin / ibn / بن / ابن between names are removed; apostrophes vanish.
 * The result is idempotent: normalizeNamePart(normalizeNamePart(x)) === normalizeNamePart(x).
 */

/** The script a text is written in, judged by its letters. */
export function scriptOf(text: string): 'arabic' | 'latin' | 'mixed' | 'none' {
  let arabic = false;
  let latin = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x0620 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d5) || (c >= 0x06fa && c <= 0x06ff)
      || (c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc)) arabic = true;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) latin = true;
  }
  return arabic ? (latin ? 'mixed' : 'arabic') : latin ? 'latin' : 'none';
}

const APOSTROPHES = /['’‘`ʿʾʼ´]/g;
const SEPARATORS = /[^\p{L}\p{N}\p{M}\u0640\u200c\u200d]+/u;
const LATIN_MARKS = /[\u0300-\u036f]/g;
const LATIN_SPECIAL: Record<string, string> = { 'ı': 'i', 'ß': 'ss', 'ø': 'o', 'æ': 'ae', 'đ': 'd', 'ł': 'l', 'ħ': 'h', 'œ': 'oe' };
const LATIN_SPECIAL_RE = /[ıßøæđłħœ]/g;
const KURDISH_LETTERS = /[ەێۆڕڵڤھ]/;
const ARABIC_VOWEL_LETTERS = 'اەێۆیيىوآأإ';
const WAW = 0x648;

function isArabicChar(c: number): boolean {
  return (c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff);
}

const VOWEL_CODES = new Set([...ARABIC_VOWEL_LETTERS].map((ch) => ch.charCodeAt(0)));
const AE = 0x6d5;

/** Sorani spelling to Arabic spelling, before folding (Sorani writes short vowels). */
function kurdishToArabic(word: string): string {
  let w = word;
  if (w.charCodeAt(0) === 0x626) w = 'ا' + w.slice(w[1] === 'ە' || w[1] === 'ی' || w[1] === 'ا' ? 2 : 1);
  if (w.includes('ۆ')) w = w.replaceAll('ۆ', 'و');
  if (!KURDISH_LETTERS.test(word)) return w;
  // A single و between two consonants is the short vowel u (حوسێن, عومەر) and goes, as Arabic
  // leaves short vowels out; وو is the long ū (مەحموود) and after a vowel و is the consonant w.
  let mid = '';
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === WAW && w.charCodeAt(i + 1) === WAW) { mid += 'و'; i++; continue; }
    if (c === WAW && i > 0 && i < w.length - 1 && !VOWEL_CODES.has(w.charCodeAt(i - 1))
      && !VOWEL_CODES.has(w.charCodeAt(i + 1))) continue;
    mid += w[i];
  }
  // Written short vowel ە goes inside the word and stays (as ه) at its end.
  let out = '';
  for (let i = 0; i < mid.length; i++) {
    const c = mid.charCodeAt(i);
    const next = mid.charCodeAt(i + 1);
    if (c === AE && next >= 0x600 && next <= 0x6ff) continue;
    out += mid[i];
  }
  return out;
}

const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200c\u200d]/g;

/** General path for one Arabic-script word: same steps as the fast path, then `foldName`. */
function normalizeArabicWord(word: string): string {
  const clean = word.replace(ARABIC_MARKS, '');
  const arabic = foldArabicWord(KURDISH_LETTERS.test(clean) ? kurdishToArabic(clean) : clean);
  return foldName(arabic).replace(/ /g, '');
}

function normalizeLatinWord(word: string): string {
  return word.normalize('NFD').replace(LATIN_MARKS, '').toLowerCase()
    .replace(LATIN_SPECIAL_RE, (c) => LATIN_SPECIAL[c] ?? c).replace(/[^a-z0-9]/g, '');
}

const LATIN_ARTICLES = new Set(['al', 'el', 'il', 'ul']);
const LATIN_ABD = new Set(['abd', 'abdul', 'abdel', 'abdal', 'abdol', 'abdil', 'abdu', 'abdl']);
const LATIN_SONS = new Set(['bin', 'ibn', 'ben', 'bint', 'bent']);
const ARABIC_SONS = new Set(['بن', 'ابن', 'بنت']);
const ALLAH: Record<string, string> = { allah: 'lah', alla: 'la', alah: 'lah', ullah: 'lah', ulla: 'la', illah: 'lah', ellah: 'lah', lah: 'lah', la: 'la' };
const GLUED_ABD = /^abd[aeiou]?l(?=[a-z]{2})/;
const GLUED_ABD_SUN = /^abd[aeiou]([tdrzsnl])\1(?=[a-z])/;

/** Joins a glued Latin "abd..." word onto the canonical "abdul" prefix. */
function canonicalAbd(word: string): string {
  const sun = GLUED_ABD_SUN.exec(word);
  if (sun) return 'abdul' + word.slice(5);
  if (GLUED_ABD.test(word)) return 'abdul' + word.replace(GLUED_ABD, '');
  return word;
}

function joinAbd(name: string): string {
  const allah = ALLAH[name];
  if (allah !== undefined && name !== 'lah' && name !== 'la') return 'abdul' + allah;
  return canonicalAbd('abdul' + name);
}

// `foldName`'s letter table by code point over U+0600-U+06FF: -1 keeps the letter, 0 drops it.
const FOLD_CODE = new Int32Array(0x100).fill(-1);
for (const [from, to] of Object.entries(ARABIC_LETTER_FOLD)) FOLD_CODE[from.charCodeAt(0) - 0x600] = to ? to.charCodeAt(0) : 0;

/** Plain Arabic word (no Sorani-only letters): initial ئ as alef, letters folded, و runs collapsed. */
function foldArabicWord(word: string): string {
  let out = '';
  let i = 0;
  let last = 0;
  if (word.charCodeAt(0) === 0x626) {
    out = 'ا';
    i = word[1] === 'ی' || word[1] === 'ا' ? 2 : 1;
  }
  for (; i < word.length; i++) {
    let c = word.charCodeAt(i);
    if (c >= 0x600 && c <= 0x6ff) {
      const f = FOLD_CODE[c - 0x600]!;
      if (f === 0) continue;
      if (f > 0) c = f;
    }
    if (c === WAW && last === WAW) continue;
    out += String.fromCharCode(c);
    last = c;
  }
  return out;
}

function collapseWaw(word: string): string {
  return word.includes('وو') ? word.replace(/و{2,}/g, 'و') : word;
}

// Accented Latin letters (U+00C0-U+024F) to their plain lower-case letters, computed once.
const LATIN_PLAIN = new Map<number, string>();
for (let c = 0xc0; c <= 0x24f; c++) {
  const plain = normalizeLatinWord(String.fromCharCode(c));
  if (plain && c !== 0xd7 && c !== 0xf7) LATIN_PLAIN.set(c, plain);
}
const APOSTROPHE_CODES = new Set([0x27, 0x60, 0x2019, 0x2018, 0x2bf, 0x2be, 0x2bc, 0xb4]);
const SPACE_CODES = new Set([0xa0, 0x200e, 0x200f, 0x202f, 0x3000, 0x60c, 0x61b, 0x61f, 0x66a, 0x66b, 0x66c, 0x66d, 0x6d4]);

function isArabicLetterCode(c: number): boolean {
  return (c >= 0x620 && c <= 0x63f) || (c >= 0x641 && c <= 0x64a) || c === 0x66e || c === 0x66f
    || (c >= 0x671 && c <= 0x6d3) || c === 0x6d5 || c === 0x6ee || c === 0x6ef || (c >= 0x6fa && c <= 0x6fc) || c === 0x6ff;
}

function pushWord(words: string[], cur: string, arabic: boolean, kurdish: boolean): void {
  const w = !arabic ? cur : kurdish ? foldArabicWord(kurdishToArabic(cur)) : foldArabicWord(cur);
  if (w) words.push(w);
}

/**
 * Fast path: splits into folded words in one pass for ASCII, accented Latin and Arabic-block text;
 * null when another character appears (the general path then handles the whole string).
 */
function fastWords(raw: string): string[] | null {
  const words: string[] = [];
  let cur = '';
  let arabic = false;
  let kurdish = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x41 && c <= 0x5a) cur += String.fromCharCode(c + 32);
      else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) cur += raw[i];
      else if (c !== 0x27 && c !== 0x60) { if (cur) pushWord(words, cur, arabic, kurdish); cur = ''; arabic = false; kurdish = false; }
    } else if (c >= 0x600 && c <= 0x6ff) {
      if ((c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9)) cur += String((c & 0xf) % 10);
      else if (isArabicLetterCode(c)) {
        arabic = true;
        if (c === 0x6d5 || c === 0x6ce || c === 0x6c6 || c === 0x695 || c === 0x6b5 || c === 0x6a4 || c === 0x6be) kurdish = true;
        cur += raw[i];
      } else if ((c >= 0x610 && c <= 0x61a) || (c >= 0x64b && c <= 0x65f) || c === 0x670 || c === 0x640
        || (c >= 0x6d6 && c <= 0x6ed)) continue;
      else { if (cur) pushWord(words, cur, arabic, kurdish); cur = ''; arabic = false; kurdish = false; }
    } else if (c === 0x200c || c === 0x200d || APOSTROPHE_CODES.has(c) || (c >= 0x300 && c <= 0x36f)) continue;
    else if (SPACE_CODES.has(c) || (c >= 0x2000 && c <= 0x200b)) { if (cur) pushWord(words, cur, arabic, kurdish); cur = ''; arabic = false; kurdish = false; }
    else {
      const plain = LATIN_PLAIN.get(c);
      if (plain === undefined) return null;
      cur += plain;
    }
  }
  if (cur) pushWord(words, cur, arabic, kurdish);
  return words;
}

function hasArabicLetter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isArabicLetterCode(c) || (c >= 0x750 && c <= 0x77f) || (c >= 0x8a0 && c <= 0x8ff)
      || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)) return true;
  }
  return false;
}

/** General path: regular expressions over any Unicode text. */
function slowWords(raw: string): string[] {
  const parts = asciiDigits(raw).replace(APOSTROPHES, '').split(SEPARATORS);
  const words: string[] = [];
  for (const part of parts) {
    if (!part) continue;
    const arabic = hasArabicLetter(part);
    let w = arabic
      ? collapseWaw(normalizeArabicWord(part.replace(LATIN_SPECIAL_RE, (c) => LATIN_SPECIAL[c] ?? c)))
      : normalizeLatinWord(part);
    // Letters of other scripts survive only beside Arabic letters, so a second pass agrees.
    if (arabic && !hasArabicLetter(w)) w = normalizeLatinWord(w);
    if (w) words.push(w);
  }
  return words;
}

/** Script-aware canonical form of one name part; '' when nothing name-like remains. */
export function normalizeNamePart(raw: string): string {
  const words = fastWords(raw) ?? slowWords(raw);
  if (words.length <= 1) {
    const only = words[0];
    return only === undefined ? '' : only.startsWith('abd') ? canonicalAbd(only) : only;
  }
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if ((LATIN_SONS.has(w) || ARABIC_SONS.has(w)) && out.length > 0 && next !== undefined) continue;
    if (next !== undefined && LATIN_ABD.has(w)) {
      let j = i + 1;
      if (LATIN_ARTICLES.has(words[j]!) && words[j + 1] !== undefined) j++;
      out.push(joinAbd(words[j]!));
      i = j;
      continue;
    }
    if (next !== undefined && w === 'عبد' && isArabicChar(next.charCodeAt(0))) {
      out.push(w + next);
      i++;
      continue;
    }
    if (next !== undefined && w === 'ال' && isArabicChar(next.charCodeAt(0))) {
      out.push(w + next);
      i++;
      continue;
    }
    if (next !== undefined && LATIN_ARTICLES.has(w) && !isArabicChar(next.charCodeAt(0))) {
      out.push('al');
      continue;
    }
    out.push(w.startsWith('abd') ? canonicalAbd(w) : w);
  }
  return out.join(' ');
}

const ARTICLE_KEEP = new Set(['الله', 'الياس', 'اليسع']);

/** A normalized name part without its article (Latin word "al", Arabic prefix ال). */
export function withoutArticle(normalized: string): string {
  if (!normalized || (!normalized.startsWith('ال') && !normalized.includes(' '))) return normalized;
  const words = normalized.split(' ');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === 'al' && i < words.length - 1) continue;
    if (w.length > 4 && w.startsWith('ال') && !ARTICLE_KEEP.has(w)) out.push(w.slice(2));
    else out.push(w);
  }
  return out.join(' ');
}
