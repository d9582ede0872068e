import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { makeUser } from '../../../test/factories.ts';
import { family, written, type Family } from './families.fixture.ts';
import { queuePairs } from './queue.ts';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

type Client = Awaited<ReturnType<typeof makeUser>>['client'];
interface Side { id: string; members: { id: string; givenName: string; sameAs?: string | null }[] }
interface Pair { id: string; kind: string; status: string; a: { id: string }; b: { id: string }; individuals: { a: string; b: string } | null }

/** MoMD registers the parents with their son; BMD later registers the son as head of his own family. */
async function sonRegisteredTwice(parents: Family, own: Family) {
  const momd = await makeUser(server, { org: 'MOMD' });
  const bmd = await makeUser(server, { org: 'BMD' });
  const reviewer = await makeUser(server, { org: 'MOMD', role: 'data_manager' });
  const first: Side = (await momd.client.post('/api/households', written(parents, 'ar'))).body;
  const second: Side = (await bmd.client.post('/api/households', written(own, 'ckb'))).body;
  const sonInParents = first.members.find((m) => m.givenName === 'حيدر')!;
  const sonAsHead = second.members.find((m) => m.givenName === 'حەیدەر')!;
  return { momd, bmd, reviewer: reviewer.client, first, second, sonInParents, sonAsHead };
}

async function pairsOf(reviewer: Client, householdId: string, status: string): Promise<Pair[]> {
  const res = await reviewer.get(`/api/dedup/pairs?status=${status}&pageSize=100`);
  expect(res.status).toBe(200);
  return res.body.items.filter((p: Pair) => p.a.id === householdId || p.b.id === householdId);
}

/** Haidar's parents and his own family (father, family name, mother or wife): each test its own names. */
const parentsOf = (phone: string, [father, tribe, mother]: [string, string, string], sonBirth: string) => family(phone, [
  ['head', `${father} ibrahim yousif ${tribe}`, 'm', '1960'], ['spouse', `${mother} karim abbas tamimi`, 'f', '1963'],
  ['son', `haidar ${father} ibrahim ${tribe}`, 'm', sonBirth], ['daughter', `layla ${father} ibrahim ${tribe}`, 'f', '1996'],
]);
const ownOf = (phone: string, [father, tribe, wife]: [string, string, string], sonBirth: string) => family(phone, [
  ['head', `haidar ${father} ibrahim ${tribe}`, 'm', sonBirth], ['spouse', `${wife} mahdi sabah zebari`, 'f', '1992'],
  ['son', `ali haidar ${father} ${tribe}`, 'm', '2016'],
]);

describe('one person in two families', () => {
  it('queues an individual pair, not a household pair; "same" links the later record, undo unlinks', async () => {
    const { momd, bmd, reviewer, first, second, sonInParents, sonAsHead } =
      await sonRegisteredTwice(parentsOf('0770 555 0101', ['khalid', 'kubaisi', 'zainab'], '1990-04-12'), ownOf('0750 555 0102', ['khalid', 'kubaisi', 'hanan'], '1990-04-12'));
    const open = await pairsOf(reviewer, first.id, 'open');
    expect(open).toHaveLength(1);
    const [pair] = open;
    expect(pair).toMatchObject({ kind: 'individual', reason: 'person', band: 'likely', source: 'registration' });
    expect(pair.b.id === second.id || pair.a.id === second.id).toBe(true);
    expect([pair.individuals!.a, pair.individuals!.b].sort()).toEqual([sonInParents.id, sonAsHead.id].sort());

    const decided = await reviewer.post(`/api/dedup/pairs/${pair.id}/decision`, { decision: 'same' });
    expect(decided.status).toBe(200);
    expect(decided.body.merge).toMatchObject({ kind: 'link', survivorId: first.id, mergedId: second.id, moved: [] });
    expect(decided.body.merge.linked).toEqual([{ individualId: sonAsHead.id, sameAs: sonInParents.id }]);
    expect(decided.body.pair).toMatchObject({ status: 'same', mergeId: decided.body.merge.id });

    const later = (await bmd.client.get(`/api/households/${second.id}`)).body;
    expect(later).toMatchObject({ status: 'active', size: 3 });
    expect(later.members.find((m: Side['members'][number]) => m.id === sonAsHead.id).sameAs).toBe(sonInParents.id);
    const earlier = (await momd.client.get(`/api/households/${first.id}`)).body;
    expect(earlier).toMatchObject({ status: 'active', size: 4 });
    expect(earlier.members.every((m: Side['members'][number]) => !m.sameAs)).toBe(true);
    const history = (await bmd.client.get(`/api/households/${second.id}/history`)).body.items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['link', 'create']);
    expect(history[0].changes).toContainEqual(expect.objectContaining({ path: `members.${sonAsHead.id}.sameAs`, to: sonInParents.id }));
    expect((await reviewer.post(`/api/dedup/pairs/${pair.id}/decision`, { decision: 'different' })).status).toBe(409);

    const undone = await reviewer.post(`/api/dedup/merges/${decided.body.merge.id}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.body.pair).toMatchObject({ status: 'open', mergeId: null, kind: 'individual' });
    const unlinked = (await bmd.client.get(`/api/households/${second.id}`)).body;
    expect(unlinked.members.find((m: Side['members'][number]) => m.id === sonAsHead.id).sameAs).toBeNull();
    expect((await bmd.client.get(`/api/households/${second.id}/history`)).body.items[0].action).toBe('unlink');
    expect((await reviewer.post(`/api/dedup/merges/${decided.body.merge.id}/undo`)).status).toBe(409);

    const audit = await server.ctx.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', sonAsHead.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['dedup.link', 'dedup.unlink']);
  });

  it('never proposes a person pair decided different again', async () => {
    const { reviewer, first, sonInParents, sonAsHead } =
      await sonRegisteredTwice(parentsOf('0770 555 0103', ['jamal', 'janabi', 'maryam'], '1988-09-30'), ownOf('0750 555 0104', ['jamal', 'janabi', 'rana'], '1988-09-30'));
    const [pair] = await pairsOf(reviewer, first.id, 'open');
    expect(pair.kind).toBe('individual');
    expect((await reviewer.post(`/api/dedup/pairs/${pair.id}/decision`, { decision: 'different' })).status).toBe(200);

    const queued = await queuePairs(server.ctx, [{ individualA: sonInParents.id, individualB: sonAsHead.id, probability: 0.99 }]);
    expect(queued.queued).toBe(1);
    expect(await pairsOf(reviewer, first.id, 'open')).toEqual([]);
    expect((await pairsOf(reviewer, first.id, 'different')).map((p) => p.id)).toEqual([pair.id]);
  });

  it('queues an individual pair from the batch when the families differ', async () => {
    const momd = await makeUser(server, { org: 'MOMD' });
    const bmd = await makeUser(server, { org: 'BMD' });
    const { client: reviewer } = await makeUser(server, { org: 'BMD', role: 'data_manager' });
    // Registered without the index (as a CLI import would): only the batch finds the person.
    const parents = parentsOf('0770 555 0105', ['salman', 'bayati', 'huda'], '1985-01-20');
    const first: Side = (await momd.client.post('/api/households', written(parents, 'ar'))).body;
    await server.ctx.db.kysely.deleteFrom('dedup_pairs').where((eb) => eb.or([eb('household_a', '=', first.id), eb('household_b', '=', first.id)])).execute();
    const second: Side = (await bmd.client.post('/api/households', written(ownOf('0750 555 0106', ['salman', 'bayati', 'nadia'], '1985-01-20'), 'ckb'))).body;
    await server.ctx.db.kysely.deleteFrom('dedup_pairs').where((eb) => eb.or([eb('household_a', '=', second.id), eb('household_b', '=', second.id)])).execute();
    const son = first.members.find((m) => m.givenName === 'حيدر')!;
    const head = second.members.find((m) => m.givenName === 'حەیدەر')!;
    expect((await queuePairs(server.ctx, [{ individualA: son.id, individualB: head.id, probability: 0.99 }])).queued).toBe(1);
    const [pair] = await pairsOf(reviewer, first.id, 'open');
    expect(pair).toMatchObject({ kind: 'individual', source: 'batch' });
  });
});
