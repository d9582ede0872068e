import { describe, expect, it } from 'vitest';
import { NAME_VARIANTS, canonicalName } from './variants.ts';
import { normalizeNamePart, withoutArticle } from './normalize.ts';

describe('NAME_VARIANTS', () => {
  it('holds at least 80 names with Arabic-script and Latin spellings', () => {
    expect(NAME_VARIANTS.length).toBeGreaterThanOrEqual(80);
    for (const [id, arabic, latin] of NAME_VARIANTS) {
      expect(id).toMatch(/^[a-z]+$/);
      expect(arabic.split('|').length).toBeGreaterThanOrEqual(1);
      expect(latin.split('|').length).toBeGreaterThanOrEqual(1);
    }
  });

  it('has unique ids and no spelling claimed by two names', () => {
    const ids = new Set<string>();
    const owner = new Map<string, string>();
    for (const [id, arabic, latin] of NAME_VARIANTS) {
      expect(ids.has(id)).toBe(false);
      ids.add(id);
      for (const spelling of [...arabic.split('|'), ...latin.split('|')]) {
        const key = withoutArticle(normalizeNamePart(spelling));
        const previous = owner.get(key);
        expect([spelling, previous ?? id]).toEqual([spelling, id]);
        owner.set(key, id);
      }
    }
  });

  it('maps every listed spelling to its own id', () => {
    for (const [id, arabic, latin] of NAME_VARIANTS) {
      for (const spelling of [...arabic.split('|'), ...latin.split('|')]) {
        expect([spelling, canonicalName(spelling)]).toEqual([spelling, id]);
      }
    }
  });
});

describe('canonicalName', () => {
  it.each([
    ['mohammed', ['محمد', 'محەمەد', 'مُحَمَّد', 'MOHAMMED', 'Muhammad', 'Mohamad', 'Mhamad', 'Mohamed', 'Mohd']],
    ['hussein', ['حسين', 'حوسێن', 'Hussein', 'Husain', 'Hussain', 'Husein']],
    ['abdullah', ['عبدالله', 'عبد الله', 'Abdullah', 'Abdallah', 'Abdulla', 'Abd Allah', 'Abd-Allah']],
    ['ali', ['علي', 'عەلی', 'Ali', 'Aly']],
    ['ahmed', ['احمد', 'أحمد', 'ئەحمەد', 'Ahmed', 'Ahmad']],
    ['fatima', ['فاطمة', 'فاطمه', 'فاتیمە', 'Fatima', 'Fatma', 'Fatimah']],
    ['zainab', ['زينب', 'زەینەب', 'Zainab', 'Zaynab', 'Zeinab']],
    ['mustafa', ['مصطفى', 'مصطفي', 'مستەفا', 'Mustafa', 'Mostafa', 'Moustafa']],
    ['omar', ['عمر', 'عومەر', 'Omar', 'Umar']],
    ['khalid', ['خالد', 'خالید', 'Khalid', 'Khaled']],
    ['yousif', ['يوسف', 'یووسف', 'Yousif', 'Yusuf', 'Youssef']],
    ['ibrahim', ['ابراهيم', 'إبراهيم', 'ئیبراهیم', 'Ibrahim', 'Ebrahim']],
    ['jubouri', ['الجبوري', 'Jubouri', 'al-Jubouri', 'Al Juburi', 'AL-JUBURI']],
    ['dulaimi', ['الدليمي', 'Dulaimi', 'al-Dulaymi']],
    ['karim', ['كريم', 'کەریم', 'Karim', 'Kareem']],
    ['mahmoud', ['محمود', 'مەحموود', 'Mahmoud', 'Mahmud']],
    ['rebwar', ['ريبوار', 'ڕێبوار', 'Rebwar', 'Rebuar']],
    ['abdulrahman', ['عبدالرحمن', 'عبد الرحمن', 'Abdul Rahman', 'Abd al-Rahman', 'Abdelrahman']],
  ] as const)('%s', (id, spellings) => {
    for (const s of spellings) expect([s, canonicalName(s)]).toEqual([s, id]);
  });

  it.each([['محمد', 'محمود'], ['نور', 'نوري'], ['Mahmud', 'Mohammed'], ['حسن', 'حسين'], ['عمر', 'عمار']])(
    'keeps %s and %s apart', (a, b) => {
      expect(canonicalName(a)).not.toBe(canonicalName(b));
    });

  it('returns null for unknown or empty names', () => {
    expect(canonicalName('Zorbatron')).toBeNull();
    expect(canonicalName('')).toBeNull();
    expect(canonicalName('Ahmed Ali')).toBeNull();
  });
});
