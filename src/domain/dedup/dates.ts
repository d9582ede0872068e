import { parsePartialDate } from '../shared/partial-date.ts';
import type { GradedLevel, PreparedDate } from './types.ts';

/**
 * Birth-date comparison respecting precision. Levels:
 * - exact: same value at the same precision;
 * - close: compatible at the coarser precision ('1975' vs '1975-06-03', '1975-06' vs '1975-06-03'),
 *   one side a registration default (1 January or 1 July) in the same year, a day-month swap
 *   (1975-03-04 vs 1975-04-03), or one year apart when the finer parts agree or are unknown/default;
 * - different: anything else; missing: either side absent or unparseable.
 */

const DATE_CACHE_LIMIT = 100_000;
const dateCache = new Map<string, PreparedDate | null>();

/** Splits a partial date into numbers once; null when absent or not a real date. Shared per value (immutable). */
export function prepareDate(raw: string | null): PreparedDate | null {
  if (raw === null) return null;
  const hit = dateCache.get(raw);
  if (hit !== undefined) return hit;
  const prepared = prepareDateUncached(raw);
  if (dateCache.size >= DATE_CACHE_LIMIT) dateCache.clear();
  dateCache.set(raw, prepared);
  return prepared;
}

function prepareDateUncached(raw: string): PreparedDate | null {
  const parsed = parsePartialDate(raw);
  if (!parsed) return null;
  const v = parsed.value;
  const year = Number(v.slice(0, 4));
  const month = v.length >= 7 ? Number(v.slice(5, 7)) : 0;
  const day = v.length >= 10 ? Number(v.slice(8, 10)) : 0;
  return Object.freeze({ value: v, year, month, day });
}

/** True for the dates clerks enter when only the year is known: 1 January and 1 July. */
export function isDefaultDate(d: PreparedDate): boolean {
  return d.day === 1 && (d.month === 1 || d.month === 7);
}

/** True when the date carries no information beyond its year (year precision or a default day). */
function yearOnly(d: PreparedDate): boolean {
  return d.month === 0 || isDefaultDate(d);
}

function sameYearLevel(a: PreparedDate, b: PreparedDate): GradedLevel {
  if (yearOnly(a) || yearOnly(b)) return 'close';
  if (a.month === b.month) return a.day === 0 || b.day === 0 ? 'close' : 'different';
  if (a.day !== 0 && b.day !== 0 && a.month === b.day && a.day === b.month) return 'close';
  return 'different';
}

function adjacentYearLevel(a: PreparedDate, b: PreparedDate): GradedLevel {
  if (yearOnly(a) || yearOnly(b)) return 'close';
  if (a.month !== b.month) return 'different';
  return a.day === b.day || a.day === 0 || b.day === 0 ? 'close' : 'different';
}

/** Compares two prepared birth dates (see the module comment for the levels). */
export function compareDates(a: PreparedDate | null, b: PreparedDate | null): GradedLevel {
  if (a === null || b === null) return 'missing';
  if (a.value === b.value) return 'exact';
  const dy = a.year - b.year;
  if (dy === 0) return sameYearLevel(a, b);
  if (dy === 1 || dy === -1) return adjacentYearLevel(a, b);
  return 'different';
}
