import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translateError } from '#domain/i18n/errors';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { makeUser } from '../../../test/factories.ts';
import type { Client } from '../../../test/client.ts';
import {
  approve, entitlementsOf, family, issued, newPoint, newProgramme, newRound, newSite, organisation, register, type Org,
} from './assistance.fixture.ts';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

/**
 * Previews a draft with these rules (and formula) as unsaved edits, then saves them and previews
 * the stored draft: both previews say the same.
 */
async function previewWith(o: Org, roundId: string, change: Record<string, unknown>) {
  const unsaved = await o.maker.client.post(`/api/distribution-rounds/${roundId}/preview`, change);
  expect(unsaved.status, JSON.stringify(unsaved.body)).toBe(200);
  const round = (await o.maker.client.get(`/api/distribution-rounds/${roundId}`)).body;
  const patched = await o.maker.client.patch(`/api/distribution-rounds/${roundId}`, { version: round.version, ...change });
  expect(patched.status, JSON.stringify(patched.body)).toBe(200);
  const res = await o.maker.client.post(`/api/distribution-rounds/${roundId}/preview`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body).toEqual(unsaved.body);
  return res.body;
}
const count = async (o: Org, roundId: string, rules: Record<string, unknown>) => (await previewWith(o, roundId, { rules })).households;

const BANDS = { parts: [{ per: 'band', bands: [
  { from: 1, to: 3, lines: [{ code: 'blanket', quantity: 2 }] },
  { from: 4, to: 6, lines: [{ code: 'blanket', quantity: 4 }] },
  { from: 7, lines: [{ code: 'blanket', quantity: 6 }, { code: 'winter_kit', quantity: 1 }] },
] }] };

describe('targeting', () => {
  it('takes household sizes at the edges of a range and of the formula\'s bands, a need on any member, never a sensitive need', async () => {
    const o = await organisation(server);
    for (const size of [3, 4, 6, 7]) await register(o.clerk.client, { size });
    await register(o.clerk.client, { members: [{}, {}, { needs: ['DS'] }, {}, {}] });
    // Only a protection role records a sensitive need (it is sealed): a role of this test's own.
    await server.ctx.db.kysely.insertInto('roles').values({ code: 'protection_clerk', name_en: 'x', name_ar: 'x', name_ckb: 'x',
      permissions: ['households.read', 'households.write', 'protection.read', 'protection.write'] }).onConflict((oc) => oc.column('code').doNothing()).execute();
    await register((await o.user('protection_clerk')).client, { members: [{}, { needs: ['SV'] }, {}, {}, {}] });
    const p = await newProgramme(o.maker.client);
    const round = await newRound(o.maker.client, p.id, { formula: BANDS });
    expect(await count(o, round.id, { size: { min: 4, max: 6 } })).toBe(4);
    expect(await count(o, round.id, { size: { min: 7 } })).toBe(1);
    expect(await count(o, round.id, { needs: ['DS', 'SM'] })).toBe(1);
    o.maker.client.language = 'ar';
    const sensitive = await o.maker.client.patch(`/api/distribution-rounds/${round.id}`, { version: 6, rules: { needs: ['SV'] } });
    expect(sensitive.status).toBe(422);
    expect(sensitive.body.errors).toEqual([{ path: 'rules.needs.0', code: 'targeting.sensitive_need', message: translateError('ar', 'targeting.sensitive_need') }]);

    await server.ctx.db.kysely.insertInto('vulnerability_weights').values({ criterion: 'need:SV', weight: 50, name_en: 'x', name_ar: 'x', name_ckb: 'x' }).execute();
    expect(await count(o, round.id, { minScore: 50 })).toBe(0);

    const all = await previewWith(o, round.id, { rules: {} });
    expect(all).toMatchObject({ households: 6, people: 3 + 4 + 6 + 7 + 5 + 5, notEntitled: 0 });
    expect(all.lines).toEqual([
      { code: 'blanket', quantity: 2 + 4 + 4 + 6 + 4 + 4, kind: 'item', unit: 'piece' },
      { code: 'winter_kit', quantity: 1, kind: 'kit', unit: 'kit' },
    ]);
    expect(all.stock).toEqual(expect.arrayContaining([{ code: 'blanket', quantity: 24 + 4 }, { code: 'mattress', quantity: 2 }]));
    const approved = await approve(o, round.id);
    await o.maker.client.post(`/api/distribution-rounds/${round.id}/issue`, { version: approved.version });
    const made = await entitlementsOf(o.maker.client, round.id);
    expect(made).toHaveLength(all.households);
    expect(made.reduce((s, e) => s + e.people, 0)).toBe(all.people);
    const bySize = Object.fromEntries(made.map((e) => [e.people, e.contents]));
    expect(bySize[3]).toEqual([{ code: 'blanket', quantity: 2 }]);
    expect(bySize[4]).toEqual([{ code: 'blanket', quantity: 4 }]);
    expect(bySize[6]).toEqual([{ code: 'blanket', quantity: 4 }]);
    expect(bySize[7]).toEqual([{ code: 'blanket', quantity: 6 }, { code: 'winter_kit', quantity: 1 }]);
  });

  it('tells returned from displaced, matches a shelter category, and the date of the current status', async () => {
    const o = await organisation(server);
    await register(o.clerk.client, { displacedOn: '2014-06', shelter: 'host_family' });
    await register(o.clerk.client, { displacedOn: '2015-03', shelter: 'school' });
    // Registered in 2015: the return of 2016 happened after it, so it moves the family home.
    const home = await register(o.clerk.client, { displacedOn: '2014-08' }, { registeredOn: '2015-01-10' });
    const moved = await o.clerk.client.post(`/api/households/${home.id}/movements`, { type: 'return', to: { pcode: 'IQG15Q05' }, date: '2016-05' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(201);
    const p = await newProgramme(o.maker.client, { areas: [] });
    const round = await newRound(o.maker.client, p.id);
    expect(await count(o, round.id, {})).toBe(3);
    expect(await count(o, round.id, { statuses: ['returned'] })).toBe(1);
    expect(await count(o, round.id, { statuses: ['displaced'] })).toBe(2);
    expect(await count(o, round.id, { shelterCategories: ['critical'] })).toBe(1);
    expect(await count(o, round.id, { shelterTypes: ['host_family'], shelterCategories: ['critical'], statuses: ['displaced'] })).toBe(2);
    expect(await count(o, round.id, { since: { from: '2015-01-01' } })).toBe(2);
    expect(await count(o, round.id, { since: { to: '2014-06-01' } })).toBe(1);
    expect(await count(o, round.id, { since: { from: '2014-06-02', to: '2015-12-31' }, statuses: ['displaced'] })).toBe(1);
  });

  it('matches area prefixes or sites inside the programme\'s areas, and counts them by governorate and district', async () => {
    const o = await organisation(server);
    const site = await newSite(server, 'IQG11Q01');
    await register(o.clerk.client, { pcode: 'IQG11Q01', siteId: site, shelter: 'camp' });
    await register(o.clerk.client, { pcode: 'IQG11Q01' });
    await register(o.clerk.client, { pcode: 'IQG11Q04' });
    await register(o.clerk.client, { pcode: 'IQG09Q01', size: 2 });
    await register(o.clerk.client, { pcode: 'IQG15Q05' });
    const p = await newProgramme(o.maker.client);
    const round = await newRound(o.maker.client, p.id);
    const all = await previewWith(o, round.id, { rules: {} });
    expect(all.households).toBe(4);
    expect(all.governorates).toEqual([
      { pcode: 'IQG09', name: 'Duhok', nameAr: expect.any(String), nameCkb: expect.any(String), households: 1, people: 2,
        districts: [expect.objectContaining({ pcode: 'IQG09Q01', households: 1, people: 2 })] },
      expect.objectContaining({ pcode: 'IQG11', households: 3, people: 12, districts: [
        expect.objectContaining({ pcode: 'IQG11Q01', households: 2 }), expect.objectContaining({ pcode: 'IQG11Q04', households: 1 })] }),
    ]);
    expect(await count(o, round.id, { areas: ['IQG11Q04'] })).toBe(1);
    expect(await count(o, round.id, { sites: [site] })).toBe(1);
    expect(await count(o, round.id, { areas: ['IQG09'], sites: [site] })).toBe(2);
  });

  it('ranks by the vulnerability score and keeps each household\'s score on its entitlement', async () => {
    const o = await organisation(server);
    await register(o.clerk.client, { members: [{ sex: 'f' }, {}, {}, {}, {}, {}, {}] });
    await register(o.clerk.client, { shelter: 'school', members: [{}, {}, { needs: ['SM'] }] });
    await register(o.clerk.client, { members: [{ birth: '1950' }, {}] });
    await register(o.clerk.client, { members: [{ birth: '1955' }, {}] });
    const p = await newProgramme(o.maker.client);
    expect(await count(o, (await newRound(o.maker.client, p.id)).id, { minScore: 5 })).toBe(1);
    const result = await issued(o, p.id, { rules: { minScore: 2 } });
    expect(result.created).toBe(3);
    const scores = (await entitlementsOf(o.maker.client, result.round.id)).map((e) => e.score).sort();
    expect(scores).toEqual([2, 4, 6]);
  });

  it('assigns households to the round\'s point at their site, else the most precise point of their area, else any point', async () => {
    const o = await organisation(server);
    const site = await newSite(server, 'IQG11Q01');
    const camp = await register(o.clerk.client, { pcode: 'IQG11Q01', siteId: site, shelter: 'camp' });
    const town = await register(o.clerk.client, { pcode: 'IQG11Q01' });
    const other = await register(o.clerk.client, { pcode: 'IQG11Q04' });
    const far = await register(o.clerk.client, { pcode: 'IQG09Q01' });
    const [atCamp, district, governorate] = [await newPoint(server, o, { pcode: 'IQG11Q01', siteId: site }), await newPoint(server, o, { pcode: 'IQG11Q01' }), await newPoint(server, o, { pcode: 'IQG11' })];
    const p = await newProgramme(o.maker.client);
    const result = await issued(o, p.id, { pointIds: [atCamp, district, governorate] });
    const point = Object.fromEntries((await entitlementsOf(o.maker.client, result.round.id)).map((e) => [e.household.id, e.point?.id ?? null]));
    expect(point).toEqual({ [camp.id]: atCamp, [town.id]: district, [other.id]: governorate, [far.id]: null });
    const anyPoint = await entitlementsOf(o.maker.client, result.round.id, '&point=none');
    expect(anyPoint.map((e) => e.household.id)).toEqual([far.id]);
    expect((await entitlementsOf(o.maker.client, result.round.id, '&area=IQG11Q01')).length).toBe(2);
  });
});

/** Finds the open pair of a household and decides it, as a reviewer of the organisation. */
async function decide(reviewer: Client, householdId: string, decision: 'same' | 'different') {
  const pairs = (await reviewer.get('/api/dedup/pairs?status=open&pageSize=100')).body.items;
  const pair = pairs.find((x: { a: { id: string }; b: { id: string } }) => x.a.id === householdId || x.b.id === householdId);
  expect(pair, 'an open pair').toBeTruthy();
  const res = await reviewer.post(`/api/dedup/pairs/${pair.id}/decision`, { decision });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

describe('exclusions', () => {
  it('leaves out households already served in the period by a programme of the same sector, unless switched off', async () => {
    const o = await organisation(server);
    await register(o.clerk.client, { size: 2 });
    await register(o.clerk.client, { size: 4 });
    await register(o.clerk.client, { size: 5 });
    const first = await newProgramme(o.maker.client);
    expect((await issued(o, first.id, { rules: { size: { max: 2 } } })).created).toBe(1);
    const second = await newProgramme(o.maker.client);
    const overlapping = await newRound(o.maker.client, second.id, { startsOn: '2014-11-20', endsOn: '2014-12-15' });
    const preview = (await o.maker.client.post(`/api/distribution-rounds/${overlapping.id}/preview`)).body;
    expect(preview).toMatchObject({ households: 2, excluded: { servedInSector: 1, openDuplicates: 0 } });
    expect(await count(o, overlapping.id, { exclude: { servedInSector: false } })).toBe(3);
    const later = await newRound(o.maker.client, second.id, { startsOn: '2015-01-01', endsOn: '2015-01-31' });
    expect((await o.maker.client.post(`/api/distribution-rounds/${later.id}/preview`)).body.households).toBe(3);
    const health = await newProgramme(o.maker.client, { sector: 'health' });
    const kits = await newRound(o.maker.client, health.id, { formula: { parts: [{ per: 'household', lines: [{ code: 'hygiene_kit', quantity: 1 }] }] } });
    expect((await o.maker.client.post(`/api/distribution-rounds/${kits.id}/preview`)).body.households).toBe(3);
  });

  it('leaves out households with an open duplicate pair until it is decided, and merged records always', async () => {
    const o = await organisation(server);
    const reviewer = await o.user('data_manager');
    await register(o.clerk.client);
    const twice = family({ names: ['Kadirona', 'Mubarazo', 'Selivano', 'Tirabuke'] });
    const a = (await o.clerk.client.post('/api/households', twice)).body;
    const b = (await o.clerk.client.post('/api/households', twice)).body;
    expect(b.possibleDuplicates.map((c: { householdId: string }) => c.householdId)).toEqual([a.id]);
    const p = await newProgramme(o.maker.client);
    const round = await newRound(o.maker.client, p.id);
    const before = (await o.maker.client.post(`/api/distribution-rounds/${round.id}/preview`)).body;
    expect(before).toMatchObject({ households: 1, excluded: { openDuplicates: 2 } });
    expect(await count(o, round.id, { exclude: { openDuplicates: false } })).toBe(3);
    await decide(reviewer.client, a.id, 'same');
    const after = await previewWith(o, round.id, { rules: {} });
    expect(after).toMatchObject({ households: 2, excluded: { openDuplicates: 0 } });
    const approved = await approve(o, round.id);
    await o.maker.client.post(`/api/distribution-rounds/${round.id}/issue`, { version: approved.version });
    expect((await entitlementsOf(o.maker.client, round.id)).map((e) => e.household.id)).toContain(a.id);
    expect((await entitlementsOf(o.maker.client, round.id)).map((e) => e.household.id)).not.toContain(b.id);
  });

  it('targets the registry of the programme\'s organisation and the households merged into it, and sees who was served under either registration', async () => {
    const a = await organisation(server);
    const b = await organisation(server);
    const c = await organisation(server);
    await server.ctx.db.kysely.insertInto('dedup_sharing').values([
      { organization_code: a.code, registry_code: b.code }, { organization_code: b.code, registry_code: a.code },
    ]).execute();
    const twice = family({ names: ['Rosalumi', 'Benadoka', 'Fiteruso', 'Gwanemba'] });
    const ours = (await a.clerk.client.post('/api/households', twice)).body;
    const theirs = (await b.clerk.client.post('/api/households', twice)).body;
    expect(theirs.possibleDuplicates.map((x: { householdId: string }) => x.householdId)).toEqual([ours.id]);
    const bProgramme = await newProgramme(b.maker.client);
    const served = await issued(b, bProgramme.id, { rules: { exclude: { openDuplicates: false } } });
    expect(served.created).toBe(1);
    await decide((await a.user('data_manager')).client, ours.id, 'same');

    const bRound = await newRound(b.maker.client, bProgramme.id, { startsOn: '2015-02-01', endsOn: '2015-02-28' });
    const bPreview = (await b.maker.client.post(`/api/distribution-rounds/${bRound.id}/preview`)).body;
    expect(bPreview.households).toBe(1);
    const bApproved = await approve(b, bRound.id);
    await b.maker.client.post(`/api/distribution-rounds/${bRound.id}/issue`, { version: bApproved.version });
    expect((await entitlementsOf(b.maker.client, bRound.id)).map((e) => e.household.id)).toEqual([ours.id]);

    const aProgramme = await newProgramme(a.maker.client);
    const aRound = await newRound(a.maker.client, aProgramme.id);
    expect((await a.maker.client.post(`/api/distribution-rounds/${aRound.id}/preview`)).body).toMatchObject({ households: 0, excluded: { servedInSector: 1 } });
    const cProgramme = await newProgramme(c.maker.client);
    const cRound = await newRound(c.maker.client, cProgramme.id);
    expect((await c.maker.client.post(`/api/distribution-rounds/${cRound.id}/preview`)).body.households).toBe(0);
  });

  it('lets a registration officer without assistance.read see nothing of it', async () => {
    const o = await organisation(server);
    const p = await newProgramme(o.maker.client);
    const round = await newRound(o.maker.client, p.id);
    const clerk = await makeUser(server, { org: o.code, role: 'registration_officer' });
    expect((await clerk.client.post(`/api/distribution-rounds/${round.id}/preview`)).status).toBe(403);
  });
});
