import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { householdInput, makeUser } from '../../../test/factories.ts';
import { family, written } from '../dedup/families.fixture.ts';
import { rebuildTimelines } from '../registry/timeline.ts';

let server: TestServer;
let coordinator: Awaited<ReturnType<typeof makeUser>>['client'];
beforeAll(async () => {
  server = await startTestServer();
  coordinator = (await makeUser(server, { role: 'coordinator' })).client;
});
afterAll(async () => { await server?.close(); });

type Client = typeof coordinator;
interface Row { pcode: string; families: number; individuals: number; returneeFamilies: number; returnees: number }

/** The registry's figures for one area (zeros when it has no row). */
async function figuresOf(pcode: string, query = '') {
  const level = pcode.length === 5 ? 1 : 2;
  const res = await coordinator.get(`/api/figures/displacement?level=${level}${query}`);
  expect(res.status).toBe(200);
  const row = res.body.rows.find((r: Row) => r.pcode === pcode) as Row | undefined;
  return { families: row?.families ?? 0, individuals: row?.individuals ?? 0, returneeFamilies: row?.returneeFamilies ?? 0, returnees: row?.returnees ?? 0 };
}

/** What a change did to an area's figures. */
async function change(pcode: string, query: string, act: () => Promise<unknown>) {
  const before = await figuresOf(pcode, query);
  await act();
  const after = await figuresOf(pcode, query);
  return {
    families: after.families - before.families, individuals: after.individuals - before.individuals,
    returneeFamilies: after.returneeFamilies - before.returneeFamilies, returnees: after.returnees - before.returnees,
  };
}

const three = (over: Record<string, unknown> = {}) => householdInput({
  members: [...householdInput().members, { relationship: 'son', givenName: 'مصطفى', sex: 'm', birthDate: '2009' }], ...over,
});

async function register(clerk: Client, body: Record<string, unknown>) {
  const res = await clerk.post('/api/households', body);
  expect(res.status).toBe(201);
  return res.body;
}

describe('registry figures', () => {
  it('count a registration at once, by governorate and by district, families and people', async () => {
    const { client } = await makeUser(server);
    const delta = await change('IQG09', '', () => register(client, three({ current: { pcode: 'IQG09Q04', siteId: null, address: null } })));
    expect(delta).toEqual({ families: 1, individuals: 3, returneeFamilies: 0, returnees: 0 });
    const district = await figuresOf('IQG09Q04');
    expect(district.families).toBeGreaterThanOrEqual(1);
    const res = (await coordinator.get('/api/figures/displacement?level=2')).body;
    expect(res.rows.find((r: Row & { name: string; nameAr: string }) => r.pcode === 'IQG09Q04')).toMatchObject({ name: 'Zakho', nameAr: 'زاخو', nameCkb: 'زاخۆ', estimated: false });
    expect(res.totals.families).toBe(res.rows.reduce((n: number, r: Row) => n + r.families, 0));
    expect(res).toMatchObject({ source: 'registry', level: 2, round: null });
  });

  it('count a family where its timeline had it on the day asked, whenever the movement was reported', async () => {
    const { client } = await makeUser(server);
    const h = await register(client, three({ registeredOn: '2015-01-10', current: { pcode: 'IQG06Q01', siteId: null, address: null } }));
    expect((await figuresOf('IQG06', '&date=2015-01-09')).families).toBe(0);
    expect(await figuresOf('IQG06', '&date=2015-01-10')).toMatchObject({ families: 1, individuals: 3 });
    // The month of March 2016 is built now; a movement reported later must still move it.
    expect((await figuresOf('IQG06', '&date=2016-03-20')).families).toBe(1);
    const moved = await client.post(`/api/households/${h.id}/movements`, { type: 'secondary_displacement', to: { pcode: 'IQG10Q01' }, shelter: 'rented_house', date: '2016-02-14' });
    expect(moved.status).toBe(201);
    expect((await figuresOf('IQG06', '&date=2016-03-20')).families).toBe(0);
    expect(await figuresOf('IQG10', '&date=2016-03-20')).toMatchObject({ families: 1, individuals: 3 });
    expect((await figuresOf('IQG06', '&date=2016-02-13')).families).toBe(1);
    expect((await figuresOf('IQG10', '&date=2016-02-14')).families).toBe(1);
    const home = await client.post(`/api/households/${h.id}/movements`, { type: 'return', to: { pcode: 'IQG15Q05' }, date: '2017-11-02' });
    expect(await figuresOf('IQG15', '&date=2017-12-01')).toMatchObject({ returneeFamilies: 1, returnees: 3 });
    expect((await figuresOf('IQG10', '&date=2017-12-01')).families).toBe(0);
    await client.post(`/api/households/${h.id}/movements/${home.body.movement.id}/withdraw`, { reason: 'wrong family' });
    expect((await figuresOf('IQG15', '&date=2017-12-01')).returneeFamilies).toBe(0);
    expect((await figuresOf('IQG10', '&date=2017-12-01')).families).toBe(1);
  });

  it('count families gone abroad apart from any area', async () => {
    const { client } = await makeUser(server);
    const h = await register(client, householdInput({ registeredOn: '2015-05-01', current: { pcode: 'IQG07Q01', siteId: null, address: null } }));
    const before = (await coordinator.get('/api/figures/displacement')).body.totals.abroadFamilies;
    const delta = await change('IQG07', '', () => client.post(`/api/households/${h.id}/movements`, { type: 'departure_abroad', to: { place: 'Turkey' }, date: '2016' }));
    expect(delta.families).toBe(-1);
    expect((await coordinator.get('/api/figures/displacement')).body.totals.abroadFamilies).toBe(before + 1);
  });

  it('count a family registered by both ministries once after the merge, twice again after its undo', async () => {
    const f = family('0770 888 0101', [
      ['head', 'yasir tariq abbas zubaidi', 'm', '1969'], ['spouse', 'huda ziyad karim ani', 'f', '1972'], ['son', 'haidar yasir tariq zubaidi', 'm', '1996'],
    ]);
    const momd = await makeUser(server, { org: 'MOMD' });
    const bmd = await makeUser(server, { org: 'BMD' });
    const reviewer = await makeUser(server, { org: 'MOMD', role: 'data_manager' });
    const at = { current: { pcode: 'IQG18Q01', siteId: null, address: null } };
    const twice = await change('IQG18', '', async () => {
      await register(momd.client, written(f, 'ar', at));
      await register(bmd.client, written(f, 'ckb', at));
    });
    expect(twice).toMatchObject({ families: 2, individuals: 6 });
    const pairs = (await reviewer.client.get('/api/dedup/pairs?status=open&pageSize=100')).body.items;
    const pair = pairs.find((p: { a: { current: { pcode: string } } }) => p.a.current.pcode === 'IQG18Q01');
    let mergeId = '';
    const merged = await change('IQG18', '', async () => {
      const decided = await reviewer.client.post(`/api/dedup/pairs/${pair.id}/decision`, { decision: 'same', note: 'same family' });
      expect(decided.status).toBe(200);
      mergeId = decided.body.merge.id;
    });
    expect(merged).toMatchObject({ families: -1, individuals: -3 });
    const undone = await change('IQG18', '', () => reviewer.client.post(`/api/dedup/merges/${mergeId}/undo`));
    expect(undone).toMatchObject({ families: 1, individuals: 3 });
  });

  it('filter by wave and shelter type, and tell where the displaced come from', async () => {
    const { client } = await makeUser(server);
    const august = { displacedOn: '2014-08-03', shelter: 'camp', origin: { pcode: 'IQG15Q07', place: 'Sinjar' }, current: { pcode: 'IQG09Q01', siteId: null, address: null } };
    const delta = await change('IQG09', '&wave=august_2014&shelter=camp', () => register(client, three(august)));
    expect(delta).toMatchObject({ families: 1, individuals: 3 });
    expect(await change('IQG09', '&wave=june_july_2014', () => register(client, three(august)))).toMatchObject({ families: 0 });
    const origins = (await coordinator.get('/api/figures/origins?wave=august_2014')).body;
    expect(origins.items.find((o: { origin: string; current: string }) => o.origin === 'IQG15' && o.current === 'IQG09')).toMatchObject({ families: 2, individuals: 6 });
    const before2014 = await change('IQG09', '', () => register(client, three({ ...august, displacedOn: '2012-05' })));
    expect(before2014.families).toBe(0);
  });

  it('follow a change of the configured waves once rebuilt', async () => {
    const { client } = await makeUser(server);
    const body = three({ displacedOn: '2016-03-10', registeredOn: '2016-04-01', current: { pcode: 'IQG17Q01', siteId: null, address: null } });
    expect(await change('IQG17', '&wave=post_march_2016&date=2016-06-01', () => register(client, body))).toMatchObject({ families: 1 });
    await server.ctx.db.kysely.updateTable('displacement_waves').set({ starts_on: '2016-03-15' }).where('code', '=', 'post_march_2016').execute();
    await server.ctx.db.kysely.updateTable('displacement_waves').set({ ends_on: '2016-03-14' }).where('code', '=', 'post_april_2015').execute();
    const rebuilt = await change('IQG17', '&wave=post_april_2015&date=2016-06-01', () => rebuildTimelines(server.ctx));
    expect(rebuilt).toMatchObject({ families: 1 });
    expect((await figuresOf('IQG17', '&wave=post_march_2016&date=2016-06-01')).families).toBe(0);
  });

  it('give trends month by month and the figures as HXL-tagged CSV', async () => {
    const { client } = await makeUser(server);
    await register(client, three({ registeredOn: '2015-06-15', current: { pcode: 'IQG12Q01', siteId: null, address: null } }));
    const trends = (await coordinator.get('/api/figures/trends?area=IQG12&from=2015-04-01&to=2015-08-31')).body;
    expect(trends.points.map((p: { date: string; families: number }) => [p.date, p.families])).toEqual([
      ['2015-04-30', 0], ['2015-05-31', 0], ['2015-06-30', 1], ['2015-07-31', 1], ['2015-08-31', 1],
    ]);
    const district = (await coordinator.get('/api/figures/trends?area=IQG12Q01&from=2015-04-01&to=2015-08-31')).body;
    expect(district.points.map((p: { families: number; individuals: number }) => [p.families, p.individuals])).toEqual([[0, 0], [0, 0], [1, 3], [1, 3], [1, 3]]);
    const csv = await coordinator.get('/api/figures/displacement?level=1&format=csv');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const [names, tags, ...rows] = (csv.body as string).trim().split('\n');
    expect(names).toBe('pcode,name,name_ar,idp_families,idp_individuals,returnee_families,returnee_individuals,estimated,date,source');
    expect(tags).toBe('#adm1+code,#adm1+name,#adm1+name+i_ar,#affected+idps+hh,#affected+idps+ind,#affected+returnees+hh,#affected+returnees+ind,#meta+estimated,#date+reported,#meta+source');
    expect(rows.find((r) => r.startsWith('IQG12,'))).toMatch(/^IQG12,Kerbala,كربلاء,\d+,\d+,\d+,\d+,no,\d{4}-\d{2}-\d{2},registry$/);
  });

  it('refuse bad questions in the asker\'s language and are closed to roles without figures', async () => {
    coordinator.language = 'ckb';
    const bad = await coordinator.get('/api/figures/displacement?level=3&date=2999-01-01&source=rumour');
    coordinator.language = 'en';
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['date', 'level', 'source']);
    expect(bad.body.errors.find((e: { path: string }) => e.path === 'date').message).toBe('ئەم بەروارە لە داهاتوودایە.');
    await server.ctx.db.kysely.insertInto('roles').values({ code: 'clerk_only', name_en: 'Clerk', name_ar: 'كاتب', name_ckb: 'نووسەر', permissions: ['households.read'] }).execute();
    const clerk = await makeUser(server, { role: 'clerk_only' });
    expect((await clerk.client.get('/api/figures/displacement')).status).toBe(403);
    expect((await clerk.client.get('/api/figures/trends')).status).toBe(403);
  });
});
