import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldKurdishAsArabic, foldName } from './fold.ts';

describe('foldName', () => {
  it.each([
    ['أحمد', 'احمد'], ['إبراهيم', 'ابراهيم'], ['آمنة', 'امنه'], ['ٱلله', 'الله'],
    ['فاطمة', 'فاطمه'], ['مصطفى', 'مصطفي'], ['علی', 'علي'], ['كريم', 'كريم'], ['کریم', 'كريم'],
    ['مُحَمَّد', 'محمد'], ['محـــمد', 'محمد'], ['سۆران', 'سوران'], ['ڕەشید', 'رهشيد'], ['هەولێر', 'ههولير'],
    ['ڤیان', 'فيان'], ['ڵ', 'ل'], ['رؤوف', 'رووف'], ['عائشة', 'عايشه'],
    ['Muḥammad', 'muhammad'], ['JOSÉ', 'jose'], ['al-Jubouri', 'al jubouri'], ["Ma'mun", 'ma mun'],
    ['  two   spaces ', 'two spaces'], ['١٩٧٥', '1975'], ['۲۰۱۴', '2014'],
  ])('folds %s to %s', (raw, folded) => {
    expect(foldName(raw)).toBe(folded);
  });

  it('makes every alef, teh marbuta and yeh variant of a name meet', () => {
    const spellings = ['فاطمة الزهراء', 'فاطمه الزهراء', 'فـاطِمة الزّهراء'];
    expect(new Set(spellings.map(foldName)).size).toBe(1);
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => foldName(foldName(s)) === foldName(s)));
  });
});

describe('foldKurdishAsArabic', () => {
  it.each([
    ['کەریم', 'كريم'], ['ڕەشید', 'رشيد'], ['حەسەن', 'حسن'], ['فاتیمە', 'فاتيمه'], ['ئەحمەد', 'احمد'], ['ئیبراهیم', 'ابراهيم'],
  ])('reads the Sorani %s as the Arabic %s', (kurdish, arabic) => {
    expect(foldKurdishAsArabic(kurdish)).toBe(arabic);
  });

  it('leaves Arabic-script words without Sorani letters as folded', () => {
    expect(foldKurdishAsArabic('حسن')).toBe('حسن');
  });
});
