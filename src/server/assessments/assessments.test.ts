import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { newId } from '../../../test/factories.ts';
import { assessmentBody, newLocation, newRound, person, uniqueCode } from './assessments.fixture.ts';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

const auditRows = async (action: string, entityId: string) => (await sql<{ action: string; actor_name: string }>`
  select action, actor_name from audit_log where action = ${action} and entity_id = ${entityId}`.execute(server.ctx.db.kysely)).rows;

describe('locations', () => {
  it('are created with DTM codes apart from P-codes, read, and edited at a version', async () => {
    const { client } = await person(server, 'data_manager');
    const code = uniqueCode('iq-nin');
    const location = await newLocation(client, { code, kind: 'village', latitude: 36.3, longitude: 43.4 });
    expect(location).toMatchObject({ code: code.toUpperCase(), pcode: 'IQG15Q03', version: 1 });
    expect((await client.get(`/api/locations/${location.id}`)).body.nameAr).toBe('برطلة');
    const listed = await client.get('/api/locations?area=IQG15&q=bartel');
    expect(listed.body.items.map((l: { id: string }) => l.id)).toContain(location.id);
    const edited = await client.patch(`/api/locations/${location.id}`, { version: 1, name: 'Bartella town', pcode: 'IQG15Q05' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Bartella town', pcode: 'IQG15Q05', nameAr: 'برطلة', version: 2 });
    const stale = await client.patch(`/api/locations/${location.id}`, { version: 1, name: 'Old' });
    expect(stale.status).toBe(409);
    expect(stale.body.current.version).toBe(2);
    const twice = await client.post('/api/locations', { code, name: 'Again', pcode: 'IQG15Q03' });
    expect(twice.status).toBe(409);
    expect(twice.body.current.id).toBe(location.id);
  });

  it('are found by the site they are (a camp assessed as a location)', async () => {
    const { client } = await person(server, 'data_manager');
    const camp = (await client.post('/api/sites', { name: 'Hasansham U3', kind: 'camp', pcode: 'IQG15Q03' })).body;
    const location = await newLocation(client, { code: uniqueCode('camp'), kind: 'camp', siteId: camp.id });
    await newLocation(client, { code: uniqueCode('village') });
    const found = await client.get(`/api/locations?site=${camp.id}`);
    expect(found.body.items.map((l: { id: string }) => l.id)).toEqual([location.id]);
    expect((await client.get('/api/locations?site=camp-1')).status).toBe(400);
  });

  it('refuse bad and unknown P-codes with the field path, and writers outside their scope', async () => {
    const { client } = await person(server, 'data_manager', { scope: ['IQG11'] });
    const bad = await client.post('/api/locations', { code: 'X1', name: 'x', pcode: 'Mosul', latitude: 36 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['longitude', 'pcode']);
    const unknown = await client.post('/api/locations', { code: uniqueCode(), name: 'x', pcode: 'IQG11Q99' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: 'pcode', code: 'pcode.unknown' })]);
    const outside = await client.post('/api/locations', { code: uniqueCode(), name: 'x', pcode: 'IQG15Q03' });
    expect(outside.status).toBe(422);
    expect(outside.body.errors[0].code).toBe('scope.outside');
    const { client: enumerator } = await person(server, 'enumerator');
    expect((await enumerator.post('/api/locations', { code: uniqueCode(), name: 'x', pcode: 'IQG11Q01' })).status).toBe(403);
  });
});

describe('rounds', () => {
  it('are opened by managers of an organisation, numbered once, and read with their counts', async () => {
    const { client } = await person(server, 'data_manager');
    const round = await newRound(client, { name: 'Round 9' });
    expect(round).toMatchObject({ status: 'open', name: 'Round 9' });
    const again = await client.post('/api/rounds', { number: round.number, startsOn: '2014-10-01', endsOn: '2014-10-31', reportedOn: '2014-10-31' });
    expect(again.status).toBe(409);
    expect(again.body.errors[0]).toMatchObject({ path: 'number', code: 'round.number_taken' });
    const { client: enumerator } = await person(server, 'enumerator');
    expect((await enumerator.post('/api/rounds', { number: 99_999, startsOn: '2014-10-01', endsOn: '2014-10-31', reportedOn: '2014-10-31' })).status).toBe(403);
    const location = await newLocation(client);
    await enumerator.post('/api/assessments', assessmentBody(round.id, location.id, { idpFamilies: 10, idpIndividuals: 52 }));
    const read = await client.get(`/api/rounds/${round.id}`);
    expect(read.body.counts).toEqual({ locations: 1, idpFamilies: 10, idpIndividuals: 52, returneeFamilies: 0, returnees: 0, estimated: false });
    expect((await client.get('/api/rounds?status=open')).body.items.map((r: { id: string }) => r.id)).toContain(round.id);
  });

  it('once closed are locked for good: writes are 409 round.closed, closing again too', async () => {
    const { client } = await person(server, 'data_manager');
    const round = await newRound(client);
    const location = await newLocation(client);
    const other = await newLocation(client);
    const made = await client.post('/api/assessments', assessmentBody(round.id, location.id));
    const closed = await client.post(`/api/rounds/${round.id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedBy: expect.any(String), counts: { locations: 1 } });
    const edit = await client.patch(`/api/assessments/${made.body.id}`, { version: 1, idpFamilies: 1 });
    expect(edit.status).toBe(409);
    expect(edit.body.type).toMatch(/round-closed$/);
    const create = await client.post('/api/assessments', assessmentBody(round.id, other.id));
    expect([create.status, create.body.detail]).toEqual([409, 'This round is closed: its assessments can no longer change.']);
    expect((await client.post(`/api/rounds/${round.id}/close`)).status).toBe(409);
    // Not even a direct write reopens it or changes what it holds.
    await expect(sql`update assessment_rounds set status = 'open', closed_at = null where id = ${round.id}`.execute(server.ctx.db.kysely)).rejects.toThrow(/closed/);
    await expect(sql`update location_assessments set idp_families = 1 where id = ${made.body.id}`.execute(server.ctx.db.kysely)).rejects.toThrow(/closed/);
    expect((await auditRows('round.close', round.id))).toHaveLength(1);
  });
});

describe('recording an assessment', () => {
  it('estimates individuals as families x 6 when only families are given, and keeps breakdowns', async () => {
    const { client } = await person(server, 'enumerator');
    const { client: manager } = await person(server, 'data_manager');
    const round = await newRound(manager);
    const location = await newLocation(manager);
    const res = await client.post('/api/assessments', assessmentBody(round.id, location.id, {
      idpFamilies: 120, returneeFamilies: 4, returneeIndividuals: 30,
      byOrigin: [{ code: 'IQG15', families: 100 }, { code: 'IQG01', families: 20 }],
      byWave: [{ code: 'august_2014', families: 120 }], byShelter: [{ code: 'host_family', families: 90 }, { code: 'camp', families: 30 }],
      priorityNeeds: ['food', 'shelter', 'water'],
    }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      idpFamilies: 120, idpIndividuals: 720, idpIndividualsEstimated: true, returneeIndividuals: 30, returneeIndividualsEstimated: false,
      round: { number: round.number, status: 'open' }, location: { code: location.code, pcode: 'IQG15Q03' },
      byOrigin: [{ code: 'IQG01', families: 20 }, { code: 'IQG15', families: 100 }], priorityNeeds: ['food', 'shelter', 'water'], version: 1,
    });
    const listed = await client.get(`/api/assessments?round=${round.number}&area=IQG15Q03`);
    expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual([res.body.id]);
    expect((await auditRows('assessment.create', res.body.id))).toHaveLength(1);
  });

  it('refuses breakdowns that do not add up, bad codes and a date outside the round, naming each field', async () => {
    const { client } = await person(server, 'data_manager');
    const round = await newRound(client);
    const location = await newLocation(client);
    client.language = 'ar';
    const sums = await client.post('/api/assessments', assessmentBody(round.id, location.id, {
      idpFamilies: 100, byWave: [{ code: 'august_2014', families: 60 }], idpIndividuals: 50,
    }));
    expect(sums.status).toBe(400);
    expect(sums.body.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: 'byWave', code: 'breakdown.sum', message: 'مجموع هذه العوائل 60، لكن عدد العوائل النازحة في الموقع 100.' }),
      expect.objectContaining({ path: 'idpIndividuals', code: 'assessment.individuals' }),
    ]));
    client.language = 'en';
    const unknown = await client.post('/api/assessments', assessmentBody(round.id, location.id, {
      assessedOn: '2014-08-30', idpFamilies: 10, byOrigin: [{ code: 'IQG99', families: 10 }], byWave: [{ code: 'june_2099', families: 10 }],
      byShelter: [{ code: 'palace', families: 10 }], priorityNeeds: ['food', 'unicorns'],
    }));
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`).sort()).toEqual([
      'assessedOn assessment.outside_round', 'byOrigin.0.code pcode.unknown', 'byShelter.0.code shelter.unknown',
      'byWave.0.code wave.unknown', 'priorityNeeds.1 priority_need.unknown',
    ]);
    expect(unknown.body.errors.find((e: { path: string }) => e.path === 'assessedOn').message).toContain('2014-09-01 to 2014-09-30');
    const nowhere = await client.post('/api/assessments', assessmentBody(round.id, newId()));
    expect(nowhere.body.errors).toEqual([expect.objectContaining({ path: 'locationId', code: 'location.unknown' })]);
    const noRound = await client.post('/api/assessments', assessmentBody(newId(), location.id));
    expect(noRound.body.errors).toEqual([expect.objectContaining({ path: 'roundId', code: 'round.unknown' })]);
  });

  it('takes one assessment per location and round: a second is 409 with the first; a replayed key returns the first', async () => {
    const { client } = await person(server, 'data_manager');
    const round = await newRound(client);
    const location = await newLocation(client);
    const key = `key-${newId()}`;
    const first = await client.post('/api/assessments', assessmentBody(round.id, location.id), { 'idempotency-key': key });
    const replay = await client.post('/api/assessments', assessmentBody(round.id, location.id), { 'idempotency-key': key });
    expect([first.status, replay.status]).toEqual([201, 201]);
    expect(replay.body.id).toBe(first.body.id);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const second = await client.post('/api/assessments', assessmentBody(round.id, location.id, { idpFamilies: 5 }));
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ type: expect.stringMatching(/assessment-exists$/), current: { id: first.body.id, idpFamilies: 120 } });
    // A device that syncs late, after the round closed, learns that its write was kept.
    await client.post(`/api/rounds/${round.id}/close`);
    const late = await client.post('/api/assessments', assessmentBody(round.id, location.id), { 'idempotency-key': key });
    expect([late.status, late.body.id]).toEqual([201, first.body.id]);
  });

  it('is edited at the version read: fields given replace, rules hold on the result, a stale version is 409 with the current', async () => {
    const { client } = await person(server, 'data_manager');
    const round = await newRound(client);
    const location = await newLocation(client);
    const made = (await client.post('/api/assessments', assessmentBody(round.id, location.id, { byWave: [{ code: 'august_2014', families: 120 }] }))).body;
    const refused = await client.patch(`/api/assessments/${made.id}`, { version: 1, idpFamilies: 130 });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'byWave', code: 'breakdown.sum' })]);
    const edited = await client.patch(`/api/assessments/${made.id}`, { version: 1, idpFamilies: 130, byWave: [], notes: 'recount' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ idpFamilies: 130, idpIndividuals: 780, idpIndividualsEstimated: true, notes: 'recount', version: 2 });
    const stale = await client.patch(`/api/assessments/${made.id}`, { version: 1, notes: 'lost' });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ version: 2, notes: 'recount' });
  });

  it("refuses another organisation's round, and places outside the enumerator's scope", async () => {
    const { client: momd } = await person(server, 'data_manager');
    const round = await newRound(momd);
    const location = await newLocation(momd);
    const { client: bmd } = await person(server, 'enumerator', { org: 'BMD' });
    const res = await bmd.post('/api/assessments', assessmentBody(round.id, location.id));
    expect(res.status).toBe(403);
    expect(res.body.type).toMatch(/round-not-yours$/);
    const { client: erbil } = await person(server, 'enumerator', { scope: ['IQG11'] });
    expect((await erbil.post('/api/assessments', assessmentBody(round.id, location.id))).status).toBe(403);
    const { client: viewer } = await person(server, 'viewer');
    expect((await viewer.post('/api/assessments', assessmentBody(round.id, location.id))).status).toBe(403);
    expect((await viewer.get(`/api/assessments?round=${round.id}`)).status).toBe(200);
  });
});

describe('the API description', () => {
  it('documents locations, rounds, assessments, the master list and flows', async () => {
    const spec = await (await fetch(`${server.url}/api/openapi.json`)).json() as { paths: Record<string, Record<string, { tags?: string[]; requestBody?: unknown }>> };
    for (const path of ['/api/locations', '/api/locations/{id}', '/api/rounds', '/api/rounds/{id}', '/api/rounds/{id}/close', '/api/rounds/{id}/import',
      '/api/rounds/{id}/export', '/api/assessments', '/api/assessments/{id}', '/api/flows', '/api/flows/{id}']) {
      expect(spec.paths[path], path).toBeDefined();
    }
    expect(spec.paths['/api/assessments'].post.tags).toEqual(['assessments']);
    expect(spec.paths['/api/flows'].get.tags).toEqual(['flows']);
    expect(JSON.stringify(spec.paths['/api/assessments'].post.requestBody)).toContain('byOrigin');
  });
});
