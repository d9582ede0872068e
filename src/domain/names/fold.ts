import { asciiDigits } from '../shared/partial-date.ts';

/**
 * Folds a name or search word so that spellings clerks treat as the same letter meet:
 * Arabic alef forms, ta marbuta and heh, alef maqsura and yeh, Persian/Kurdish keheh and yeh,
 * Kurdish Sorani letters onto their Arabic look-alikes, diacritics and tatweel removed,
 * Latin lower-cased without accents, Eastern Arabic digits to ASCII. Idempotent.
 * (Deduplication builds its own, stronger cross-script key on top of this.)
 */
/** One Arabic-script letter folded onto the letter it is compared as ('' drops it). */
export const ARABIC_LETTER_FOLD: Readonly<Record<string, string>> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا',
  'ة': 'ه', 'ە': 'ه', 'ھ': 'ه', 'ۀ': 'ه',
  'ى': 'ي', 'ی': 'ي', 'ێ': 'ي', 'ې': 'ي', 'ئ': 'ي',
  'ک': 'ك', 'ڪ': 'ك',
  'ؤ': 'و', 'ۆ': 'و', 'ۊ': 'و', 'ۇ': 'و',
  'ڕ': 'ر', 'ڵ': 'ل', 'ڤ': 'ف', 'ء': '',
};
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200c\u200d\u200e\u200f]/g;
const LATIN_MARKS = /[\u0300-\u036f]/g;

export function foldName(text: string): string {
  const base = asciiDigits(text).normalize('NFD').replace(LATIN_MARKS, '').normalize('NFC');
  let out = '';
  for (const ch of base.replace(MARKS, '')) out += ARABIC_LETTER_FOLD[ch] ?? ch;
  return out.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/\s+/g, ' ');
}

const KURDISH_LETTERS = /[ەێۆڕڵڤھ]/;

/**
 * The Arabic-style spelling of a Kurdish Sorani word: Sorani writes short vowels that Arabic
 * leaves out (کەریم / كريم), so the vowel letter ە is dropped inside the word (kept, as ه, at
 * its end) before folding. Words without Sorani-only letters are only folded.
 */
export function foldKurdishAsArabic(word: string): string {
  // A word-initial vowel sits on ئ in Sorani and on an alef in Arabic (ئەحمەد / أحمد,
  // ئیبراهیم / إبراهيم); Arabic spelling never starts a word with ئ.
  const initial = word.replace(/^ئ[ەیا]?/, 'ا');
  if (!KURDISH_LETTERS.test(word)) return foldName(initial);
  return foldName(initial.replace(/ە(?=[\u0600-\u06FF])/g, ''));
}
