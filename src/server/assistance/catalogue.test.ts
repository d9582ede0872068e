import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translateError } from '#domain/i18n/errors';
import type { Client } from '../../../test/client.ts';
import { makeUser, newId } from '../../../test/factories.ts';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { approve, entitlementsOf, issued, newProgramme, newRound, organisation, register, type Org } from './assistance.fixture.ts';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

let sequence = 0;
const code = (prefix: string) => `${prefix}_${++sequence}_${Math.random().toString(36).slice(2, 7)}`;
const labels = (en: string) => ({ en, ar: `${en} (ar)`, ckb: `${en} (ckb)` });

/** A new entry of the catalogue made through the API (an item unless told otherwise). */
async function newItem(client: Client, over: Record<string, unknown> = {}) {
  const res = await client.post('/api/assistance/items', { code: code('item'), kind: 'item', sector: 'shelter_nfi', labels: labels('Test item'), unit: 'piece', ...over });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { code: string; kind: string; version: number; active: boolean; components: { code: string; quantity: number }[] };
}

const entry = async (client: Client, itemCode: string) =>
  ((await client.get('/api/assistance/catalogue?all=true')).body.items as { code: string; version: number; active: boolean }[]).find((i) => i.code === itemCode);

const audited = async (entity: string, id: string) =>
  (await server.ctx.db.kysely.selectFrom('audit_log').select('action').where('entity', '=', entity).where('entity_id', '=', id).orderBy('seq').execute()).map((a) => a.action);

describe('items, kits and cash', () => {
  it('are added and changed at the version read by a programme manager, every change audited', async () => {
    const o = await organisation(server);
    const blanket = await newItem(o.maker.client, { labels: { en: '  Thermal blanket ', ar: 'بطانية حرارية', ckb: 'بەتانیی گەرم' }, unitValueIqd: 18000 });
    expect(blanket).toMatchObject({ kind: 'item', labels: { en: 'Thermal blanket' }, unit: 'piece', unitValueIqd: 18000, active: true, version: 1, components: [] });
    const body = { code: code('kit'), kind: 'kit', sector: 'shelter_nfi', labels: labels('Cold kit'), unit: 'kit', components: [{ code: blanket.code, quantity: 2 }, { code: 'soap', quantity: 5 }] };
    const kit = await o.maker.client.post('/api/assistance/items', body, { 'idempotency-key': `kit-${body.code}` });
    expect(kit.status).toBe(201);
    expect(kit.body.components).toEqual([{ code: blanket.code, quantity: 2 }, { code: 'soap', quantity: 5 }]);
    const again = await o.maker.client.post('/api/assistance/items', body, { 'idempotency-key': `kit-${body.code}` });
    expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
    const cash = await newItem(o.maker.client, { code: code('cash'), kind: 'cash', unit: 'piece', unitValueIqd: 5000, labels: labels('Rent support') });
    expect(cash).toMatchObject({ kind: 'cash', unit: 'iqd', unitValueIqd: 1 });

    // Offered to everyone who reads assistance; configurers also see the version.
    const offered = (await o.officer.client.get('/api/assistance/catalogue')).body.items as { code: string; version?: number }[];
    expect(offered.find((i) => i.code === kit.body.code)).toMatchObject({ kind: 'kit' });
    expect(offered.find((i) => i.code === kit.body.code)?.version).toBeUndefined();

    const changed = await o.checker.client.patch(`/api/assistance/items/${blanket.code}`, { version: 1, labels: labels('Winter blanket'), unit: 'pack', position: 3 });
    expect(changed.body).toMatchObject({ labels: { en: 'Winter blanket' }, unit: 'pack', position: 3, version: 2 });
    const stale = await o.maker.client.patch(`/api/assistance/items/${blanket.code}`, { version: 1, unitValueIqd: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ version: 2, unitValueIqd: 18000 });
    const recomposed = await o.maker.client.patch(`/api/assistance/items/${kit.body.code}`, { version: 1, components: [{ code: blanket.code, quantity: 3 }] });
    expect(recomposed.body).toMatchObject({ components: [{ code: blanket.code, quantity: 3 }], version: 2 });
    expect(await audited('assistance_item', blanket.code)).toEqual(['assistance_item.create', 'assistance_item.update']);
    expect(await audited('assistance_item', kit.body.code)).toEqual(['assistance_item.create', 'assistance_item.update']);
  });

  it('refuses bad input in the reader\'s language, and against the data, and changes nothing', async () => {
    const o = await organisation(server);
    o.maker.client.language = 'ar';
    const kitCode = code('kit');
    const bad = await o.maker.client.post('/api/assistance/items', { code: 'Winter Kit!', kind: 'kit', sector: 'shelter_nfi', labels: { en: 'Kit', ar: '  ', ckb: '' }, unit: 'bucket' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['code', 'labels.ar', 'labels.ckb', 'unit']);
    expect(bad.body.errors.find((e: { path: string }) => e.path === 'code').message).toBe(translateError('ar', 'catalogue.code_invalid'));
    const empty = await o.maker.client.post('/api/assistance/items', { code: kitCode, kind: 'kit', sector: 'health', labels: labels('Kit'), components: [] });
    expect(empty.body.errors).toEqual([expect.objectContaining({ path: 'components', code: 'catalogue.kit_empty', message: translateError('ar', 'catalogue.kit_empty') })]);
    const inactive = await newItem(o.maker.client);
    await o.maker.client.patch(`/api/assistance/items/${inactive.code}`, { version: 1, active: false });
    const parts = await o.maker.client.post('/api/assistance/items', {
      code: kitCode, kind: 'kit', sector: 'health', labels: labels('Kit'),
      components: [{ code: 'hygiene_kit', quantity: 1 }, { code: 'cash_grant', quantity: 1 }, { code: 'no_such_item', quantity: 1 }, { code: inactive.code, quantity: 1 }, { code: 'soap', quantity: 2 }],
    });
    expect(parts.status).toBe(422);
    expect(parts.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`)).toEqual([0, 1, 2, 3].map((i) => `components.${i}.code:catalogue.component_invalid`));
    const sector = await o.maker.client.post('/api/assistance/items', { code: kitCode, kind: 'item', sector: 'fishing', labels: labels('x') });
    expect([sector.status, sector.body.errors[0].code]).toEqual([422, 'sector.unknown']);
    const taken = await o.maker.client.post('/api/assistance/items', { code: 'blanket', kind: 'item', sector: 'health', labels: labels('x') });
    expect([taken.status, taken.body.errors[0].code]).toEqual([409, 'catalogue.code_taken']);
    const notKit = await o.maker.client.patch('/api/assistance/items/blanket', { version: 1, components: [{ code: 'soap', quantity: 1 }], kind: 'kit' });
    expect(notKit.status).toBe(400);
    const unit = await o.maker.client.patch('/api/assistance/items/cash_grant', { version: 1, unit: 'piece' });
    expect([unit.status, unit.body.errors[0].code]).toEqual([422, 'catalogue.unit_invalid']);
    expect(await entry(o.maker.client, kitCode)).toBeUndefined();
    expect(await entry(o.maker.client, 'cash_grant')).toMatchObject({ version: 1 });
  });

  it('keep what was promised: a kit handed out by a submitted round keeps its contents, an item of an active kit stays active', async () => {
    const o = await organisation(server);
    const partner = await organisation(server);
    const towel = await newItem(o.maker.client);
    const kit = await newItem(o.maker.client, { code: code('kit'), kind: 'kit', unit: 'kit', components: [{ code: towel.code, quantity: 2 }] });
    const programme = await newProgramme(o.maker.client);
    const round = await newRound(o.maker.client, programme.id, { formula: { parts: [{ per: 'household', lines: [{ code: kit.code, quantity: 1 }] }] } });
    // A draft may still change: the kit's contents may too.
    const draft = await o.maker.client.patch(`/api/assistance/items/${kit.code}`, { version: 1, components: [{ code: towel.code, quantity: 3 }] });
    expect(draft.status).toBe(200);
    await approve(o, round.id);
    const theirs = await newRound(partner.maker.client, (await newProgramme(partner.maker.client)).id, { formula: { parts: [{ per: 'household', lines: [{ code: kit.code, quantity: 1 }] }] } });
    await partner.maker.client.post(`/api/distribution-rounds/${theirs.id}/submit`, { version: theirs.version });

    o.maker.client.language = 'ckb';
    const refused = await o.maker.client.patch(`/api/assistance/items/${kit.code}`, { version: 2, components: [{ code: towel.code, quantity: 1 }, { code: 'soap', quantity: 1 }] });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(translateError('ckb', 'catalogue.kit_in_use', { rounds: `${programme.code} #1, +1` }));
    expect([refused.body.rounds, refused.body.otherRounds]).toEqual([[`${programme.code} #1`], 1]);
    // Its names may change, and the same contents sent again are no change.
    const named = await o.maker.client.patch(`/api/assistance/items/${kit.code}`, { version: 2, labels: labels('Towel kit'), components: [{ code: towel.code, quantity: 3 }] });
    expect(named.body).toMatchObject({ version: 3, labels: { en: 'Towel kit' }, components: [{ code: towel.code, quantity: 3 }] });

    const held = await o.maker.client.patch(`/api/assistance/items/${towel.code}`, { version: 1, active: false });
    expect(held.status).toBe(409);
    expect(held.body.detail).toBe(translateError('ckb', 'catalogue.item_in_kit', { kits: kit.code }));
    expect((await o.maker.client.patch(`/api/assistance/items/${kit.code}`, { version: 3, active: false })).status).toBe(200);
    expect((await o.maker.client.patch(`/api/assistance/items/${towel.code}`, { version: 1, active: false })).body).toMatchObject({ active: false, version: 2 });
    // An inactive entry is offered in no new formula, nor listed but with `all`.
    expect((await o.maker.client.get('/api/assistance/catalogue')).body.items.some((i: { code: string }) => i.code === towel.code)).toBe(false);
    expect(await entry(o.maker.client, towel.code)).toMatchObject({ active: false });
    const formula = await o.maker.client.post(`/api/programmes/${programme.id}/rounds`, { startsOn: '2014-12-01', endsOn: '2014-12-31', formula: { parts: [{ per: 'household', lines: [{ code: towel.code, quantity: 1 }] }] } });
    expect(formula.body.errors).toEqual([expect.objectContaining({ path: 'formula.parts.0.lines.0.code', code: 'formula.item_unknown' })]);
    // Reactivating the kit needs its items active again.
    const back = await o.maker.client.patch(`/api/assistance/items/${kit.code}`, { version: 4, active: true });
    expect([back.status, back.body.errors[0].path]).toEqual([422, 'components.0.code']);
  });
});

describe('a draft handing out an entry deactivated since', () => {
  it('is not submitted until its formula changes', async () => {
    const o = await organisation(server);
    const lamp = await newItem(o.maker.client, { labels: labels('Solar lamp') });
    const round = await newRound(o.maker.client, (await newProgramme(o.maker.client)).id, { formula: { parts: [{ per: 'household', lines: [{ code: lamp.code, quantity: 1 }] }] } });
    await o.maker.client.patch(`/api/assistance/items/${lamp.code}`, { version: 1, active: false });
    const refused = await o.maker.client.post(`/api/distribution-rounds/${round.id}/submit`, { version: round.version });
    expect([refused.status, refused.body.errors]).toEqual([422, [expect.objectContaining({ path: 'formula.parts.0.lines.0.code', code: 'formula.item_unknown' })]]);
    expect((await o.maker.client.get(`/api/distribution-rounds/${round.id}`)).body).toMatchObject({ status: 'draft', scoredWeights: null });
  });
});

describe('who configures', () => {
  it('programme managers of any organisation and administrators (the catalogue is shared); not a distribution officer nor a viewer', async () => {
    const o = await organisation(server);
    const partner = await organisation(server);
    const mine = await newItem(o.maker.client);
    const theirs = await partner.maker.client.patch(`/api/assistance/items/${mine.code}`, { version: 1, labels: labels('Renamed by a partner') });
    expect(theirs.status).toBe(200);
    const admin = await makeUser(server, { role: 'administrator' });
    expect((await admin.client.patch(`/api/assistance/items/${mine.code}`, { version: 2, position: 1 })).status).toBe(200);
    const viewer = await makeUser(server, { org: o.code, role: 'viewer' });
    for (const client of [o.officer.client, viewer.client]) {
      expect((await client.post('/api/assistance/items', { code: code('item'), kind: 'item', sector: 'health', labels: labels('x') })).status).toBe(403);
      expect((await client.patch(`/api/assistance/items/${mine.code}`, { version: 3, active: false })).status).toBe(403);
      expect((await client.post('/api/assistance/weights', { criterion: 'size:12+', weight: 1, labels: labels('x') })).status).toBe(403);
      expect((await client.patch('/api/assistance/weights/need:SM', { version: 1, weight: 9 })).status).toBe(403);
      expect((await client.delete('/api/assistance/weights/need:SM?version=1')).status).toBe(403);
      expect((await client.post('/api/stock/reasons', { code: code('reason'), direction: 'out', labels: labels('x') })).status).toBe(403);
      expect((await client.patch('/api/stock/reasons/damaged', { version: 1, active: false })).status).toBe(403);
    }
    expect(await entry(o.maker.client, mine.code)).toMatchObject({ version: 3, active: true });
    expect((await viewer.client.get('/api/assistance/catalogue?all=true')).status).toBe(200);
  });
});

describe('vulnerability weights', () => {
  it('are added, changed and removed at the version read, audited; never a sensitive need nor a criterion the score does not know', async () => {
    const o = await organisation(server);
    o.maker.client.language = 'ar';
    const made = await o.maker.client.post('/api/assistance/weights', { criterion: 'size:10+', weight: 4, labels: labels('Ten people or more') }, { 'idempotency-key': newId() });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ criterion: 'size:10+', weight: 4, counted: true, version: 1 });
    const sensitive = await o.maker.client.post('/api/assistance/weights', { criterion: 'need:SV', weight: 9, labels: labels('x') });
    expect([sensitive.status, sensitive.body.errors[0].message]).toEqual([422, translateError('ar', 'targeting.sensitive_need')]);
    const unknownNeed = await o.maker.client.post('/api/assistance/weights', { criterion: 'need:ZZ', weight: 1, labels: labels('x') });
    expect([unknownNeed.status, unknownNeed.body.errors[0].code]).toEqual([422, 'need.unknown']);
    const nonsense = await o.maker.client.post('/api/assistance/weights', { criterion: 'income:low', weight: 500, labels: labels('x') });
    expect(nonsense.status).toBe(400);
    expect(nonsense.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`).sort()).toEqual(['criterion:weight.criterion_invalid', 'weight:weight.value']);
    const taken = await o.maker.client.post('/api/assistance/weights', { criterion: 'size:10+', weight: 1, labels: labels('x') });
    expect([taken.status, taken.body.errors[0].code]).toEqual([409, 'weight.criterion_taken']);

    const changed = await o.checker.client.patch(`/api/assistance/weights/${encodeURIComponent('size:10+')}`, { version: 1, weight: 5 });
    expect(changed.body).toMatchObject({ weight: 5, version: 2 });
    const stale = await o.maker.client.delete(`/api/assistance/weights/${encodeURIComponent('size:10+')}?version=1`);
    expect([stale.status, stale.body.current?.weight]).toEqual([409, 5]);
    expect((await o.maker.client.delete(`/api/assistance/weights/${encodeURIComponent('size:10+')}?version=2`)).body).toEqual({ ok: true });
    expect((await o.maker.client.get('/api/assistance/weights')).body.items.some((w: { criterion: string }) => w.criterion === 'size:10+')).toBe(false);
    expect(await audited('vulnerability_weight', 'size:10+')).toEqual(['vulnerability_weight.create', 'vulnerability_weight.update', 'vulnerability_weight.delete']);
  });

  it('score a submitted round as its maker submitted it: the approver sees, and the issue targets, the same households', async () => {
    const o = await organisation(server);
    const ill = await register(o.clerk.client, { members: [{ needs: ['SM'] }, {}, {}, {}] });
    await register(o.clerk.client, { size: 4 });
    const programme = await newProgramme(o.maker.client);
    const round = await newRound(o.maker.client, programme.id, { rules: { minScore: 3 } });
    const preview = async (client: Client) => (await client.post(`/api/distribution-rounds/${round.id}/preview`)).body.households;
    expect(await preview(o.maker.client)).toBe(1);
    const approved = await approve(o, round.id);
    expect(approved.scoredWeights).toEqual(expect.arrayContaining([{ criterion: 'need:SM', weight: 3 }]));
    expect(approved.scoredWeights.some((w: { criterion: string }) => w.criterion.startsWith('need:SV'))).toBe(false);

    // Every displaced family would now reach the minimum: not in this round.
    const admin = await makeUser(server, { role: 'administrator' });
    const weight = await admin.client.post('/api/assistance/weights', { criterion: 'status:displaced', weight: 5, labels: labels('Displaced') });
    try {
      expect(weight.status).toBe(201);
      expect(await preview(o.checker.client)).toBe(1);
      const issue = await o.maker.client.post(`/api/distribution-rounds/${round.id}/issue`, { version: approved.version });
      expect(issue.body).toMatchObject({ created: 1 });
      expect((await entitlementsOf(o.maker.client, round.id)).map((e) => [e.household.id, e.score])).toEqual([[ill.id, 3]]);
      // A draft counts today's weights; sent back to draft, a round forgets the ones it was submitted with.
      const other = await newRound(o.maker.client, programme.id, { startsOn: '2014-12-01', endsOn: '2014-12-31', rules: { minScore: 3, exclude: { servedInSector: false } } });
      expect((await o.maker.client.post(`/api/distribution-rounds/${other.id}/preview`)).body.households).toBe(2);
      const submitted = await o.maker.client.post(`/api/distribution-rounds/${other.id}/submit`, { version: other.version });
      expect(submitted.body.scoredWeights).toEqual(expect.arrayContaining([{ criterion: 'status:displaced', weight: 5 }]));
      const rejected = await o.checker.client.post(`/api/distribution-rounds/${other.id}/reject`, { version: submitted.body.version, reason: 'Check the weights' });
      expect(rejected.body).toMatchObject({ status: 'draft', scoredWeights: null });
    } finally {
      await admin.client.delete(`/api/assistance/weights/${encodeURIComponent('status:displaced')}?version=1`);
    }
  });
});

describe('stock reasons', () => {
  it('are added and changed by configurers; an inactive one is offered in no new form but still names the ledger', async () => {
    const o = await organisation(server);
    const reason = code('mould');
    const made = await o.maker.client.post('/api/stock/reasons', { code: reason, direction: 'out', labels: labels('Mould') }, { 'idempotency-key': newId() });
    expect(made.body).toMatchObject({ code: reason, direction: 'out', name: 'Mould', nameAr: 'Mould (ar)', active: true, version: 1 });
    expect((await o.maker.client.post('/api/stock/reasons', { code: reason, direction: 'in', labels: labels('x') })).body.errors[0].code).toBe('stock.reason_code_taken');
    const place = await o.maker.client.post('/api/stock/locations', { kind: 'warehouse', code: `WH-${sequence}${Date.now() % 10000}`, name: 'Store', pcode: 'IQG11Q01' });
    await o.maker.client.post('/api/stock/receipts', { locationId: place.body.id, lines: [{ item: 'soap', quantity: 10 }] });
    const used = await o.maker.client.post('/api/stock/adjustments', { locationId: place.body.id, lines: [{ item: 'soap', quantity: -2, reason }] });
    expect(used.status).toBe(201);

    expect((await o.maker.client.patch(`/api/stock/reasons/${reason}`, { version: 1, direction: 'in' })).status).toBe(400);
    const off = await o.maker.client.patch(`/api/stock/reasons/${reason}`, { version: 1, active: false, labels: labels('Mould or damp') });
    expect(off.body).toMatchObject({ active: false, name: 'Mould or damp', direction: 'out', version: 2 });
    expect((await o.maker.client.patch(`/api/stock/reasons/${reason}`, { version: 1, active: true })).status).toBe(409);
    expect((await o.officer.client.get('/api/stock/reasons')).body.items.some((r: { code: string }) => r.code === reason)).toBe(false);
    expect((await o.maker.client.get('/api/stock/reasons?all=true')).body.items.find((r: { code: string }) => r.code === reason)).toMatchObject({ active: false });
    const refused = await o.maker.client.post('/api/stock/adjustments', { locationId: place.body.id, lines: [{ item: 'soap', quantity: -1, reason }] });
    expect(refused.body.errors[0].code).toBe('stock.reason_unknown');
    expect(await audited('stock_reason', reason)).toEqual(['stock_reason.create', 'stock_reason.update']);
  });
});

describe('an entry deactivated after its round was issued', () => {
  it('is still collected, and taken from the point\'s stock, kits as their items', async () => {
    const o: Org = await organisation(server);
    const stove = await newItem(o.maker.client, { labels: labels('Stove') });
    const fuel = await newItem(o.maker.client, { labels: labels('Fuel can'), unit: 'litre' });
    const kit = await newItem(o.maker.client, { code: code('kit'), kind: 'kit', unit: 'kit', components: [{ code: fuel.code, quantity: 2 }] });
    const point = await o.maker.client.post('/api/stock/locations', { kind: 'point', code: `DP-${sequence}${Date.now() % 10000}`, name: 'Point', pcode: 'IQG11Q01' });
    await o.maker.client.post('/api/stock/receipts', { locationId: point.body.id, lines: [{ item: stove.code, quantity: 5 }, { item: fuel.code, quantity: 10 }] });
    await register(o.clerk.client);
    const programme = await newProgramme(o.maker.client);
    const { round } = await issued(o, programme.id, {
      pointIds: [point.body.id], formula: { parts: [{ per: 'household', lines: [{ code: stove.code, quantity: 1 }, { code: kit.code, quantity: 1 }] }] },
    });
    expect((await o.maker.client.patch(`/api/assistance/items/${kit.code}`, { version: 1, active: false })).status).toBe(200);
    for (const i of [stove, fuel]) expect((await o.maker.client.patch(`/api/assistance/items/${i.code}`, { version: 1, active: false })).status).toBe(200);
    expect((await o.maker.client.post(`/api/distribution-rounds/${round.id}/preview`)).body.lines).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: kit.code, kind: 'kit', unit: 'kit' }),
    ]));

    const [entitlement] = await entitlementsOf(o.maker.client, round.id);
    const redeemed = await o.officer.client.post('/api/redemptions', { entitlementId: entitlement.id, pointId: point.body.id, collectedBy: 'head' }, { 'idempotency-key': newId() });
    expect(redeemed.status, JSON.stringify(redeemed.body)).toBe(201);
    const levels = (await o.maker.client.get(`/api/stock/levels?location=${point.body.id}`)).body.items as { item: { code: string }; quantity: number }[];
    expect(Object.fromEntries(levels.map((l) => [l.item.code, l.quantity]))).toEqual({ [stove.code]: 4, [fuel.code]: 8 });
  });
});

describe('the API description', () => {
  it('documents the configuration of the catalogue, the weights and the stock reasons', async () => {
    const spec = await (await fetch(`${server.url}/api/openapi.json`)).json() as { paths: Record<string, Record<string, { requestBody?: unknown; parameters?: { name: string }[] }>> };
    expect(Object.keys(spec.paths['/api/assistance/items'])).toEqual(['post']);
    expect(JSON.stringify(spec.paths['/api/assistance/items'].post.requestBody)).toContain('components');
    expect(JSON.stringify(spec.paths['/api/assistance/items/{code}'].patch.requestBody)).toContain('"required":["version"]');
    expect(Object.keys(spec.paths['/api/assistance/weights/{criterion}']).sort()).toEqual(['delete', 'patch']);
    expect(spec.paths['/api/assistance/catalogue'].get.parameters?.map((p) => p.name)).toEqual(['all']);
    expect(Object.keys(spec.paths['/api/stock/reasons']).sort()).toEqual(['get', 'post']);
    expect(spec.paths['/api/stock/reasons/{code}'].patch).toBeDefined();
  });
});
