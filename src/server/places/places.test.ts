import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { makeUser, newId } from '../../../test/factories.ts';
import { parseCodAbGeoJson } from '#domain/places/boundary-import';
import { importAreas } from './service.ts';

const ADM1 = new URL('../../../../shared/data/iraq/irq_admbnda_adm1_cso_20190603.geojson', import.meta.url);

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

describe('admin areas', () => {
  it('lists the 18 governorates and a governorate\'s districts', async () => {
    const { client } = await makeUser(server, { role: 'viewer' });
    expect((await client.get('/api/areas?level=1')).body.items).toHaveLength(18);
    const ninewa = (await client.get('/api/areas?level=2&parent=IQG15')).body.items;
    expect(ninewa.map((a: { pcode: string }) => a.pcode)).toContain('IQG15Q05');
    expect(ninewa.every((a: { parentPcode: string }) => a.parentPcode === 'IQG15')).toBe(true);
  });

  it('finds a place by its name in English, Arabic or Kurdish, or by P-code', async () => {
    const { client } = await makeUser(server, { role: 'viewer' });
    const find = async (q: string) => (await client.get(`/api/areas?q=${encodeURIComponent(q)}`)).body.items.map((a: { pcode: string }) => a.pcode);
    expect(await find('erbil')).toContain('IQG11');
    expect(await find('أربيل')).toContain('IQG11');
    expect(await find('هەولێر')).toContain('IQG11');
    expect(await find('iqg15q0')).toContain('IQG15Q05');
  });

  it('gives an area with its parents, and clear errors for bad or unknown codes', async () => {
    const { client } = await makeUser(server, { role: 'viewer' });
    const mosul = await client.get('/api/areas/IQG15Q05');
    expect(mosul.body).toMatchObject({ pcode: 'IQG15Q05', level: 2, parents: [{ pcode: 'IQG15' }] });
    expect((await client.get('/api/areas/NINEWA')).status).toBe(400);
    expect((await client.get('/api/areas/IQG15Q99')).status).toBe(404);
  });

  it('imports COD-AB boundaries for maps and keeps the Kurdish names the file lacks', async () => {
    const admin = await makeUser(server, { role: 'administrator' });
    const actor = (await import('../identity/store.ts')).actorByUserId;
    const parsed = parseCodAbGeoJson(JSON.parse(readFileSync(ADM1, 'utf8')));
    await importAreas(server.ctx, await actor(server.ctx.db.kysely, admin.user.id), parsed.areas);
    const map = await admin.client.get('/api/areas/boundaries?level=1');
    expect(map.body.features).toHaveLength(18);
    expect(map.body.features[0].geometry.type).toMatch(/Polygon/);
    expect((await admin.client.get('/api/areas/IQG11')).body.nameCkb).toBe('هەولێر');
    const clerk = await makeUser(server);
    await expect(importAreas(server.ctx, await actor(server.ctx.db.kysely, clerk.user.id), parsed.areas)).rejects.toMatchObject({ status: 403 });
  });
});

describe('sites', () => {
  it('lets a data manager add a camp, once per id, and refuses bad ones', async () => {
    const { client } = await makeUser(server, { role: 'data_manager' });
    const id = newId();
    const camp = { id, name: 'Domiz 1', nameAr: 'دوميز 1', kind: 'camp', pcode: 'IQG09Q01', latitude: 36.78, longitude: 42.88, capacity: 6000 };
    const created = await client.post('/api/sites', camp);
    expect(created.status).toBe(201);
    expect((await client.post('/api/sites', camp)).body.id).toBe(id);
    expect((await client.get('/api/sites?pcode=IQG09')).body.items.filter((s: { id: string }) => s.id === id)).toHaveLength(1);
    expect((await client.post('/api/sites', { ...camp, id: newId(), pcode: 'IQG09Q99' })).status).toBe(422);
    expect((await client.post('/api/sites', { ...camp, id: newId(), capacity: 1e12 })).status).toBe(400);
    expect((await client.post('/api/sites', { ...camp, id: newId(), kind: 'palace' })).status).toBe(400);
    const clerk = await makeUser(server);
    expect((await clerk.client.post('/api/sites', { ...camp, id: newId() })).status).toBe(403);
  });
});

describe('reference lists', () => {
  it('gives shelter types, specific needs and roles in the three languages', async () => {
    const { client } = await makeUser(server, { role: 'viewer' });
    const ref = (await client.get('/api/reference')).body;
    expect(ref.shelterTypes.find((s: { code: string }) => s.code === 'camp').labels).toEqual({ en: 'Camp', ar: 'مخيم', ckb: 'کەمپ' });
    expect(ref.specificNeeds.find((n: { code: string }) => n.code === 'SV').sensitive).toBe(true);
    expect(ref.roles.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['administrator', 'viewer']));
  });
});
