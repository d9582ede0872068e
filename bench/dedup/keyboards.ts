/**
 * Keys next to each other on the keyboards Iraqi clerks type on, for typos "near on the keyboard":
 * QWERTY for Latin script, the standard Arabic layout for Arabic and Kurdish (Sorani letters are
 * placed on the Arabic key they are typed with, so a Kurdish name typo may bring in an Arabic
 * letter, as it does at a desk with an Arabic keyboard). Measures nothing.
 */

type Grid = readonly (readonly string[])[];

const QWERTY: Grid = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'].map((row) => [...row]);

/** The three letter rows of the Arabic (101) layout, key for key under q, a and z. */
const ARABIC: Grid = [
  ['ض', 'ص', 'ث', 'ق', 'ف', 'غ', 'ع', 'ه', 'خ', 'ح', 'ج', 'د'],
  ['ش', 'س', 'ي', 'ب', 'ل', 'ا', 'ت', 'ن', 'م', 'ك', 'ط'],
  ['ئ', 'ء', 'ؤ', 'ر', 'لا', 'ى', 'ة', 'و', 'ز', 'ظ'],
];

/** Letters typed on another letter's key (hamza forms, Sorani letters), and ذ on the key left of 1. */
const SAME_KEY: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ک': 'ك', 'گ': 'ك', 'ی': 'ي', 'ێ': 'ي', 'ە': 'ه', 'ھ': 'ه', 'ۆ': 'و',
  'ڕ': 'ر', 'ڵ': 'ل', 'ڤ': 'ف', 'پ': 'ب', 'چ': 'ج', 'ژ': 'ز',
};

/** Neighbours on a staggered keyboard: left and right, two keys above, two below. */
function neighbours(grid: Grid): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const at = (r: number, c: number) => grid[r]?.[c];
  grid.forEach((row, r) => row.forEach((key, c) => {
    const near = [at(r, c - 1), at(r, c + 1), at(r - 1, c), at(r - 1, c + 1), at(r + 1, c - 1), at(r + 1, c)];
    out.set(key, near.filter((k): k is string => k !== undefined));
  }));
  return out;
}

const LATIN_NEAR = neighbours(QWERTY);
const ARABIC_NEAR = neighbours(ARABIC);
ARABIC_NEAR.set('ذ', ['ض']);

/** Keys next to the one that types `ch` (lower case for Latin), or none when it is not a letter key. */
export function nearKeys(ch: string): readonly string[] {
  const latin = LATIN_NEAR.get(ch.toLowerCase());
  if (latin) return latin;
  return ARABIC_NEAR.get(SAME_KEY[ch] ?? ch) ?? [];
}

/**
 * One typo in `text`: a letter replaced by a neighbouring key (four times in five) or a
 * neighbouring key pressed just after it. Returns the text unchanged when no letter has neighbours.
 */
export function keyboardTypo(text: string, r: () => number): string {
  const chars = [...text];
  for (let attempt = 0; attempt < 4; attempt++) {
    const i = Math.floor(r() * chars.length);
    const near = nearKeys(chars[i]);
    if (near.length === 0) continue;
    let key = near[Math.floor(r() * near.length)];
    if (chars[i] !== chars[i].toLowerCase()) key = key.toUpperCase();
    if (r() < 0.8) chars[i] = key;
    else chars.splice(i + 1, 0, key);
    return chars.join('');
  }
  return text;
}
