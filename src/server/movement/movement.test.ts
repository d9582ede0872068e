import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { householdInput, makeUser, newId } from '../../../test/factories.ts';
import { translateError } from '#domain/i18n/errors';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

type Client = Awaited<ReturnType<typeof makeUser>>['client'];

/** A family registered by a MoMD clerk in Erbil (IQG11Q01), from Mosul, on 2015-01-10. */
async function registered(client?: Client) {
  const user = client ? null : await makeUser(server);
  const clerk = client ?? user!.client;
  const res = await clerk.post('/api/households', householdInput({ registeredOn: '2015-01-10' }));
  expect(res.status).toBe(201);
  return { clerk, household: res.body, username: user?.user.username };
}

const move = (clerk: Client, id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  clerk.post(`/api/households/${id}/movements`, body, headers);

describe('recording a movement', () => {
  it('moves the household, gives it a new version and a history entry, and shows on its timeline', async () => {
    const { clerk, household, username } = await registered();
    const res = await move(clerk, household.id, { type: 'relocation', to: { pcode: 'IQG11Q04', place: 'Debaga camp' }, shelter: 'camp', date: '2015-03' });
    expect(res.status).toBe(201);
    expect(res.body.movement).toMatchObject({ type: 'relocation', to: { pcode: 'IQG11Q04', place: 'Debaga camp' }, start: { pcode: 'IQG11Q01' }, shelter: 'camp', date: '2015-03' });
    expect(res.body.household).toMatchObject({
      current: { pcode: 'IQG11Q04', address: 'Debaga camp' }, shelter: 'camp', version: 2,
      displacement: { status: 'displaced', since: '2014-06', movementId: res.body.movement.id },
    });
    const timeline = (await clerk.get(`/api/households/${household.id}/movements`)).body;
    expect(timeline.items).toHaveLength(1);
    expect(timeline.items[0].recordedBy).toBe(username);
    expect(timeline.current).toMatchObject({ status: 'displaced', location: { pcode: 'IQG11Q04' }, movementId: res.body.movement.id });
    expect(timeline.registration).toMatchObject({ on: '2015-01-10', place: { pcode: 'IQG11Q01' }, shelter: 'host_family' });
    const history = (await clerk.get(`/api/households/${household.id}/history`)).body.items;
    expect(history[0]).toMatchObject({ version: 2, action: 'movement' });
    expect(history[0].changes).toEqual(expect.arrayContaining([{ path: 'current.pcode', from: 'IQG11Q01', to: 'IQG11Q04' }]));
  });

  it('follows when movements happened, not when they were reported, and keeps a late report of the flight in the past', async () => {
    const { clerk, household } = await registered();
    await move(clerk, household.id, { type: 'return', to: { pcode: 'IQG15Q05' }, date: '2017-09-15' });
    const late = await move(clerk, household.id, { type: 'secondary_displacement', to: { pcode: 'IQG09Q01' }, shelter: 'host_family', date: '2016-02' });
    expect(late.body.household).toMatchObject({ current: { pcode: 'IQG15Q05' }, displacement: { status: 'returned', since: '2017-09-15' } });
    expect(late.body.movement.start.pcode).toBe('IQG11Q01');
    const flight = await move(clerk, household.id, { type: 'displacement', from: { pcode: 'IQG15Q05' }, to: { pcode: 'IQG11Q01' }, date: '2014-06-12' });
    expect(flight.body.household.current.pcode).toBe('IQG15Q05');
    const timeline = (await clerk.get(`/api/households/${household.id}/movements`)).body;
    expect(timeline.items.map((m: { date: string }) => m.date)).toEqual(['2014-06-12', '2016-02', '2017-09-15']);
    expect(timeline.items.find((m: { date: string }) => m.date === '2017-09-15').start.pcode).toBe('IQG09Q01');
  });

  it('says where a family went abroad and keeps it with the clerks of its last place', async () => {
    const { clerk, household } = await registered();
    const res = await move(clerk, household.id, { type: 'departure_abroad', to: { place: 'Germany' }, date: '2016-08' });
    expect(res.body.household).toMatchObject({ current: { pcode: 'IQG11Q01', address: 'Germany' }, displacement: { status: 'abroad' } });
    expect((await clerk.get(`/api/households/${household.id}`)).status).toBe(200);
  });

  it('takes the shelter of the site moved to, and refuses a closed site', async () => {
    const manager = await makeUser(server, { role: 'data_manager' });
    const site = (await manager.client.post('/api/sites', { name: 'Harshm', kind: 'camp', pcode: 'IQG11Q01', latitude: 36.2, longitude: 44.05, capacity: 1500 })).body;
    expect(site).toMatchObject({ shelter: 'camp', active: true, population: { families: 0, individuals: 0 } });
    const { clerk, household } = await registered();
    const moved = await move(clerk, household.id, { type: 'relocation', to: { pcode: 'IQG11Q01', siteId: site.id }, date: '2015-02' });
    expect(moved.body.household).toMatchObject({ shelter: 'camp', current: { siteId: site.id } });
    expect((await manager.client.get(`/api/sites/${site.id}`)).body.population).toEqual({ families: 1, individuals: 2 });
    const atSite = (await clerk.get(`/api/households?site=${site.id}`)).body;
    expect(atSite.items.map((h: { id: string }) => h.id)).toEqual([household.id]);
    const closed = await manager.client.patch(`/api/sites/${site.id}`, { ...site, active: false });
    expect(closed.body).toMatchObject({ active: false, version: 2 });
    const other = await registered(clerk);
    const refused = await move(clerk, other.household.id, { type: 'relocation', to: { pcode: 'IQG11Q01', siteId: site.id }, date: '2015-02' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'to.siteId' })]);
  });

  it('answers a replay with the first movement and records nothing more', async () => {
    const { clerk, household } = await registered();
    const body = { type: 'relocation', to: { pcode: 'IQG11Q04' }, date: '2015-03' };
    const first = await move(clerk, household.id, body, { 'idempotency-key': 'move-once-0001' });
    const again = await move(clerk, household.id, body, { 'idempotency-key': 'move-once-0001' });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.movement.id).toBe(first.body.movement.id);
    expect((await clerk.get(`/api/households/${household.id}/movements`)).body.items).toHaveLength(1);
    const id = newId();
    expect((await move(clerk, household.id, { ...body, id })).status).toBe(201);
    expect((await move(clerk, household.id, { ...body, id })).status).toBe(409);
  });

  it('refuses bad places and dates with the field and a message in the clerk\'s language, and changes nothing', async () => {
    const { clerk, household } = await registered();
    clerk.language = 'ar';
    const bad = await move(clerk, household.id, { type: 'relocation', to: { pcode: 'NINEWA' }, date: '2015-13' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['date', 'to.pcode']);
    expect(bad.body.errors.find((e: { path: string }) => e.path === 'to.pcode').message).toBe(translateError('ar', 'pcode.invalid'));
    const unknown = await move(clerk, household.id, { type: 'relocation', to: { pcode: 'IQG15Q99' }, shelter: 'palace', date: '2015' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['shelter', 'to.pcode']);
    const shelter = await move(clerk, household.id, { type: 'return', to: { pcode: 'IQG15Q05' }, shelter: 'camp', date: '2017' });
    expect(shelter.status).toBe(400);
    expect((await move(clerk, household.id, { type: 'relocation', to: { pcode: 'IQG11Q04' }, date: '2999-01' })).status).toBe(400);
    const after = (await clerk.get(`/api/households/${household.id}/movements`)).body;
    expect(after.items).toEqual([]);
    expect(after.version).toBe(1);
  });

  it('is for those who may edit the household: others get 403 or, outside their registry or area, 404', async () => {
    const { household } = await registered();
    const viewer = await makeUser(server, { role: 'viewer' });
    expect((await viewer.client.get(`/api/households/${household.id}/movements`)).status).toBe(200);
    expect((await move(viewer.client, household.id, { type: 'relocation', to: { pcode: 'IQG11Q04' }, date: '2015' })).status).toBe(403);
    const bmd = await makeUser(server, { org: 'BMD', role: 'viewer' });
    expect((await bmd.client.get(`/api/households/${household.id}/movements`)).status).toBe(404);
    const duhok = await makeUser(server, { scope: ['IQG09'] });
    expect((await move(duhok.client, household.id, { type: 'relocation', to: { pcode: 'IQG09Q01' }, date: '2015' })).status).toBe(404);
    expect((await move(duhok.client, newId(), { type: 'relocation', to: { pcode: 'IQG09Q01' }, date: '2015' })).status).toBe(404);
  });
});

describe('withdrawing a movement', () => {
  it('puts the household back where its timeline now has it, keeps the movement marked, and cannot be done twice', async () => {
    const { clerk, household, username } = await registered();
    const wrong = (await move(clerk, household.id, { type: 'return', to: { pcode: 'IQG15Q05' }, date: '2016-04' })).body.movement;
    const withdraw = (reason: unknown) => clerk.post(`/api/households/${household.id}/movements/${wrong.id}/withdraw`, { reason });
    expect((await withdraw('')).status).toBe(400);
    const res = await withdraw('Recorded on the wrong family');
    expect(res.body).toMatchObject({ current: { pcode: 'IQG11Q01' }, displacement: { status: 'displaced' }, version: 3 });
    const timeline = (await clerk.get(`/api/households/${household.id}/movements`)).body;
    expect(timeline.items[0].withdrawn).toMatchObject({ reason: 'Recorded on the wrong family', by: username });
    expect(timeline.current.movementId).toBeNull();
    expect((await withdraw('again')).status).toBe(409);
    expect((await clerk.post(`/api/households/${household.id}/movements/${newId()}/withdraw`, { reason: 'x' })).status).toBe(404);
  });
});

describe('editing a household that has moved', () => {
  it('refuses to change where it is (record a movement instead) and accepts every other change', async () => {
    const { clerk, household } = await registered();
    const moved = (await move(clerk, household.id, { type: 'relocation', to: { pcode: 'IQG11Q04' }, shelter: 'camp', date: '2015-03' })).body.household;
    const edit = (over: Record<string, unknown>) => clerk.patch(`/api/households/${household.id}`, { ...moved, ...over });
    const refused = await edit({ current: { pcode: 'IQG11Q01', siteId: null, address: null } });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ path: 'current.pcode', message: expect.stringContaining('Record a movement') });
    const ok = await edit({ notes: 'met at the camp office' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ notes: 'met at the camp office', current: { pcode: 'IQG11Q04' }, shelter: 'camp' });
  });

  it('corrects where a household was registered while it has not moved since', async () => {
    const { clerk, household } = await registered();
    const ok = await clerk.patch(`/api/households/${household.id}`, { ...household, current: { pcode: 'IQG11Q02', siteId: null, address: null } });
    expect(ok.body.current.pcode).toBe('IQG11Q02');
    expect((await clerk.get(`/api/households/${household.id}/movements`)).body.registration.place.pcode).toBe('IQG11Q02');
  });
});
