import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { makeUser, newId } from '../../../test/factories.ts';
import { decodeCardToken, encodeCardToken } from '#domain/assistance/card-token';
import { entitled, issuedRound, levelOf, place } from './distribution.fixture.ts';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

async function setUp() {
  const point = await place(server);
  const other = await place(server);
  const { round } = await issuedRound(server, 'MOMD', [point.id, other.id]);
  const { clerk, household, entitlementId } = await entitled(server, round);
  const officer = await makeUser(server, { role: 'distribution_officer' });
  return { point, other, round, clerk, household, entitlementId, officer: officer.client };
}

describe('the household card', () => {
  it('is printed with a signed token naming the card, and a reprint revokes the card before it', async () => {
    const { clerk, household } = await setUp();
    const first = await clerk.post(`/api/households/${household.id}/cards`, {});
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ card: { serial: 1, revokedAt: null }, household: { registrationNumber: household.registrationNumber, size: 2 } });
    expect(first.body.token).not.toContain(household.id.replace(/-/g, ''));
    expect(decodeCardToken(first.body.token)?.cardId).toBe(first.body.card.id);
    expect((await clerk.get(`/api/households/${household.id}/cards/current`)).body.token).toBe(first.body.token);
    const second = await clerk.post(`/api/households/${household.id}/cards`, { reason: 'card lost' });
    expect(second.body.card.serial).toBe(2);
    const cards = (await clerk.get(`/api/households/${household.id}/cards`)).body.items;
    expect(cards.map((c: { serial: number; revokedReason: string | null }) => [c.serial, c.revokedReason])).toEqual([[2, null], [1, 'card lost']]);
  });

  it('is printed only by the household\'s own registry and by those allowed to print', async () => {
    const { household } = await setUp();
    const bmd = await makeUser(server, { org: 'BMD', role: 'registration_officer' });
    expect((await bmd.client.post(`/api/households/${household.id}/cards`, {})).status).toBe(404);
    const viewer = await makeUser(server, { role: 'viewer' });
    expect((await viewer.client.post(`/api/households/${household.id}/cards`, {})).status).toBe(403);
  });
});

describe('collecting at the point', () => {
  it('shows the family the card names with what it may collect, records the collection once and takes the stock', async () => {
    const { clerk, household, officer, point, entitlementId } = await setUp();
    const token = (await clerk.post(`/api/households/${household.id}/cards`, {})).body.token;
    const seen = await officer.get(`/api/distribution/lookup?token=${encodeURIComponent(token)}&pointId=${point.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.household).toMatchObject({ registrationNumber: household.registrationNumber, headName: 'أحمد حسن علي الجبوري', headSex: 'm' });
    expect(seen.body.entitlements).toEqual([expect.objectContaining({ id: entitlementId, status: 'issued', redemption: null })]);
    expect(JSON.stringify(seen.body)).not.toMatch(/national_id|0750|SM/);
    const soap = await levelOf(server, point.id, 'soap');
    const done = await officer.post('/api/redemptions', { token, pointId: point.id, collectedBy: 'head' });
    expect(done.status).toBe(201);
    expect(done.body.redemption).toMatchObject({ entitlementId, point: { id: point.id }, collectedBy: 'head', via: 'scan' });
    expect(await levelOf(server, point.id, 'food_parcel')).toBe(99);
    expect(await levelOf(server, point.id, 'soap')).toBe(soap - 10);
    const again = await officer.post('/api/redemptions', { token, pointId: point.id });
    expect(again.status).toBe(409);
    expect(again.body.redemption).toMatchObject({ id: done.body.redemption.id, point: { id: point.id } });
    expect(again.body.detail).toContain(point.code);
  });

  it('lets exactly one of two points at the same instant record a collection', async () => {
    const { officer, point, other, entitlementId } = await setUp();
    const results = await Promise.all([point, other, point, other].map((p) => officer.post('/api/redemptions', { entitlementId, pointId: p.id })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    const food = (await levelOf(server, point.id, 'food_parcel')) + (await levelOf(server, other.id, 'food_parcel'));
    expect(food).toBe(199);
  });

  it('refuses forged, revoked and expired cards by name and records nothing', async () => {
    const { clerk, household, officer, point, entitlementId } = await setUp();
    const old = (await clerk.post(`/api/households/${household.id}/cards`, {})).body.token;
    await clerk.post(`/api/households/${household.id}/cards`, { reason: 'reprinted' });
    officer.language = 'ar';
    const revoked = await officer.post('/api/redemptions', { token: old, pointId: point.id });
    expect(revoked.status).toBe(422);
    expect(revoked.body.errors[0]).toMatchObject({ path: 'token', code: 'card.revoked', message: expect.stringContaining('استُبدلت') });
    officer.language = 'en';
    const current = (await clerk.get(`/api/households/${household.id}/cards/current`)).body.token;
    const decoded = decodeCardToken(current)!;
    const tampered = new Uint8Array(decoded.signed);
    tampered[20] ^= 1;
    const forged = encodeCardToken(tampered, decoded.signature);
    expect((await officer.post('/api/redemptions', { token: forged, pointId: point.id })).body.errors[0].code).toBe('card.forged');
    expect((await officer.post('/api/redemptions', { token: 'AMC1.not-a-card', pointId: point.id })).body.errors[0].code).toBe('card.forged');
    await server.ctx.db.kysely.updateTable('household_cards').set({ expires_on: '2020-01-01' }).where('id', '=', decoded.cardId).execute();
    // The expiry in the table is what counts (the token's own copy is signed and cannot be stretched).
    expect((await officer.post('/api/redemptions', { token: current, pointId: point.id })).body.errors[0].code).toBe('card.expired');
    expect((await officer.get(`/api/distribution/lookup?household=${household.id}&pointId=${point.id}`)).body.entitlements[0].status).toBe('issued');
    expect((await officer.post('/api/redemptions', { entitlementId, pointId: point.id, collectedBy: 'alternate' })).status).toBe(400);
  });

  it('refuses what the point cannot give: not enough stock, another organisation\'s point or entitlement', async () => {
    const point = await place(server, 'MOMD', 'point', { food_parcel: 0 });
    const { round } = await issuedRound(server, 'MOMD', [point.id]);
    const { entitlementId } = await entitled(server, round, [{ code: 'food_parcel', quantity: 1 }]);
    const officer = (await makeUser(server, { role: 'distribution_officer' })).client;
    const short = await officer.post('/api/redemptions', { entitlementId, pointId: point.id });
    expect(short.status).toBe(409);
    expect(short.body.errors).toEqual([expect.objectContaining({ path: 'items.food_parcel', code: 'stock.insufficient_item' })]);
    expect((await officer.get(`/api/distribution/lookup?household=${(await server.ctx.db.kysely.selectFrom('entitlements').select('household_id').where('id', '=', entitlementId).executeTakeFirstOrThrow()).household_id}&pointId=${point.id}`)).body.entitlements[0].status).toBe('issued');
    const partner = (await makeUser(server, { org: 'BMD', role: 'distribution_officer' })).client;
    expect((await partner.post('/api/redemptions', { entitlementId, pointId: point.id })).status).toBe(404);
    const bmdPoint = await place(server, 'BMD');
    expect((await partner.post('/api/redemptions', { entitlementId, pointId: bmdPoint.id })).status).toBe(404);
    expect((await officer.post('/api/redemptions', { entitlementId: newId(), pointId: point.id })).status).toBe(404);
  });
});
