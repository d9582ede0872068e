/**
 * Double Metaphone (Lawrence Philips), primary and alternate codes of at most 4 letters, written
 * after the rules of Apache commons-codec's DoubleMetaphone, which the Elasticsearch phonetic
 * token filter (`encoder: double_metaphone`) runs in HOPE's deduplication (see hope.ts). Letters
 * outside A-Z, Ç and Ñ are skipped, so Arabic or Kurdish script gives an empty code, as there.
 * Part of the HOPE baseline; measures nothing by itself.
 */

const MAX = 4;
const VOWELS = 'AEIOUY';

class Code {
  primary = '';
  alternate = '';
  add(primary: string, alternate = primary): void {
    this.primary = (this.primary + primary).slice(0, MAX);
    this.alternate = (this.alternate + alternate).slice(0, MAX);
  }
  get complete(): boolean {
    return this.primary.length >= MAX && this.alternate.length >= MAX;
  }
}

/** The word as the encoder sees it: trimmed, upper case (English rules). */
class Word {
  readonly slavoGermanic: boolean;
  constructor(readonly s: string) {
    this.slavoGermanic = /W|K|CZ|WITZ/.test(s);
  }
  get length(): number { return this.s.length; }
  at(i: number): string { return i >= 0 && i < this.s.length ? this.s[i] : ''; }
  vowel(i: number): boolean { const c = this.at(i); return c !== '' && VOWELS.includes(c); }
  /** True when the `length` letters from `start` are one of `options`. */
  has(start: number, length: number, ...options: string[]): boolean {
    if (start < 0 || start + length > this.s.length) return false;
    return options.includes(this.s.slice(start, start + length));
  }
}

/** [primary, alternate] Double Metaphone codes of one token ('' when it has no Latin letter). */
export function doubleMetaphone(token: string): [string, string] {
  const w = new Word(token.trim().toUpperCase());
  const code = new Code();
  let i = w.has(0, 2, 'GN', 'KN', 'PN', 'WR', 'PS') ? 1 : 0;
  while (!code.complete && i < w.length) i = step(w, code, i);
  return [code.primary, code.alternate];
}

const twice = (w: Word, i: number, c: string) => (w.at(i + 1) === c ? i + 2 : i + 1);

function step(w: Word, code: Code, i: number): number {
  const c = w.at(i);
  switch (c) {
    case 'A': case 'E': case 'I': case 'O': case 'U': case 'Y':
      if (i === 0) code.add('A');
      return i + 1;
    case 'B': code.add('P'); return twice(w, i, 'B');
    case 'Ç': code.add('S'); return i + 1;
    case 'C': return letterC(w, code, i);
    case 'D':
      if (w.has(i, 2, 'DG')) {
        if (w.has(i + 2, 1, 'I', 'E', 'Y')) { code.add('J'); return i + 3; }
        code.add('TK');
        return i + 2;
      }
      code.add('T');
      return w.has(i, 2, 'DT', 'DD') ? i + 2 : i + 1;
    case 'F': code.add('F'); return twice(w, i, 'F');
    case 'G': return letterG(w, code, i);
    case 'H':
      if ((i === 0 || w.vowel(i - 1)) && w.vowel(i + 1)) { code.add('H'); return i + 2; }
      return i + 1;
    case 'J': return letterJ(w, code, i);
    case 'K': code.add('K'); return twice(w, i, 'K');
    case 'L':
      if (w.at(i + 1) !== 'L') { code.add('L'); return i + 1; }
      if (spanishLl(w, i)) code.add('L', '');
      else code.add('L');
      return i + 2;
    case 'M':
      code.add('M');
      return w.at(i + 1) === 'M' || (w.has(i - 1, 3, 'UMB') && (i + 1 === w.length - 1 || w.has(i + 2, 2, 'ER'))) ? i + 2 : i + 1;
    case 'N': code.add('N'); return twice(w, i, 'N');
    case 'Ñ': code.add('N'); return i + 1;
    case 'P':
      if (w.at(i + 1) === 'H') { code.add('F'); return i + 2; }
      code.add('P');
      return w.has(i + 1, 1, 'P', 'B') ? i + 2 : i + 1;
    case 'Q': code.add('K'); return twice(w, i, 'Q');
    case 'R':
      if (i === w.length - 1 && !w.slavoGermanic && w.has(i - 2, 2, 'IE') && !w.has(i - 4, 2, 'ME', 'MA')) code.add('', 'R');
      else code.add('R');
      return twice(w, i, 'R');
    case 'S': return letterS(w, code, i);
    case 'T': return letterT(w, code, i);
    case 'V': code.add('F'); return twice(w, i, 'V');
    case 'W': return letterW(w, code, i);
    case 'X':
      if (i === 0) { code.add('S'); return i + 1; }
      if (!(i === w.length - 1 && (w.has(i - 3, 3, 'IAU', 'EAU') || w.has(i - 2, 2, 'AU', 'OU')))) code.add('KS');
      return w.has(i + 1, 1, 'C', 'X') ? i + 2 : i + 1;
    case 'Z':
      if (w.at(i + 1) === 'H') { code.add('J'); return i + 2; }
      if (w.has(i + 1, 2, 'ZO', 'ZI', 'ZA') || (w.slavoGermanic && i > 0 && w.at(i - 1) !== 'T')) code.add('S', 'TS');
      else code.add('S');
      return twice(w, i, 'Z');
    default: return i + 1;
  }
}

function spanishLl(w: Word, i: number): boolean {
  const n = w.length;
  if (i === n - 3 && w.has(i - 1, 4, 'ILLO', 'ILLA', 'ALLE')) return true;
  return (w.has(n - 2, 2, 'AS', 'OS') || w.has(n - 1, 1, 'A', 'O')) && w.has(i - 1, 4, 'ALLE');
}

function letterC(w: Word, code: Code, i: number): number {
  if (germanicCh(w, i)) { code.add('K'); return i + 2; }
  if (i === 0 && w.has(i, 6, 'CAESAR')) { code.add('S'); return i + 2; }
  if (w.has(i, 2, 'CH')) return letterCh(w, code, i);
  if (w.has(i, 2, 'CZ') && !w.has(i - 2, 4, 'WICZ')) { code.add('S', 'X'); return i + 2; }
  if (w.has(i + 1, 3, 'CIA')) { code.add('X'); return i + 3; }
  if (w.has(i, 2, 'CC') && !(i === 1 && w.at(0) === 'M')) {
    if (w.has(i + 2, 1, 'I', 'E', 'H') && !w.has(i + 2, 2, 'HU')) {
      if ((i === 1 && w.at(i - 1) === 'A') || w.has(i - 1, 5, 'UCCEE', 'UCCES')) code.add('KS');
      else code.add('X');
      return i + 3;
    }
    code.add('K');
    return i + 2;
  }
  if (w.has(i, 2, 'CK', 'CG', 'CQ')) { code.add('K'); return i + 2; }
  if (w.has(i, 2, 'CI', 'CE', 'CY')) {
    if (w.has(i, 3, 'CIO', 'CIE', 'CIA')) code.add('S', 'X');
    else code.add('S');
    return i + 2;
  }
  code.add('K');
  if (w.has(i + 1, 2, ' C', ' Q', ' G')) return i + 3;
  if (w.has(i + 1, 1, 'C', 'K', 'Q') && !w.has(i + 1, 2, 'CE', 'CI')) return i + 2;
  return i + 1;
}

function germanicCh(w: Word, i: number): boolean {
  if (w.has(i, 4, 'CHIA')) return true;
  if (i <= 1 || w.vowel(i - 2) || !w.has(i - 1, 3, 'ACH')) return false;
  const c = w.at(i + 2);
  return (c !== 'I' && c !== 'E') || w.has(i - 2, 6, 'BACHER', 'MACHER');
}

function letterCh(w: Word, code: Code, i: number): number {
  if (i > 0 && w.has(i, 4, 'CHAE')) { code.add('K', 'X'); return i + 2; }
  const greek = i === 0 && (w.has(i + 1, 5, 'HARAC', 'HARIS') || w.has(i + 1, 3, 'HOR', 'HYM', 'HIA', 'HEM')) && !w.has(0, 5, 'CHORE');
  const kh = w.has(0, 4, 'VAN ', 'VON ') || w.has(0, 3, 'SCH') || w.has(i - 2, 6, 'ORCHES', 'ARCHIT', 'ORCHID')
    || w.has(i + 2, 1, 'T', 'S')
    || ((w.has(i - 1, 1, 'A', 'O', 'U', 'E') || i === 0) && (w.has(i + 2, 1, 'L', 'R', 'N', 'M', 'B', 'H', 'F', 'V', 'W', ' ') || i + 1 === w.length - 1));
  if (greek || kh) code.add('K');
  else if (i > 0 && w.has(0, 2, 'MC')) code.add('K');
  else if (i > 0) code.add('X', 'K');
  else code.add('X');
  return i + 2;
}

function letterG(w: Word, code: Code, i: number): number {
  const next = w.at(i + 1);
  if (next === 'H') return letterGh(w, code, i);
  if (next === 'N') {
    if (i === 1 && w.vowel(0) && !w.slavoGermanic) code.add('KN', 'N');
    else if (!w.has(i + 2, 2, 'EY') && w.at(i + 1) !== 'Y' && !w.slavoGermanic) code.add('N', 'KN');
    else code.add('KN');
    return i + 2;
  }
  if (w.has(i + 1, 2, 'LI') && !w.slavoGermanic) { code.add('KL', 'L'); return i + 2; }
  if (i === 0 && (next === 'Y' || w.has(i + 1, 2, 'ES', 'EP', 'EB', 'EL', 'EY', 'IB', 'IL', 'IN', 'IE', 'EI', 'ER'))) {
    code.add('K', 'J');
    return i + 2;
  }
  if ((w.has(i + 1, 2, 'ER') || next === 'Y') && !w.has(0, 6, 'DANGER', 'RANGER', 'MANGER')
    && !w.has(i - 1, 1, 'E', 'I') && !w.has(i - 1, 3, 'RGY', 'OGY')) {
    code.add('K', 'J');
    return i + 2;
  }
  if (w.has(i + 1, 1, 'E', 'I', 'Y') || w.has(i - 1, 4, 'AGGI', 'OGGI')) {
    if (w.has(0, 4, 'VAN ', 'VON ') || w.has(0, 3, 'SCH') || w.has(i + 1, 2, 'ET')) code.add('K');
    else if (w.has(i + 1, 3, 'IER')) code.add('J');
    else code.add('J', 'K');
    return i + 2;
  }
  code.add('K');
  return next === 'G' ? i + 2 : i + 1;
}

function letterGh(w: Word, code: Code, i: number): number {
  if (i > 0 && !w.vowel(i - 1)) { code.add('K'); return i + 2; }
  if (i === 0) { code.add(w.at(i + 2) === 'I' ? 'J' : 'K'); return i + 2; }
  if ((i > 1 && w.has(i - 2, 1, 'B', 'H', 'D')) || (i > 2 && w.has(i - 3, 1, 'B', 'H', 'D')) || (i > 3 && w.has(i - 4, 1, 'B', 'H'))) {
    return i + 2;
  }
  if (i > 2 && w.at(i - 1) === 'U' && w.has(i - 3, 1, 'C', 'G', 'L', 'R', 'T')) code.add('F');
  else if (i > 0 && w.at(i - 1) !== 'I') code.add('K');
  return i + 2;
}

function letterJ(w: Word, code: Code, i: number): number {
  if (w.has(i, 4, 'JOSE') || w.has(0, 4, 'SAN ')) {
    if ((i === 0 && w.at(i + 4) === ' ') || w.length === 4 || w.has(0, 4, 'SAN ')) code.add('H');
    else code.add('J', 'H');
    return i + 1;
  }
  if (i === 0) code.add('J', 'A');
  else if (w.vowel(i - 1) && !w.slavoGermanic && (w.at(i + 1) === 'A' || w.at(i + 1) === 'O')) code.add('J', 'H');
  else if (i === w.length - 1) code.add('J', ' ');
  else if (!w.has(i + 1, 1, 'L', 'T', 'K', 'S', 'N', 'M', 'B', 'Z') && !w.has(i - 1, 1, 'S', 'K', 'L')) code.add('J');
  return twice(w, i, 'J');
}

function letterS(w: Word, code: Code, i: number): number {
  if (w.has(i - 1, 3, 'ISL', 'YSL')) return i + 1;
  if (i === 0 && w.has(i, 5, 'SUGAR')) { code.add('X', 'S'); return i + 1; }
  if (w.has(i, 2, 'SH')) {
    code.add(w.has(i + 1, 4, 'HEIM', 'HOEK', 'HOLM', 'HOLZ') ? 'S' : 'X');
    return i + 2;
  }
  if (w.has(i, 3, 'SIO', 'SIA') || w.has(i, 4, 'SIAN')) {
    if (w.slavoGermanic) code.add('S');
    else code.add('S', 'X');
    return i + 3;
  }
  if ((i === 0 && w.has(i + 1, 1, 'M', 'N', 'L', 'W')) || w.has(i + 1, 1, 'Z')) {
    code.add('S', 'X');
    return w.has(i + 1, 1, 'Z') ? i + 2 : i + 1;
  }
  if (w.has(i, 2, 'SC')) return letterSc(w, code, i);
  if (i === w.length - 1 && w.has(i - 2, 2, 'AI', 'OI')) code.add('', 'S');
  else code.add('S');
  return w.has(i + 1, 1, 'S', 'Z') ? i + 2 : i + 1;
}

function letterSc(w: Word, code: Code, i: number): number {
  if (w.at(i + 2) === 'H') {
    if (w.has(i + 3, 2, 'OO', 'ER', 'EN', 'UY', 'ED', 'EM')) {
      if (w.has(i + 3, 2, 'ER', 'EN')) code.add('X', 'SK');
      else code.add('SK');
    } else if (i === 0 && !w.vowel(3) && w.at(3) !== 'W') {
      code.add('X', 'S');
    } else {
      code.add('X');
    }
  } else if (w.has(i + 2, 1, 'I', 'E', 'Y')) {
    code.add('S');
  } else {
    code.add('SK');
  }
  return i + 3;
}

function letterT(w: Word, code: Code, i: number): number {
  if (w.has(i, 4, 'TION') || w.has(i, 3, 'TIA', 'TCH')) { code.add('X'); return i + 3; }
  if (w.has(i, 2, 'TH') || w.has(i, 3, 'TTH')) {
    if (w.has(i + 2, 2, 'OM', 'AM') || w.has(0, 4, 'VAN ', 'VON ') || w.has(0, 3, 'SCH')) code.add('T');
    else code.add('0', 'T');
    return i + 2;
  }
  code.add('T');
  return w.has(i + 1, 1, 'T', 'D') ? i + 2 : i + 1;
}

function letterW(w: Word, code: Code, i: number): number {
  if (w.has(i, 2, 'WR')) { code.add('R'); return i + 2; }
  if (i === 0 && (w.vowel(i + 1) || w.has(i, 2, 'WH'))) {
    if (w.vowel(i + 1)) code.add('A', 'F');
    else code.add('A');
    return i + 1;
  }
  if ((i === w.length - 1 && w.vowel(i - 1)) || w.has(i - 1, 5, 'EWSKI', 'EWSKY', 'OWSKI', 'OWSKY') || w.has(0, 3, 'SCH')) {
    code.add('', 'F');
    return i + 1;
  }
  if (w.has(i, 4, 'WICZ', 'WITZ')) { code.add('TS', 'FX'); return i + 4; }
  return i + 1;
}
