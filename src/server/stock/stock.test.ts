import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translateError } from '#domain/i18n/errors';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { makeUser, newId } from '../../../test/factories.ts';
import { keeper, ledgerOf, levelsAt, newPlace, receive, uniqueCode, type Place } from './stock.fixture.ts';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

describe('warehouses and distribution points', () => {
  it('registers a place for the keeper\'s organisation, once per Idempotency-Key, and finds it by code or name', async () => {
    const { client } = await keeper(server);
    const body = { kind: 'point', code: uniqueCode('DP'), name: 'Debaga camp point', nameAr: 'نقطة مخيم ديبكة', pcode: 'IQG11Q04' };
    const first = await client.post('/api/stock/locations', body, { 'idempotency-key': 'place-key-0001' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ kind: 'point', organization: { code: 'MOMD' }, active: true, version: 1 });
    const replay = await client.post('/api/stock/locations', body, { 'idempotency-key': 'place-key-0001' });
    expect(replay.body.id).toBe(first.body.id);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const found = await client.get(`/api/stock/locations?q=${encodeURIComponent('ديبكة')}&kind=point`);
    expect(found.body.items.map((l: { id: string }) => l.id)).toEqual([first.body.id]);
    const taken = await client.post('/api/stock/locations', { ...body, name: 'Another' });
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0]).toMatchObject({ path: 'code', code: 'stock.location_code_taken' });
  });

  it('keeps a place to its organisation and to the writer\'s area', async () => {
    const momd = await keeper(server);
    const place = await newPlace(momd.client);
    const bmd = await keeper(server, { org: 'BMD' });
    expect((await bmd.client.get(`/api/stock/locations/${place.id}`)).status).toBe(404);
    expect((await bmd.client.get('/api/stock/locations?pageSize=500')).body.items.map((l: { id: string }) => l.id)).not.toContain(place.id);
    expect((await bmd.client.patch(`/api/stock/locations/${place.id}`, { version: 1, name: 'Mine now' })).status).toBe(404);
    expect((await bmd.client.post('/api/stock/receipts', { locationId: place.id, lines: [{ item: 'soap', quantity: 5 }] })).status).toBe(404);
    const duhok = await keeper(server, { scope: ['IQG09'] });
    const outside = await duhok.client.post('/api/stock/locations', { kind: 'warehouse', code: uniqueCode(), name: 'Erbil', pcode: 'IQG11Q01' });
    expect(outside.status).toBe(422);
    expect(outside.body.errors).toEqual([expect.objectContaining({ path: 'pcode', code: 'scope.outside' })]);
    expect((await duhok.client.get(`/api/stock/locations/${place.id}`)).status).toBe(404);
  });

  it('edits at the version read, and closes a place only once it is empty', async () => {
    const { client } = await keeper(server);
    const place = await newPlace(client);
    const renamed = await client.patch(`/api/stock/locations/${place.id}`, { version: 1, name: 'Erbil warehouse 2' });
    expect(renamed.body).toMatchObject({ name: 'Erbil warehouse 2', version: 2 });
    const stale = await client.patch(`/api/stock/locations/${place.id}`, { version: 1, name: 'Old' });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ version: 2 });
    await receive(client, place.id, [{ item: 'soap', quantity: 5 }]);
    const full = await client.patch(`/api/stock/locations/${place.id}`, { version: 2, active: false });
    expect(full.status).toBe(409);
    expect(full.body.detail).toBe(translateError('en', 'stock.location_not_empty'));
    await client.post('/api/stock/adjustments', { locationId: place.id, lines: [{ item: 'soap', quantity: -5, reason: 'expired' }] });
    expect((await client.patch(`/api/stock/locations/${place.id}`, { version: 2, active: false })).body).toMatchObject({ active: false, version: 3 });
    const closed = await client.post('/api/stock/receipts', { locationId: place.id, lines: [{ item: 'soap', quantity: 5 }] });
    expect(closed.status).toBe(422);
    expect(closed.body.errors[0]).toMatchObject({ path: 'locationId', code: 'stock.location_inactive' });
  });

  it('lets a distribution officer read stock but not change it', async () => {
    const momd = await keeper(server);
    const place = await newPlace(momd.client);
    const { client: officer } = await makeUser(server, { role: 'distribution_officer' });
    expect((await officer.get(`/api/stock/locations/${place.id}`)).status).toBe(200);
    expect((await officer.post('/api/stock/receipts', { locationId: place.id, lines: [{ item: 'soap', quantity: 5 }] })).status).toBe(403);
    const { client: clerk } = await makeUser(server, { role: 'registration_officer' });
    expect((await clerk.get('/api/stock/levels')).status).toBe(403);
  });
});

describe('receipts and levels', () => {
  it('adds goods received to the level and to the ledger with who and from whom, once per Idempotency-Key', async () => {
    const { client, username } = await keeper(server);
    const place = await newPlace(client);
    const body = { locationId: place.id, lines: [{ item: 'blanket', quantity: 400 }, { item: 'food_parcel', quantity: 150 }], supplier: 'UNHCR', reference: 'WB-2014-0812', receivedOn: '2014-08-12' };
    const first = await client.post('/api/stock/receipts', body, { 'idempotency-key': 'receipt-key-001' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ receivedOn: '2014-08-12', recordedBy: username, lines: [{ item: 'blanket', quantity: 400, balance: 400 }, { item: 'food_parcel', balance: 150 }] });
    expect((await client.post('/api/stock/receipts', body, { 'idempotency-key': 'receipt-key-001' })).body.id).toBe(first.body.id);
    await receive(client, place.id, [{ item: 'blanket', quantity: 100 }]);
    expect(await levelsAt(client, place.id)).toEqual({ blanket: 500, food_parcel: 150 });
    const ledger = await ledgerOf(client, place.id, '&item=blanket');
    expect(ledger.map((e) => [e.kind, e.change, e.balance])).toEqual([['receipt', 100, 500], ['receipt', 400, 400]]);
    expect(ledger[1]).toMatchObject({ referenceId: first.body.id, recordedBy: username, note: 'UNHCR · WB-2014-0812' });
    expect((await client.get(`/api/stock/receipts/${first.body.id}`)).body).toMatchObject({ supplier: 'UNHCR', location: { id: place.id } });
  });

  it('keeps kits as their items and cash out of stock, and refuses unknown items', async () => {
    const { client } = await keeper(server);
    const place = await newPlace(client);
    const res = await client.post('/api/stock/receipts', { locationId: place.id, lines: [{ item: 'hygiene_kit', quantity: 5 }, { item: 'cash_grant', quantity: 1 }, { item: 'tents', quantity: 2 }] });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['lines.0.item', 'stock.item_kit'], ['lines.1.item', 'stock.item_cash'], ['lines.2.item', 'stock.item_unknown'],
    ]);
  });

  it('answers bad input field by field in the keeper\'s language', async () => {
    const { client } = await keeper(server);
    client.language = 'ar';
    const place = await newPlace(client);
    const res = await client.post('/api/stock/receipts', { locationId: place.id, lines: [{ item: 'soap', quantity: 0 }, { item: 'soap', quantity: 2 }] });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-language')).toBe('ar');
    expect(res.body.errors).toEqual(expect.arrayContaining([
      { path: 'lines.0.quantity', code: 'stock.quantity', message: translateError('ar', 'stock.quantity') },
      { path: 'lines.1.item', code: 'stock.item_duplicate', message: 'هذه المادة مذكورة في سطر آخر.' },
    ]));
  });
});

describe('many places', () => {
  it('are found a page at a time by kind and text, with the levels of the places of a page in one request', async () => {
    const { client } = await keeper(server, { org: 'BMD' });
    const tag = uniqueCode('MANY').replace('MANY-', '');
    const places: Place[] = [];
    for (let i = 0; i < 7; i += 1) places.push(await newPlace(client, { kind: 'point', code: `DP-${tag}-${i}`, name: `Point ${tag} ${i}` }));
    const page2 = (await client.get(`/api/stock/locations?kind=point&q=${tag}&pageSize=3&page=2`)).body;
    expect(page2).toMatchObject({ total: 7, page: 2, pageSize: 3 });
    expect(page2.items.map((l: { code: string }) => l.code)).toEqual([3, 4, 5].map((i) => `DP-${tag}-${i}`));
    await receive(client, places[0].id, [{ item: 'soap', quantity: 10 }]);
    await receive(client, places[4].id, [{ item: 'blanket', quantity: 4 }, { item: 'soap', quantity: 1 }]);
    await receive(client, places[5].id, [{ item: 'blanket', quantity: 9 }]);
    const levels = (await client.get(`/api/stock/levels?locations=${places.slice(0, 5).map((p) => p.id).join(',')}`)).body;
    expect(levels.items.map((l: { location: { id: string }; item: { code: string }; quantity: number }) => [places.findIndex((p) => p.id === l.location.id), l.item.code, l.quantity]))
      .toEqual(expect.arrayContaining([[0, 'soap', 10], [4, 'blanket', 4], [4, 'soap', 1]]));
    expect(levels.total).toBe(3);
    const bad = await client.get(`/api/stock/levels?locations=${places[0].id},not-an-id`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'locations', code: 'uuid.invalid' });
    // Another organisation's keeper sees none of them, by any road.
    const other = await keeper(server);
    expect((await other.client.get(`/api/stock/levels?locations=${places[0].id}`)).body.items).toEqual([]);
  });
});

describe('thresholds and alerts', () => {
  it('flags items at or under their low level, and lists them in the alerts', async () => {
    const { client } = await keeper(server);
    const place = await newPlace(client);
    await receive(client, place.id, [{ item: 'soap', quantity: 100 }, { item: 'blanket', quantity: 20 }]);
    const set = await client.request('PUT', `/api/stock/locations/${place.id}/thresholds`, { thresholds: [{ item: 'soap', lowLevel: 100 }, { item: 'blanket', lowLevel: 5 }, { item: 'mattress', lowLevel: 10 }] });
    expect(set.status).toBe(200);
    expect(set.body.items.map((l: { item: { code: string }; low: boolean }) => [l.item.code, l.low])).toEqual(expect.arrayContaining([['soap', true], ['blanket', false], ['mattress', true]]));
    const low = await client.get(`/api/stock/levels?location=${place.id}&low=true`);
    expect(low.body.items.map((l: { item: { code: string } }) => l.item.code).sort()).toEqual(['mattress', 'soap']);
    const alerts = (await client.get('/api/stock/alerts')).body;
    expect(alerts.low.filter((a: { location: { id: string } }) => a.location.id === place.id).map((a: { item: { code: string }; quantity: number; lowLevel: number }) => [a.item.code, a.quantity, a.lowLevel]))
      .toEqual(expect.arrayContaining([['soap', 100, 100], ['mattress', 0, 10]]));
    await client.request('PUT', `/api/stock/locations/${place.id}/thresholds`, { thresholds: [{ item: 'soap', lowLevel: null }] });
    expect((await client.get(`/api/stock/levels?location=${place.id}&item=soap`)).body.items[0]).toMatchObject({ lowLevel: null, low: false });
    const bmd = await keeper(server, { org: 'BMD' });
    expect((await bmd.client.get('/api/stock/alerts')).body.low.some((a: { location: { id: string } }) => a.location.id === place.id)).toBe(false);
  });
});

describe('counts and adjustments', () => {
  it('makes each counted level what was counted, with a reason for every difference', async () => {
    const { client } = await keeper(server);
    const place = await newPlace(client);
    await receive(client, place.id, [{ item: 'soap', quantity: 120 }, { item: 'blanket', quantity: 30 }]);
    const missing = await client.post('/api/stock/counts', { locationId: place.id, lines: [{ item: 'soap', counted: 110 }, { item: 'blanket', counted: 30 }] });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([{ path: 'lines.0.reason', code: 'stock.count_reason', message: 'The record says 120 and 110 were counted: give the reason for the difference.' }]);
    const wrongWay = await client.post('/api/stock/counts', { locationId: place.id, lines: [{ item: 'soap', counted: 110, reason: 'found' }] });
    expect(wrongWay.body.errors[0].code).toBe('stock.reason_direction');
    expect(await levelsAt(client, place.id)).toEqual({ soap: 120, blanket: 30 });
    const count = await client.post('/api/stock/counts', {
      locationId: place.id, countedOn: '2015-01-31', note: 'Monthly count',
      lines: [{ item: 'soap', counted: 110, reason: 'damaged' }, { item: 'blanket', counted: 30 }, { item: 'mattress', counted: 4, reason: 'unrecorded_receipt' }],
    });
    expect(count.status).toBe(201);
    expect(count.body.lines.map((l: { item: string; expected: number; difference: number }) => [l.item, l.expected, l.difference])).toEqual([['soap', 120, -10], ['blanket', 30, 0], ['mattress', 0, 4]]);
    expect(await levelsAt(client, place.id)).toEqual({ soap: 110, blanket: 30, mattress: 4 });
    const ledger = await ledgerOf(client, place.id, '&kind=count');
    expect(ledger.map((e) => [e.item, e.change, e.balance, e.reason])).toEqual(expect.arrayContaining([['soap', -10, 110, 'damaged'], ['blanket', 0, 30, null], ['mattress', 4, 4, 'unrecorded_receipt']]));
    expect((await client.get(`/api/stock/counts/${count.body.id}`)).body).toMatchObject({ countedOn: '2015-01-31', note: 'Monthly count' });
  });

  it('adjusts with a reason from the list, and refuses to take more than there is', async () => {
    const { client } = await keeper(server);
    const place = await newPlace(client);
    await receive(client, place.id, [{ item: 'food_parcel', quantity: 10 }, { item: 'kerosene', quantity: 200 }]);
    expect((await client.get('/api/stock/reasons')).body.items.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['damaged', 'found', 'correction']));
    const unknown = await client.post('/api/stock/adjustments', { locationId: place.id, lines: [{ item: 'food_parcel', quantity: -2, reason: 'eaten' }] });
    expect(unknown.body.errors[0]).toMatchObject({ path: 'lines.0.reason', code: 'stock.reason_unknown' });
    const tooMuch = await client.post('/api/stock/adjustments', { locationId: place.id, lines: [{ item: 'kerosene', quantity: -20, reason: 'lost' }, { item: 'food_parcel', quantity: -11, reason: 'expired' }] });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.insufficient).toEqual([{ item: 'food_parcel', asked: 11, available: 10 }]);
    expect(tooMuch.body.errors).toEqual([{ path: 'lines.1.quantity', code: 'stock.insufficient_item', message: 'food_parcel: 11 asked, 10 in stock.' }]);
    expect(await levelsAt(client, place.id)).toEqual({ food_parcel: 10, kerosene: 200 });
    const id = newId();
    const ok = await client.post('/api/stock/adjustments', { id, locationId: place.id, note: 'Rain in store 2', lines: [{ item: 'food_parcel', quantity: -3, reason: 'spoiled' }, { item: 'kerosene', quantity: 5, reason: 'found' }] });
    expect(ok.status).toBe(201);
    expect(ok.body.lines).toEqual([{ item: 'food_parcel', change: -3, balance: 7, reason: 'spoiled' }, { item: 'kerosene', change: 5, balance: 205, reason: 'found' }]);
    expect((await ledgerOf(client, place.id, '&kind=adjustment')).map((e) => [e.item, e.change, e.reason, e.note, e.referenceId]))
      .toEqual(expect.arrayContaining([['food_parcel', -3, 'spoiled', 'Rain in store 2', id]]));
  });

  it('audits every change of stock', async () => {
    const { client } = await keeper(server);
    const place = await newPlace(client);
    await receive(client, place.id, [{ item: 'soap', quantity: 5 }]);
    const rows = await server.ctx.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', place.id).execute();
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['stock.location_create', 'stock.receipt']));
  });
});

describe('the API description', () => {
  it('documents every stock route in the OpenAPI description', async () => {
    const spec = await (await fetch(`${server.url}/api/openapi.json`)).json() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    for (const path of ['/api/stock/locations', '/api/stock/locations/{id}', '/api/stock/locations/{id}/thresholds', '/api/stock/levels', '/api/stock/receipts',
      '/api/stock/dispatches', '/api/stock/dispatches/{id}/receive', '/api/stock/counts', '/api/stock/adjustments', '/api/stock/ledger', '/api/stock/alerts']) {
      expect(spec.paths[path], path).toBeDefined();
    }
    expect(spec.paths['/api/stock/receipts'].post.tags).toEqual(['stock']);
  });
});

