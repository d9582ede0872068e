import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { householdInput, makeUser, newId } from '../../../test/factories.ts';
import { actorByUserId } from '../identity/store.ts';
import { insertOrganization } from '../identity/users-store.ts';
import { exportHouseholds } from './export.ts';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

describe('registering a household', () => {
  it('stores it with a registration number, size, member ids and the precision of each date', async () => {
    const { client } = await makeUser(server);
    const res = await client.post('/api/households', householdInput());
    expect(res.status).toBe(201);
    expect(res.body.registrationNumber).toMatch(/^MOMD-IQG11-\d{7}$/);
    expect(res.body.registry).toBe('MOMD');
    expect(res.body.size).toBe(2);
    expect(res.body.version).toBe(1);
    expect(res.body.displacedOn).toBe('2014-06');
    expect(res.body.members[0]).toMatchObject({ relationship: 'head', givenName: 'أحمد', birthDate: '1975' });
    expect(res.body.members[1].birthDate).toBe('1980-03');
    expect(res.body.members.every((m: { id: string }) => /^[0-9a-f-]{36}$/.test(m.id))).toBe(true);
    expect(res.body.phone).toBe('+9647501234567');
    const again = await client.get(`/api/households/${res.body.id}`);
    expect(again.body.members.map((m: { givenName: string }) => m.givenName)).toEqual(['أحمد', 'فاطمة']);
  });

  it('keeps the client-generated UUIDv7 id', async () => {
    const { client } = await makeUser(server);
    const id = newId();
    const res = await client.post('/api/households', householdInput({ id }));
    expect(res.status).toBe(201);
    expect(res.body.id).toBe(id);
    const twice = await client.post('/api/households', householdInput({ id }));
    expect(twice.status).toBe(409);
  });

  it('gives consecutive registration numbers within a registry and governorate', async () => {
    const { client } = await makeUser(server);
    const a = await client.post('/api/households', householdInput({ current: { pcode: 'IQG09Q01' } }));
    const b = await client.post('/api/households', householdInput({ current: { pcode: 'IQG09Q02' } }));
    const seq = (n: string) => Number(n.split('-')[2]);
    expect(a.body.registrationNumber.startsWith('MOMD-IQG09-')).toBe(true);
    expect(seq(b.body.registrationNumber)).toBe(seq(a.body.registrationNumber) + 1);
  });

  it('returns the first response for a replayed Idempotency-Key and creates nothing', async () => {
    const { client } = await makeUser(server);
    const body = householdInput({ members: [{ relationship: 'head', givenName: 'Idempotent', familyName: 'Replay', sex: 'm' }] });
    const key = `key-${newId()}`;
    const first = await client.post('/api/households', body, { 'idempotency-key': key });
    const second = await client.post('/api/households', body, { 'idempotency-key': key });
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const found = await client.get('/api/households?q=idempotent');
    expect(found.body.total).toBe(1);
    const other = await client.post('/api/households', { ...body, phone: '07701112233' }, { 'idempotency-key': key });
    expect(other.status).toBe(422);
    const kept = await server.ctx.db.kysely.selectFrom('idempotency_keys').select('response').where('key', '=', key).executeTakeFirstOrThrow();
    expect(JSON.stringify(kept.response)).not.toContain('Idempotent');
  });

  it('survives two concurrent requests with the same Idempotency-Key', async () => {
    const { client } = await makeUser(server);
    const body = householdInput({ members: [{ relationship: 'head', givenName: 'Concurrent', familyName: 'Twins', sex: 'f' }] });
    const key = `key-${newId()}`;
    const [a, b] = await Promise.all([
      client.post('/api/households', body, { 'idempotency-key': key }),
      client.post('/api/households', body, { 'idempotency-key': key }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect((await client.get('/api/households?q=concurrent')).body.total).toBe(1);
  });
});

describe('bad input', () => {
  it('names every invalid field, in the language asked for, and stores nothing', async () => {
    const { client } = await makeUser(server);
    client.language = 'ar';
    const res = await client.post('/api/households', {
      origin: { pcode: 'BAGHDAD' }, displacedOn: '2014-13', current: { pcode: 'IQG11Q01' }, shelter: 'host_family',
      phone: '12', legalBasis: 'because', consent: { given: true, scope: ['everything'] },
      members: [{ relationship: 'cousin', givenName: '', sex: 'x', birthDate: '1975-02-30', documents: [{ type: 'library_card', number: '1' }], specificNeeds: ['??'] }],
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const paths = res.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual([
      'consent.scope.0', 'displacedOn', 'legalBasis', 'members.0.birthDate', 'members.0.documents.0.type',
      'members.0.givenName', 'members.0.relationship', 'members.0.sex', 'members.0.specificNeeds.0', 'origin.pcode', 'phone',
    ]);
    expect(res.body.detail).toBe('بعض الحقول تحتاج إلى تصحيح.');
    expect(res.body.errors.find((e: { path: string }) => e.path === 'phone').message).toContain('رقم هاتف');
  });

  it('translates errors into Kurdish Sorani', async () => {
    const { client } = await makeUser(server);
    client.language = 'ckb';
    const res = await client.post('/api/households', householdInput({ displacedOn: '2099' }));
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ path: 'displacedOn', message: 'ئەم بەروارە لە داهاتوودایە.' });
  });

  it('refuses two heads, and no head', async () => {
    const { client } = await makeUser(server);
    const head = { relationship: 'head', givenName: 'A', sex: 'm' };
    const two = await client.post('/api/households', householdInput({ members: [head, { ...head, givenName: 'B' }] }));
    expect(two.status).toBe(400);
    expect(two.body.errors).toEqual([expect.objectContaining({ path: 'members', code: 'members.two_heads' })]);
    const none = await client.post('/api/households', householdInput({ members: [{ ...head, relationship: 'son' }] }));
    expect(none.body.errors).toEqual([expect.objectContaining({ path: 'members', code: 'members.no_head' })]);
  });

  it('refuses P-codes that do not exist, unknown shelter and need codes', async () => {
    const { client } = await makeUser(server);
    const res = await client.post('/api/households', householdInput({
      origin: { pcode: 'IQG15Q99' }, shelter: 'palace',
      members: [{ relationship: 'head', givenName: 'X', sex: 'm', specificNeeds: ['ZZ'] }],
    }));
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { code: string }) => e.code).sort()).toEqual(['need.unknown', 'pcode.unknown', 'shelter.unknown']);
  });

  it('answers malformed JSON and wrong content types with problem+json, never a 500', async () => {
    const { client } = await makeUser(server);
    const raw = await fetch(`${server.url}/api/households`, {
      method: 'POST', headers: { authorization: `Bearer ${client.bearer}`, 'content-type': 'application/json' }, body: '{"members": [',
    });
    expect(raw.status).toBe(400);
    expect(raw.headers.get('content-type')).toContain('application/problem+json');
    const text = await fetch(`${server.url}/api/households`, {
      method: 'POST', headers: { authorization: `Bearer ${client.bearer}`, 'content-type': 'application/xml' }, body: '<household/>',
    });
    expect(text.status).toBe(415);
    const badId = await client.get('/api/households/not-a-uuid');
    expect(badId.status).toBe(400);
    const badPage = await client.get('/api/households?page=-1');
    expect(badPage.status).toBe(400);
  });
});

describe('finding a household', () => {
  it('finds it by an Arabic name written with other letter forms, by document, phone and number', async () => {
    const { client } = await makeUser(server);
    const created = await client.post('/api/households', householdInput({
      phone: '+964 770 555 1234',
      members: [{ relationship: 'head', givenName: 'إسْماعيل', fatherName: 'مصطفى', familyName: 'الكبيسي', sex: 'm', documents: [{ type: 'civil_status_id', number: 'A-778899' }] }],
    }));
    const id = created.body.id;
    const hits = async (q: string) => (await client.get(`/api/households?q=${encodeURIComponent(q)}`)).body.items.map((h: { id: string }) => h.id);
    expect(await hits('اسماعيل')).toContain(id);
    expect(await hits('مصطفي')).toContain(id);
    expect(await hits('الكبيسى')).toContain(id);
    expect(await hits('اسماع الكبي')).toContain(id);
    expect(await hits('a778899')).toContain(id);
    expect(await hits('07705551234')).toContain(id);
    expect(await hits('+9647705551234')).toContain(id);
    expect(await hits('٠٧٧٠٥٥٥١٢٣٤')).toContain(id);
    expect(await hits(created.body.registrationNumber.toLowerCase())).toEqual([id]);
    expect(await hits('اسماعيل الجبوري')).not.toContain(id);
  });

  it('folds Kurdish letters onto their Arabic look-alikes', async () => {
    const { client } = await makeUser(server);
    const created = await client.post('/api/households', householdInput({
      members: [{ relationship: 'head', givenName: 'کەریم', fatherName: 'ڕەشید', familyName: 'شێخانی', sex: 'm' }],
    }));
    for (const q of ['كريم رشيد', 'کەریم', 'كهريم ڕەشید', 'شيخاني']) {
      const res = await client.get(`/api/households?q=${encodeURIComponent(q)}`);
      expect(res.body.items.map((h: { id: string }) => h.id), q).toContain(created.body.id);
    }
  });

  it('filters by area and pages the results', async () => {
    const { client } = await makeUser(server);
    const tag = `Pager${Date.now()}`;
    for (let i = 0; i < 3; i += 1) {
      await client.post('/api/households', householdInput({ current: { pcode: i === 0 ? 'IQG06Q01' : 'IQG11Q02' }, members: [{ relationship: 'head', givenName: tag, sex: 'm' }] }));
    }
    const page1 = await client.get(`/api/households?q=${tag}&pageSize=2&page=1`);
    const page2 = await client.get(`/api/households?q=${tag}&pageSize=2&page=2`);
    expect(page1.body.total).toBe(3);
    expect(page1.body.items).toHaveLength(2);
    expect(page2.body.items).toHaveLength(1);
    const inSulaymaniyah = await client.get(`/api/households?q=${tag}&area=IQG06`);
    expect(inSulaymaniyah.body.items).toHaveLength(1);
  });
});

describe('editing a household', () => {
  it('applies an edit at the version read and records who changed what', async () => {
    const { client, user } = await makeUser(server);
    const created = (await client.post('/api/households', householdInput())).body;
    const edit = { ...created, version: 1, shelter: 'rented_house', members: [...created.members, { relationship: 'son', givenName: 'علي', sex: 'm', birthDate: '2005' }] };
    const res = await client.patch(`/api/households/${created.id}`, edit);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 2, size: 3, shelter: 'rented_house' });
    expect(res.body.members[0].id).toBe(created.members[0].id);
    const history = (await client.get(`/api/households/${created.id}/history`)).body.items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['update', 'create']);
    expect(history[0].actor.username).toBe(user.username);
    expect(history[0].changes).toContainEqual({ path: 'shelter', from: 'host_family', to: 'rented_house' });
    expect(history[0].changes.some((c: { path: string; to: unknown }) => c.path.endsWith('.givenName') && c.to === 'علي')).toBe(true);
  });

  it('refuses a stale version with 409 and the current record, never overwriting', async () => {
    const { client } = await makeUser(server);
    const created = (await client.post('/api/households', householdInput())).body;
    await client.patch(`/api/households/${created.id}`, { ...created, version: 1, shelter: 'camp' });
    const stale = await client.patch(`/api/households/${created.id}`, { ...created, version: 1, shelter: 'school' });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ version: 2, shelter: 'camp' });
    expect((await client.get(`/api/households/${created.id}`)).body.shelter).toBe('camp');
  });

  it('lets only one of two concurrent edits at the same version win', async () => {
    const { client } = await makeUser(server);
    const created = (await client.post('/api/households', householdInput())).body;
    const [a, b] = await Promise.all([
      client.patch(`/api/households/${created.id}`, { ...created, version: 1, shelter: 'camp' }),
      client.patch(`/api/households/${created.id}`, { ...created, version: 1, shelter: 'school' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });
});

describe('who may see and change what', () => {
  it('hides another organisation\'s household as not found (without dedup sharing)', async () => {
    const momd = await makeUser(server, { org: 'MOMD' });
    await insertOrganization(server.ctx.db.kysely, newId(), { code: 'NGOZ', name: 'Partner NGO', kind: 'ngo' });
    const partner = await makeUser(server, { org: 'NGOZ' });
    const created = (await momd.client.post('/api/households', householdInput({ members: [{ relationship: 'head', givenName: 'Hidden', sex: 'm' }] }))).body;
    expect((await partner.client.get(`/api/households/${created.id}`)).status).toBe(404);
    expect((await partner.client.patch(`/api/households/${created.id}`, { ...created, version: 1 })).status).toBe(404);
    expect((await partner.client.get(`/api/households/${created.id}/history`)).status).toBe(404);
    expect((await partner.client.get('/api/households?q=hidden')).body.total).toBe(0);
    const into = await partner.client.post('/api/households', householdInput({ registry: 'MOMD' }));
    expect(into.status).toBe(403);
  });

  it('keeps a user inside their geographic scope', async () => {
    const duhok = await makeUser(server, { scope: ['IQG09'] });
    const outside = await duhok.client.post('/api/households', householdInput({ current: { pcode: 'IQG08Q01' } }));
    expect(outside.status).toBe(422);
    expect(outside.body.errors[0]).toMatchObject({ path: 'current.pcode', code: 'scope.outside' });
    const nationwide = await makeUser(server);
    const baghdad = (await nationwide.client.post('/api/households', householdInput({ current: { pcode: 'IQG08Q01' } }))).body;
    expect((await duhok.client.get(`/api/households/${baghdad.id}`)).status).toBe(404);
  });

  it('lets a viewer read but not write', async () => {
    const clerk = await makeUser(server);
    const viewer = await makeUser(server, { role: 'viewer' });
    const created = (await clerk.client.post('/api/households', householdInput())).body;
    expect((await viewer.client.get(`/api/households/${created.id}`)).status).toBe(200);
    expect((await viewer.client.post('/api/households', householdInput())).status).toBe(403);
    expect((await viewer.client.patch(`/api/households/${created.id}`, { ...created, version: 1 })).status).toBe(403);
  });

  it('shows sensitive needs only to protection roles and keeps them through others\' edits', async () => {
    const protection = await makeUser(server, { role: 'protection_officer' });
    const clerk = await makeUser(server);
    const created = (await clerk.client.post('/api/households', householdInput())).body;
    const refused = await clerk.client.patch(`/api/households/${created.id}`, {
      ...created, version: 1, members: created.members.map((m: object, i: number) => (i === 0 ? { ...m, specificNeeds: ['SM', 'SV'] } : m)),
    });
    expect(refused.status).toBe(403);
    await server.ctx.db.kysely.updateTable('roles').set({ permissions: ['households.read', 'households.write', 'protection.read', 'protection.write'] })
      .where('code', '=', 'protection_officer').execute();
    const marked = await protection.client.patch(`/api/households/${created.id}`, {
      ...created, version: 1, members: created.members.map((m: object, i: number) => (i === 0 ? { ...m, specificNeeds: ['SM', 'SV'] } : m)),
    });
    expect(marked.status).toBe(200);
    expect(marked.body.members[0].specificNeeds).toEqual(['SM', 'SV']);
    const seenByClerk = (await clerk.client.get(`/api/households/${created.id}`)).body;
    expect(seenByClerk.members[0].specificNeeds).toEqual(['SM']);
    const stored = await server.ctx.db.kysely.selectFrom('individuals').select(['specific_needs', 'sensitive_needs']).where('id', '=', created.members[0].id).executeTakeFirstOrThrow();
    expect(stored.specific_needs).toEqual(['SM']);
    expect(stored.sensitive_needs).not.toContain('SV');
    await clerk.client.patch(`/api/households/${created.id}`, { ...seenByClerk, shelter: 'camp' });
    expect((await protection.client.get(`/api/households/${created.id}`)).body.members[0].specificNeeds).toEqual(['SM', 'SV']);
    const reads = await server.ctx.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', created.id).where('action', '=', 'household.read_sensitive').execute();
    expect(reads.length).toBeGreaterThan(0);
    const history = JSON.stringify((await clerk.client.get(`/api/households/${created.id}/history`)).body);
    expect(history).not.toContain('SV');
    const storedHistory = JSON.stringify(await server.ctx.db.kysely.selectFrom('household_history').select('changes').where('household_id', '=', created.id).execute());
    expect(storedHistory).not.toContain('SV');
    const protectionActor = (await actorByUserId(server.ctx.db.kysely, protection.user.id))!;
    await server.ctx.db.kysely.updateTable('roles').set({ permissions: ['households.read', 'households.export', 'protection.read', 'protection.write'] })
      .where('code', '=', 'protection_officer').execute();
    const exported = await exportHouseholds(server.ctx, { ...protectionActor, permissions: new Set([...protectionActor.permissions, 'households.export']) });
    const rows: unknown[] = [];
    for await (const page of exported.pages) rows.push(...page);
    expect(JSON.stringify(rows)).toContain('SM');
    expect(JSON.stringify(rows)).not.toContain('SV');
  });

  it('needs a signed-in user', async () => {
    const anonymous = server.client();
    expect((await anonymous.get('/api/households')).status).toBe(401);
    expect((await anonymous.post('/api/households', householdInput())).status).toBe(401);
  });
});
