import { describe, expect, it } from 'vitest';
import { exportColumns, exportHeader, splitColumn } from './master-list-columns.ts';
import { masterListRow, readMasterList, type MasterListRecord } from './master-list.ts';

const lists = { governorates: ['IQG01', 'IQG15'], waves: ['june_july_2014', 'august_2014'], shelters: ['camp', 'host_family'] };

const record = (over: Partial<MasterListRecord['assessment']> = {}): MasterListRecord => ({
  roundNumber: 7, reportedOn: '2014-09-30',
  location: { code: 'NIN-0042', name: 'Bashiqa', nameAr: 'بعشيقة', nameCkb: null, kind: 'village', pcode: 'IQG15Q03', latitude: 36.45, longitude: 43.35 },
  areas: { 1: { pcode: 'IQG15', name: 'Ninewa' }, 2: { pcode: 'IQG15Q03', name: 'Al-Hamdaniya' } },
  assessment: {
    assessedOn: '2014-09-12', idpFamilies: 100, idpIndividuals: 600, idpIndividualsEstimated: true,
    returneeFamilies: 5, returneeIndividuals: 31, returneeIndividualsEstimated: false,
    byOrigin: { IQG15: 70, IQG01: 30 }, byWave: { august_2014: 100 }, byShelter: {}, priorityNeeds: ['food', 'water'],
    keyInformant: { name: 'Ali', role: 'mukhtar', phone: '+9647501234567' }, notes: '=SUM(A1)', ...over,
  },
});

describe('the master list', () => {
  it('reads back what it exports, estimated individuals estimated again', () => {
    const columns = exportColumns(lists, { informants: true });
    const { rows, errors } = readMasterList([...exportHeader(columns), masterListRow(columns, record())]);
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      row: 3, roundNumber: 7, pcodeColumn: 'admin2_pcode',
      location: { code: 'NIN-0042', name: 'Bashiqa', nameAr: 'بعشيقة', kind: 'village', pcode: 'IQG15Q03', latitude: 36.45, longitude: 43.35 },
    });
    expect(rows[0].assessment).toMatchObject({
      assessedOn: '2014-09-12', idpFamilies: 100, idpIndividuals: null, returneeFamilies: 5, returneeIndividuals: 31,
      byOrigin: [{ code: 'IQG01', families: 30 }, { code: 'IQG15', families: 70 }], byWave: [{ code: 'august_2014', families: 100 }],
      byShelter: [], priorityNeeds: ['food', 'water'], keyInformant: { name: 'Ali', role: 'mukhtar', phone: '+9647501234567' }, notes: '=SUM(A1)',
    });
  });

  it('leaves the key informant out of the columns for those who may not see it', () => {
    const headers = exportColumns(lists, { informants: false }).map((c) => c.header);
    expect(headers.filter((h) => h.startsWith('informant'))).toEqual([]);
    expect(headers).toContain('idp_families_origin_IQG15');
    expect(headers).toContain('idp_families_wave_august_2014');
    expect(splitColumn('shelter', 'camp').hxl).toBe('#affected+idps+hh+shelter+camp');
  });

  it("reads DTM's HDX figures: no location code (the area is the location), individuals only", () => {
    const { rows, errors } = readMasterList([
      ['operation', 'admin0Pcode', 'admin1Name', 'admin1Pcode', 'admin2Name', 'admin2Pcode', 'numPresentIdpInd', 'reportingDate', 'roundNumber'],
      ['#operation', '#country+code', '#adm1+name', '#adm1+code', '#adm2+name', '#adm2+code', '#affected+idps+ind', '#date+reported', ''],
      ['Iraq', 'IQ', 'Ninewa', 'IQG15', 'Mosul', 'IQG15Q05', '٣٬٦٠٠', '30/09/2014', '7'],
    ]);
    expect(errors).toEqual([]);
    expect(rows[0].location).toEqual({ code: 'IQG15Q05', pcode: 'IQG15Q05' });
    expect(rows[0].assessment).toMatchObject({ assessedOn: '2014-09-30', idpFamilies: 600, idpIndividuals: 3600 });
    expect(rows[0].roundNumber).toBe(7);
  });

  it('reports every bad row at its column, and a location listed twice', () => {
    const { rows, errors } = readMasterList([
      ['location_code', 'location_name', 'admin1_pcode', 'admin2_pcode', 'assessed_on', 'idp_families', 'idp_individuals', 'idp_families_wave_august_2014', 'need_1', 'informant_name', 'informant_phone', 'latitude'],
      ['L1', 'One', 'IQG15', 'IQG15Q03', '2014-09-12', '100', '', '90', 'food', '', '', ''],
      ['L2', 'Two', 'IQG15', 'IQG11Q01', '2014-09-31', 'many', '', '', 'Food!', 'Ali', '12', '36.1'],
      ['l1', 'Again', 'IQG15', '', '2014-09-12', '10', '5', '', '', '', '', ''],
      ['', '', '', '', '', '', '', '', '', '', '', ''],
      ['L4', 'Four', 'IQG15', '', '2014-09-12', '10', '', '', '', '', '', ''],
    ]);
    expect(errors).toEqual([
      { row: 2, column: 'idp_families_wave_august_2014', message: 'breakdown.sum', params: { sum: 90, total: 100 } },
      { row: 3, column: 'admin2_pcode', message: 'pcode.mismatch' },
      { row: 3, column: 'longitude', message: 'location.coordinates' },
      { row: 3, column: 'idp_families', message: 'number.invalid' },
      { row: 3, column: 'assessed_on', message: 'day.invalid' },
      { row: 3, column: 'need_1', message: 'priority_need.unknown' },
      { row: 3, column: 'informant_phone', message: 'phone.invalid' },
      { row: 4, column: 'idp_individuals', message: 'assessment.individuals' },
      { row: 4, column: 'location_code', message: 'import.duplicate_location', params: { row: 2 } },
    ]);
    // Rows come back with what could be read of them, for the data checks that follow.
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 6]);
    expect(rows[1]).toMatchObject({ assessment: null, readable: { byWave: [] } });
    expect(Object.keys(rows[1].readable)).not.toContain('assessedOn');
    expect(rows[0].assessment?.byWave).toEqual([{ code: 'august_2014', families: 90 }]);
  });

  it('matches HXL tags whatever the order of their attributes, extra ones and spaces', () => {
    const { rows, errors } = readMasterList([
      ['#loc +code', '#adm2+code+v_pcode', '#date +assessed', '#affected+hh+idps', '#affected +hh +idps +iqg01 +origin', '#affected+idps+hh+wave+August_2014'],
      ['L9', 'IQG15Q03', '2014-09-12', '10', '10', '10'],
    ]);
    expect(errors).toEqual([]);
    expect(rows[0].assessment).toMatchObject({ idpFamilies: 10, byOrigin: [{ code: 'IQG01', families: 10 }], byWave: [{ code: 'august_2014', families: 10 }] });
  });

  it('says which columns a file lacks', () => {
    expect(readMasterList([['location_code', 'notes'], ['L1', 'x']]).errors).toEqual([
      { row: 1, column: null, message: 'csv.missing_columns', params: { columns: 'idp_families, assessed_on' } },
    ]);
    expect(readMasterList([]).errors[0].message).toBe('csv.empty');
  });
});
