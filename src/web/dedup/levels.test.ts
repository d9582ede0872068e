import { beforeAll, describe, expect, it } from 'vitest';
import { ar } from '#web/i18n/ar.ts';
import { en } from '#web/i18n/en.ts';
import { i18next } from '#web/i18n/index.ts';
import { levelWords, reasons } from './levels.ts';

const field = (level: string, weight = 0) => ({ level, weight });

describe('comparison levels in words', () => {
  beforeAll(async () => {
    await i18next.init({ lng: 'en', resources: { en: { translation: en }, ar: { translation: ar } }, interpolation: { escapeValue: false } });
  });

  it('says what a clerk would: another script, a similar spelling, a near date', async () => {
    await i18next.changeLanguage('en');
    expect(levelWords('father', 'crossScript')).toBe('same name in another script');
    expect(levelWords('given', 'close')).toBe('similar spelling');
    expect(levelWords('birthDate', 'close')).toBe('near date');
    await i18next.changeLanguage('ar');
    expect(levelWords('father', 'crossScript')).toBe('الاسم نفسه بخط آخر');
  });

  it('lists what differs, a shifted name, and evidence both records had', () => {
    const listed = reasons({
      given: field('exact'), father: field('crossScript'), grandfather: field('missing'), family: field('exact'),
      nameOrder: field('exact'), sex: field('exact'), birthDate: field('close'),
      documents: field('missing'), phone: field('exact'), origin: field('different'), members: field('missing'),
    });
    expect(listed.map((r) => `${r.field}:${r.level}`)).toEqual(['father:crossScript', 'grandfather:missing', 'birthDate:close', 'phone:exact', 'origin:different']);
  });
});
