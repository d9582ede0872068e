import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { newId } from '../../../test/factories.ts';
import type { EntitlementLine } from '#domain/assistance/distribution';
import { Problem } from '../http/problem.ts';
import { audit } from '../shared/tx.ts';
import { issueForRedemption, pointOf } from './service.ts';
import { keeper, ledgerOf, levelsAt, newPlace, receive, type Keeper } from './stock.fixture.ts';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

/** Issues a redemption's lines in a transaction of its own, then audits, as the redemption service does. */
function issue(k: Keeper, pointId: string, lines: EntitlementLine[], whenShort: 'refuse' | 'record', redemptionId = newId()) {
  return server.ctx.db.kysely.transaction().execute(async (trx) => {
    const result = await issueForRedemption(trx, k.actor, pointId, lines, redemptionId, whenShort);
    await audit(trx, k.actor, 'redemption.create', 'redemption', redemptionId, {});
    return result;
  });
}

async function stockedPoint(k: Keeper, lines: { item: string; quantity: number }[]) {
  const point = await newPlace(k.client, { kind: 'point', name: 'Debaga camp point', pcode: 'IQG11Q04' });
  if (lines.length) await receive(k.client, point.id, lines);
  return point;
}

describe('issuing a redemption from a point\'s stock', () => {
  it('takes kits as their items and cash not at all, and writes who and which redemption in the ledger', async () => {
    const k = await keeper(server);
    const point = await stockedPoint(k, [{ item: 'soap', quantity: 100 }, { item: 'sanitary_pads', quantity: 40 }, { item: 'jerrycan', quantity: 10 }, { item: 'food_parcel', quantity: 5 }]);
    const redemption = newId();
    const result = await issue(k, point.id, [{ code: 'hygiene_kit', quantity: 2 }, { code: 'food_parcel', quantity: 1 }, { code: 'cash_grant', quantity: 150000 }, { code: 'soap', quantity: 5 }], 'refuse', redemption);
    expect(result).toEqual({ shortfall: [] });
    expect(await levelsAt(k.client, point.id)).toEqual({ soap: 75, sanitary_pads: 32, jerrycan: 8, food_parcel: 4 });
    const issued = (await ledgerOf(k.client, point.id, '&kind=issue')).map((e) => [e.item, e.change, e.balance, e.referenceId, e.recordedBy]);
    expect(issued).toEqual(expect.arrayContaining([
      ['soap', -25, 75, redemption, k.username], ['sanitary_pads', -8, 32, redemption, k.username], ['jerrycan', -2, 8, redemption, k.username], ['food_parcel', -1, 4, redemption, k.username],
    ]));
    expect(issued).toHaveLength(4);
    expect(await issue(k, point.id, [{ code: 'cash_grant', quantity: 250000 }], 'refuse')).toEqual({ shortfall: [] });
  });

  it('online: refuses when any item is short, saying what there is, and the transaction writes nothing', async () => {
    const k = await keeper(server);
    const point = await stockedPoint(k, [{ item: 'blanket', quantity: 10 }, { item: 'mattress', quantity: 1 }, { item: 'tarpaulin', quantity: 5 }]);
    const error = await issue(k, point.id, [{ code: 'winter_kit', quantity: 1 }], 'refuse').catch((e) => e);
    expect(error).toBeInstanceOf(Problem);
    expect(error).toMatchObject({ status: 409, key: 'stock.insufficient' });
    expect(error.options.extra.insufficient).toEqual([{ item: 'mattress', asked: 2, available: 1 }]);
    expect(error.options.errors).toEqual([{ path: 'items.mattress', key: 'stock.insufficient_item', params: { item: 'mattress', asked: 2, available: 1 } }]);
    expect(await levelsAt(k.client, point.id)).toEqual({ blanket: 10, mattress: 1, tarpaulin: 5 });
    expect(await ledgerOf(k.client, point.id, '&kind=issue')).toEqual([]);
    const none = await issue(k, point.id, [{ code: 'kitchen_set', quantity: 1 }], 'refuse').catch((e) => e);
    expect(none.options.extra.insufficient).toEqual([{ item: 'kitchen_set', asked: 1, available: 0 }]);
  });

  it('offline: takes what there is down to zero, records the rest as a shortfall in the alerts, and a count settles it', async () => {
    const k = await keeper(server);
    const point = await stockedPoint(k, [{ item: 'blanket', quantity: 3 }, { item: 'mattress', quantity: 10 }]);
    const redemption = newId();
    const result = await issue(k, point.id, [{ code: 'winter_kit', quantity: 1 }], 'record', redemption);
    expect(result.shortfall).toEqual([{ item: 'blanket', missing: 1 }, { item: 'tarpaulin', missing: 1 }]);
    expect(await levelsAt(k.client, point.id)).toEqual({ blanket: 0, mattress: 8, tarpaulin: 0 });
    const ledger = await ledgerOf(k.client, point.id);
    expect(ledger.filter((e) => e.referenceId === redemption).map((e) => [e.item, e.kind, e.change, e.balance, e.missing])).toEqual(expect.arrayContaining([
      ['blanket', 'issue', -3, 0, null], ['blanket', 'shortfall', 0, 0, 1], ['tarpaulin', 'shortfall', 0, 0, 1], ['mattress', 'issue', -2, 8, null],
    ]));
    await issue(k, point.id, [{ code: 'blanket', quantity: 2 }], 'record');
    const alerts = (await k.client.get('/api/stock/alerts')).body.shortfalls.filter((s: { location: { id: string } }) => s.location.id === point.id);
    expect(alerts.map((s: { item: { code: string }; missing: number }) => [s.item.code, s.missing]).sort()).toEqual([['blanket', 3], ['tarpaulin', 1]]);
    expect(alerts[0].since).toEqual(expect.any(String));
    expect((await k.client.get(`/api/stock/levels?location=${point.id}&item=blanket`)).body.items[0]).toMatchObject({ quantity: 0, shortfall: 3 });

    const count = await k.client.post('/api/stock/counts', { locationId: point.id, lines: [{ item: 'blanket', counted: 0 }, { item: 'tarpaulin', counted: 2, reason: 'unrecorded_receipt' }] });
    expect(count.status).toBe(201);
    expect(count.body.lines.map((l: { item: string; settled: number }) => [l.item, l.settled])).toEqual([['blanket', 3], ['tarpaulin', 1]]);
    expect((await k.client.get('/api/stock/alerts')).body.shortfalls.some((s: { location: { id: string } }) => s.location.id === point.id)).toBe(false);
  });

  it('answers what a redemption needs to know of a point', async () => {
    const k = await keeper(server);
    const point = await stockedPoint(k, []);
    expect(await pointOf(server.ctx.db.kysely, point.id)).toMatchObject({
      id: point.id, code: point.code, kind: 'point', active: true, pcode: 'IQG11Q04', organizationId: k.actor.organizationId, name: 'Debaga camp point',
    });
    expect(await pointOf(server.ctx.db.kysely, newId())).toBeNull();
  });

  it('never goes below zero with many redemptions at once, kits and items in any order, online and offline', async () => {
    const k = await keeper(server);
    const point = await stockedPoint(k, [{ item: 'soap', quantity: 200 }, { item: 'sanitary_pads', quantity: 80 }, { item: 'jerrycan', quantity: 20 }, { item: 'food_parcel', quantity: 15 }]);
    const orders: EntitlementLine[][] = [
      [{ code: 'hygiene_kit', quantity: 1 }, { code: 'food_parcel', quantity: 1 }],
      [{ code: 'food_parcel', quantity: 1 }, { code: 'soap', quantity: 2 }, { code: 'jerrycan', quantity: 1 }],
      [{ code: 'jerrycan', quantity: 1 }, { code: 'hygiene_kit', quantity: 1 }, { code: 'cash_grant', quantity: 100000 }],
    ];
    const outcomes = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => issue(k, point.id, orders[i % 3], i % 5 === 4 ? 'record' : 'refuse')));
    const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(failures.every((f) => f.reason instanceof Problem && f.reason.key === 'stock.insufficient'), String(failures[0]?.reason)).toBe(true);
    const levels = await levelsAt(k.client, point.id);
    expect(Math.min(...Object.values(levels))).toBeGreaterThanOrEqual(0);
    for (const item of ['soap', 'sanitary_pads', 'jerrycan', 'food_parcel']) {
      const ledger = await ledgerOf(k.client, point.id, `&item=${item}`);
      expect(ledger.reduce((sum, e) => sum + e.change, 0), item).toBe(levels[item]);
    }
    // More jerrycans are asked online than there are: some of those are refused, none goes below zero.
    expect(failures.length).toBeGreaterThan(0);
  });

  it('never deadlocks when offline redemptions create levels while keepers receive and count the same items', async () => {
    const k = await keeper(server);
    const point = await stockedPoint(k, []);
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 12; i += 1) {
      work.push(issue(k, point.id, [{ code: 'winter_kit', quantity: 1 }], i % 3 === 0 ? 'refuse' : 'record').catch((e) => (e instanceof Problem ? e : Promise.reject(e))));
      if (i % 3 === 0) work.push(k.client.post('/api/stock/receipts', { locationId: point.id, lines: [{ item: 'tarpaulin', quantity: 2 }, { item: 'blanket', quantity: 8 }, { item: 'mattress', quantity: 4 }] }));
      if (i % 4 === 1) work.push(k.client.post('/api/stock/adjustments', { locationId: point.id, lines: [{ item: 'mattress', quantity: 1, reason: 'found' }, { item: 'blanket', quantity: 1, reason: 'returned' }] }));
    }
    const results = await Promise.all(work);
    expect(results.filter((r) => r && typeof r === 'object' && 'status' in r && typeof r.status === 'number' && (r.status as number) >= 500)).toEqual([]);
    const levels = await levelsAt(k.client, point.id);
    for (const item of ['blanket', 'mattress', 'tarpaulin']) {
      const ledger = await ledgerOf(k.client, point.id, `&item=${item}`);
      expect(levels[item]).toBeGreaterThanOrEqual(0);
      expect(ledger.reduce((sum, e) => sum + e.change, 0), item).toBe(levels[item]);
    }
  });
});
