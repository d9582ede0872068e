import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { makeUser } from '../../../test/factories.ts';
import { entitled, issuedRound, levelOf, place } from './distribution.fixture.ts';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

describe('an offline point', () => {
  it('downloads its list with the households\' faces, valid cards and the keys, and the download is audited', async () => {
    const point = await place(server);
    const elsewhere = await place(server);
    const { round } = await issuedRound(server, 'MOMD', [point.id, elsewhere.id]);
    const mine = await entitled(server, round, undefined, point.id);
    const theirs = await entitled(server, round, undefined, elsewhere.id);
    const card = (await mine.clerk.post(`/api/households/${mine.household.id}/cards`, {})).body.card;
    const officer = (await makeUser(server, { role: 'distribution_officer' })).client;
    const list = await officer.get(`/api/points/${point.id}/list`);
    expect(list.status).toBe(200);
    const ids = list.body.items.map((i: { entitlementId: string }) => i.entitlementId);
    expect(ids).toContain(mine.entitlementId);
    expect(ids).not.toContain(theirs.entitlementId);
    expect(list.body.items.find((i: { entitlementId: string }) => i.entitlementId === mine.entitlementId)).toMatchObject({ cardId: card.id, household: { registrationNumber: mine.household.registrationNumber } });
    expect(list.body.keys[0]).toMatchObject({ algorithm: 'ed25519', publicKey: expect.any(String) });
    const audited = await server.ctx.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', point.id).execute();
    expect(audited.map((a) => a.action)).toContain('distribution.list_download');
    const partner = (await makeUser(server, { org: 'BMD', role: 'distribution_officer' })).client;
    expect((await partner.get(`/api/points/${point.id}/list`)).status).toBe(404);
  });

  it('syncs what it handed out once, however often it syncs, and keeps a second point\'s collection as a conflict', async () => {
    const a = await place(server);
    const b = await place(server);
    const { round } = await issuedRound(server, 'MOMD', [a.id, b.id]);
    const { entitlementId } = await entitled(server, round, [{ code: 'food_parcel', quantity: 1 }]);
    const officer = (await makeUser(server, { role: 'distribution_officer' })).client;
    const item = { key: 'device-a-0001', entitlementId, pointId: a.id, redeemedAt: at(30), collectedBy: 'head' };
    const first = await officer.post('/api/redemptions/sync', { deviceId: 'device-a', items: [item] });
    expect(first.body.results).toEqual([expect.objectContaining({ key: 'device-a-0001', outcome: 'recorded' })]);
    const replay = await officer.post('/api/redemptions/sync', { deviceId: 'device-a', items: [item] });
    expect(replay.body.results[0]).toMatchObject({ outcome: 'already_recorded', redemptionId: first.body.results[0].redemptionId });
    expect(await levelOf(server, a.id, 'food_parcel')).toBe(99);
    const listed = (await officer.get(`/api/points/${b.id}/list`)).body.items.find((i: { entitlementId: string }) => i.entitlementId === entitlementId);
    expect(listed).toMatchObject({ status: 'redeemed', redemption: { pointName: expect.stringContaining(a.code), redeemedAt: item.redeemedAt } });
    const second = await officer.post('/api/redemptions/sync', {
      deviceId: 'device-b', items: [{ key: 'device-b-0001', entitlementId, pointId: b.id, redeemedAt: at(10), collectedBy: 'alternate', collectorName: 'Zainab Hassan' }],
    });
    expect(second.body.results[0].outcome).toBe('conflict');
    expect(await levelOf(server, b.id, 'food_parcel')).toBe(100);
    const conflicts = (await officer.get('/api/redemption-conflicts?status=open')).body.items;
    const conflict = conflicts.find((c: { entitlementId: string }) => c.entitlementId === entitlementId);
    expect(conflict).toMatchObject({
      pointId: b.id, collectorName: 'Zainab Hassan', headName: 'أحمد حسن علي الجبوري', registrationNumber: expect.stringMatching(/^MOMD-/),
      first: { pointName: expect.stringContaining(a.code) },
    });
    expect((await officer.post(`/api/redemption-conflicts/${conflict.id}/resolve`, { resolution: 'double_collection' })).status).toBe(403);
    const manager = (await makeUser(server, { role: 'programme_manager' })).client;
    const resolved = await manager.post(`/api/redemption-conflicts/${conflict.id}/resolve`, { resolution: 'double_collection', note: 'both handed out' });
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: 'double_collection' });
    expect(await levelOf(server, b.id, 'food_parcel')).toBe(99);
    expect((await manager.post(`/api/redemption-conflicts/${conflict.id}/resolve`, { resolution: 'recording_error' })).status).toBe(409);
  });

  it('records a collection handed out beyond the stock it knew, as a shortfall, never below zero', async () => {
    const point = await place(server, 'MOMD', 'point', { food_parcel: 0 });
    const { round } = await issuedRound(server, 'MOMD', [point.id]);
    const { entitlementId } = await entitled(server, round, [{ code: 'food_parcel', quantity: 2 }]);
    const officer = (await makeUser(server, { role: 'distribution_officer' })).client;
    const synced = await officer.post('/api/redemptions/sync', { deviceId: 'device-c', items: [{ key: 'device-c-0001', entitlementId, pointId: point.id, redeemedAt: at(5), collectedBy: 'head' }] });
    expect(synced.body.results[0].outcome).toBe('recorded');
    expect(await levelOf(server, point.id, 'food_parcel')).toBe(0);
  });

  it('refuses an item it cannot record, in the officer\'s language, and records the others', async () => {
    const point = await place(server);
    const { round } = await issuedRound(server, 'MOMD', [point.id]);
    const good = await entitled(server, round);
    const cancelled = await entitled(server, round);
    await server.ctx.db.kysely.updateTable('entitlements').set({ status: 'cancelled' }).where('id', '=', cancelled.entitlementId).execute();
    const officer = (await makeUser(server, { role: 'distribution_officer' })).client;
    officer.language = 'ckb';
    const res = await officer.post('/api/redemptions/sync', {
      deviceId: 'device-d', items: [
        { key: 'device-d-0001', entitlementId: cancelled.entitlementId, pointId: point.id, redeemedAt: at(3), collectedBy: 'head' },
        { key: 'device-d-0002', entitlementId: good.entitlementId, pointId: point.id, redeemedAt: at(2), collectedBy: 'head' },
      ],
    });
    expect(res.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(['refused', 'recorded']);
    expect(res.body.results[0].error).toBe('ئەم بەشە هەڵوەشێنراوەتەوە.');
    expect((await officer.post('/api/redemptions/sync', { deviceId: 'x', items: [] })).status).toBe(400);
  });
});
