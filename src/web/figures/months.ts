/**
 * The dashboard's time slider moves by month: each step is a month from the first displacement
 * counted (January 2014) to this month, and sets the figures' date to that month's last day, or
 * to today for the month in progress (figures are never asked for a day to come).
 */
export const FIRST_MONTH = '2014-01';

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM` of a `YYYY-MM-DD` (or `YYYY-MM`). */
export const monthOf = (date: string): string => date.slice(0, 7);

/** Every month from `first` to `last` inclusive, as `YYYY-MM`; empty when `last` is before `first`. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    months.push(`${y}-${pad(m)}`);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return months;
}

/** The last day of a month (`2016-02` -> `2016-02-29`). */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}

/** The day figures are asked for when the slider is on `month`: its last day, at most `today`. */
export function figureDate(month: string, today: string): string {
  const end = monthEnd(month);
  return end > today ? today : end;
}

/** Slider marks: a January every `step` years from the first (labelled with the year), so a decade stays readable. */
export function yearMarks(months: readonly string[], step = 1): { value: number; label: string }[] {
  const first = Number(months[0]?.slice(0, 4));
  return months.flatMap((month, index) => (month.endsWith('-01') && (Number(month.slice(0, 4)) - first) % step === 0
    ? [{ value: index, label: month.slice(0, 4) }]
    : []));
}

/** The slider position of a date (the last month when the date is after them, the first when before). */
export function monthIndex(months: readonly string[], date: string | null | undefined): number {
  if (!date || months.length === 0) return months.length - 1;
  const index = months.indexOf(monthOf(date));
  if (index !== -1) return index;
  return monthOf(date) < months[0] ? 0 : months.length - 1;
}
