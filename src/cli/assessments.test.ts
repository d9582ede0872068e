import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'kysely';
import { cliStores, type CliStore } from '../../test/cli.ts';

// The real `amina` command in child processes: each start costs seconds, so the checks are bundled.
const work = mkdtempSync(join(tmpdir(), 'amina-dtm-'));
const { freshStore, amina, dropAll } = cliStores(work);
afterAll(async () => {
  await dropAll();
  rmSync(work, { recursive: true, force: true });
});

/** Runs SQL on the store between commands (PGlite takes one process at a time). */
async function onStore<T>(store: CliStore, work: (db: Awaited<ReturnType<CliStore['open']>>) => Promise<T>): Promise<T> {
  const db = await store.open();
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

const HEADER = ['round_number', 'location_code', 'location_name', 'admin1_pcode', 'admin2_pcode', 'assessed_on', 'idp_families', 'idp_individuals', 'need_1'];
const list = (round: number, over: string[][] = []) => stringify([HEADER,
  [String(round), 'NIN-001', 'Bartella', 'IQG15', 'IQG15Q03', '2014-09-12', '100', '', 'food'],
  [String(round), 'ERB-002', 'Ankawa', 'IQG11', 'IQG11Q01', '12/09/2014', '300', '1900', 'shelter'],
  ...over]);

describe('amina assessments import and export', () => {
  it('imports a master list all or nothing (report in the user\'s language), and exports it as CSV and right-to-left XLSX', async () => {
    const store = await freshStore('a');
    expect((await amina(store.env, 'users', 'list')).code).toBe(0);
    await onStore(store, async (db) => {
      for (const number of [1, 2]) {
        await sql`insert into assessment_rounds (id, number, organization_id, starts_on, ends_on, reported_on)
          select gen_random_uuid(), ${number}, id, '2014-09-01', '2014-09-30', '2014-09-30' from organizations where code = 'MOMD'`.execute(db.kysely);
      }
      await sql`update users set locale = 'ar' where username = 'admin'`.execute(db.kysely);
    });
    const file = join(work, 'round-1.csv');
    writeFileSync(file, list(1, [['1', 'NIN-003', 'Bashiqa', 'IQG15', 'IQG15Q99', '2014-09-12', 'many', '', 'food']]));
    const broken = await amina(store.env, 'assessments', 'import', file, '--round', '1');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('nothing was imported');
    expect(parse(readFileSync(`${file}.errors.csv`, 'utf8'), { bom: true, columns: true })).toEqual([
      { row: '4', column: 'idp_families', message: 'اكتب عدداً صحيحاً، صفراً أو أكثر.' },
      { row: '4', column: 'admin2_pcode', message: 'لا توجد منطقة بهذا الرمز المكاني.' },
    ]);
    expect(await onStore(store, async (db) => (await sql<{ n: number }>`select count(*)::int as n from dtm_locations`.execute(db.kysely)).rows[0].n)).toBe(0);

    writeFileSync(file, list(1));
    const imported = await amina(store.env, 'assessments', 'import', file, '--round', '1');
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Imported 2 locations into round 1');
    const csv = join(work, 'out.csv');
    const xlsx = join(work, 'out.xlsx');
    const [toCsv, toXlsx] = [await amina(store.env, 'assessments', 'export', '--round', '1', '--out', csv), await amina(store.env, 'assessments', 'export', '--round', '1', '--format', 'xlsx', '--out', xlsx)];
    expect([toCsv.code, toXlsx.code]).toEqual([0, 0]);
    const rows = parse(readFileSync(csv, 'utf8'), { bom: true }) as string[][];
    const column = (name: string) => rows.slice(2).map((r) => r[rows[0].indexOf(name)]);
    expect(column('location_code')).toEqual(['ERB-002', 'NIN-001']);
    expect(column('idp_individuals')).toEqual(['1900', '600']);
    expect(column('idp_individuals_estimated')).toEqual(['no', 'yes']);
    expect(column('admin1_name')).toEqual(['Erbil', 'Ninewa']);
    expect(rows[1]).toContain('#affected+idps+hh+origin+iqg15');

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    expect(book.worksheets[0].views[0]).toMatchObject({ rightToLeft: true });
    expect(book.worksheets[0].rowCount).toBe(4);

    // The export goes back into another round as it is, once its round number is changed.
    const round = rows[0].indexOf('round_number');
    writeFileSync(file, stringify(rows.map((r, i) => (i < 2 ? r : r.map((c, j) => (j === round ? '2' : c))))));
    const again = await amina(store.env, 'assessments', 'import', file, '--round', '2');
    expect(again.stdout).toContain('0 new locations, 0 updated; 2 new assessments');
  }, 180_000);
});
