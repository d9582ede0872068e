import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crossScriptKey, crossScriptKeyUncached } from './key.ts';
import { normalizeNamePart } from './normalize.ts';

describe('crossScriptKey', () => {
  it.each([
    [['محمد', 'محەمەد', 'Mohammed', 'Muhammad', 'Mohamad', 'Mhamad', 'Mohamed'], 'mohammed'],
    [['حسين', 'حوسێن', 'Hussein', 'Husain', 'Hussain', 'Husein'], 'hussein'],
    [['عبد الله', 'عبدالله', 'Abdullah', 'Abdallah', 'Abdulla'], 'abdullah'],
    [['الجبوري', 'Jubouri', 'al-Jubouri', 'Al Juburi'], 'jubouri'],
  ] as const)('uses the variant id for %j', (spellings, id) => {
    for (const s of spellings) expect([s, crossScriptKey(s)]).toEqual([s, id]);
  });

  it('falls back to the skeleton for names the table does not know', () => {
    expect(crossScriptKey('عبد الستار')).toBe('ABDLSTR');
    expect(crossScriptKey('Abd al-Sattar')).toBe('ABDLSTR');
    expect(crossScriptKey('Abdulsattar')).toBe('ABDLSTR');
    expect(crossScriptKey('شاخەوان')).toBe(crossScriptKey('Shakhawan'));
  });

  it('is empty for empty input', () => {
    expect(crossScriptKey('')).toBe('');
    expect(crossScriptKey('  -- ')).toBe('');
  });

  it('gives the same key to a name and its normalized form', () => {
    fc.assert(fc.property(fc.string(), (s) => crossScriptKey(s) === crossScriptKey(normalizeNamePart(s))));
    const letters = [...'ابتحدرسعلمنهويأإةىئەێۆڕڵکی abdehiklmnorsuy-\''];
    fc.assert(fc.property(fc.array(fc.constantFrom(...letters), { maxLength: 16 }), (chars) => {
      const s = chars.join('');
      return crossScriptKey(s) === crossScriptKey(normalizeNamePart(s));
    }));
  });

  it('never throws and agrees with the uncached computation', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => crossScriptKey(s) === crossScriptKeyUncached(s)));
  });
});

describe('Sorani typed with Arabic letters', () => {
  it.each([
    ['محهمهد', 'محمد'], ['عهلي', 'علي'], ['ئهحمهد', 'احمد'], ['حهسهن', 'حسن'], ['عومهر', 'عمر'], ['زهينهب', 'زينب'],
  ])('reads %s as the known name %s', (typed, arabic) => {
    expect(crossScriptKey(typed)).toBe(crossScriptKey(arabic));
  });

  it('keeps a real medial heh as a consonant', () => {
    expect(crossScriptKey('مهدي')).not.toBe(crossScriptKey('مدي'));
    expect(crossScriptKey('مهدي')).toBe(crossScriptKey('Mahdi'));
  });
});
