import { describe, expect, it } from 'vitest';
import { importOutcome, reportCsv } from './import-report.ts';

describe('the report of a refused master list', () => {
  it('reads each problem\'s row and column from its path, in row order', () => {
    const problem = {
      errors: [
        { path: 'rows.4.idp_families_origin_IQG15', message: 'These families add up to 10, but the location has 30.' },
        { path: 'rows.3.idp_families', message: 'Write a whole number.' },
        { path: 'rows.3', message: 'Unknown location.' },
        { path: 'file', message: 'The file is empty.' },
      ],
    };
    expect(importOutcome(problem)).toEqual([
      { row: null, column: 'file', message: 'The file is empty.' },
      { row: 3, column: null, message: 'Unknown location.' },
      { row: 3, column: 'idp_families', message: 'Write a whole number.' },
      { row: 4, column: 'idp_families_origin_IQG15', message: 'These families add up to 10, but the location has 30.' },
    ]);
    expect(importOutcome({ errors: [{ row: 7, column: 'need_1', message: 'x' }] })).toEqual([{ row: 7, column: 'need_1', message: 'x' }]);
    expect(importOutcome({})).toEqual([]);
  });

  it('downloads as CSV that spreadsheets open safely', () => {
    const csv = reportCsv([{ row: 3, column: 'notes', message: 'Say "why", briefly' }, { row: 5, column: null, message: '=cmd|calc' }], ['الصف', 'العمود', 'المشكلة']);
    expect(csv).toBe('\uFEFFالصف,العمود,المشكلة\r\n3,notes,"Say ""why"", briefly"\r\n5,,\'=cmd|calc\r\n');
  });
});
