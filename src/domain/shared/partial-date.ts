/**
 * Dates as people report them in displacement: a year, a month or a full day. The precision is
 * kept as given ("1975" stays a year), never padded to 1 January.
 */
export type DatePrecision = 'year' | 'month' | 'day';

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Converts Arabic-Indic and Persian digits to ASCII digits. */
export function asciiDigits(text: string): string {
  return text.replace(EASTERN_DIGITS, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (any digits); returns null when it is not a real date. */
export function parsePartialDate(raw: string): { value: string; precision: DatePrecision } | null {
  const text = asciiDigits(raw.trim());
  const m = PATTERN.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1880 || year > 2200) return null;
  if (m[2] === undefined) return { value: text, precision: 'year' };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { value: text, precision: 'month' };
  const day = Number(m[3]);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > last) return null;
  return { value: text, precision: 'day' };
}

/** The earliest calendar day a partial date can mean, for comparisons with today. */
export function earliestDay(value: string): string {
  const [y, m = '01', d = '01'] = value.split('-');
  return `${y}-${m}-${d}`;
}

/** True when the partial date cannot be after `today` (YYYY-MM-DD). */
export function isNotFuture(value: string, today: string): boolean {
  return earliestDay(value) <= today;
}
