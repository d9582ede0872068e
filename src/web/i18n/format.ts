import type { Lang } from './index.ts';
import { MONTHS } from './months.ts';

/**
 * Dates and numbers formatted without relying on the browser's locale data: Chromium has none
 * for Kurdish (ckb), so month names come from our catalogues. Digits stay Latin in every
 * language, like the P-codes, registration numbers and dates clerks type.
 */
type MonthKey = keyof (typeof MONTHS)['en'];

function monthName(lang: Lang, month: number): string {
  return MONTHS[lang][`m${month}` as MonthKey];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 1234567 -> "1,234,567". */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat('en-US').format(value);
}

/** A partial date as stored (`1975`, `1975-06`, `1975-06-01`) in words: "June 1975". */
export function formatPartialDate(lang: Lang, value: string | null | undefined): string {
  if (!value) return '';
  const [y, m, d] = value.slice(0, 10).split('-');
  if (!m) return y;
  const month = monthName(lang, Number(m));
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** An ISO timestamp as local date and 24-hour time: "3 June 2025, 14:05". */
export function formatDateTime(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = `${date.getDate()} ${monthName(lang, date.getMonth() + 1)} ${date.getFullYear()}`;
  return `${day}${lang === 'en' ? ',' : '،'} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** An ISO timestamp as local date only: "3 June 2025". */
export function formatDate(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getDate()} ${monthName(lang, date.getMonth() + 1)} ${date.getFullYear()}`;
}

/** Whole years between a partial birth date and `today` (earliest possible day), or null. */
export function ageInYears(birth: string | null | undefined, today = new Date()): number | null {
  if (!birth || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(birth)) return null;
  const [y, m = 1, d = 1] = birth.split('-').map(Number);
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age -= 1;
  return age >= 0 && age < 130 ? age : null;
}

/** Today as YYYY-MM-DD in local time. */
export function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A stored E.164 number grouped for reading: +964 750 123 4567. */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '';
  const m = /^\+964(7\d{2})(\d{3})(\d{4})$/.exec(e164);
  return m ? `+964 ${m[1]} ${m[2]} ${m[3]}` : e164;
}
