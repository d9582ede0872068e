import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translateError } from '#domain/i18n/errors';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { makeUser } from '../../../test/factories.ts';
import { newProgramme, newRound, organisation } from './assistance.fixture.ts';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

describe('the catalogue and the weights', () => {
  it('lists items, kits with their components and cash, with labels in three languages, and the sectors', async () => {
    const o = await organisation(server);
    const res = await o.officer.client.get('/api/assistance/catalogue');
    expect(res.status).toBe(200);
    const kit = res.body.items.find((i: { code: string }) => i.code === 'hygiene_kit');
    expect(kit).toMatchObject({ kind: 'kit', sector: 'health', labels: { ar: 'حقيبة النظافة العائلية' } });
    expect(kit.components).toEqual(expect.arrayContaining([{ code: 'soap', quantity: 10 }]));
    expect(res.body.items.find((i: { code: string }) => i.code === 'cash_grant')).toMatchObject({ kind: 'cash', unit: 'iqd' });
    expect(res.body.sectors).toHaveLength(15);
  });

  it('marks a weight the score never counts: a sensitive need, a criterion it does not know', async () => {
    const o = await organisation(server);
    await server.ctx.db.kysely.insertInto('vulnerability_weights').values([
      { criterion: 'need:SV', weight: 9, name_en: 'x', name_ar: 'x', name_ckb: 'x' },
      { criterion: 'income:low', weight: 1, name_en: 'y', name_ar: 'y', name_ckb: 'y' },
    ]).onConflict((oc) => oc.column('criterion').doNothing()).execute();
    const items = (await o.maker.client.get('/api/assistance/weights')).body.items as { criterion: string; counted: boolean }[];
    expect(items.find((w) => w.criterion === 'need:SM')?.counted).toBe(true);
    expect(items.find((w) => w.criterion === 'size:7+')?.counted).toBe(true);
    expect(items.find((w) => w.criterion === 'need:SV')?.counted).toBe(false);
    expect(items.find((w) => w.criterion === 'income:low')?.counted).toBe(false);
  });
});

describe('programmes', () => {
  it('belong to the creator\'s organisation, are audited, and change at the version read', async () => {
    const o = await organisation(server);
    const p = await newProgramme(o.maker.client, { areas: ['iqg11', 'IQG09Q01'] });
    expect(p).toMatchObject({ organization: { code: o.code }, sector: 'shelter_nfi', areas: ['IQG11', 'IQG09Q01'], status: 'active', version: 1, rounds: 0, createdBy: o.maker.user.username });
    const listed = (await o.officer.client.get('/api/programmes?sector=shelter_nfi')).body;
    expect(listed.items.map((x: { id: string }) => x.id)).toEqual([p.id]);
    const changed = await o.maker.client.patch(`/api/programmes/${p.id}`, { version: 1, name: 'Winter 2014-15', endsOn: null });
    expect(changed.body).toMatchObject({ name: 'Winter 2014-15', nameAr: 'الاستجابة الشتوية 2014', endsOn: null, version: 2 });
    const stale = await o.checker.client.patch(`/api/programmes/${p.id}`, { version: 1, status: 'closed' });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ version: 2, status: 'active' });
    const audit = await server.ctx.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', p.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['programme.create', 'programme.update']);
  });

  it('answers a replay with the first programme, refuses a code taken, and a closed programme takes no rounds', async () => {
    const o = await organisation(server);
    const body = { code: `REPLAY-${o.code}`, name: 'Cash', sector: 'shelter_nfi', startsOn: '2015-01-01' };
    const first = await o.maker.client.post('/api/programmes', body, { 'idempotency-key': `programme-${o.code}` });
    const again = await o.maker.client.post('/api/programmes', body, { 'idempotency-key': `programme-${o.code}` });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const taken = await o.maker.client.post('/api/programmes', body);
    expect(taken.status).toBe(409);
    expect(taken.body.errors).toEqual([expect.objectContaining({ path: 'code', code: 'programme.code_taken' })]);
    await o.maker.client.patch(`/api/programmes/${first.body.id}`, { version: 1, status: 'closed' });
    const round = await o.maker.client.post(`/api/programmes/${first.body.id}/rounds`, { startsOn: '2015-02-01', endsOn: '2015-02-28' });
    expect(round.status).toBe(409);
    expect(round.body.type).toMatch(/programme-closed$/);
  });

  it('refuses bad input with field paths in the reader\'s language, and unknown sectors and areas against the data', async () => {
    const o = await organisation(server);
    o.maker.client.language = 'ar';
    const bad = await o.maker.client.post('/api/programmes', { code: 'a b', name: '', sector: 'Food!', areas: ['Erbil'], startsOn: '2015-02-30', endsOn: '2015-01-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['areas.0', 'code', 'endsOn', 'name', 'sector', 'startsOn']);
    expect(bad.body.errors.find((e: { path: string }) => e.path === 'code').message).toBe(translateError('ar', 'programme.code_invalid'));
    const reversed = await o.maker.client.post('/api/programmes', { code: 'REV', name: 'x', sector: 'health', startsOn: '2015-02-01', endsOn: '2015-01-01' });
    expect(reversed.body.errors).toEqual([expect.objectContaining({ path: 'endsOn', code: 'range.reversed', message: translateError('ar', 'range.reversed') })]);
    const unknown = await o.maker.client.post('/api/programmes', { code: `U-${o.code}`, name: 'x', sector: 'fishing', areas: ['IQG11Q99'], startsOn: '2015-01-01' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`).sort()).toEqual(['areas.0:pcode.unknown', 'sector:sector.unknown']);
  });

  it('keep a scoped manager inside the scope', async () => {
    const o = await organisation(server);
    const scoped = await makeUser(server, { org: o.code, role: 'programme_manager', scope: ['IQG11'] });
    const outside = await scoped.client.post('/api/programmes', { code: `S-${o.code}`, name: 'x', sector: 'health', areas: ['IQG11Q01', 'IQG15'], startsOn: '2015-01-01' });
    expect(outside.status).toBe(422);
    expect(outside.body.errors).toEqual([expect.objectContaining({ path: 'areas.1', code: 'scope.outside' })]);
    const country = await scoped.client.post('/api/programmes', { code: `C-${o.code}`, name: 'x', sector: 'health', startsOn: '2015-01-01' });
    expect(country.body.errors).toEqual([expect.objectContaining({ path: 'areas', code: 'scope.outside' })]);
  });

  it('are invisible to another organisation: a partner gets 404 everywhere, a viewer without the permission 403', async () => {
    const o = await organisation(server);
    const partner = await organisation(server);
    const p = await newProgramme(o.maker.client);
    const round = await newRound(o.maker.client, p.id);
    const c = partner.maker.client;
    expect((await c.get(`/api/programmes/${p.id}`)).status).toBe(404);
    expect((await c.patch(`/api/programmes/${p.id}`, { version: 1, name: 'mine' })).status).toBe(404);
    expect((await c.get('/api/programmes')).body.items).toEqual([]);
    expect((await c.post(`/api/programmes/${p.id}/rounds`, { startsOn: '2014-11-01', endsOn: '2014-11-30' })).status).toBe(404);
    expect((await c.get(`/api/programmes/${p.id}/rounds`)).status).toBe(404);
    for (const path of ['', '/entitlements']) expect((await c.get(`/api/distribution-rounds/${round.id}${path}`)).status, path).toBe(404);
    expect((await c.patch(`/api/distribution-rounds/${round.id}`, { version: 1, name: 'x' })).status).toBe(404);
    expect((await c.post(`/api/distribution-rounds/${round.id}/preview`)).status).toBe(404);
    expect((await c.post(`/api/distribution-rounds/${round.id}/preview`, { rules: {} })).status).toBe(404);
    for (const step of ['submit', 'approve', 'issue', 'close']) expect((await c.post(`/api/distribution-rounds/${round.id}/${step}`, { version: 1 })).status, step).toBe(404);
    expect((await c.post(`/api/distribution-rounds/${round.id}/reject`, { version: 1, reason: 'no' })).status).toBe(404);
    const viewer = await makeUser(server, { org: o.code, role: 'registration_officer' });
    expect((await viewer.client.get(`/api/programmes/${p.id}`)).status).toBe(403);
    expect((await o.officer.client.post('/api/programmes', { code: 'X1', name: 'x', sector: 'health', startsOn: '2015-01-01' })).status).toBe(403);
  });
});

describe('the API description', () => {
  it('documents the catalogue, programmes, rounds with their rules and formula, entitlements and reports', async () => {
    const res = await fetch(`${server.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    const spec = await res.json() as { paths: Record<string, Record<string, { tags?: string[]; requestBody?: unknown; responses?: unknown }>> };
    for (const path of ['/api/assistance/catalogue', '/api/assistance/weights', '/api/programmes', '/api/programmes/{id}', '/api/programmes/{id}/rounds',
      '/api/distribution-rounds/{id}', '/api/distribution-rounds/{id}/preview', '/api/distribution-rounds/{id}/submit', '/api/distribution-rounds/{id}/approve',
      '/api/distribution-rounds/{id}/reject', '/api/distribution-rounds/{id}/issue', '/api/distribution-rounds/{id}/close', '/api/distribution-rounds/{id}/entitlements',
      '/api/assistance/reports/reach', '/api/assistance/reports/distribution-sheet', '/api/assistance/reports/3w', '/api/assistance/reports/dashboard']) {
      expect(spec.paths[path], path).toBeDefined();
    }
    const round = JSON.stringify(spec.paths['/api/programmes/{id}/rounds'].post.requestBody);
    for (const word of ['servedInSector', 'openDuplicates', 'shelterCategories', 'maxPeople', 'bands']) expect(round, word).toContain(word);
    const preview = JSON.stringify(spec.paths['/api/distribution-rounds/{id}/preview'].post.requestBody);
    for (const word of ['startsOn', 'servedInSector', 'bands', 'pointIds']) expect(preview, word).toContain(word);
    for (const step of ['submit', 'approve', 'issue', 'close']) {
      expect(JSON.stringify(spec.paths[`/api/distribution-rounds/{id}/${step}`].post.requestBody), step).toContain('"required":["version"]');
    }
    const read = JSON.stringify(spec.paths['/api/distribution-rounds/{id}'].get.responses);
    for (const word of ['authors', 'issuedBy', 'closedBy', 'closedAt', 'nameCkb']) expect(read, word).toContain(word);
    const dashboard = (spec.paths['/api/assistance/reports/dashboard'].get as { parameters?: { name: string }[] }).parameters ?? [];
    expect(dashboard.map((q) => q.name).sort()).toEqual(['from', 'sector', 'to']);
  });
});
