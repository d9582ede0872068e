import { currentLang } from '#web/i18n/index.ts';
import { siteName } from '#web/lib/labels.ts';

/** A programme's name in the interface language: the same fallbacks as a site's (Kurdish to Arabic, then the name given). */
export const programmeName: (p: { name: string; nameAr?: string | null; nameCkb?: string | null }) => string = siteName;

/** A label given in three languages, in the interface language (English when the others are missing). */
export function labelIn(labels: { en: string; ar?: string | null; ckb?: string | null }): string {
  const lang = currentLang();
  return (lang === 'en' ? labels.en : labels[lang]) || (lang === 'ckb' ? labels.ar : null) || labels.en;
}
