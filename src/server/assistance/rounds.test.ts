import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { translateError } from '#domain/i18n/errors';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { makeUser, newId } from '../../../test/factories.ts';
import { PARCEL, approve, entitlementsOf, newPoint, newProgramme, newRound, organisation, register } from './assistance.fixture.ts';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

const post = (client: { post: Function }, id: string, step: string, body?: unknown) => (client.post as any)(`/api/distribution-rounds/${id}/${step}`, body);

describe('a round from draft to closed', () => {
  it('is numbered in its programme, submitted by its maker, approved by a checker, issued once, closed; every step audited', async () => {
    const o = await organisation(server);
    for (let i = 0; i < 3; i += 1) await register(o.clerk.client);
    const p = await newProgramme(o.maker.client);
    const round = await newRound(o.maker.client, p.id, { name: 'November' });
    expect(round).toMatchObject({ number: 1, status: 'draft', version: 1, createdBy: { username: o.maker.user.username } });
    expect((await newRound(o.maker.client, p.id)).number).toBe(2);
    const edited = await o.maker.client.patch(`/api/distribution-rounds/${round.id}`, { version: 1, rules: { statuses: ['displaced'] } });
    expect(edited.body).toMatchObject({ version: 2, rules: { statuses: ['displaced'], exclude: { servedInSector: true } } });

    const submitted = await post(o.maker.client, round.id, 'submit', { version: 2 });
    expect(submitted.body).toMatchObject({ status: 'submitted', submittedBy: { username: o.maker.user.username }, version: 3 });
    const late = await o.maker.client.patch(`/api/distribution-rounds/${round.id}`, { version: 3, name: 'changed' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ type: expect.stringMatching(/distribution-round-not-draft$/), current: { status: 'submitted', name: 'November' } });

    o.maker.client.language = 'ar';
    const own = await post(o.maker.client, round.id, 'approve', { version: 3 });
    expect(own.status).toBe(403);
    expect(own.body.detail).toBe(translateError('ar', 'distribution_round.own_approval'));
    expect((await post(o.officer.client, round.id, 'approve', { version: 3 })).status).toBe(403);
    const stale = await post(o.checker.client, round.id, 'approve', { version: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body.current.version).toBe(3);
    const approved = await post(o.checker.client, round.id, 'approve', { version: 3 });
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: { username: o.checker.user.username } });

    const issued = await post(o.maker.client, round.id, 'issue');
    expect(issued.body).toMatchObject({ created: 3, round: { status: 'issued', targetedHouseholds: 3, targetedPeople: 12 } });
    const again = await post(o.maker.client, round.id, 'issue');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: 0, round: { status: 'issued', targetedHouseholds: 3 } });
    expect(await entitlementsOf(o.officer.client, round.id)).toHaveLength(3);

    expect((await post(o.maker.client, round.id, 'close')).body.status).toBe('closed');
    expect((await post(o.maker.client, round.id, 'close')).status).toBe(409);
    expect((await post(o.maker.client, round.id, 'issue')).body.created).toBe(0);
    const audit = await server.ctx.db.kysely.selectFrom('audit_log').select(['action', 'details']).where('entity_id', '=', round.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['distribution_round.create', 'distribution_round.update', 'distribution_round.submit',
      'distribution_round.approve', 'distribution_round.issue', 'distribution_round.close']);
  });

  it('cannot be approved by anyone who edited the draft, nor approved unseen after it went back to draft', async () => {
    const o = await organisation(server);
    const third = await o.user('programme_manager');
    const p = await newProgramme(o.maker.client);
    const round = await newRound(o.maker.client, p.id);
    const byChecker = await o.checker.client.patch(`/api/distribution-rounds/${round.id}`, { version: 1, formula: { parts: [{ per: 'person', lines: [{ code: 'cash_grant', quantity: 25000 }] }] } });
    expect(byChecker.status).toBe(200);
    await post(o.maker.client, round.id, 'submit', { version: 2 });
    expect((await post(o.checker.client, round.id, 'approve', { version: 3 })).status).toBe(403);

    const rejected = await post(third.client, round.id, 'reject', { version: 3, reason: 'Cash per person is too much for large families.' });
    expect(rejected.body).toMatchObject({ status: 'draft', submittedBy: null, rejection: { reason: 'Cash per person is too much for large families.', by: { username: third.user.username } } });
    expect((await post(third.client, round.id, 'approve', { version: 3 })).status).toBe(409);
    const fixed = await o.maker.client.patch(`/api/distribution-rounds/${round.id}`, { version: 4, formula: PARCEL });
    await post(o.maker.client, round.id, 'submit', { version: fixed.body.version });
    const seenBefore = await post(third.client, round.id, 'approve', { version: 4 });
    expect(seenBefore.status).toBe(409);
    expect(seenBefore.body.current.formula).toEqual(PARCEL);
    expect((await post(third.client, round.id, 'approve', { version: 6 })).body.status).toBe('approved');
  });

  it('is refused by the database itself if an author were recorded as its approver', async () => {
    const o = await organisation(server);
    const p = await newProgramme(o.maker.client);
    const round = await newRound(o.maker.client, p.id);
    await expect(sql`update distribution_rounds set status = 'approved', submitted_by = ${o.checker.user.id}, approved_by = ${o.maker.user.id}
      where id = ${round.id}`.execute(server.ctx.db.kysely)).rejects.toThrow(/check/);
  });

  it('is issued only once approved, submitted only with a formula; issuing concurrently creates each entitlement once', async () => {
    const o = await organisation(server);
    for (let i = 0; i < 4; i += 1) await register(o.clerk.client);
    const p = await newProgramme(o.maker.client);
    const empty = await newRound(o.maker.client, p.id, { formula: { parts: [] } });
    const refused = await post(o.maker.client, empty.id, 'submit', { version: 1 });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'formula.parts', code: 'distribution_round.no_formula' })]);
    expect((await post(o.maker.client, empty.id, 'issue')).status).toBe(409);
    const round = await newRound(o.maker.client, p.id);
    await approve(o, round.id);
    const [a, b] = await Promise.all([post(o.maker.client, round.id, 'issue'), post(o.checker.client, round.id, 'issue')]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.created, b.body.created].sort()).toEqual([0, 4]);
    expect(await entitlementsOf(o.maker.client, round.id)).toHaveLength(4);
  });
});

describe('drafting a round', () => {
  it('checks rules, formula, points and dates against the data, with each field\'s path', async () => {
    const o = await organisation(server);
    const other = await organisation(server);
    const p = await newProgramme(o.maker.client);
    const closedPoint = await newPoint(server, o, { active: false });
    const theirs = await newPoint(server, other);
    const res = await o.maker.client.post(`/api/programmes/${p.id}/rounds`, {
      startsOn: '2014-08-01', endsOn: '2016-01-31',
      rules: { areas: ['IQG15', 'IQG11Q99'], needs: ['SV', 'ZZ'], shelterTypes: ['palace'], sites: [newId()] },
      formula: { parts: [{ per: 'household', lines: [{ code: 'caviar', quantity: 1 }] }] },
      pointIds: [closedPoint, theirs],
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`).sort()).toEqual([
      'endsOn:distribution_round.outside_programme', 'formula.parts.0.lines.0.code:formula.item_unknown',
      'pointIds.0:distribution_round.point_unknown', 'pointIds.1:distribution_round.point_unknown',
      'rules.areas.0:targeting.outside_programme', 'rules.areas.1:pcode.unknown', 'rules.needs.0:targeting.sensitive_need',
      'rules.needs.1:need.unknown', 'rules.shelterTypes.0:shelter.unknown', 'rules.sites.0:site.unknown',
      'startsOn:distribution_round.outside_programme',
    ]);
  });

  it('refuses malformed rules and formulas before anything is read, in the reader\'s language', async () => {
    const o = await organisation(server);
    const p = await newProgramme(o.maker.client);
    o.maker.client.language = 'ckb';
    const res = await o.maker.client.post(`/api/programmes/${p.id}/rounds`, {
      startsOn: '2014-11-01', endsOn: '2014-11-30',
      rules: { size: { min: 7, max: 3 }, statuses: ['abroad'], minimumScore: 3 },
      formula: { parts: [{ per: 'band', bands: [{ from: 1, to: 4, lines: [{ code: 'blanket', quantity: 1 }] }, { from: 3, lines: [{ code: 'blanket', quantity: 2 }] }] }] },
    });
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['rules', 'rules.size.max', 'rules.statuses.0', 'formula.parts.0.bands.1.from']));
    expect(res.body.errors.find((e: { path: string }) => e.path === 'formula.parts.0.bands.1.from').message).toBe(translateError('ckb', 'formula.bands_overlap'));
  });

  it('takes an Idempotency-Key, and a number already used in the programme is a 409', async () => {
    const o = await organisation(server);
    const p = await newProgramme(o.maker.client);
    const body = { number: 5, startsOn: '2014-11-01', endsOn: '2014-11-30' };
    const first = await o.maker.client.post(`/api/programmes/${p.id}/rounds`, body, { 'idempotency-key': `round-${o.code}` });
    const replay = await o.maker.client.post(`/api/programmes/${p.id}/rounds`, body, { 'idempotency-key': `round-${o.code}` });
    expect(replay.body.id).toBe(first.body.id);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const taken = await o.maker.client.post(`/api/programmes/${p.id}/rounds`, body);
    expect(taken.status).toBe(409);
    expect(taken.body.errors).toEqual([expect.objectContaining({ path: 'number', code: 'distribution_round.number_taken' })]);
    expect((await o.maker.client.get(`/api/programmes/${p.id}/rounds`)).body.total).toBe(1);
  });

  it('is changed only by managers, the rest read it', async () => {
    const o = await organisation(server);
    const p = await newProgramme(o.maker.client);
    const round = await newRound(o.maker.client, p.id);
    expect((await o.officer.client.patch(`/api/distribution-rounds/${round.id}`, { version: 1, name: 'x' })).status).toBe(403);
    expect((await o.officer.client.get(`/api/distribution-rounds/${round.id}`)).body.formula).toEqual(PARCEL);
    const viewer = await makeUser(server, { org: o.code, role: 'viewer' });
    expect((await post(viewer.client, round.id, 'preview')).status).toBe(200);
    expect((await post(viewer.client, round.id, 'submit', { version: 1 })).status).toBe(403);
  });
});
