import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, LOCALES, pickLocale, translateError } from './errors.ts';

describe('the error catalogue', () => {
  it('has every message in every language, none empty, none left in English', () => {
    const keys = Object.keys(ERROR_MESSAGES.en).sort();
    for (const locale of LOCALES) {
      expect(Object.keys(ERROR_MESSAGES[locale]).sort(), locale).toEqual(keys);
      for (const key of keys) expect((ERROR_MESSAGES[locale] as Record<string, string>)[key].trim(), `${locale}:${key}`).not.toBe('');
    }
    for (const key of keys) {
      expect((ERROR_MESSAGES.ar as Record<string, string>)[key], `ar:${key}`).not.toBe((ERROR_MESSAGES.en as Record<string, string>)[key]);
      expect((ERROR_MESSAGES.ckb as Record<string, string>)[key], `ckb:${key}`).not.toBe((ERROR_MESSAGES.en as Record<string, string>)[key]);
    }
  });

  it('keeps the same placeholders in every language', () => {
    for (const key of Object.keys(ERROR_MESSAGES.en)) {
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const en = names((ERROR_MESSAGES.en as Record<string, string>)[key]);
      for (const locale of LOCALES) expect(names((ERROR_MESSAGES[locale] as Record<string, string>)[key]), `${locale}:${key}`).toEqual(en);
    }
  });

  it('fills placeholders', () => {
    expect(translateError('en', 'problem.locked', { minutes: 15 })).toBe('Too many failed sign-ins. Try again in 15 minutes.');
  });
});

describe('pickLocale', () => {
  it.each([
    [undefined, 'en'], ['ar-IQ,ar;q=0.9,en;q=0.8', 'ar'], ['ckb', 'ckb'], ['ckb-IQ', 'ckb'], ['ku-Arab', 'ckb'],
    ['fr-FR, en;q=0.5', 'en'], ['en;q=0.2, ar;q=0.9', 'ar'], ['*', 'en'],
  ])('reads %s as %s', (header, locale) => {
    expect(pickLocale(header)).toBe(locale);
  });
});
