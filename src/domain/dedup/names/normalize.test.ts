import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeNamePart, scriptOf, withoutArticle } from './normalize.ts';

describe('normalizeNamePart', () => {
  it.each([
    ['أحمد', 'احمد'], ['إبراهيم', 'ابراهيم'], ['آزاد', 'ازاد'], ['ٱحمد', 'احمد'],
    ['فاطمة', 'فاطمه'], ['مصطفى', 'مصطفي'], ['مؤمن', 'مومن'], ['عائشة', 'عايشه'],
    ['محـــمد', 'محمد'], ['مُحَمَّد', 'محمد'], ['زهراء', 'زهرا'],
    ['عبد الله', 'عبدالله'], ['عبد  الرحمن', 'عبدالرحمن'], ['عبدالكريم', 'عبدالكريم'],
    ['ال جبوري', 'الجبوري'], ['الجبوري', 'الجبوري'],
    ['محەمەد', 'محمد'], ['ئەحمەد', 'احمد'], ['ئیبراهیم', 'ابراهيم'], ['حوسێن', 'حسين'],
    ['عومەر', 'عمر'], ['مەحموود', 'محمود'], ['یووسف', 'يوسف'], ['کەریم', 'كريم'],
    ['هاوڕێ', 'هاوري'], ['دڵشاد', 'دلشاد'], ['ڤیان', 'فيان'], ['نەوزاد', 'نوزاد'], ['کاروان', 'كاروان'],
    ['Mohammed', 'mohammed'], ['  MUHAMMAD ', 'muhammad'], ['Hêro', 'hero'], ['Şirin', 'sirin'],
    ['al-Jubouri', 'al jubouri'], ['Al Juburi', 'al juburi'], ['El-Dulaimi', 'al dulaimi'],
    ['Abdullah', 'abdullah'], ['Abd Allah', 'abdullah'], ['Abd-Allah', 'abdullah'], ['Abdallah', 'abdullah'],
    ['Abd al-Rahman', 'abdulrahman'], ['Abdul Rahman', 'abdulrahman'], ['Abdel Rahman', 'abdulrahman'],
    ['Abd-el-Rahman', 'abdulrahman'], ['Abdelrahman', 'abdulrahman'], ['Abdurrahman', 'abdulrahman'],
    ['Abdul-Kareem', 'abdulkareem'], ['Abd el Karim', 'abdulkarim'],
    ["Ja'far", 'jafar'], ['Sa’ad', 'saad'], ['Ahmed bin Ali', 'ahmed ali'], ['Omar ibn Khalid', 'omar khalid'],
    ['أحمد بن علي', 'احمد علي'], ['Bin Laden', 'bin laden'], ['٢٠٠٣', '2003'], ['', ''], ['  - ', ''],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeNamePart(raw)).toBe(expected);
  });

  it('is idempotent on arbitrary strings', () => {
    fc.assert(fc.property(fc.string(), (s) => normalizeNamePart(normalizeNamePart(s)) === normalizeNamePart(s)));
  });

  it('is idempotent on strings built from name letters', () => {
    const letters = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآةىئؤءەێۆڕڵڤکیگچپژ abdehiklmnorsuy-\''];
    fc.assert(fc.property(fc.array(fc.constantFrom(...letters), { maxLength: 20 }), (chars) => {
      const s = chars.join('');
      return normalizeNamePart(normalizeNamePart(s)) === normalizeNamePart(s);
    }));
  });
});

describe('normalizeNamePart fast path', () => {
  // An emoji is outside the fast path's tables, so appending one forces the general (regex) path.
  const letters = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآةىئؤءەێۆڕڵڤکیگچپژ١٢۳ـًّ abdehiklmnorsuyAEIÊéçŞı-\'’،0'];
  it('agrees with the general path', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...letters), { maxLength: 20 }), (chars) => {
      const s = chars.join('');
      return normalizeNamePart(s) === normalizeNamePart(s + ' \u{1F600}');
    }), { numRuns: 2000 });
  });
});

describe('scriptOf', () => {
  it.each([
    ['محمد', 'arabic'], ['محەمەد', 'arabic'], ['Mohammed', 'latin'], ['Hêro', 'latin'],
    ['محمد Ali', 'mixed'], ['', 'none'], ['123 -', 'none'], ['١٢٣', 'none'],
  ] as const)('%s is %s', (text, script) => {
    expect(scriptOf(text)).toBe(script);
  });
});

describe('withoutArticle', () => {
  it.each([
    ['الجبوري', 'جبوري'], ['al jubouri', 'jubouri'], ['الله', 'الله'], ['عبدالله', 'عبدالله'],
    ['al', 'al'], ['ali', 'ali'], ['', ''], ['الياس', 'الياس'],
  ])('%s -> %s', (normalized, expected) => {
    expect(withoutArticle(normalized)).toBe(expected);
  });
});
