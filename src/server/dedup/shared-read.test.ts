import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { makeUser } from '../../../test/factories.ts';
import { insertOrganization } from '../identity/users-store.ts';
import { family, written } from './families.fixture.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  // A MoMD desk that records protection needs, and a BMD one that could read them in its own registry.
  await server.ctx.db.kysely.insertInto('roles').values([
    { code: 'protection_clerk', name_en: 'Protection clerk', name_ar: 'موظف حماية', name_ckb: 'فەرمانبەری پاراستن', permissions: ['households.read', 'households.write', 'protection.read', 'protection.write', 'dedup.check'] },
  ]).execute();
});
afterAll(async () => { await server?.close(); });

const jubouri = family('0750 666 0001', [['head', 'mohammed hussein ali jubouri', 'm', '1975'], ['spouse', 'fatima mahmoud hameed obaidi', 'f', '1980-03']]);

/** MoMD registers the family with a phone, notes, a document and a sensitive need, then edits its phone. */
async function registeredByMomd() {
  const momd = await makeUser(server, { org: 'MOMD', role: 'protection_clerk' });
  const body: any = written(jubouri, 'ar', { notes: 'Referred to the protection desk' });
  body.members[0] = { ...body.members[0], specificNeeds: ['SM', 'TR'], documents: [{ type: 'national_id', number: 'NID-445566' }] };
  const created = await momd.client.post('/api/households', body);
  expect(created.status).toBe(201);
  const edited = await momd.client.patch(`/api/households/${created.body.id}`, {
    ...body, version: 1, phone: '0750 666 0009', members: body.members.map((m: object, i: number) => ({ ...m, id: created.body.members[i].id })),
  });
  expect(edited.status).toBe(200);
  return edited.body;
}

const sharedReads = (actorId: string) => server.ctx.db.kysely.selectFrom('audit_log').select(['entity_id', 'details'])
  .where('action', '=', 'household.read_shared').where('actor_id', '=', actorId).execute();

describe('a household of another registry, opened to compare', () => {
  it('is read by a BMD clerk after a check, without phone, notes, documents or needs, and audited', async () => {
    const registered = await registeredByMomd();
    const bmd = await makeUser(server, { org: 'BMD' });
    const check = await bmd.client.post('/api/dedup/check', written(jubouri, 'ckb'));
    expect(check.body.candidates.map((c: { householdId: string }) => c.householdId)).toContain(registered.id);

    const res = await bmd.client.get(`/api/households/${registered.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: registered.id, registrationNumber: registered.registrationNumber, registry: 'MOMD', restricted: true, phone: null, notes: null });
    expect(res.body.members[0]).toMatchObject({ givenName: 'محمد', familyName: 'الجبوري', sex: 'm', birthDate: '1975', documents: [], specificNeeds: [] });
    const history = await bmd.client.get(`/api/households/${registered.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((e: { version: number }) => e.version)).toEqual([2, 1]);
    for (const body of [res.body, history.body]) expect(JSON.stringify(body)).not.toMatch(/445566|666000|"TR"|"SM"|protection desk/);

    const audited = await sharedReads(bmd.user.id);
    expect(audited.map((a) => [a.entity_id, a.details])).toEqual([
      [registered.id, { registry: 'MOMD', part: 'household' }], [registered.id, { registry: 'MOMD', part: 'history' }],
    ]);
  });

  it('never shows sensitive needs, whatever the reader\'s protection permissions', async () => {
    const registered = await registeredByMomd();
    const protection = await makeUser(server, { org: 'BMD', role: 'protection_clerk' });
    const res = await protection.client.get(`/api/households/${registered.id}`);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toMatch(/"TR"|445566/);
  });

  it('cannot be changed: a PATCH is a 404 and nothing changes', async () => {
    const registered = await registeredByMomd();
    const bmd = await makeUser(server, { org: 'BMD' });
    const read = (await bmd.client.get(`/api/households/${registered.id}`)).body;
    const patch = await bmd.client.patch(`/api/households/${registered.id}`, { ...written(jubouri, 'ckb'), version: read.version });
    expect(patch.status).toBe(404);
    const momd = await makeUser(server, { org: 'MOMD' });
    expect((await momd.client.get(`/api/households/${registered.id}`)).body.version).toBe(registered.version);
  });

  it('is not found by a search of the other registry', async () => {
    const registered = await registeredByMomd();
    const bmd = await makeUser(server, { org: 'BMD' });
    const res = await bmd.client.get(`/api/households?q=${registered.registrationNumber}`);
    expect(res.body.total).toBe(0);
  });

  it('is a 404 to a partner without sharing until an administrator grants it', async () => {
    const registered = await registeredByMomd();
    await insertOrganization(server.ctx.db.kysely, uuidv7(), { code: 'NGOY', name: 'Partner NGO', kind: 'ngo' });
    const partner = await makeUser(server, { org: 'NGOY' });
    expect((await partner.client.get(`/api/households/${registered.id}`)).status).toBe(404);
    expect((await partner.client.get(`/api/households/${registered.id}/history`)).status).toBe(404);
    await server.ctx.db.kysely.insertInto('dedup_sharing').values({ organization_code: 'NGOY', registry_code: 'MOMD' }).execute();
    expect((await partner.client.get(`/api/households/${registered.id}`)).status).toBe(200);
  });

  it('is a 404 to a viewer, who may not run the check', async () => {
    const registered = await registeredByMomd();
    const viewer = await makeUser(server, { org: 'BMD', role: 'viewer' });
    expect((await viewer.client.get(`/api/households/${registered.id}`)).status).toBe(404);
    expect((await viewer.client.get(`/api/households/${registered.id}/history`)).status).toBe(404);
    expect(await sharedReads(viewer.user.id)).toEqual([]);
  });
});
