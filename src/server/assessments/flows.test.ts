import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { newId } from '../../../test/factories.ts';
import type { Client } from '../../../test/client.ts';
import { person } from './assessments.fixture.ts';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

async function site(client: Client, over: Record<string, unknown> = {}) {
  const res = await client.post('/api/sites', { name: 'Khazir checkpoint', kind: 'transit_point', transitType: 'checkpoint', pcode: 'IQG11Q01', ...over });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

const count = (pointId: string, over: Record<string, unknown> = {}) => ({
  pointId, countedOn: '2014-08-04', direction: 'incoming', maleChildren: 40, femaleChildren: 38, maleAdults: 25, femaleAdults: 30, maleElderly: 4, femaleElderly: 6, ...over,
});

describe('flow monitoring', () => {
  it('counts people at a transit point by day and direction; a second count of the same is 409 with the first', async () => {
    const { client: manager } = await person(server, 'data_manager');
    const { client } = await person(server, 'enumerator');
    const point = await site(manager);
    const first = await client.post('/api/flows', count(point));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ pointId: point, direction: 'incoming', organization: 'MOMD', total: 143, version: 1 });
    const again = await client.post('/api/flows', count(point, { maleAdults: 1 }));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: expect.stringMatching(/flow-exists$/), current: { id: first.body.id, maleAdults: 25 } });
    expect((await client.post('/api/flows', count(point, { direction: 'outgoing', maleAdults: 5, femaleChildren: 0 }))).status).toBe(201);
    expect((await client.post('/api/flows', count(point, { countedOn: '2014-08-05' }))).status).toBe(201);
    const { client: viewer } = await person(server, 'viewer');
    const listed = await viewer.get(`/api/flows?point=${point}&from=2014-08-04&to=2014-08-04`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(2);
    expect(listed.body.totals.incoming).toMatchObject({ maleChildren: 40, total: 143 });
    expect(listed.body.totals.outgoing).toMatchObject({ maleAdults: 5, femaleChildren: 0, total: 85 });
    expect(listed.body.totals.all).toMatchObject({ maleChildren: 80, femaleChildren: 38, total: 228 });
    expect((await viewer.post('/api/flows', count(point, { countedOn: '2014-08-06' }))).status).toBe(403);
  });

  it('refuses a site that is not a transit point, an unknown one, and a point outside the scope', async () => {
    const { client: manager } = await person(server, 'data_manager');
    const camp = await site(manager, { name: 'Khazir camp', kind: 'camp', transitType: null });
    const notTransit = await manager.post('/api/flows', count(camp));
    expect(notTransit.status).toBe(422);
    expect(notTransit.body.errors).toEqual([expect.objectContaining({ path: 'pointId', code: 'site.not_transit', message: 'This site is not a transit point.' })]);
    expect((await manager.post('/api/flows', count(newId()))).body.errors[0].code).toBe('site.unknown');
    const point = await site(manager);
    const { client: ninewa } = await person(server, 'enumerator', { scope: ['IQG15'] });
    expect((await ninewa.post('/api/flows', count(point))).body.errors[0].code).toBe('scope.outside');
    const bad = await manager.post('/api/flows', count(point, { direction: 'sideways', femaleAdults: -2, countedOn: '2099-01-01' }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['countedOn', 'direction', 'femaleAdults']);
  });

  it('corrects a count at the version read, by its own organisation only', async () => {
    const { client } = await person(server, 'data_manager');
    const point = await site(client);
    const made = (await client.post('/api/flows', count(point, { countedOn: '2014-08-10' }))).body;
    const edited = await client.patch(`/api/flows/${made.id}`, { version: 1, maleAdults: 26, note: 'recount' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ maleAdults: 26, total: 144, note: 'recount', version: 2 });
    const stale = await client.patch(`/api/flows/${made.id}`, { version: 1, maleAdults: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.current.maleAdults).toBe(26);
    const { client: bmd } = await person(server, 'enumerator', { org: 'BMD' });
    const other = await bmd.patch(`/api/flows/${made.id}`, { version: 2, maleAdults: 1 });
    expect(other.status).toBe(403);
    expect(other.body.type).toMatch(/flow-not-yours$/);
  });
});
