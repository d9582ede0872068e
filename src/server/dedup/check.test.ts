import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { makeUser, newId } from '../../../test/factories.ts';
import { insertOrganization } from '../identity/users-store.ts';
import { family, written } from './families.fixture.ts';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

const candidateIds = (res: { body: { candidates: { householdId: string }[] } }) => res.body.candidates.map((c) => c.householdId);

describe('the duplicate check at the desk', () => {
  const jubouri = family('0750 111 0001', [
    ['head', 'mohammed hussein ali jubouri', 'm', '1975'],
    ['spouse', 'fatima mahmoud hameed obaidi', 'f', '1980-03'],
    ['son', 'ali mohammed hussein jubouri', 'm', '2005'],
  ]);

  it('shows a family registered by MoMD in Arabic to BMD typing it in Kurdish, with the member pairs and their reasons', async () => {
    const momd = await makeUser(server, { org: 'MOMD' });
    const bmd = await makeUser(server, { org: 'BMD' });
    const registered = (await momd.client.post('/api/households', written(jubouri, 'ar'))).body;
    const res = await bmd.client.post('/api/dedup/check', written(jubouri, 'ckb', { displacedOn: '2015' }));
    expect(res.status).toBe(200);
    expect(res.body.indexReady).toBe(true);
    const candidate = res.body.candidates.find((c: { householdId: string }) => c.householdId === registered.id);
    expect(candidate).toMatchObject({ registrationNumber: registered.registrationNumber, registry: 'MOMD', band: 'likely', reason: 'head', size: 3 });
    expect(candidate.members.map((m: { matchedWith: number }) => m.matchedWith).sort()).toEqual([0, 1, 2]);
    const head = candidate.members.find((m: { matchedWith: number }) => m.matchedWith === 0);
    expect(head.individualId).toBe(registered.members[0].id);
    expect(head.person).toMatchObject({ givenName: 'محمد', familyName: 'الجبوري', sex: 'm', birthDate: '1975' });
    expect(head.fields.phone.level).toBe('exact');
    expect(head.fields.given).toEqual({ level: expect.any(String), weight: expect.any(Number) });
    expect(candidate.origin.pcode).toBe('IQG15Q05');
    const latin = await bmd.client.post('/api/dedup/check', written(jubouri, 'lat', { phone: null }));
    expect(candidateIds(latin)).toContain(registered.id);
  });

  it('checks as soon as the head\'s names and birth year are typed', async () => {
    const momd = await makeUser(server, { org: 'MOMD' });
    const bmd = await makeUser(server, { org: 'BMD' });
    const mashhadani = family('0750 111 0006', [['head', 'waleed sami majeed mashhadani', 'm', '1979'], ['spouse', 'iman saad saad tai', 'f', '1982']]);
    const registered = (await momd.client.post('/api/households', written(mashhadani, 'ar'))).body;
    const typed = { members: [{ relationship: 'head', givenName: 'وەلید', fatherName: 'سامی', grandfatherName: 'مەجید', birthDate: '1979' }] };
    const res = await bmd.client.post('/api/dedup/check', typed);
    expect(res.status).toBe(200);
    expect(candidateIds(res)).toContain(registered.id);
  });

  it('does not propose a different family, and saves nothing', async () => {
    const momd = await makeUser(server, { org: 'MOMD' });
    const dulaimi = family('0750 111 0002', [['head', 'mahmoud hassan omar dulaimi', 'm', '1962'], ['spouse', 'khadija saad qasim rawi', 'f', '1966']]);
    const registered = (await momd.client.post('/api/households', written(dulaimi, 'ar'))).body;
    const other = family('0750 111 0003', [['head', 'khalid ibrahim yousif kubaisi', 'm', '1969'], ['spouse', 'zainab karim ibrahim tamimi', 'f', '1972']]);
    const before = (await momd.client.get('/api/households?pageSize=1')).body.total;
    const res = await momd.client.post('/api/dedup/check', written(other, 'ar'));
    expect(res.status).toBe(200);
    expect(candidateIds(res)).not.toContain(registered.id);
    expect((await momd.client.get('/api/households?pageSize=1')).body.total).toBe(before);
  });

  it('records who checked and which candidates were shown', async () => {
    const momd = await makeUser(server, { org: 'MOMD' });
    const bmd = await makeUser(server, { org: 'BMD' });
    const rawi = family('0750 111 0004', [['head', 'haidar kadhim raad rawi', 'm', '1959'], ['spouse', 'amal sabah mahdi janabi', 'f', '1961']]);
    const registered = (await momd.client.post('/api/households', written(rawi, 'ar'))).body;
    await bmd.client.post('/api/dedup/check', written(rawi, 'ckb'));
    const rows = await server.ctx.db.kysely.selectFrom('audit_log').select(['actor_id', 'details']).where('action', '=', 'dedup.check').execute();
    const mine = rows.filter((r) => r.actor_id === bmd.user.id);
    expect(JSON.stringify(mine.map((r) => r.details))).toContain(registered.id);
  });

  it('needs the dedup.check permission', async () => {
    const viewer = await makeUser(server, { role: 'viewer' });
    const res = await viewer.client.post('/api/dedup/check', written(family('0750 111 0005', [['head', 'ali hassan omar ani', 'm', '1990']]), 'ar'));
    expect(res.status).toBe(403);
  });

  it('answers bad bodies field by field, like a registration', async () => {
    const clerk = await makeUser(server);
    const res = await clerk.client.post('/api/dedup/check', { members: [{ relationship: 'head', givenName: '', sex: 'x' }] });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['members.0.givenName', 'members.0.sex']));
  });
});

describe('registering a household', () => {
  it('returns its possible duplicates and queues the pair, with the reason for registering anyway', async () => {
    const momd = await makeUser(server, { org: 'MOMD' });
    const bmd = await makeUser(server, { org: 'BMD' });
    const kubaisi = family('0751 222 0001', [
      ['head', 'khalid ibrahim yousif kubaisi', 'm', '1968'], ['spouse', 'zainab karim salih tamimi', 'f', '1971'],
      ['daughter', 'maryam khalid ibrahim kubaisi', 'f', '1999'],
    ]);
    const first = (await momd.client.post('/api/households', written(kubaisi, 'ar'))).body;
    expect(first.possibleDuplicates).toEqual([]);
    const second = await bmd.client.post('/api/households', written(kubaisi, 'ckb', { duplicateReason: 'Family says the MoMD card was lost' }));
    expect(second.status).toBe(201);
    expect(second.body.possibleDuplicates.map((c: { householdId: string }) => c.householdId)).toContain(first.id);
    const pair = await server.ctx.db.kysely.selectFrom('dedup_pairs').selectAll()
      .where((eb) => eb.or([eb('household_a', '=', first.id), eb('household_b', '=', first.id)])).executeTakeFirstOrThrow();
    expect(pair).toMatchObject({ status: 'open', source: 'registration', band: 'likely', duplicate_reason: 'Family says the MoMD card was lost' });
    expect([pair.household_a, pair.household_b].sort()).toEqual([first.id, second.body.id].sort());
  });

  it('replays the first response, duplicates included, for a repeated Idempotency-Key', async () => {
    const momd = await makeUser(server, { org: 'MOMD' });
    const bmd = await makeUser(server, { org: 'BMD' });
    const zubaidi = family('0751 222 0002', [['head', 'yasir tariq abbas zubaidi', 'm', '1981'], ['spouse', 'huda ziyad adil ani', 'f', '1984']]);
    const original = (await momd.client.post('/api/households', written(zubaidi, 'ar'))).body;
    const key = `dedup-${newId()}`;
    const body = written(zubaidi, 'ckb');
    const a = await bmd.client.post('/api/households', body, { 'idempotency-key': key });
    const b = await bmd.client.post('/api/households', body, { 'idempotency-key': key });
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(b.body).toEqual(a.body);
    expect(a.body.possibleDuplicates.map((c: { householdId: string }) => c.householdId)).toContain(original.id);
  });
});

describe('what a check reaches', () => {
  it('keeps MoMD and BMD out of a partner\'s check until sharing is granted', async () => {
    await insertOrganization(server.ctx.db.kysely, uuidv7(), { code: 'NGOX', name: 'Partner NGO', kind: 'ngo' });
    const momd = await makeUser(server, { org: 'MOMD' });
    const partner = await makeUser(server, { org: 'NGOX' });
    const khafaji = family('0752 333 0001', [['head', 'haidar kadhim raad khafaji', 'm', '1970'], ['spouse', 'layla jamal akram janabi', 'f', '1973']]);
    const registered = (await momd.client.post('/api/households', written(khafaji, 'ar'))).body;
    const before = await partner.client.post('/api/dedup/check', written(khafaji, 'lat'));
    expect(before.status).toBe(200);
    expect(before.body.candidates.filter((c: { registry: string }) => c.registry !== 'NGOX')).toEqual([]);
    const registeredByPartner = await partner.client.post('/api/households', written(khafaji, 'lat'));
    expect(registeredByPartner.body.possibleDuplicates).toEqual([]);
    await server.ctx.db.kysely.insertInto('dedup_sharing').values({ organization_code: 'NGOX', registry_code: 'MOMD' }).execute();
    const after = await partner.client.post('/api/dedup/check', written(khafaji, 'lat'));
    expect(candidateIds(after)).toContain(registered.id);
  });

  it('never shows sensitive needs, documents or phones in candidates, pairs or the audit', async () => {
    await server.ctx.db.kysely.insertInto('roles').values({
      code: 'protection_clerk', name_en: 'Protection clerk', name_ar: 'موظف حماية', name_ckb: 'فەرمانبەری پاراستن',
      permissions: ['households.read', 'households.write', 'protection.read', 'protection.write', 'dedup.check'],
    }).execute();
    const protection = await makeUser(server, { org: 'MOMD', role: 'protection_clerk' });
    const bmd = await makeUser(server, { org: 'BMD' });
    const reviewer = await makeUser(server, { org: 'BMD', role: 'data_manager' });
    const azzawi = family('0752 333 0002', [['head', 'ismail faisal jalal azzawi', 'm', '1957'], ['spouse', 'suad waleed sami mashhadani', 'f', '1960']]);
    const body: any = written(azzawi, 'ar');
    body.members[0] = { ...body.members[0], specificNeeds: ['SM', 'TR'], documents: [{ type: 'national_id', number: 'NID-998877' }] };
    const registered = await protection.client.post('/api/households', body);
    expect(registered.status).toBe(201);
    const check = await bmd.client.post('/api/households', written(azzawi, 'ckb'));
    expect(check.body.possibleDuplicates.map((c: { householdId: string }) => c.householdId)).toContain(registered.body.id);
    const pairs = await reviewer.client.get('/api/dedup/pairs?registry=BMD&pageSize=100');
    const audits = await server.ctx.db.kysely.selectFrom('audit_log').select('details').where('action', 'like', 'dedup.%').execute();
    for (const text of [JSON.stringify(check.body.possibleDuplicates), JSON.stringify(pairs.body), JSON.stringify(audits)]) {
      expect(text).not.toMatch(/"TR"|specificNeeds|998877|7523330002|sensitive/);
    }
  });
});

describe('the index follows the registry', () => {
  it('no longer matches a head once renamed, and matches the new name', async () => {
    const momd = await makeUser(server, { org: 'MOMD' });
    const bmd = await makeUser(server, { org: 'BMD' });
    const before = family('0753 444 0001', [['head', 'salman fadhil tariq bayati', 'm', '1949']]);
    const after = family('0753 444 0001', [['head', 'younis fadhil tariq bayati', 'm', '1949']]);
    const created = (await momd.client.post('/api/households', written(before, 'ar'))).body;
    expect(candidateIds(await bmd.client.post('/api/dedup/check', written(before, 'ckb')))).toContain(created.id);
    const renamed = { ...written(after, 'ar'), version: 1, members: [{ ...written(after, 'ar').members[0], id: created.members[0].id }] };
    expect((await momd.client.patch(`/api/households/${created.id}`, renamed)).status).toBe(200);
    expect(candidateIds(await bmd.client.post('/api/dedup/check', written(before, 'ckb')))).not.toContain(created.id);
    expect(candidateIds(await bmd.client.post('/api/dedup/check', written(after, 'ckb')))).toContain(created.id);
  });

  it('is built from the database at start', async () => {
    const { startDedupRuntime } = await import('./runtime.ts');
    const momd = await makeUser(server, { org: 'MOMD' });
    const shammari = family('0753 444 0002', [['head', 'saeed khalil adil shammari', 'm', '1963'], ['spouse', 'nadia salih mahdi hamdani', 'f', '1965']]);
    const created = (await momd.client.post('/api/households', written(shammari, 'ar'))).body;
    const rebuilt = startDedupRuntime({ ...server.ctx });
    await rebuilt.built;
    expect(rebuilt.index.ready).toBe(true);
    expect(rebuilt.index.household(created.id)?.members).toHaveLength(2);
  });
});
