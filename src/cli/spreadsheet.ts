import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { guardCell } from '#domain/registry/csv-format';
import { cellText } from '#server/shared/sheet-cells';

/** Reading and writing the household table as CSV or XLSX, streamed both ways. */

export type TableFormat = 'csv' | 'xlsx';

/** The format a file name implies (`.xlsx`, else CSV). */
export function formatOf(file: string): TableFormat {
  return file.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
}

/** Every row of a CSV file (byte-order mark dropped) or of an XLSX file's first sheet, as text. */
export async function readTable(file: string): Promise<string[][]> {
  return formatOf(file) === 'xlsx' ? readXlsx(file) : readCsv(file);
}

async function readCsv(file: string): Promise<string[][]> {
  const rows: string[][] = [];
  const parser = createReadStream(file, { highWaterMark: 1 << 20 }).pipe(parse({ bom: true, relax_column_count: true }));
  for await (const row of parser) rows.push(row as string[]);
  return rows;
}

/** Sheet row N is `rows[N - 1]`, so that a reported row is the row the spreadsheet shows. */
async function readXlsx(file: string): Promise<string[][]> {
  const rows: string[][] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore' });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      while (rows.length < row.number - 1) rows.push([]);
      const values = row.values as ExcelJS.CellValue[];
      rows.push(Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1])));
    }
    break;
  }
  return rows;
}

/** A table being written; every cell is guarded against formula injection. */
export interface TableWriter {
  write(row: string[]): Promise<void>;
  close(): Promise<void>;
}

/** Opens `file` for writing in `format`; the XLSX sheet reads right to left. */
export function openTable(file: string, format: TableFormat): TableWriter {
  return format === 'xlsx' ? xlsxWriter(file) : csvWriter(file);
}

function csvWriter(file: string): TableWriter {
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  // A byte-order mark so that spreadsheet programs open Arabic and Kurdish text as UTF-8.
  const csv = stringify({ bom: true });
  csv.pipe(out);
  return {
    async write(row) {
      if (!csv.write(row.map(guardCell))) await once(csv, 'drain');
    },
    async close() {
      csv.end();
      await finished(out);
    },
  };
}

function xlsxWriter(file: string): TableWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('households', { views: [{ rightToLeft: true }] });
  return {
    async write(row) {
      sheet.addRow(row.map(guardCell)).commit();
    },
    async close() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
