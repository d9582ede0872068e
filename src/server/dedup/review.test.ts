import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { makeUser } from '../../../test/factories.ts';
import { actorByUserId } from '../identity/store.ts';
import { exportHouseholds } from '../registry/export.ts';
import { family, written, type Family } from './families.fixture.ts';
import { queuePairs } from './queue.ts';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

type Client = Awaited<ReturnType<typeof makeUser>>['client'];

/** MoMD registers the family in Arabic, then BMD in Kurdish: the pair is queued. */
async function registeredTwice(f: Family, bmdExtra: Record<string, unknown> = {}) {
  const momd = await makeUser(server, { org: 'MOMD' });
  const bmd = await makeUser(server, { org: 'BMD' });
  const first = (await momd.client.post('/api/households', written(f, 'ar'))).body;
  const second = (await bmd.client.post('/api/households', written(f, 'ckb', bmdExtra))).body;
  return { momd, bmd, first, second };
}

async function pairOf(reviewer: Client, householdId: string, status = 'open') {
  const res = await reviewer.get(`/api/dedup/pairs?status=${status}&pageSize=100`);
  expect(res.status).toBe(200);
  return res.body.items.find((p: { a: { id: string }; b: { id: string } }) => p.a.id === householdId || p.b.id === householdId);
}

const samarrai = family('0770 555 0001', [
  ['head', 'omar saad qasim samarrai', 'm', '1977'], ['spouse', 'asmaa nouri hameed tai', 'f', '1979'],
  ['son', 'mustafa omar saad samarrai', 'm', '2003'],
]);

describe('the review queue', () => {
  it('lists open pairs best score first, both households side by side, filtered by registry', async () => {
    const { client: reviewer } = await makeUser(server, { org: 'MOMD', role: 'data_manager' });
    const strong = await registeredTwice(family('0770 555 0002', [
      ['head', 'abbas jaafar majeed hadithi', 'm', '1966'], ['spouse', 'suad waleed sami mashhadani', 'f', '1968'],
      ['son', 'ali abbas jaafar hadithi', 'm', '1990'],
    ]));
    const weak = family('0770 555 0003', [['head', 'raad younis khalil rubaie', 'm', '1955'], ['spouse', 'iman adil adil shammari', 'f', '1958']]);
    const momd = await makeUser(server, { org: 'MOMD' });
    const weakFirst = (await momd.client.post('/api/households', written(weak, 'ar'))).body;
    await momd.client.post('/api/households', written(weak, 'ar', { phone: '0770 555 0004', members: [written(weak, 'ar').members[0]] }));
    const page = (await reviewer.get('/api/dedup/pairs?status=open&pageSize=100')).body;
    const weakPair = page.items.find((p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id].includes(weakFirst.id));
    expect([weakPair.a.registry, weakPair.b.registry]).toEqual(['MOMD', 'MOMD']);
    const scores = page.items.map((p: { score: number }) => p.score);
    expect(new Set(scores).size).toBeGreaterThan(1);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    const pair = page.items.find((p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id].includes(strong.first.id));
    expect(pair).toMatchObject({ status: 'open', source: 'registration', band: 'likely' });
    const sides = [pair.a, pair.b].sort((x: { registry: string }, y: { registry: string }) => x.registry.localeCompare(y.registry));
    expect(sides.map((s: { registry: string }) => s.registry)).toEqual(['BMD', 'MOMD']);
    expect(sides[1]).toMatchObject({ registrationNumber: strong.first.registrationNumber, origin: { pcode: 'IQG15Q05' }, current: { pcode: 'IQG08Q01' } });
    expect(sides[1].members[0]).toMatchObject({ givenName: 'عباس', sex: 'm', birthDate: '1966' });
    expect(pair.members.length).toBeGreaterThanOrEqual(2);
    expect(pair.members[0].fields.given.level).toEqual(expect.any(String));
    const bmdOnly = (await reviewer.get('/api/dedup/pairs?registry=BMD&pageSize=100')).body.items;
    expect(bmdOnly.every((p: { a: { registry: string }; b: { registry: string } }) => [p.a.registry, p.b.registry].includes('BMD'))).toBe(true);
    expect(bmdOnly.some((p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id].includes(weakFirst.id))).toBe(false);
  });

  it('is closed to those who may not review', async () => {
    const { first } = await registeredTwice(family('0770 555 0005', [['head', 'sabah mahdi salih zebari', 'm', '1972'], ['spouse', 'hanan jamal akram tai', 'f', '1975']]));
    const { client: reviewer } = await makeUser(server, { org: 'MOMD', role: 'data_manager' });
    const pair = await pairOf(reviewer, first.id);
    for (const role of ['viewer', 'registration_officer']) {
      const { client } = await makeUser(server, { org: 'MOMD', role });
      expect((await client.get('/api/dedup/pairs')).status).toBe(403);
      expect((await client.post(`/api/dedup/pairs/${pair.id}/decision`, { decision: 'same' })).status).toBe(403);
    }
    const elsewhere = await makeUser(server, { org: 'MOMD', role: 'data_manager', scope: ['IQG09'] });
    expect(await pairOf(elsewhere.client, first.id)).toBeUndefined();
    expect((await elsewhere.client.post(`/api/dedup/pairs/${pair.id}/decision`, { decision: 'different' })).status).toBe(404);
  });
});

describe('deciding "same"', () => {
  it('merges into the earlier registration, keeping both numbers, registries and histories; counted once; undo restores', async () => {
    const withDaughter = { members: [...written(samarrai, 'ckb').members, { relationship: 'daughter', givenName: 'سارا', fatherName: 'عومەر', grandfatherName: 'سەعد', familyName: 'سامەڕایی', sex: 'f', birthDate: '2010' }] };
    const { momd, bmd, first, second } = await registeredTwice(samarrai, withDaughter);
    const reviewer = await makeUser(server, { org: 'MOMD', role: 'data_manager' });
    const pair = await pairOf(reviewer.client, first.id);
    const decided = await reviewer.client.post(`/api/dedup/pairs/${pair.id}/decision`, { decision: 'same', note: 'Same card number on both' });
    expect(decided.status).toBe(200);
    expect(decided.body.pair).toMatchObject({ status: 'same', note: 'Same card number on both', mergeId: decided.body.merge.id });
    expect(decided.body.merge).toMatchObject({ survivorId: first.id, mergedId: second.id, undoneAt: null });
    expect(decided.body.merge.moved).toHaveLength(1);
    expect(decided.body.merge.linked).toHaveLength(3);

    const survivor = (await momd.client.get(`/api/households/${first.id}`)).body;
    expect(survivor.registrationNumbers).toEqual([first.registrationNumber, second.registrationNumber]);
    expect(survivor.registries).toEqual(['MOMD', 'BMD']);
    expect(survivor.size).toBe(4);
    expect(survivor.members.map((m: { givenName: string }) => m.givenName)).toContain('سارا');
    const merged = (await bmd.client.get(`/api/households/${second.id}`)).body;
    expect(merged).toMatchObject({ status: 'merged', mergedInto: first.id });
    expect((await bmd.client.get(`/api/households/${first.id}`)).status).toBe(200);
    expect((await momd.client.get(`/api/households/${first.id}/history`)).body.items.map((h: { action: string }) => h.action)).toEqual(['merge', 'create']);
    expect((await bmd.client.get(`/api/households/${second.id}/history`)).body.items.map((h: { action: string }) => h.action)).toEqual(['merged', 'create']);
    const linked = await server.ctx.db.kysely.selectFrom('individuals').select(['id', 'same_as']).where('household_id', '=', second.id).execute();
    expect(linked.every((m) => m.same_as !== null)).toBe(true);

    const found = async (c: Client, q: string) => (await c.get(`/api/households?q=${encodeURIComponent(q)}`)).body.items.map((h: { id: string }) => h.id);
    expect(await found(momd.client, 'عمر سعد قاسم')).toEqual([first.id]);
    expect(await found(bmd.client, 'عومەر سەعد')).toEqual([first.id]);
    expect(await found(bmd.client, second.registrationNumber)).toEqual([first.id]);
    const exported = async (userId: string) => {
      const actor = (await actorByUserId(server.ctx.db.kysely, userId))!;
      const run = await exportHouseholds(server.ctx, { ...actor, permissions: new Set([...actor.permissions, 'households.export']) });
      const ids: string[] = [];
      for await (const page of run.pages) ids.push(...page.map((h) => h.id));
      return { ids, total: run.total };
    };
    const bmdExport = await exported(bmd.user.id);
    expect(bmdExport.ids.filter((id) => id === first.id || id === second.id)).toEqual([first.id]);
    expect(bmdExport.total).toBe(bmdExport.ids.length);

    const checked = await bmd.client.post('/api/dedup/check', written(samarrai, 'ckb'));
    const ids = checked.body.candidates.map((c: { householdId: string }) => c.householdId);
    expect(ids).toContain(first.id);
    expect(ids).not.toContain(second.id);

    const undone = await reviewer.client.post(`/api/dedup/merges/${decided.body.merge.id}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.body.merge.undoneAt).not.toBeNull();
    expect(undone.body.pair).toMatchObject({ status: 'open', mergeId: null });
    const restored = (await momd.client.get(`/api/households/${first.id}`)).body;
    expect(restored).toMatchObject({ registrationNumbers: [first.registrationNumber], registries: ['MOMD'], size: 3 });
    const back = (await bmd.client.get(`/api/households/${second.id}`)).body;
    expect(back).toMatchObject({ status: 'active', mergedInto: null, size: 4 });
    expect(back.members.map((m: { id: string }) => m.id)).toEqual(second.members.map((m: { id: string }) => m.id));
    expect(back.members[0].relationship).toBe('head');
    expect((await bmd.client.get(`/api/households/${second.id}/history`)).body.items.map((h: { action: string }) => h.action)).toEqual(['unmerge', 'merged', 'create']);
    // Back in MoMD's registry alone: BMD may only open it as another registry's record, to compare.
    expect((await bmd.client.get(`/api/households/${first.id}`)).body).toMatchObject({ registries: ['MOMD'], restricted: true });
    expect(await found(bmd.client, 'عومەر سەعد')).toEqual([second.id]);
    const again = await bmd.client.post('/api/dedup/check', written(samarrai, 'ckb'));
    expect(again.body.candidates.map((c: { householdId: string }) => c.householdId)).toEqual(expect.arrayContaining([first.id, second.id]));
    expect((await reviewer.client.post(`/api/dedup/merges/${decided.body.merge.id}/undo`)).status).toBe(409);
  });

  it('keeps later edits of the survivor through an undo, and refuses an undo that would lose a member', async () => {
    const f = family('0770 555 0012', [['head', 'saeed adil khalil hamdani', 'm', '1974'], ['spouse', 'hanan sami sami rubaie', 'f', '1976']]);
    const withSon = { members: [...written(f, 'ckb').members, { relationship: 'son', givenName: 'عەلی', fatherName: 'سەعید', grandfatherName: 'عادل', familyName: 'حەمدانی', sex: 'm', birthDate: '2001' }] };
    const { momd, first, second } = await registeredTwice(f, withSon);
    const reviewer = await makeUser(server, { org: 'MOMD', role: 'data_manager' });
    const decide = async () => (await reviewer.client.post(`/api/dedup/pairs/${(await pairOf(reviewer.client, first.id)).id}/decision`, { decision: 'same' })).body.merge;
    const merge = await decide();
    const survivor = (await momd.client.get(`/api/households/${first.id}`)).body;
    expect((await momd.client.patch(`/api/households/${second.id}`, { ...written(f, 'ckb'), version: 2 })).status).toBe(404);
    const bmdClerk = await makeUser(server, { org: 'BMD' });
    const editMerged = await bmdClerk.client.patch(`/api/households/${second.id}`, { ...written(f, 'ckb'), version: 2 });
    expect(editMerged.status).toBe(409);
    expect(editMerged.body.mergedInto).toBe(first.id);
    expect((await momd.client.patch(`/api/households/${first.id}`, { ...survivor, shelter: 'camp' })).status).toBe(200);
    expect((await reviewer.client.post(`/api/dedup/merges/${merge.id}/undo`)).status).toBe(200);
    const afterUndo = (await momd.client.get(`/api/households/${first.id}`)).body;
    expect(afterUndo).toMatchObject({ shelter: 'camp', size: 2 });

    const again = await decide();
    const merged = (await momd.client.get(`/api/households/${first.id}`)).body;
    const withoutSon = merged.members.filter((m: { id: string }) => !again.moved.includes(m.id));
    expect((await momd.client.patch(`/api/households/${first.id}`, { ...merged, members: withoutSon })).status).toBe(200);
    const refused = await reviewer.client.post(`/api/dedup/merges/${again.id}/undo`);
    expect(refused.status).toBe(409);
    expect(refused.body.type).toContain('undo-conflict');
  });

  it('lets the reviewer choose the survivor, and refuses one outside the pair', async () => {
    const { first, second } = await registeredTwice(family('0770 555 0006', [['head', 'jaafar salman fadhil musawi', 'm', '1961'], ['spouse', 'rana akram akram bayati', 'f', '1964']]));
    const reviewer = await makeUser(server, { org: 'BMD', role: 'data_manager' });
    const pair = await pairOf(reviewer.client, first.id);
    const outside = await reviewer.client.post(`/api/dedup/pairs/${pair.id}/decision`, { decision: 'same', survivor: '01890000-0000-7000-8000-000000000000' });
    expect(outside.status).toBe(422);
    expect(outside.body.errors[0]).toMatchObject({ path: 'survivor', code: 'dedup.survivor_not_in_pair' });
    const res = await reviewer.client.post(`/api/dedup/pairs/${pair.id}/decision`, { decision: 'same', survivor: second.id });
    expect(res.body.merge).toMatchObject({ survivorId: second.id, mergedId: first.id });
  });

  it('accepts one of two decisions on the same pair; the other gets 409', async () => {
    const { first } = await registeredTwice(family('0770 555 0007', [['head', 'tariq salman fadhil bayati', 'm', '1971'], ['spouse', 'amal sabah sabah tai', 'f', '1974']]));
    const reviewer = await makeUser(server, { org: 'MOMD', role: 'data_manager' });
    const pair = await pairOf(reviewer.client, first.id);
    const [a, b] = await Promise.all([
      reviewer.client.post(`/api/dedup/pairs/${pair.id}/decision`, { decision: 'same' }),
      reviewer.client.post(`/api/dedup/pairs/${pair.id}/decision`, { decision: 'different' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const third = await reviewer.client.post(`/api/dedup/pairs/${pair.id}/decision`, { decision: 'different' });
    expect(third.status).toBe(409);
    expect(third.body.type).toContain('pair-decided');
  });

  it('supersedes the merged household\'s other open pairs and re-queues them against the survivor', async () => {
    const f = family('0770 555 0008', [['head', 'mahdi saeed younis janabi', 'm', '1983'], ['spouse', 'nadia khalil adil rawi', 'f', '1986']]);
    const { first, second, momd } = await registeredTwice(f);
    const third = (await momd.client.post('/api/households', written(f, 'lat'))).body;
    const reviewer = await makeUser(server, { org: 'MOMD', role: 'data_manager' });
    const page = (await reviewer.client.get('/api/dedup/pairs?pageSize=100')).body.items;
    const involving = (id: string) => page.filter((p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id].includes(id));
    const decided = involving(first.id).find((p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id].includes(second.id));
    expect(involving(third.id).length).toBeGreaterThanOrEqual(1);
    await reviewer.client.post(`/api/dedup/pairs/${decided.id}/decision`, { decision: 'same' });
    const open = (await reviewer.client.get('/api/dedup/pairs?pageSize=100')).body.items
      .filter((p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id].includes(third.id));
    expect(open.length).toBe(1);
    expect([open[0].a.id, open[0].b.id]).toContain(first.id);
  });
});

describe('deciding "different"', () => {
  it('is remembered: neither the check nor the batch queue proposes the pair again', async () => {
    const f = family('0770 555 0009', [['head', 'hassan ali khalid kubaisi', 'm', '1988'], ['spouse', 'huda omar omar ani', 'f', '1990']]);
    const { first, second, bmd } = await registeredTwice(f);
    const reviewer = await makeUser(server, { org: 'BMD', role: 'data_manager' });
    const pair = await pairOf(reviewer.client, second.id);
    const res = await reviewer.client.post(`/api/dedup/pairs/${pair.id}/decision`, { decision: 'different', note: 'Cousins, not one family' });
    expect(res.body.pair).toMatchObject({ status: 'different', note: 'Cousins, not one family', decidedBy: { username: expect.any(String) } });
    const check = await bmd.client.post('/api/dedup/check', { ...written(f, 'ckb'), id: second.id });
    expect(check.body.candidates.map((c: { householdId: string }) => c.householdId)).not.toContain(first.id);
    const queued = await queuePairs(server.ctx, first.members.map((m: { id: string }, i: number) => ({ individualA: m.id, individualB: second.members[i].id, probability: 0.99 })));
    expect(queued).toMatchObject({ households: 1, queued: 0 });
    expect((await pairOf(reviewer.client, second.id, 'different')).id).toBe(pair.id);
    expect(await pairOf(reviewer.client, second.id)).toBeUndefined();
  });
});

describe('pairs from the batch engine', () => {
  it('are grouped by household, explained, and queued once', async () => {
    const momd = await makeUser(server, { org: 'MOMD' });
    const f = family('0770 555 0010', [['head', 'karim jalal faisal azzawi', 'm', '1945'], ['spouse', 'sara mustafa mustafa hadithi', 'f', '1950']]);
    const a = (await momd.client.post('/api/households', written(f, 'ar'))).body;
    const b = (await momd.client.post('/api/households', written(f, 'lat', { phone: '0770 555 0011' }))).body;
    await server.ctx.db.kysely.deleteFrom('dedup_pairs').where((eb) => eb.or([eb('household_a', '=', a.id), eb('household_b', '=', a.id)])).execute();
    const found = a.members.map((m: { id: string }, i: number) => ({ individualA: m.id, individualB: b.members[i].id, probability: 0.97 }));
    expect(await queuePairs(server.ctx, [...found, ...found])).toMatchObject({ households: 1, queued: 1 });
    const reviewer = await makeUser(server, { org: 'MOMD', role: 'data_manager' });
    const pair = await pairOf(reviewer.client, a.id);
    expect(pair).toMatchObject({ source: 'batch', status: 'open' });
    expect(pair.members).toHaveLength(2);
  });
});
