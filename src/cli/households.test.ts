import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { HOUSEHOLD_COLUMNS, headerRows, householdInputToRows, unguardCell } from '#domain/registry/csv-format';
import { HouseholdInput } from '#domain/registry/household';
import { connect } from '#server/db/connect';
import { householdInput } from '../../test/factories.ts';
import { cliStores } from '../../test/cli.ts';

// The real `amina` command in child processes: each start costs seconds, so the checks are bundled.
const work = mkdtempSync(join(tmpdir(), 'amina-cli-'));
const { freshStore, amina, dropAll } = cliStores(work);
afterAll(async () => {
  await dropAll();
  rmSync(work, { recursive: true, force: true });
});

async function householdCount(store: { open: () => ReturnType<typeof connect> }): Promise<number> {
  const db = await store.open();
  try {
    const row = await db.kysely.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await db.close();
  }
}

const made = (over: Record<string, unknown> = {}) => HouseholdInput.parse(householdInput(over));
const col = (name: string) => HOUSEHOLD_COLUMNS.findIndex((c) => c.header === name);
/** Rows as compared across databases: values as imported, without the household id and registration number. */
const comparable = (rows: string[][]) => rows.slice(2)
  .map((r) => r.filter((_, i) => i !== col('household_ref') && i !== col('registration_number')).map(unguardCell).join('|')).sort();

const households = [
  made({ members: [{ relationship: 'head', givenName: '=HYPERLINK("http://x")', familyName: '-Jubouri', sex: 'm' }], registeredOn: '2014-07-20' }),
  made({ current: { pcode: 'IQG09Q03', siteId: null, address: 'Khanke camp' }, shelter: 'camp', registeredOn: '2014-09-02' }),
  made({ phone: '+964 770 123 4567', registeredOn: '2015-01-11' }),
];
const rows = [...headerRows(), ...households.flatMap((h, i) => householdInputToRows(`H${i + 1}`, h))];
const file = join(work, 'households.csv');

describe('amina households import and export', () => {
  const source = freshStore('a');

  it('imports nothing from a file with a broken row and reports the row', async () => {
    const broken = rows.map((r) => [...r]);
    // File rows: 3 is H1; 4-5 H2 (head, spouse); 6-7 H3.
    broken[3][col('current_pcode')] = 'IQG99Q01';
    broken[4][col('current_pcode')] = 'IQG99Q01';
    broken[6][col('birth_date')] = '1980-02-30';
    writeFileSync(file, stringify(broken));
    const store = await source;
    const run = await amina(store.env, 'households', 'import', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('nothing was imported');
    const report = parse(readFileSync(`${file}.errors.csv`, 'utf8'), { bom: true, columns: true });
    expect(report).toEqual([
      { row: '4', column: 'current_pcode', message: 'There is no area with this P-code.' },
      { row: '7', column: 'birth_date', message: expect.stringContaining('real date') },
    ]);
    expect(await householdCount(store)).toBe(0);
  }, 120_000);

  it('exports CSV that imports into a fresh database as the same households, and XLSX that reads right to left', async () => {
    const store = await source;
    writeFileSync(file, stringify(rows));
    const imported = await amina(store.env, 'households', 'import', file);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Imported 3 households (5 individuals)');
    const csv = join(work, 'out.csv');
    const xlsx = join(work, 'out.xlsx');
    expect((await amina(store.env, 'households', 'export', '--format', 'csv', '--out', csv)).code).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text).toContain(`'=HYPERLINK`);
    expect(text).toContain(`'-Jubouri`);
    expect(text).toContain(',+9647701234567,');

    const copy = await freshStore('b');
    const [toXlsx, intoCopy] = await Promise.all([
      amina(store.env, 'households', 'export', '--format', 'xlsx', '--out', xlsx), amina(copy.env, 'households', 'import', csv),
    ]);
    expect([toXlsx.code, intoCopy.code]).toEqual([0, 0]);
    const again = join(work, 'again.csv');
    expect((await amina(copy.env, 'households', 'export', '--out', again)).code).toBe(0);
    const exported = parse(text, { bom: true, relax_column_count: true }) as string[][];
    expect(comparable(parse(readFileSync(again, 'utf8'), { bom: true }) as string[][])).toEqual(comparable(exported));
    expect(comparable(exported)).toEqual(comparable(rows.map((r) => r.map((c, i) => (i === col('registry') ? 'MOMD' : c)))));

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const sheet = book.worksheets[0];
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true });
    expect(sheet.getRow(2).getCell(1).value).toBe('#household+id');
    expect(sheet.rowCount).toBe(7);
  }, 180_000);
});
