import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { pickLocale, type Locale } from '#domain/i18n/locale';
import { en, type Catalogue } from './en.ts';
import { ERROR_LOADERS } from './errors.ts';
import type { movementEn } from './movement/en.ts';
import type { distributionEn } from './distribution/en.ts';
import type { assistanceEn } from './assistance/en.ts';

export type Lang = Locale;
export const LANGS: readonly Lang[] = ['en', 'ar', 'ckb'];

/**
 * English is the fallback and comes with the app; Arabic and Kurdish load when chosen, so each
 * page carries one language's strings rather than three.
 */
const LOADERS: Record<Exclude<Lang, 'en'>, () => Promise<Catalogue>> = {
  ar: () => Promise.all([import('./ar.ts'), ERROR_LOADERS.ar()]).then(([m]) => m.ar),
  ckb: () => Promise.all([import('./ckb.ts'), ERROR_LOADERS.ckb()]).then(([m]) => m.ckb),
};
const loaded = new Set<Lang>(['en']);

/** Makes a language's catalogue available (once); later bundles (pages' own strings) merge into it. */
export async function loadCatalogue(lang: Lang): Promise<void> {
  if (loaded.has(lang) || lang === 'en') return;
  const catalogue = await LOADERS[lang]();
  i18next.addResourceBundle(lang, 'translation', catalogue, true, false);
  loaded.add(lang);
}

const STORAGE_KEY = 'amina.lang';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // The movement, distribution and assistance strings are added when their pages load (./movement/index.ts, ./distribution/index.ts, ./assistance/index.ts).
    resources: { translation: typeof en & typeof movementEn & typeof distributionEn & typeof assistanceEn };
  }
}

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'ar' || value === 'ckb';
}

export function isRtl(lang: Lang): boolean {
  return lang !== 'en';
}

/** The language the person chose on this device, if any. */
export function storedLang(): Lang | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLang(value) ? value : null;
  } catch {
    return null;
  }
}

/** Sets `lang` and `dir` on <html> so the browser, fonts and Mantine mirror the layout. */
export function applyDocumentLang(lang: Lang): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = isRtl(lang) ? 'rtl' : 'ltr';
}

/** Chosen language, else the browser's preferred one among en/ar/ckb. */
function initialLang(): Lang {
  return storedLang() ?? pickLocale(navigator.languages?.join(',') ?? navigator.language);
}

export function currentLang(): Lang {
  const lang = i18next.resolvedLanguage ?? i18next.language;
  return isLang(lang) ? lang : 'en';
}

/** Switches the interface language (loading its strings first); `remember` keeps the choice on this device. */
export async function setLanguage(lang: Lang, remember = true): Promise<void> {
  try {
    await loadCatalogue(lang);
  } catch {
    // Its strings could not be loaded (offline, or a new version deployed): stay in the current language.
    return;
  }
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }
  applyDocumentLang(lang);
  await i18next.changeLanguage(lang);
}

/** Starts i18next in the chosen language, its strings loaded before anything renders. */
export async function initI18n(): Promise<Lang> {
  const lang = initialLang();
  applyDocumentLang(lang);
  // Loaded before init, so the language resolves to it rather than to the English fallback.
  const own = lang === 'en' ? null : await LOADERS[lang]().catch(() => null);
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, ...(own ? { [lang]: { translation: own } } : {}) },
    partialBundledLanguages: true,
    lng: lang,
    fallbackLng: 'en',
    supportedLngs: LANGS as Lang[],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  if (own) loaded.add(lang);
  return lang;
}

export { i18next };
