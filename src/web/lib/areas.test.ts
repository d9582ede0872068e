import { describe, expect, it } from 'vitest';
import type { Area } from '#web/api/types.ts';
import { areaLabel, areaName, buildAreaOptions, filterAreaOptions } from './areas.ts';

const area = (pcode: string, nameEn: string, nameAr: string, nameCkb: string | null = null): Area => ({
  pcode, level: pcode.length === 5 ? 1 : 2, parentPcode: pcode.length === 5 ? null : pcode.slice(0, 5), nameEn, nameAr, nameCkb,
});

const governorates = [area('IQG15', 'Ninewa', 'نينوى', 'نەینەوا'), area('IQG11', 'Erbil', 'اربيل', 'هەولێر')];
const districts = [
  area('IQG15Q05', 'Al-Mosul', 'الموصل'),
  area('IQG15Q06', 'Al-Shikhan', 'الشيخان'),
  area('IQG11Q02', 'Erbil', 'اربيل', 'هەولێر'),
];
const options = buildAreaOptions([...governorates, ...districts], governorates, 'en');
const found = (q: string) => filterAreaOptions(options, q).map((o) => o.value);

describe('area picker search', () => {
  it('labels a district with its governorate and P-code', () => {
    expect(areaLabel(districts[0], governorates[0], 'en')).toBe('Al-Mosul (Ninewa) — IQG15Q05');
    expect(areaLabel(governorates[0], null, 'ar')).toBe('نينوى — IQG15');
  });

  it.each([
    ['mosul', ['IQG15Q05']],
    ['الموصل', ['IQG15Q05']],
    ['الموصل', ['IQG15Q05']],
    ['iqg15q0', ['IQG15Q05', 'IQG15Q06']],
    ['IQG11', ['IQG11', 'IQG11Q02']],
    ['هەولێر', ['IQG11', 'IQG11Q02']],
    ['هەولیر', ['IQG11', 'IQG11Q02']],
    ['ninewa shikhan', ['IQG15Q06']],
  ])('finds %s', (q, expected) => {
    expect(found(q)).toEqual(expected);
  });

  it('ranks own-name matches before matches on the governorate name', () => {
    expect(found('ninewa')).toEqual(['IQG15', 'IQG15Q05', 'IQG15Q06']);
  });

  it('falls back from Kurdish to Arabic names', () => {
    expect(areaName(districts[0], 'ckb')).toBe('الموصل');
    expect(areaName(districts[2], 'ckb')).toBe('هەولێر');
  });
});
