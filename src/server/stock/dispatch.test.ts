import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translateError } from '#domain/i18n/errors';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { keeper, ledgerOf, levelsAt, newPlace, receive } from './stock.fixture.ts';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

describe('dispatches', () => {
  it('takes goods out of the warehouse at once, and puts what arrived into the point, with the difference and its reason', async () => {
    const { client, username } = await keeper(server);
    const warehouse = await newPlace(client);
    const point = await newPlace(client, { kind: 'point', name: 'Harshm camp point', pcode: 'IQG11Q01' });
    await receive(client, warehouse.id, [{ item: 'blanket', quantity: 500 }, { item: 'soap', quantity: 100 }]);
    const sent = await client.post('/api/stock/dispatches', {
      fromLocationId: warehouse.id, toLocationId: point.id, waybill: 'TR-77', lines: [{ item: 'blanket', quantity: 200 }, { item: 'soap', quantity: 50 }],
    }, { 'idempotency-key': 'dispatch-key-01' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ status: 'in_transit', from: { id: warehouse.id }, to: { id: point.id }, sentBy: username, receivedLines: null });
    expect(await levelsAt(client, warehouse.id)).toEqual({ blanket: 300, soap: 50 });
    expect(await levelsAt(client, point.id)).toEqual({});
    const inTransit = await client.get(`/api/stock/dispatches?status=in_transit&location=${point.id}`);
    expect(inTransit.body.items.map((d: { id: string }) => d.id)).toEqual([sent.body.id]);

    const noReason = await client.post(`/api/stock/dispatches/${sent.body.id}/receive`, { lines: [{ item: 'blanket', quantity: 195 }, { item: 'soap', quantity: 50 }] });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors).toEqual([{ path: 'lines.0.reason', code: 'stock.receive_reason', message: '200 were sent and 195 arrived: give the reason for the difference.' }]);
    const partial = await client.post(`/api/stock/dispatches/${sent.body.id}/receive`, { lines: [{ item: 'blanket', quantity: 200 }] });
    expect(partial.body.errors[0]).toMatchObject({ path: 'lines', code: 'stock.dispatch_missing_line', message: 'Say how many of soap arrived (0 if none).' });

    const received = await client.post(`/api/stock/dispatches/${sent.body.id}/receive`, {
      lines: [{ item: 'blanket', quantity: 195, reason: 'damaged' }, { item: 'soap', quantity: 50 }], note: 'Five torn by the rain',
    });
    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({
      status: 'received', receivedBy: username, receivedNote: 'Five torn by the rain',
      receivedLines: [{ item: 'blanket', sent: 200, received: 195, difference: -5, reason: 'damaged' }, { item: 'soap', sent: 50, received: 50, difference: 0, reason: null }],
    });
    expect(await levelsAt(client, point.id)).toEqual({ blanket: 195, soap: 50 });
    const arrivals = await ledgerOf(client, point.id);
    expect(arrivals.map((e) => [e.item, e.kind, e.change, e.reason])).toEqual(expect.arrayContaining([['blanket', 'dispatch_received', 195, 'damaged'], ['soap', 'dispatch_received', 50, null]]));
    expect((await ledgerOf(client, warehouse.id, '&kind=dispatch')).map((e) => [e.item, e.change, e.balance, e.referenceId]))
      .toEqual(expect.arrayContaining([['blanket', -200, 300, sent.body.id]]));

    const again = await client.post(`/api/stock/dispatches/${sent.body.id}/receive`, { lines: [{ item: 'blanket', quantity: 200 }, { item: 'soap', quantity: 50 }] });
    expect(again.status).toBe(409);
    expect(again.body.current).toMatchObject({ status: 'received' });
    expect(await levelsAt(client, point.id)).toEqual({ blanket: 195, soap: 50 });
  });

  it('refuses to send more than the warehouse holds, says what there is in the sender\'s language, and moves nothing', async () => {
    const { client } = await keeper(server);
    client.language = 'ar';
    const warehouse = await newPlace(client);
    const point = await newPlace(client, { kind: 'point' });
    await receive(client, warehouse.id, [{ item: 'mattress', quantity: 30 }, { item: 'blanket', quantity: 10 }]);
    const res = await client.post('/api/stock/dispatches', {
      fromLocationId: warehouse.id, toLocationId: point.id, lines: [{ item: 'blanket', quantity: 5 }, { item: 'mattress', quantity: 31 }, { item: 'tarpaulin', quantity: 1 }],
    });
    expect(res.status).toBe(409);
    expect(res.body.detail).toBe(translateError('ar', 'stock.insufficient'));
    expect(res.body.insufficient).toEqual([{ item: 'mattress', asked: 31, available: 30 }, { item: 'tarpaulin', asked: 1, available: 0 }]);
    expect(res.body.errors[0]).toEqual({ path: 'lines.1.quantity', code: 'stock.insufficient_item', message: 'mattress: المطلوب 31، والموجود في المخزن 30.' });
    expect(await levelsAt(client, warehouse.id)).toEqual({ mattress: 30, blanket: 10 });
    expect((await client.get(`/api/stock/dispatches?location=${warehouse.id}`)).body.total).toBe(0);
  });

  it('sends to another organisation\'s point, which alone receives it', async () => {
    const bmd = await keeper(server, { org: 'BMD' });
    const momd = await keeper(server);
    const warehouse = await newPlace(bmd.client, { pcode: 'IQG09Q01', name: 'Duhok warehouse' });
    const point = await newPlace(momd.client, { kind: 'point', pcode: 'IQG09Q01', name: 'Khanke camp point' });
    await receive(bmd.client, warehouse.id, [{ item: 'kitchen_set', quantity: 40 }]);
    const found = await bmd.client.get('/api/stock/destinations?kind=point');
    expect(found.body.items.map((l: { id: string }) => l.id)).toContain(point.id);
    const sent = await bmd.client.post('/api/stock/dispatches', { fromLocationId: warehouse.id, toLocationId: point.id, lines: [{ item: 'kitchen_set', quantity: 40 }] });
    expect(sent.status).toBe(201);
    expect(sent.body.to).toMatchObject({ organizationCode: 'MOMD' });
    const byBmd = await bmd.client.post(`/api/stock/dispatches/${sent.body.id}/receive`, { lines: [{ item: 'kitchen_set', quantity: 40 }] });
    expect(byBmd.status).toBe(404);
    expect((await momd.client.get(`/api/stock/dispatches/${sent.body.id}`)).status).toBe(200);
    expect((await momd.client.post(`/api/stock/dispatches/${sent.body.id}/receive`, { lines: [{ item: 'kitchen_set', quantity: 40 }] })).status).toBe(200);
    expect(await levelsAt(momd.client, point.id)).toEqual({ kitchen_set: 40 });
    const stranger = await keeper(server, { org: 'BMD', scope: ['IQG06'] });
    expect((await stranger.client.get(`/api/stock/dispatches/${sent.body.id}`)).status).toBe(404);
  });

  it('lets only one of two dispatches at once take the last stock', async () => {
    const { client } = await keeper(server);
    const warehouse = await newPlace(client);
    const points = await Promise.all([newPlace(client, { kind: 'point' }), newPlace(client, { kind: 'point' })]);
    await receive(client, warehouse.id, [{ item: 'jerrycan', quantity: 10 }]);
    const results = await Promise.all(points.map((p) =>
      client.post('/api/stock/dispatches', { fromLocationId: warehouse.id, toLocationId: p.id, lines: [{ item: 'jerrycan', quantity: 7 }] })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.insufficient).toEqual([{ item: 'jerrycan', asked: 7, available: 3 }]);
    expect(await levelsAt(client, warehouse.id)).toEqual({ jerrycan: 3 });
  });

  it('never goes below zero with many dispatches and adjustments at once, and the ledger adds up', async () => {
    const { client } = await keeper(server);
    const warehouse = await newPlace(client);
    const point = await newPlace(client, { kind: 'point' });
    await receive(client, warehouse.id, [{ item: 'blanket', quantity: 50 }, { item: 'mattress', quantity: 50 }]);
    // Lines in both orders, so that two writers lock the same rows from either end.
    const requests = Array.from({ length: 16 }, (_, i) => (i % 4 === 3
      ? client.post('/api/stock/adjustments', { locationId: warehouse.id, lines: [{ item: 'mattress', quantity: -3, reason: 'damaged' }, { item: 'blanket', quantity: -3, reason: 'lost' }] })
      : client.post('/api/stock/dispatches', {
        fromLocationId: warehouse.id, toLocationId: point.id,
        lines: i % 2 ? [{ item: 'blanket', quantity: 4 }, { item: 'mattress', quantity: 4 }] : [{ item: 'mattress', quantity: 4 }, { item: 'blanket', quantity: 4 }],
      })));
    const results = await Promise.all(requests);
    expect(results.every((r) => r.status === 201 || r.status === 409), JSON.stringify(results.map((r) => r.body))).toBe(true);
    const taken = results.reduce((sum, r, i) => sum + (r.status === 201 ? (i % 4 === 3 ? 3 : 4) : 0), 0);
    expect(taken).toBeLessThanOrEqual(50);
    expect(results.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(12);
    const levels = await levelsAt(client, warehouse.id);
    expect(levels).toEqual({ blanket: 50 - taken, mattress: 50 - taken });
    const ledger = await ledgerOf(client, warehouse.id, '&item=blanket');
    expect(ledger.reduce((sum, e) => sum + e.change, 0)).toBe(levels.blanket);
    expect(ledger[0].balance).toBe(levels.blanket);
  });
});
