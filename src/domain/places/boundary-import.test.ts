import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCodAbGeoJson, parseHxlAreasCsv } from './boundary-import.ts';
import { IRAQ_AREAS } from './iraq-areas.ts';

const DATA = '../../../../shared/data/iraq/';

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(new URL(DATA + file, import.meta.url), 'utf8'));
}

function feature(properties: Record<string, unknown>, geometry: unknown = null) {
  return { type: 'Feature', properties, geometry };
}

const square = { type: 'Polygon', coordinates: [[[44, 36], [44.1, 36], [44.1, 36.1], [44, 36]]] };

describe('parseCodAbGeoJson', () => {
  it('reads the 18 governorates of the OCHA adm1 file with their geometry', () => {
    const { areas, errors } = parseCodAbGeoJson(readJson('irq_admbnda_adm1_cso_20190603.geojson'));
    expect(errors).toEqual([]);
    expect(areas).toHaveLength(18);
    for (const area of areas) {
      expect(area).toMatchObject({ level: 1, parentPcode: null, validOn: '2019-06-03' });
      expect(area.geometry).toMatchObject({ type: expect.stringMatching(/Polygon$/) });
    }
    expect(areas.find((a) => a.pcode === 'IQG15')).toMatchObject({ nameEn: 'Ninewa', nameAr: 'نينوى' });
  });

  it('reads the 101 districts of the adm2 file with parents matching the shipped list', () => {
    const { areas, errors } = parseCodAbGeoJson(readJson('irq_admbnda_adm2_cso_20190603.geojson'));
    expect(errors).toEqual([]);
    expect(areas).toHaveLength(101);
    const shipped = new Map(IRAQ_AREAS.map((a) => [a.pcode, a]));
    for (const area of areas) {
      expect(area.level).toBe(2);
      expect(area.parentPcode).toBe(shipped.get(area.pcode)?.parentPcode);
    }
  });

  it('reports a broken feature by its number and keeps the others', () => {
    const json = {
      type: 'FeatureCollection',
      features: [
        feature({ ADM1_PCODE: 'IQG11', ADM1_EN: 'Erbil', ADM1_AR: 'اربيل', ADM1_KU: 'هەولێر' }, square),
        feature({ ADM1_PCODE: 'IQ11', ADM1_EN: 'Erbil', ADM1_AR: 'اربيل' }),
        feature({ ADM2_PCODE: 'IQG11Q02', ADM2_EN: 'Erbil', ADM1_PCODE: 'IQG11' }),
        feature({ ADM2_PCODE: 'IQG11Q04', ADM2_EN: 'Makhmour', ADM2_AR: 'مخمور', ADM1_PCODE: 'IQG15' }),
        feature({ ADM0_PCODE: 'IQ' }),
        feature({ ADM1_PCODE: 'IQG11', ADM1_EN: 'Erbil', ADM1_AR: 'اربيل' }),
        feature({
          ADM3_PCODE: 'IQG11Q02N01', ADM3_EN: 'Markaz Erbil', ADM3_AR: 'مركز اربيل', ADM3_CKB: 'ناوەندی هەولێر',
          ADM2_PCODE: 'IQG11Q02', validOn: '2024-01-15T00:00:00',
        }),
      ],
    };
    const { areas, errors } = parseCodAbGeoJson(json);
    expect(errors.map((e) => e.row)).toEqual([2, 3, 4, 5, 6]);
    expect(errors[1]?.message).toMatch(/Arabic/);
    expect(areas).toEqual([
      { pcode: 'IQG11', level: 1, parentPcode: null, nameEn: 'Erbil', nameAr: 'اربيل', nameCkb: 'هەولێر',
        legacyCode: null, geometry: square, validOn: null },
      { pcode: 'IQG11Q02N01', level: 3, parentPcode: 'IQG11Q02', nameEn: 'Markaz Erbil', nameAr: 'مركز اربيل',
        nameCkb: 'ناوەندی هەولێر', legacyCode: null, geometry: null, validOn: '2024-01-15' },
    ]);
  });

  it('rejects something that is not a FeatureCollection', () => {
    expect(parseCodAbGeoJson({ type: 'Feature' }).errors).toHaveLength(1);
    expect(parseCodAbGeoJson(null).areas).toEqual([]);
  });
});

describe('parseHxlAreasCsv', () => {
  it('reads the OCHA P-code list with its HXL tag row into 18 governorates and 101 districts', () => {
    const text = readFileSync(new URL(DATA + 'iraq_pcodes_adm1_adm2.csv', import.meta.url), 'utf8');
    const rows = text.trim().split(/\r?\n/).map((line) => line.split(','));
    const { areas, errors } = parseHxlAreasCsv(rows);
    expect(errors).toEqual([]);
    expect(areas.map((a) => [a.pcode, a.parentPcode, a.nameEn, a.nameAr])).toEqual(
      IRAQ_AREAS.map((a) => [a.pcode, a.parentPcode, a.nameEn, a.nameAr]),
    );
    expect(areas.every((a) => a.geometry === null && a.validOn === null)).toBe(true);
  });

  it('reads a header row followed by a tag row, including Kurdish names', () => {
    const rows = [
      ['Governorate', 'Gov name', 'District', 'District EN', 'District AR', 'District KU'],
      ['#adm1+code', '#adm1+name', '#adm2+code', '#adm2+name+i_en', '#adm2+name+i_ar', '#adm2+name+i_ckb'],
      ['IQG09', 'Duhok', 'IQG09Q04', 'Zakho', 'زاخو', 'زاخۆ'],
    ];
    const { areas, errors } = parseHxlAreasCsv(rows);
    expect(errors).toEqual([{ row: 3, message: 'IQG09: missing Arabic name' }]);
    expect(areas).toMatchObject([{ pcode: 'IQG09Q04', parentPcode: 'IQG09', nameCkb: 'زاخۆ' }]);
  });

  it('reads plain headers, deduplicates governorates and reports bad rows by line', () => {
    const rows = [
      ['\uFEFFadmin1Pcode', 'admin1Name_en', 'admin1Name_ar', 'ADM2_PCODE', 'ADM2_EN', 'ADM2_AR', 'ADM2_KU'],
      ['IQG06', 'Al-Sulaymaniyah', 'السليمانية', 'IQG06Q05', 'Halabcha', 'حلبجة', 'هەڵەبجە'],
      ['IQG06', 'Al-Sulaymaniyah', 'السليمانية', 'IQG06Q02', 'Chamchamal', 'جمجمال', ''],
      ['', '', '', '', '', '', ''],
      ['IQG06', 'Al-Sulaymaniyah', 'السليمانية', 'IQG06X99', 'Nowhere', 'لا مكان', ''],
      ['IQG06', 'Al-Sulaymaniyah', 'السليمانية', 'IQG06Q05', 'Halabja', 'حلبجة', ''],
      ['IQG06', 'Al-Sulaymaniyah', 'السليمانية', 'IQG13Q04', 'Kirkuk', 'كركوك', ''],
    ];
    const { areas, errors } = parseHxlAreasCsv(rows);
    expect(areas.map((a) => [a.pcode, a.parentPcode, a.nameCkb])).toEqual([
      ['IQG06', null, null],
      ['IQG06Q02', 'IQG06', null],
      ['IQG06Q05', 'IQG06', 'هەڵەبجە'],
    ]);
    expect(errors.map((e) => e.row)).toEqual([5, 6, 7]);
    expect(errors[1]?.message).toMatch(/duplicate/);
  });

  it('needs a P-code column', () => {
    expect(parseHxlAreasCsv([['name'], ['Erbil']]).errors).toEqual([
      { row: 1, message: 'no admin 1 or admin 2 P-code column found' },
    ]);
  });
});
