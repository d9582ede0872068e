import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'kysely';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import type { Client } from '../../../test/client.ts';
import { newRound, person, uniqueCode } from './assessments.fixture.ts';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

/** Sends a file as the request body, as the web app and scripts do. */
async function upload(client: Client, path: string, body: Buffer | string, type = 'text/csv', language = 'en') {
  const res = await fetch(client.base + path, {
    method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers: { authorization: `Bearer ${client.bearer}`, 'content-type': type, 'accept-language': language },
  });
  return { status: res.status, body: await res.json() };
}

const count = async (table: 'dtm_locations' | 'location_assessments', where = sql`true`) =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${where}`.execute(server.ctx.db.kysely)).rows[0].n;

const HEADER = ['location_code', 'location_name', 'location_name_ar', 'admin1_pcode', 'admin2_pcode', 'latitude', 'longitude', 'assessed_on',
  'idp_families', 'idp_individuals', 'returnee_families', 'idp_families_origin_IQG15', 'idp_families_origin_IQG01',
  'idp_families_wave_august_2014', 'need_1', 'need_2', 'informant_name', 'informant_phone'];
const TAGS = ['#loc+code', '#loc+name', '#loc+name+i_ar', '#adm1+code', '#adm2+code', '#geo+lat', '#geo+lon', '#date+assessed',
  '#affected+idps+hh', '#affected+idps+ind', '#affected+returnees+hh', '#affected+idps+hh+origin+iqg15', '#affected+idps+hh+origin+iqg01',
  '#affected+idps+hh+wave+august_2014', '#need+priority+first', '#need+priority+second', '#contact+name+informant', '#contact+phone+informant'];
const row = (code: string, over: Partial<Record<(typeof HEADER)[number], string>> = {}) => {
  const base: Record<string, string> = {
    location_code: code, location_name: 'Qaraqosh', location_name_ar: 'قرقوش', admin1_pcode: 'IQG15', admin2_pcode: 'IQG15Q03',
    latitude: '36.27', longitude: '43.38', assessed_on: '2014-09-12', idp_families: '100', idp_individuals: '', returnee_families: '0',
    idp_families_origin_IQG15: '80', idp_families_origin_IQG01: '20', idp_families_wave_august_2014: '100', need_1: 'food', need_2: 'water',
    informant_name: '', informant_phone: '',
  };
  return HEADER.map((h) => ({ ...base, ...over })[h]);
};

describe('importing a DTM master list', () => {
  it('writes nothing from a file with broken rows and reports each one, in Arabic too', async () => {
    const { client } = await person(server, 'data_manager');
    const round = await newRound(client);
    const codes = [uniqueCode(), uniqueCode(), uniqueCode()];
    const file = stringify([HEADER, TAGS,
      row(codes[0]),
      row(codes[1], { admin2_pcode: 'IQG15Q99', idp_families_origin_IQG15: '70' }),
      row(codes[2], { need_1: 'unicorns', assessed_on: '2014-10-02', informant_name: 'Ali', informant_phone: '12' }),
    ]);
    const res = await upload(client, `/api/rounds/${round.id}/import`, file, 'text/csv', 'ar');
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`)).toEqual([
      'rows.4.idp_families_origin_IQG15 breakdown.sum',
      'rows.4.admin2_pcode pcode.unknown',
      'rows.5.informant_phone phone.invalid',
      'rows.5.assessed_on assessment.outside_round',
      'rows.5.need_1 priority_need.unknown',
    ]);
    expect(res.body.errors[0].message).toBe('مجموع هذه العوائل 90، لكن عدد العوائل النازحة في الموقع 100.');
    expect(res.body.errors[1].message).toBe('لا توجد منطقة بهذا الرمز المكاني.');
    expect(await count('dtm_locations', sql`code in (${sql.join(codes)})`)).toBe(0);
    expect(await count('location_assessments', sql`round_id = ${round.id}`)).toBe(0);
  });

  it('creates unknown locations and their assessments, then updates them from a second file (XLSX)', async () => {
    const { client } = await person(server, 'data_manager');
    const round = await newRound(client);
    const [a, b] = [uniqueCode(), uniqueCode()];
    const first = await upload(client, `/api/rounds/${round.id}/import?file=round.csv`, stringify([HEADER, TAGS,
      row(a, { informant_name: 'Ali', informant_phone: '0750 123 4567' }), row(b, { idp_individuals: '640' })]));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({ round: round.number, rows: 2, locationsCreated: 2, locationsUpdated: 0, assessmentsCreated: 2, assessmentsUpdated: 0 });
    const listed = (await client.get(`/api/assessments?round=${round.id}`)).body.items;
    expect(listed.map((x: { location: { code: string } }) => x.location.code).sort()).toEqual([a, b].sort());
    expect(listed.find((x: { location: { code: string } }) => x.location.code === a)).toMatchObject({
      idpIndividuals: 600, idpIndividualsEstimated: true, byWave: [{ code: 'august_2014', families: 100 }], priorityNeeds: ['food', 'water'], keyInformantRecorded: true,
    });
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('list').addRows([HEADER, TAGS, row(a, { location_name: 'Qaraqosh (Bakhdida)', idp_families: '90', idp_families_origin_IQG15: '70', idp_families_wave_august_2014: '90' })]);
    const second = await upload(client, `/api/rounds/${round.id}/import`, Buffer.from(await workbook.xlsx.writeBuffer()), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(second.body).toEqual({ round: round.number, rows: 1, locationsCreated: 0, locationsUpdated: 1, assessmentsCreated: 0, assessmentsUpdated: 1 });
    const updated = (await client.get(`/api/assessments?round=${round.id}&area=IQG15Q03`)).body.items.find((x: { location: { code: string } }) => x.location.code === a);
    expect(updated).toMatchObject({ idpFamilies: 90, version: 2, location: { name: 'Qaraqosh (Bakhdida)' }, keyInformantRecorded: true });
  });

  it('only into an open round of the importer\'s organisation', async () => {
    const { client } = await person(server, 'data_manager');
    const round = await newRound(client);
    const { client: bmd } = await person(server, 'data_manager', { org: 'BMD' });
    expect((await upload(bmd, `/api/rounds/${round.id}/import`, stringify([HEADER, row(uniqueCode())]))).status).toBe(403);
    const { client: enumerator } = await person(server, 'enumerator');
    expect((await upload(enumerator, `/api/rounds/${round.id}/import`, stringify([HEADER, row(uniqueCode())]))).status).toBe(403);
    await client.post(`/api/rounds/${round.id}/close`);
    const closed = await upload(client, `/api/rounds/${round.id}/import`, stringify([HEADER, row(uniqueCode())]));
    expect(closed.status).toBe(409);
    const json = await client.post(`/api/rounds/${round.id}/import`, { rows: [] });
    expect(json.status).toBe(415);
  });
});

describe('exporting a DTM master list', () => {
  it('round-trips: a round exported and imported into another round exports the same', async () => {
    const { client } = await person(server, 'data_manager');
    const source = await newRound(client);
    const imported = await upload(client, `/api/rounds/${source.id}/import`, stringify([HEADER, TAGS,
      row(uniqueCode(), { location_name: '=cmd|calc', informant_name: 'Ali' }), row(uniqueCode(), { idp_individuals: '610', returnee_families: '3' })]));
    expect(imported.status).toBe(200);
    const target = await newRound(client);
    const exported = await client.get(`/api/rounds/${source.id}/export?format=csv`);
    expect(exported.headers.get('content-disposition')).toContain(`dtm-master-list-round-${source.number}.csv`);
    expect(exported.body).toContain(`'=cmd|calc`);
    const rows = parse(exported.body as string, { bom: true }) as string[][];
    expect(rows[1].slice(0, 3)).toEqual(['#meta+round', '#loc+code', '#loc+name']);
    const round = rows[0].indexOf('round_number');
    const moved = rows.map((r, i) => (i < 2 ? r : r.map((c, j) => (j === round ? String(target.number) : c))));
    const again = await upload(client, `/api/rounds/${target.id}/import`, stringify(moved));
    expect(again.body).toMatchObject({ rows: 2, locationsCreated: 0, locationsUpdated: 0, assessmentsCreated: 2 });
    const back = parse((await client.get(`/api/rounds/${target.id}/export?format=csv`)).body as string, { bom: true }) as string[][];
    const withoutRound = (table: string[][]) => table.map((r) => r.filter((_, j) => j !== round));
    expect(withoutRound(back)).toEqual(withoutRound(rows));
    const xlsx = await fetch(`${client.base}/api/rounds/${target.id}/export?format=xlsx`, { headers: { authorization: `Bearer ${client.bearer}` } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(book.worksheets[0].views[0].rightToLeft).toBe(true);
    expect(book.worksheets[0].getColumn(3).values).toContain(`'=cmd|calc`);
  });
});
