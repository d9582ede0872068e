import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import type { Client } from '../../../test/client.ts';
import { assessmentBody, newLocation, newRound, person } from './assessments.fixture.ts';
import { assessmentFigures, assessmentOrigins, assessmentTrends } from './service.ts';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

/** A round in one month of `year`, with these assessments, closed unless told otherwise. */
async function round(client: Client, year: number, month: string, assessments: [string, Record<string, unknown>][], close = true) {
  const last = new Date(Date.UTC(year, Number(month), 0)).getUTCDate();
  const r = await newRound(client, { startsOn: `${year}-${month}-01`, endsOn: `${year}-${month}-${last}`, reportedOn: `${year}-${month}-${last}` });
  for (const [locationId, over] of assessments) {
    const res = await client.post('/api/assessments', assessmentBody(r.id, locationId, { assessedOn: `${year}-${month}-10`, ...over }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  if (close) expect((await client.post(`/api/rounds/${r.id}/close`)).status).toBe(200);
  return r;
}

describe('assessment figures', () => {
  it('come from the latest closed round on or before the day: an open round never counts', async () => {
    const { client } = await person(server, 'data_manager');
    const village = await newLocation(client, { pcode: 'IQG15Q03' });
    const september = await round(client, 2015, '09', [[village.id, { idpFamilies: 100, idpIndividuals: 650 }]]);
    await round(client, 2015, '10', [[village.id, { idpFamilies: 999 }]], false);
    const november = await round(client, 2015, '11', [[village.id, { idpFamilies: 80 }]]);
    const at = (date: string) => assessmentFigures(server.ctx, { level: 1, date, area: 'IQG15Q03' });
    expect(await at('2015-08-31')).toEqual({ round: null, rows: [] });
    expect(await at('2015-10-31')).toEqual({
      round: { id: september.id, number: september.number, name: null, reportedOn: '2015-09-30' },
      rows: [{ pcode: 'IQG15', families: 100, individuals: 650, returneeFamilies: 0, returnees: 0, estimated: false }],
    });
    const latest = await at('2015-12-15');
    expect(latest.round?.number).toBe(november.number);
    expect(latest.rows[0]).toMatchObject({ families: 80, individuals: 480, estimated: true });
  });

  it('by governorate and district (a place known by its governorate only counts under it), and by wave as estimates', async () => {
    const { client } = await person(server, 'data_manager');
    const bartella = await newLocation(client, { pcode: 'IQG15Q03' });
    const mosul = await newLocation(client, { pcode: 'IQG15Q05' });
    const somewhere = await newLocation(client, { pcode: 'IQG15', kind: 'other' });
    const erbil = await newLocation(client, { pcode: 'IQG11Q01', kind: 'neighbourhood' });
    const waves = (august: number, later: number) => [{ code: 'august_2014', families: august }, { code: 'post_september_2014', families: later }];
    await round(client, 2016, '03', [
      [bartella.id, { idpFamilies: 100, idpIndividuals: 610, returneeFamilies: 10, returneeIndividuals: 55, byWave: waves(60, 40),
        byOrigin: [{ code: 'IQG15', families: 100 }] }],
      [mosul.id, { idpFamilies: 50, byWave: waves(50, 0), byOrigin: [{ code: 'IQG15', families: 30 }, { code: 'IQG01', families: 20 }] }],
      [somewhere.id, { idpFamilies: 20 }],
      [erbil.id, { idpFamilies: 300, idpIndividuals: 1700, byWave: waves(300, 0), byOrigin: [{ code: 'IQG15', families: 300 }] }],
    ]);
    const level1 = await assessmentFigures(server.ctx, { level: 1, date: '2016-03-31' });
    expect(level1.rows).toEqual([
      { pcode: 'IQG11', families: 300, individuals: 1700, returneeFamilies: 0, returnees: 0, estimated: false },
      { pcode: 'IQG15', families: 170, individuals: 1030, returneeFamilies: 10, returnees: 55, estimated: true },
    ]);
    const level2 = await assessmentFigures(server.ctx, { level: 2, date: '2016-03-31', area: 'IQG15' });
    expect(level2.rows.map((r) => [r.pcode, r.families])).toEqual([['IQG15', 20], ['IQG15Q03', 100], ['IQG15Q05', 50]]);
    const august = await assessmentFigures(server.ctx, { level: 1, date: '2016-03-31', wave: 'august_2014' });
    expect(august.rows).toEqual([
      { pcode: 'IQG11', families: 300, individuals: 1800, returneeFamilies: 0, returnees: 0, estimated: true },
      { pcode: 'IQG15', families: 110, individuals: 660, returneeFamilies: 0, returnees: 0, estimated: true },
    ]);
    const origins = await assessmentOrigins(server.ctx, { date: '2016-03-31' });
    expect(origins.items).toEqual([
      { origin: 'IQG15', current: 'IQG11', families: 300, individuals: 1800, estimated: true },
      { origin: 'IQG15', current: 'IQG15', families: 130, individuals: 780, estimated: true },
      { origin: 'IQG01', current: 'IQG15', families: 20, individuals: 120, estimated: true },
    ]);
  });

  it('trend over closed rounds only, and are served by /api/figures to figures.read', async () => {
    const { client } = await person(server, 'data_manager');
    const village = await newLocation(client, { pcode: 'IQG09Q01' });
    const one = await round(client, 2017, '01', [[village.id, { idpFamilies: 10 }]]);
    await round(client, 2017, '02', [[village.id, { idpFamilies: 15 }]], false);
    const three = await round(client, 2017, '03', [[village.id, { idpFamilies: 12, idpIndividuals: 70 }]]);
    const trend = await assessmentTrends(server.ctx, { area: 'IQG09', from: '2017-01-01', to: '2017-12-31' });
    expect(trend).toEqual([
      { date: '2017-01-31', round: one.number, families: 10, individuals: 60, returneeFamilies: 0, returnees: 0, estimated: true },
      { date: '2017-03-31', round: three.number, families: 12, individuals: 70, returneeFamilies: 0, returnees: 0, estimated: false },
    ]);
    const { client: coordinator } = await person(server, 'coordinator');
    const http = await coordinator.get('/api/figures/displacement?source=assessments&level=2&date=2017-03-31&area=IQG09');
    expect(http.status).toBe(200);
    expect(http.body).toMatchObject({ source: 'assessments', round: { number: three.number }, rows: [{ pcode: 'IQG09Q01', families: 12, individuals: 70 }] });
    const trends = await coordinator.get('/api/figures/trends?source=assessments&area=IQG09&from=2017-01-01&to=2017-12-31');
    expect(trends.body.points.map((p: { round: number }) => p.round)).toEqual([one.number, three.number]);
  });

  it('sum a round closed outside the service (a data load) the first time figures ask for it', async () => {
    const { client } = await person(server, 'data_manager');
    const village = await newLocation(client, { pcode: 'IQG06Q01' });
    const loaded = await round(client, 2018, '05', [[village.id, { idpFamilies: 7 }]], false);
    await sql`update assessment_rounds set status = 'closed', closed_at = now() where id = ${loaded.id}`.execute(server.ctx.db.kysely);
    const figures = await assessmentFigures(server.ctx, { level: 2, date: '2018-05-31', area: 'IQG06' });
    expect(figures.rows).toEqual([{ pcode: 'IQG06Q01', families: 7, individuals: 42, returneeFamilies: 0, returnees: 0, estimated: true }]);
  });
});
