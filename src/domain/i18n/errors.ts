/**
 * Error messages a person reads, in the three languages. Schemas use the keys as zod messages;
 * the server and the web app translate them. A test fails when a language misses a key.
 * `{name}` placeholders are filled from the issue (minimum, maximum, ...). The messages are in
 * one file per language (catalogue-en.ts, -ar.ts, -ckb.ts, a section per capability), so that the
 * web app loads only the language in use (web/i18n/errors.ts); the server has all three here.
 */
import { ar } from './catalogue-ar.ts';
import { ckb } from './catalogue-ckb.ts';
import { en } from './catalogue-en.ts';
import { fillPlaceholders, type Locale } from './locale.ts';

export { LOCALES, pickLocale, type Locale } from './locale.ts';

export type ErrorKey = keyof typeof en;
type Catalogue = Record<ErrorKey, string>;

export const ERROR_MESSAGES: Record<Locale, Catalogue> = { en, ar, ckb };

/** Translates a message key (falls back to English, then to the generic message). */
export function translateError(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const catalogue = ERROR_MESSAGES[locale] as Record<string, string>;
  return fillPlaceholders(catalogue[key] ?? (ERROR_MESSAGES.en as Record<string, string>)[key] ?? catalogue['invalid'], params);
}

export function isErrorKey(key: string): key is ErrorKey {
  return key in en;
}
