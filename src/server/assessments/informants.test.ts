import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { parse } from 'csv-parse/sync';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { assessmentBody, newLocation, newRound, person } from './assessments.fixture.ts';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

const informant = { name: 'مختار برطلة', role: 'mukhtar', phone: '0750 123 4567' };

const audited = async (action: string, actor: string) => (await sql<{ n: number }>`
  select count(*)::int as n from audit_log where action = ${action} and actor_name = ${actor}`.execute(server.ctx.db.kysely)).rows[0].n;

/** A round of MOMD with one assessment an enumerator recorded with its key informant. */
async function recorded() {
  const manager = await person(server, 'data_manager');
  const enumerator = await person(server, 'enumerator');
  const round = await newRound(manager.client);
  const location = await newLocation(manager.client);
  const res = await enumerator.client.post('/api/assessments', assessmentBody(round.id, location.id, { keyInformant: informant }));
  expect(res.status).toBe(201);
  return { manager, enumerator, round, assessment: res.body as { id: string; version: number; keyInformant: unknown; keyInformantRecorded: boolean } };
}

describe('key informants', () => {
  it('are sealed at rest and shown only to holders of assessments.informants in the round\'s organisation, each read audited', async () => {
    const { manager, enumerator, assessment } = await recorded();
    expect(assessment).toMatchObject({ keyInformant: null, keyInformantRecorded: true });
    const stored = await server.ctx.db.kysely.selectFrom('location_assessments').select('informant').where('id', '=', assessment.id).executeTakeFirstOrThrow();
    expect(stored.informant).toMatch(/^v1\./);
    expect(stored.informant).not.toContain('برطلة');
    const { client: viewer } = await person(server, 'viewer');
    const { client: bmd } = await person(server, 'data_manager', { org: 'BMD' });
    for (const client of [enumerator.client, viewer, bmd]) {
      const read = await client.get(`/api/assessments/${assessment.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ keyInformant: null, keyInformantRecorded: true });
    }
    const before = await audited('assessment.read_informant', manager.user.username);
    const read = await manager.client.get(`/api/assessments/${assessment.id}`);
    expect(read.body.keyInformant).toEqual({ name: 'مختار برطلة', role: 'mukhtar', phone: '+9647501234567' });
    expect(await audited('assessment.read_informant', manager.user.username)).toBe(before + 1);
    const listed = await manager.client.get(`/api/assessments?location=${read.body.location.id}`);
    expect(listed.body.items[0].keyInformant).toBeNull();
  });

  it('stay when someone who cannot see them edits the assessment; their reader may remove them', async () => {
    const { manager, enumerator, assessment } = await recorded();
    // The enumerator sends back what it was shown (null), with a correction.
    const edited = await enumerator.client.patch(`/api/assessments/${assessment.id}`, { version: 1, idpFamilies: 90, keyInformant: null });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ idpFamilies: 90, keyInformant: null, keyInformantRecorded: true });
    expect((await manager.client.get(`/api/assessments/${assessment.id}`)).body.keyInformant.name).toBe('مختار برطلة');
    const removed = await manager.client.patch(`/api/assessments/${assessment.id}`, { version: 2, keyInformant: null });
    expect(removed.body).toMatchObject({ keyInformant: null, keyInformantRecorded: false });
  });

  it('leave exports for everyone else; an export with them is audited as such', async () => {
    const { manager, enumerator, round } = await recorded();
    const plain = await enumerator.client.get(`/api/rounds/${round.id}/export?format=csv`);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toContain('text/csv');
    const rows = parse(plain.body as string, { bom: true }) as string[][];
    expect(rows[0].filter((h) => h.startsWith('informant'))).toEqual([]);
    expect(plain.body).not.toContain('مختار');
    const full = await manager.client.get(`/api/rounds/${round.id}/export?format=csv`);
    const [header, , row] = parse(full.body as string, { bom: true }) as string[][];
    expect(row[header.indexOf('informant_name')]).toBe('مختار برطلة');
    expect(row[header.indexOf('informant_phone')]).toBe('+9647501234567');
    const exports = (await sql<{ details: { informants: boolean } }>`select details from audit_log where action = 'assessments.export' and entity_id = ${round.id} order by seq`
      .execute(server.ctx.db.kysely)).rows.map((r) => (typeof r.details === 'string' ? JSON.parse(r.details) : r.details).informants);
    expect(exports).toEqual([false, true]);
  });
});
