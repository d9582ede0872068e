import { en } from '#domain/i18n/catalogue-en';
import type { ErrorKey } from '#domain/i18n/errors';
import { fillPlaceholders, type Locale } from '#domain/i18n/locale';

/**
 * The shared error messages (domain/i18n) as the web app has them: English always (the fallback),
 * Arabic or Kurdish once chosen, loaded with that language's strings (./index.ts), so that a page
 * carries one language's messages rather than three.
 */
const catalogues: Partial<Record<Locale, Record<string, string>>> = { en };

/** Loads the error messages of a language other than English. */
export const ERROR_LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<void>> = {
  ar: () => import('#domain/i18n/catalogue-ar').then((m) => { catalogues.ar = m.ar; }),
  ckb: () => import('#domain/i18n/catalogue-ckb').then((m) => { catalogues.ckb = m.ckb; }),
};

/** A message in the language (English when that language's messages are not loaded, or lack the key). */
export function translateError(lang: Locale, key: string, params: Record<string, unknown> = {}): string {
  const english: Record<string, string> = en;
  const catalogue = catalogues[lang] ?? english;
  return fillPlaceholders(catalogue[key] ?? english[key] ?? catalogue.invalid, params);
}

export function isErrorKey(key: string): key is ErrorKey {
  return key in en;
}
