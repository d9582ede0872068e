import { describe, expect, it } from 'vitest';
import { areaFigures, figureKey, originFlows, sumAssessments, type AreaSlice, type CountedAssessment, type OriginSlice } from './assessment-figures.ts';

const counted = (pcode: string, over: Partial<CountedAssessment> = {}): CountedAssessment => ({
  pcode, idpFamilies: 100, idpIndividuals: 600, idpIndividualsEstimated: true, returneeFamilies: 0, returneeIndividuals: 0,
  returneeIndividualsEstimated: false, byOrigin: {}, byWave: {}, byShelter: {}, ...over,
});

const slice = (pcode: string, over: Partial<AreaSlice> = {}): AreaSlice => ({
  pcode, idpFamilies: 100, idpIndividuals: 650, returneeFamilies: 10, returneeIndividuals: 55, estimated: false,
  waveFamilies: 0, shelterFamilies: 0, shelterReported: 0, ...over,
});

describe("a closed round's sums", () => {
  it('adds locations by P-code, breakdowns by code, and what each breakdown covers', () => {
    const totals = sumAssessments([
      counted('IQG15Q03', { byWave: { august_2014: 100 }, byOrigin: { IQG15: 100 } }),
      counted('IQG15Q03', { idpFamilies: 50, idpIndividuals: 320, idpIndividualsEstimated: false, byWave: { august_2014: 20, june_july_2014: 30 } }),
      counted('IQG11Q01', { idpFamilies: 0, idpIndividuals: 0 }),
    ]);
    expect(totals.map((t) => t.pcode)).toEqual(['IQG11Q01', 'IQG15Q03']);
    expect(totals[0].estimated).toBe(false);
    expect(totals[1]).toMatchObject({
      locations: 2, idpFamilies: 150, idpIndividuals: 920, estimated: true,
      byWave: { august_2014: 120, june_july_2014: 30 }, waveReported: 150, originReported: 100, shelterReported: 0,
    });
  });
});

describe('assessment figures', () => {
  const slices = [slice('IQG15Q03'), slice('IQG15Q05', { estimated: true }), slice('IQG15'), slice('IQG11Q01')];

  it('count an area known only by its governorate at level 1, and under the governorate at level 2', () => {
    expect(figureKey('IQG15Q03N01', 2)).toBe('IQG15Q03');
    const level1 = areaFigures(slices, 1, {});
    expect(level1).toEqual([
      { pcode: 'IQG11', families: 100, individuals: 650, returneeFamilies: 10, returnees: 55, estimated: false },
      { pcode: 'IQG15', families: 300, individuals: 1950, returneeFamilies: 30, returnees: 165, estimated: true },
    ]);
    expect(areaFigures(slices, 2, {}).map((r) => r.pcode)).toEqual(['IQG11Q01', 'IQG15', 'IQG15Q03', 'IQG15Q05']);
  });

  it('with a wave or shelter count that breakdown, x 6 and estimated, without returnees', () => {
    const waved = [slice('IQG15Q03', { waveFamilies: 40, shelterFamilies: 25, shelterReported: 100 })];
    expect(areaFigures(waved, 1, { wave: 'august_2014' })).toEqual([{ pcode: 'IQG15', families: 40, individuals: 240, returneeFamilies: 0, returnees: 0, estimated: true }]);
    expect(areaFigures(waved, 1, { shelter: 'camp' })[0].families).toBe(25);
    // Both: the wave's 40 families shared as the area's shelter split (25 of 100 in camps).
    expect(areaFigures(waved, 1, { wave: 'august_2014', shelter: 'camp' })[0].families).toBe(10);
  });
});

describe('origins', () => {
  it('flow from the governorate of origin to where families are, shared out by a filter', () => {
    const rows: OriginSlice[] = [
      { pcode: 'IQG11Q01', byOrigin: { IQG15: 80, IQG01: 20 }, waveFamilies: 50, waveReported: 100, shelterFamilies: 0, shelterReported: 0 },
      { pcode: 'IQG11Q02', byOrigin: { IQG15: 20 }, waveFamilies: 0, waveReported: 0, shelterFamilies: 0, shelterReported: 0 },
    ];
    expect(originFlows(rows, {})).toEqual([
      { origin: 'IQG15', current: 'IQG11', families: 100, individuals: 600, estimated: true },
      { origin: 'IQG01', current: 'IQG11', families: 20, individuals: 120, estimated: true },
    ]);
    expect(originFlows(rows, { wave: 'august_2014' })).toEqual([
      { origin: 'IQG15', current: 'IQG11', families: 40, individuals: 240, estimated: true },
      { origin: 'IQG01', current: 'IQG11', families: 10, individuals: 60, estimated: true },
    ]);
  });
});
