import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IRAQ_AREAS } from './iraq-areas.ts';
import { pcodeLevel } from './pcode.ts';

const CSV = new URL('../../../../shared/data/iraq/iraq_pcodes_adm1_adm2.csv', import.meta.url);

/** The reference CSV's data rows (no quoted fields in it), cells trimmed. */
function referenceRows(): string[][] {
  const lines = readFileSync(CSV, 'utf8').trim().split(/\r?\n/).slice(1);
  return lines.map((line) => line.split(',').map((cell) => cell.trim()));
}

const governorates = IRAQ_AREAS.filter((a) => a.level === 1);
const districts = IRAQ_AREAS.filter((a) => a.level === 2);
const byPcode = new Map(IRAQ_AREAS.map((a) => [a.pcode, a]));
const KRG = ['IQG06', 'IQG09', 'IQG11'];

describe('IRAQ_AREAS', () => {
  it('has 18 governorates and 101 districts, governorates first, each group sorted by P-code', () => {
    expect(governorates).toHaveLength(18);
    expect(districts).toHaveLength(101);
    expect(IRAQ_AREAS).toEqual([...governorates, ...districts]);
    for (const group of [governorates, districts]) {
      const codes = group.map((a) => a.pcode);
      expect(codes).toEqual([...codes].sort());
    }
  });

  it('has unique, well-formed P-codes at the stated level', () => {
    expect(byPcode.size).toBe(IRAQ_AREAS.length);
    for (const area of IRAQ_AREAS) expect(pcodeLevel(area.pcode)).toBe(area.level);
  });

  it('gives every district a governorate that exists and contains it', () => {
    for (const d of districts) {
      expect(byPcode.get(d.parentPcode ?? '')?.level).toBe(1);
      expect(d.pcode.startsWith(d.parentPcode ?? '-')).toBe(true);
    }
    for (const g of governorates) expect(g.parentPcode).toBeNull();
  });

  it('matches the P-codes and English and Arabic names of the OCHA reference list', () => {
    const rows = referenceRows();
    const govs = new Map(rows.map((r) => [r[0], [r[1], r[2]]]));
    expect(governorates.map((g) => [g.pcode, g.nameEn, g.nameAr])).toEqual(
      [...govs].sort().map(([code, names]) => [code, ...names!]),
    );
    const expected = rows.map((r) => [r[3], r[0], r[4], r[5]]).sort();
    expect(districts.map((d) => [d.pcode, d.parentPcode, d.nameEn, d.nameAr])).toEqual(expected);
  });

  it('names every governorate and every Kurdistan Region district in Kurdish Sorani', () => {
    const kurdish = IRAQ_AREAS.filter((a) => a.level === 1 || KRG.includes(a.parentPcode ?? ''));
    expect(kurdish).toHaveLength(18 + 20);
    for (const area of kurdish) expect(area.nameCkb).toMatch(/^[\u0600-\u06FF ]+$/);
    expect(byPcode.get('IQG11')?.nameCkb).toBe('هەولێر');
    expect(byPcode.get('IQG06Q05')?.nameCkb).toBe('هەڵەبجە');
  });

  it('keeps the 2014 crosswalk code on governorates only', () => {
    for (const g of governorates) expect(g.legacyCode).toBe(`IQ-G${g.pcode.slice(3)}`);
    for (const d of districts) expect(d.legacyCode).toBeNull();
  });
});
