import type { EntitlementFormula, FormulaPart } from '#domain/assistance/formula';

/**
 * The entitlement formula as the editor holds it. A formula is parts that add up (a food parcel
 * per household, plus cash per person, plus a kit by size band); each part has lines of catalogue
 * codes. A band part is a table: a row per line, a column per size band, where an empty cell
 * means "nothing of it in this band". Bands are kept as their upper ends, so they never overlap
 * or leave a size out: [3, 6] is 1-3, 4-6 and 7+, the last band always open.
 */
export type Basis = FormulaPart['per'];
export const BASES: readonly Basis[] = ['household', 'person', 'band'];

export interface LineState {
  code: string;
  /** One quantity per band (one in all for household and person); '' for none. */
  quantities: (number | '')[];
}

export interface PartState {
  per: Basis;
  ends: number[];
  /** A per-person part counts at most this many people ('' for all). */
  maxPeople: number | '';
  lines: LineState[];
}

export interface FormulaState {
  parts: PartState[];
}

export interface Band {
  from: number;
  to: number | null;
}

export const DEFAULT_ENDS = [3, 6];
export const EMPTY_FORMULA: FormulaState = { parts: [] };

/** The bands that upper ends make: [3, 6] -> 1-3, 4-6, 7+. */
export function bandsOf(ends: readonly number[]): Band[] {
  const bands: Band[] = [];
  let from = 1;
  for (const end of ends) {
    bands.push({ from, to: end });
    from = end + 1;
  }
  bands.push({ from, to: null });
  return bands;
}

/** How many quantities each line of a part has. */
export const columns = (p: Pick<PartState, 'per' | 'ends'>) => (p.per === 'band' ? p.ends.length + 1 : 1);

/** Fits every line to `n` quantities: extra ones dropped, missing ones copied from the last. */
function fitLines(lines: readonly LineState[], n: number): LineState[] {
  return lines.map((l) => {
    const q = l.quantities.slice(0, n);
    while (q.length < n) q.push(q.length ? q[q.length - 1] : '');
    return { ...l, quantities: q };
  });
}

/** A new part of a basis, with the lines given (one of each). */
export function newPart(per: Basis, codes: readonly string[] = []): PartState {
  const part: PartState = { per, ends: per === 'band' ? DEFAULT_ENDS : [], maxPeople: '', lines: [] };
  return { ...part, lines: codes.map((code) => ({ code, quantities: Array(columns(part)).fill(1) })) };
}

/**
 * Moves the upper end of band `i`, kept between its neighbours so no size falls in two bands
 * or in none: at least one more than the end before, at least one less than the end after.
 */
export function setEnd(p: PartState, i: number, value: number): PartState {
  const low = (i > 0 ? p.ends[i - 1] : 0) + 1;
  const high = i < p.ends.length - 1 ? p.ends[i + 1] - 1 : 99;
  const ends = [...p.ends];
  ends[i] = Math.min(high, Math.max(low, Math.round(value)));
  return { ...p, ends };
}

/** Splits the open band: a new band of three sizes before it, its quantities copied. */
export function addBand(p: PartState): PartState {
  const last = p.ends.length ? p.ends[p.ends.length - 1] : 0;
  if (last + 3 > 99) return p;
  return { ...p, ends: [...p.ends, last + 3], lines: fitLines(p.lines, p.ends.length + 2) };
}

/** Removes band `i`; the band after it grows down to cover its sizes (the open band: the one before opens). */
export function removeBand(p: PartState, i: number): PartState {
  if (i < 0 || i > p.ends.length || p.ends.length === 0) return p;
  const endIndex = Math.min(i, p.ends.length - 1);
  return {
    ...p,
    ends: p.ends.filter((_, k) => k !== endIndex),
    lines: p.lines.map((l) => ({ ...l, quantities: l.quantities.filter((_, k) => k !== i) })),
  };
}

export function addLine(p: PartState, code: string): PartState {
  if (p.lines.some((l) => l.code === code)) return p;
  return { ...p, lines: [...p.lines, { code, quantities: Array(columns(p)).fill(1) }] };
}

export function removeLine(p: PartState, code: string): PartState {
  return { ...p, lines: p.lines.filter((l) => l.code !== code) };
}

export function setQuantity(p: PartState, code: string, column: number, value: number | ''): PartState {
  return { ...p, lines: p.lines.map((l) => (l.code === code ? { ...l, quantities: l.quantities.map((q, k) => (k === column ? value : q)) } : l)) };
}

const given = (code: string, q: number | '' | undefined) => (typeof q === 'number' && q > 0 ? [{ code, quantity: q }] : []);

/**
 * The stored part. Household and person lines without a quantity are left out (a part left
 * with none is refused by the schema, so the editor shows why); a band that gives nothing is
 * left out, so households of those sizes get nothing from this part.
 */
export function partFromState(p: PartState): FormulaPart {
  if (p.per === 'band') {
    const bands = bandsOf(p.ends)
      .map((b, k) => ({ ...b, lines: p.lines.flatMap((l) => given(l.code, l.quantities[k])) }))
      .filter((b) => b.lines.length > 0);
    return { per: 'band', bands };
  }
  const lines = p.lines.flatMap((l) => given(l.code, l.quantities[0]));
  if (p.per === 'person') return p.maxPeople === '' ? { per: 'person', lines } : { per: 'person', lines, maxPeople: p.maxPeople };
  return { per: 'household', lines };
}

export function formulaFromState(s: FormulaState): EntitlementFormula {
  return { parts: s.parts.map(partFromState) };
}

/** Stored bands as contiguous ones from 1, open at the end: gaps become bands that give nothing. */
function contiguous(stored: readonly (Band & { lines: { code: string; quantity: number }[] })[]) {
  const sorted = [...stored].sort((a, b) => a.from - b.from);
  const out: (Band & { lines: { code: string; quantity: number }[] })[] = [];
  let next = 1;
  for (const b of sorted) {
    if (b.from > next) out.push({ from: next, to: b.from - 1, lines: [] });
    out.push(b);
    if (b.to === null) return out;
    next = b.to + 1;
  }
  out.push({ from: next, to: null, lines: [] });
  return out;
}

/** The editor's state of a stored part. */
export function partToState(part: FormulaPart): PartState {
  if (part.per !== 'band') {
    return {
      per: part.per, ends: [], maxPeople: part.per === 'person' ? part.maxPeople ?? '' : '',
      lines: part.lines.map((l) => ({ code: l.code, quantities: [l.quantity] })),
    };
  }
  const bands = contiguous(part.bands);
  const codes = [...new Set(bands.flatMap((b) => b.lines.map((l) => l.code)))];
  return {
    per: 'band', maxPeople: '',
    ends: bands.slice(0, -1).map((b) => b.to as number),
    lines: codes.map((code) => ({ code, quantities: bands.map((b) => b.lines.find((l) => l.code === code)?.quantity ?? '') })),
  };
}

export function formulaToState(f: Partial<EntitlementFormula> | null | undefined): FormulaState {
  return { parts: (f?.parts ?? []).map(partToState) };
}
