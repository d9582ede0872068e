import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { parse } from 'csv-parse/sync';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { collected, entitlementsOf, issued, newPoint, newProgramme, organisation, register, type Org } from './assistance.fixture.ts';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

const zeroes = { femaleChildren: 0, femaleAdults: 0, femaleElderly: 0, maleChildren: 0, maleAdults: 0, maleElderly: 0, ageUnknown: 0 };

/**
 * Three families in Erbil (IQG11Q01) and one in Duhok: a shelter programme serves all four, a
 * health programme the first two; some collect at a point on 12 and 13 November 2014.
 */
async function distributed() {
  const o = await organisation(server);
  const young = await register(o.clerk.client, { members: [{ sex: 'm', birth: '1980' }, { sex: 'f', birth: '1982' }, { sex: 'f', birth: '2008' }, { sex: 'm', birth: '2010' }] });
  const elder = await register(o.clerk.client, { members: [{ sex: 'f', birth: '1950' }, { sex: 'm', birth: '1990', relationship: 'son' }] });
  const unknown = await register(o.clerk.client, { members: [{ sex: 'm', birth: null }, { sex: 'f', birth: '1985' }, { sex: 'm', birth: '2012' }] });
  const duhok = await register(o.clerk.client, { pcode: 'IQG09Q01', members: [{ sex: 'm', birth: '1970' }] });
  // The youngest of the third family is the same person as a child of the first (a link by dedup review): counted there only.
  const [child] = (await sql<{ id: string }>`select id from individuals where household_id = ${unknown.id} and birth_date = '2012'`.execute(server.ctx.db.kysely)).rows;
  const [other] = (await sql<{ id: string }>`select id from individuals where household_id = ${young.id} and birth_date = '2010'`.execute(server.ctx.db.kysely)).rows;
  await sql`update individuals set same_as = ${other.id} where id = ${child.id}`.execute(server.ctx.db.kysely);
  const point = await newPoint(server, o, { pcode: 'IQG11Q01' });
  const shelter = await newProgramme(o.maker.client, { name: 'Winter' });
  const health = await newProgramme(o.maker.client, { name: 'Hygiene', sector: 'health' });
  const a = await issued(o, shelter.id, { pointIds: [point] });
  const b = await issued(o, health.id, { rules: { size: { min: 2 } }, formula: { parts: [{ per: 'household', lines: [{ code: 'hygiene_kit', quantity: 1 }] }] } });
  const ofA = Object.fromEntries((await entitlementsOf(o.maker.client, a.round.id)).map((e) => [e.household.id, e]));
  const ofB = Object.fromEntries((await entitlementsOf(o.maker.client, b.round.id)).map((e) => [e.household.id, e]));
  await collected(server, ofA[young.id].id, point, '2014-11-12T09:30:00Z');
  await collected(server, ofA[elder.id].id, point, '2014-11-12T11:05:00Z');
  await collected(server, ofB[young.id].id, point, '2014-11-13T08:00:00Z');
  return { o, point, shelter, health, a, b, households: { young, elder, unknown, duhok } };
}

describe('assistance reports', () => {
  let d: Awaited<ReturnType<typeof distributed>>;
  beforeAll(async () => { d = await distributed(); });
  const get = async (o: Org, path: string) => {
    const res = await o.officer.client.get(path);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  it('count reached against targeted by governorate and district, each household and person once, by sex and age', async () => {
    const byGovernorate = await get(d.o, '/api/assistance/reports/reach?by=area&level=1');
    expect(byGovernorate.rows.map((r: { key: string }) => r.key)).toEqual(['IQG09', 'IQG11']);
    const erbil = byGovernorate.rows[1];
    expect(erbil.label).toMatchObject({ en: 'Erbil', ar: expect.any(String) });
    expect(erbil.targeted).toEqual({ households: 3, people: 4 + 2 + 2, ...zeroes, maleChildren: 1, femaleChildren: 1, maleAdults: 2, femaleAdults: 2, femaleElderly: 1, ageUnknown: 1 });
    expect(erbil.reached).toEqual({ households: 2, people: 6, ...zeroes, maleChildren: 1, femaleChildren: 1, maleAdults: 2, femaleAdults: 1, femaleElderly: 1 });
    expect(byGovernorate.totals.targeted).toMatchObject({ households: 4, people: 9 });
    expect(byGovernorate.totals.reached).toMatchObject({ households: 2, people: 6 });
    const byDistrict = await get(d.o, '/api/assistance/reports/reach?by=area&level=2&area=IQG11');
    expect(byDistrict.rows.map((r: { key: string; targeted: { households: number } }) => [r.key, r.targeted.households])).toEqual([['IQG11Q01', 3]]);
  });

  it('count by programme and by sector, and filter by period', async () => {
    const byProgramme = await get(d.o, '/api/assistance/reports/reach?by=programme');
    const shelter = byProgramme.rows.find((r: { key: string }) => r.key === d.shelter.id);
    expect(shelter.label.en).toBe(`${d.shelter.code}: Winter`);
    expect([shelter.targeted.households, shelter.reached.households]).toEqual([4, 2]);
    const health = byProgramme.rows.find((r: { key: string }) => r.key === d.health.id);
    expect([health.targeted.households, health.reached.households, health.reached.people]).toEqual([3, 1, 4]);
    const bySector = await get(d.o, '/api/assistance/reports/reach?by=sector');
    expect(bySector.rows.map((r: { key: string; targeted: { households: number }; reached: { households: number } }) => [r.key, r.targeted.households, r.reached.households]))
      .toEqual([['health', 3, 1], ['shelter_nfi', 4, 2]]);
    expect(bySector.rows[0].label.ar).toBe('الدعم الصحي');
    expect((await get(d.o, '/api/assistance/reports/reach?from=2015-01-01')).rows).toEqual([]);
  });

  it('give the distribution sheet of a point and day: who collected what, in order, with totals', async () => {
    const sheet = await get(d.o, `/api/assistance/reports/distribution-sheet?point=${d.point}&day=2014-11-12`);
    expect(sheet).toMatchObject({ day: '2014-11-12', households: 2, people: 6, totals: [{ code: 'food_parcel', quantity: 2 }] });
    expect(sheet.rows.map((r: { household: { registrationNumber: string } }) => r.household.registrationNumber))
      .toEqual([d.households.young.registrationNumber, d.households.elder.registrationNumber]);
    expect(sheet.rows[0]).toMatchObject({ redeemedAt: '2014-11-12T09:30:00.000Z', collectedBy: 'head', roundNumber: 1, programme: { code: d.shelter.code }, contents: [{ code: 'food_parcel', quantity: 1 }] });
    expect(sheet.rows[0].household.headName).toMatch(/\S+ \S+/);
    const next = await get(d.o, `/api/assistance/reports/distribution-sheet?point=${d.point}&day=2014-11-13`);
    expect(next.totals).toEqual([{ code: 'hygiene_kit', quantity: 1 }]);
    expect((await get(d.o, `/api/assistance/reports/distribution-sheet?point=${d.point}&day=2014-11-13&round=${d.a.round.id}`)).rows).toEqual([]);
  });

  it('export 3W/4W as HXL-tagged CSV, one row per programme, round and district', async () => {
    const res = await d.o.officer.client.get('/api/assistance/reports/3w');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parse(res.body as unknown as string, { bom: true }) as string[][];
    expect(rows[1]).toEqual(['#org+impl', '#sector', '#adm1+code', '#adm1+name', '#adm2+code', '#adm2+name', '#activity',
      '#targeted+hh', '#targeted+ind', '#reached+hh', '#reached+ind', '#date+start', '#date+end']);
    const winter = rows.slice(2).filter((r) => r[6].startsWith('Winter'));
    expect(winter).toEqual([
      [d.o.code, 'Shelter and non-food items', 'IQG09', 'Duhok', 'IQG09Q01', expect.any(String), 'Winter, round 1', '1', '1', '0', '0', '2014-11-01', '2014-11-30'],
      [d.o.code, 'Shelter and non-food items', 'IQG11', 'Erbil', 'IQG11Q01', expect.any(String), 'Winter, round 1', '3', '8', '2', '6', '2014-11-01', '2014-11-30'],
    ]);
    const json = await get(d.o, '/api/assistance/reports/3w?format=json');
    expect(json.rows).toHaveLength(3);
  });

  it('sum up programmes and sectors on the dashboard, with the redemption rate', async () => {
    const dash = await get(d.o, '/api/assistance/reports/dashboard');
    expect(dash.programmes.find((p: { id: string }) => p.id === d.shelter.id)).toMatchObject({
      rounds: 1, roundsIssued: 1, entitlements: 4, redeemed: 2, redemptionRate: 0.5,
      targeted: { households: 4, people: 9 }, reached: { households: 2, people: 6 },
    });
    expect(dash.sectors.find((s: { sector: string }) => s.sector === 'health')).toMatchObject({ programmes: 1, entitlements: 3, redeemed: 1, redemptionRate: 0.333 });
    expect(dash.totals).toMatchObject({ entitlements: 7, redeemed: 3, targeted: { households: 4 }, reached: { households: 2 } });
  });

  it('filter the dashboard by period and sector as the reach report, and name programmes in three languages', async () => {
    const health = await get(d.o, '/api/assistance/reports/dashboard?sector=health');
    expect(health.programmes.map((p: { id: string }) => p.id)).toEqual([d.health.id]);
    expect(health.sectors.map((s: { sector: string }) => s.sector)).toEqual(['health']);
    expect(health.totals).toMatchObject({ entitlements: 3, redeemed: 1, targeted: { households: 3 }, reached: { households: 1 } });
    const reach = await get(d.o, '/api/assistance/reports/reach?by=sector&sector=health');
    expect(health.totals.targeted).toEqual({ households: reach.totals.targeted.households, people: reach.totals.targeted.people });

    // Programmes whose dates overlap a later period are listed, without rounds there.
    const later = await get(d.o, '/api/assistance/reports/dashboard?from=2015-01-01&to=2015-06-30');
    expect(later.programmes.find((p: { id: string }) => p.id === d.shelter.id)).toMatchObject({ rounds: 0, roundsIssued: 0, entitlements: 0, targeted: { households: 0 } });
    expect(later.totals).toMatchObject({ entitlements: 0, redemptionRate: 0 });
    expect((await get(d.o, '/api/assistance/reports/dashboard?to=2014-08-31')).programmes).toEqual([]);
    const november = await get(d.o, '/api/assistance/reports/dashboard?from=2014-11-15&to=2014-11-20&sector=shelter_nfi');
    expect(november.programmes.find((p: { id: string }) => p.id === d.shelter.id)).toMatchObject({
      name: 'Winter', nameAr: 'الاستجابة الشتوية 2014', nameCkb: null, rounds: 1, roundsIssued: 1, entitlements: 4, redeemed: 2,
    });

    const bad = await d.o.officer.client.get('/api/assistance/reports/dashboard?from=2014-13-01&sector=Not a sector');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['from', 'sector']);
  });

  it('show another organisation nothing, and its point not at all', async () => {
    const partner = await organisation(server);
    expect((await get(partner, '/api/assistance/reports/reach')).rows).toEqual([]);
    expect((await get(partner, '/api/assistance/reports/dashboard')).programmes).toEqual([]);
    expect((await get(partner, '/api/assistance/reports/3w?format=json')).rows).toEqual([]);
    expect((await partner.officer.client.get(`/api/assistance/reports/distribution-sheet?point=${d.point}&day=2014-11-12`)).status).toBe(404);
    const bad = await partner.officer.client.get('/api/assistance/reports/reach?by=village&level=3');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['by', 'level']);
  });
});
