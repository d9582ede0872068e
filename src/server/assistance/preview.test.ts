import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translateError } from '#domain/i18n/errors';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { makeUser } from '../../../test/factories.ts';
import { PARCEL, approve, newPoint, newProgramme, newRound, organisation, register } from './assistance.fixture.ts';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

const preview = (client: { post: Function }, id: string, body?: unknown) => (client.post as any)(`/api/distribution-rounds/${id}/preview`, body);

/**
 * The round editor previews the edits it has not saved: the same checks as saving them, the same
 * counts as the stored draft would give, and nothing written.
 */
describe('previewing a draft\'s unsaved edits', () => {
  it('counts the draft as it would be with the edits, and writes nothing: no new version, no audit, no author', async () => {
    const o = await organisation(server);
    for (const size of [2, 4, 6]) await register(o.clerk.client, { size });
    const p = await newProgramme(o.maker.client);
    const round = await newRound(o.maker.client, p.id);
    expect((await preview(o.maker.client, round.id)).body).toMatchObject({ households: 3, people: 12 });
    const edited = await preview(o.checker.client, round.id, {
      rules: { size: { min: 4 } },
      formula: { parts: [{ per: 'person', lines: [{ code: 'cash_grant', quantity: 25000 }], maxPeople: 5 }] },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ households: 2, people: 10, lines: [{ code: 'cash_grant', quantity: (4 + 5) * 25000, kind: 'cash', unit: 'iqd' }], stock: [] });
    // An empty body is the stored draft; fields not given keep the stored ones (here the rules).
    expect((await preview(o.maker.client, round.id, {})).body).toMatchObject({ households: 3, lines: [{ code: 'food_parcel', quantity: 3 }] });
    expect((await preview(o.maker.client, round.id, { formula: { parts: [] } })).body).toMatchObject({ households: 0, notEntitled: 3, lines: [] });

    const stored = (await o.maker.client.get(`/api/distribution-rounds/${round.id}`)).body;
    expect(stored).toMatchObject({ version: 1, formula: PARCEL, authors: [{ id: o.maker.user.id }] });
    const audit = await server.ctx.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', round.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['distribution_round.create']);
  });

  it('takes the edited period: households served in the sector in an overlapping round are left out', async () => {
    const o = await organisation(server);
    await register(o.clerk.client);
    const p = await newProgramme(o.maker.client);
    const first = await newRound(o.maker.client, p.id, { startsOn: '2014-11-01', endsOn: '2014-11-30' });
    const approved = await approve(o, first.id);
    await o.maker.client.post(`/api/distribution-rounds/${first.id}/issue`, { version: approved.version });
    const next = await newRound(o.maker.client, p.id, { startsOn: '2014-12-01', endsOn: '2014-12-31' });
    expect((await preview(o.maker.client, next.id)).body).toMatchObject({ households: 1, excluded: { servedInSector: 0 } });
    expect((await preview(o.maker.client, next.id, { startsOn: '2014-11-15' })).body).toMatchObject({ households: 0, excluded: { servedInSector: 1 } });
  });

  it('checks the edits as saving them would: malformed is a 400, wrong against the data a 422, each with the field\'s path, in the reader\'s language', async () => {
    const o = await organisation(server);
    const other = await organisation(server);
    const p = await newProgramme(o.maker.client);
    const round = await newRound(o.maker.client, p.id);
    o.maker.client.language = 'ckb';
    const malformed = await preview(o.maker.client, round.id, { rules: { size: { min: 7, max: 3 } }, name: 'not previewed' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['', 'rules.size.max']));
    expect(malformed.body.errors.find((e: { path: string }) => e.path === 'rules.size.max').message).toBe(translateError('ckb', 'targeting.size_range'));
    const theirs = await newPoint(server, other);
    const wrong = await preview(o.maker.client, round.id, {
      endsOn: '2016-02-01', rules: { areas: ['IQG15'] }, formula: { parts: [{ per: 'household', lines: [{ code: 'caviar', quantity: 1 }] }] }, pointIds: [theirs],
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`).sort()).toEqual([
      'endsOn:distribution_round.outside_programme', 'formula.parts.0.lines.0.code:formula.item_unknown',
      'pointIds.0:distribution_round.point_unknown', 'rules.areas.0:targeting.outside_programme',
    ]);
    const reversed = await preview(o.maker.client, round.id, { startsOn: '2014-12-10' });
    expect(reversed.status).toBe(422);
    expect(reversed.body.errors).toEqual([expect.objectContaining({ path: 'startsOn', code: 'range.reversed' })]);
  });

  it('is for the draft\'s managers only: readers preview the round as stored, a round past its draft cannot be edited', async () => {
    const o = await organisation(server);
    await register(o.clerk.client);
    const p = await newProgramme(o.maker.client);
    const round = await newRound(o.maker.client, p.id);
    const viewer = await makeUser(server, { org: o.code, role: 'viewer' });
    expect((await preview(viewer.client, round.id)).status).toBe(200);
    expect((await preview(viewer.client, round.id, { rules: {} })).status).toBe(403);
    expect((await preview(o.officer.client, round.id, { rules: {} })).status).toBe(403);
    await o.maker.client.post(`/api/distribution-rounds/${round.id}/submit`, { version: 1 });
    // The checker sees what is to be approved, and cannot preview something else in its place.
    expect((await preview(o.checker.client, round.id)).body.households).toBe(1);
    const submitted = await preview(o.checker.client, round.id, { rules: { size: { min: 9 } } });
    expect(submitted.status).toBe(409);
    expect(submitted.body).toMatchObject({ type: expect.stringMatching(/distribution-round-not-draft$/), current: { status: 'submitted' } });
  });
});
