import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { guardCell } from '#domain/registry/csv-format';
import { Problem } from '../http/problem.ts';
import { cellText } from '../shared/sheet-cells.ts';

/**
 * Tables exchanged over HTTP, whole in memory (a master list is one row per location: a few
 * thousand rows): CSV with a byte-order mark, or an XLSX whose sheet reads right to left.
 * Cells written are guarded against formula injection.
 */
export type SheetFormat = 'csv' | 'xlsx';

export const CONTENT_TYPES: Record<SheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** An XLSX file is a ZIP archive: it starts with `PK\x03\x04`. */
export function sheetFormatOf(body: Buffer): SheetFormat {
  return body.length >= 4 && body.readUInt32LE(0) === 0x04034b50 ? 'xlsx' : 'csv';
}

/** Every row of the file as text; XLSX sheet row N is `rows[N - 1]`, so reported rows are the rows shown. */
export async function readSheet(body: Buffer): Promise<string[][]> {
  if (sheetFormatOf(body) === 'csv') {
    try {
      return parse(body, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    } catch {
      throw new Problem(422, 'import.unreadable');
    }
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
  } catch {
    throw new Problem(422, 'import.unreadable');
  }
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, number) => {
    while (rows.length < number - 1) rows.push([]);
    const values = row.values as ExcelJS.CellValue[];
    rows.push(Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1])));
  });
  return rows;
}

/** The rows as a file in `format`, every cell guarded. */
export async function writeSheet(rows: readonly string[][], format: SheetFormat, sheetName: string): Promise<Buffer> {
  const guarded = rows.map((r) => r.map(guardCell));
  if (format === 'csv') return Buffer.from(stringify(guarded, { bom: true }), 'utf8');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ rightToLeft: true }] });
  sheet.addRows(guarded);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
