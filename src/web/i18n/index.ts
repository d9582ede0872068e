import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { pickLocale, type Locale } from '#domain/i18n/errors';
import { en } from './en.ts';
import { ar } from './ar.ts';
import { ckb } from './ckb.ts';

export type Lang = Locale;
export const LANGS: readonly Lang[] = ['en', 'ar', 'ckb'];
export const CATALOGUES = { en, ar, ckb } as const;

const STORAGE_KEY = 'amina.lang';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
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

/** Switches the interface language; `remember` keeps the choice on this device. */
export async function setLanguage(lang: Lang, remember = true): Promise<void> {
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

export function initI18n(): Lang {
  const lang = initialLang();
  applyDocumentLang(lang);
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, ar: { translation: ar }, ckb: { translation: ckb } },
    lng: lang,
    fallbackLng: 'en',
    supportedLngs: LANGS as Lang[],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return lang;
}

export { i18next };
