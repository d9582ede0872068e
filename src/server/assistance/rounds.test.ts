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
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: { username: o.checker.user.username }, issuedBy: null, closedBy: null });

    const issued = await post(o.maker.client, round.id, 'issue', { version: 4 });
    expect(issued.body).toMatchObject({ created: 3, round: { status: 'issued', targetedHouseholds: 3, targetedPeople: 12, version: 5, issuedBy: { username: o.maker.user.username } } });
    expect(Date.parse(issued.body.round.issuedAt)).toBeGreaterThanOrEqual(Date.parse(approved.body.approvedAt));
    const again = await post(o.maker.client, round.id, 'issue', { version: 4 });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: expect.stringMatching(/distribution-round-already-issued$/), current: { status: 'issued', targetedHouseholds: 3 } });
    expect(await entitlementsOf(o.officer.client, round.id)).toHaveLength(3);

    const closed = await post(o.checker.client, round.id, 'close', { version: 5 });
    expect(closed.body).toMatchObject({ status: 'closed', version: 6, closedBy: { username: o.checker.user.username }, issuedBy: { username: o.maker.user.username } });
    expect(Date.parse(closed.body.closedAt)).toBeGreaterThanOrEqual(Date.parse(issued.body.round.issuedAt));
    const closedAgain = await post(o.maker.client, round.id, 'close', { version: 6 });
    expect(closedAgain.status).toBe(409);
    expect(closedAgain.body.type).toMatch(/distribution-round-already-closed$/);
    expect((await post(o.maker.client, round.id, 'issue', { version: 6 })).body.type).toMatch(/distribution-round-already-issued$/);
    expect((await o.officer.client.get(`/api/distribution-rounds/${round.id}`)).body).toMatchObject({ closedBy: { id: o.checker.user.id }, closedAt: closed.body.closedAt });
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
    // The read names everyone who prepared the draft, once each, so the page can say who may not approve it.
    const authors = [{ id: o.maker.user.id, username: o.maker.user.username }, { id: o.checker.user.id, username: o.checker.user.username }];
    expect(byChecker.body.authors).toEqual(authors);
    expect((await o.maker.client.patch(`/api/distribution-rounds/${round.id}`, { version: 2, name: 'again' })).body.authors).toEqual(authors);
    await post(o.maker.client, round.id, 'submit', { version: 3 });
    const own = await post(o.checker.client, round.id, 'approve', { version: 4 });
    expect(own.status).toBe(403);
    expect(own.body.type).toMatch(/distribution-round-own-approval$/);

    const rejected = await post(third.client, round.id, 'reject', { version: 4, reason: 'Cash per person is too much for large families.' });
    expect(rejected.body).toMatchObject({ status: 'draft', submittedBy: null, rejection: { reason: 'Cash per person is too much for large families.', by: { username: third.user.username } } });
    expect((await post(third.client, round.id, 'approve', { version: 4 })).status).toBe(409);
    const fixed = await o.maker.client.patch(`/api/distribution-rounds/${round.id}`, { version: 5, formula: PARCEL });
    await post(o.maker.client, round.id, 'submit', { version: fixed.body.version });
    const seenBefore = await post(third.client, round.id, 'approve', { version: 5 });
    expect(seenBefore.status).toBe(409);
    expect(seenBefore.body.current.formula).toEqual(PARCEL);
    expect((await post(third.client, round.id, 'approve', { version: 7 })).body.status).toBe('approved');
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
    expect((await post(o.maker.client, empty.id, 'issue', { version: 1 })).body.type).toMatch(/distribution-round-not-approved$/);
    const round = await newRound(o.maker.client, p.id);
    await approve(o, round.id);
    const { version } = (await o.maker.client.get(`/api/distribution-rounds/${round.id}`)).body;
    const [a, b] = await Promise.all([post(o.maker.client, round.id, 'issue', { version }), post(o.checker.client, round.id, 'issue', { version })]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    expect([won.status, lost.status]).toEqual([200, 409]);
    expect(won.body.created).toBe(4);
    expect(lost.body).toMatchObject({ type: expect.stringMatching(/already-issued$/), current: { status: 'issued', targetedHouseholds: 4 } });
    expect(await entitlementsOf(o.maker.client, round.id)).toHaveLength(4);
  });
});

describe('issuing and closing at the version read', () => {
  it('refuses a stale version with the current round and creates nothing; a missing one is a 400', async () => {
    const o = await organisation(server);
    await register(o.clerk.client);
    const p = await newProgramme(o.maker.client);
    const round = await newRound(o.maker.client, p.id);
    const approved = await approve(o, round.id);
    o.maker.client.language = 'ar';
    const stale = await post(o.maker.client, round.id, 'issue', { version: approved.version - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ detail: translateError('ar', 'problem.conflict_version'), current: { status: 'approved', version: approved.version } });
    expect(await entitlementsOf(o.maker.client, round.id)).toHaveLength(0);
    const missing = await post(o.maker.client, round.id, 'issue');
    expect(missing.status).toBe(400);
    expect((await post(o.maker.client, round.id, 'issue', { version: approved.version, extra: 1 })).status).toBe(400);

    const issued = await post(o.maker.client, round.id, 'issue', { version: approved.version });
    expect(issued.body.created).toBe(1);
    const staleClose = await post(o.maker.client, round.id, 'close', { version: approved.version });
    expect(staleClose.status).toBe(409);
    expect(staleClose.body).toMatchObject({ detail: translateError('ar', 'problem.conflict_version'), current: { status: 'issued', closedAt: null } });
    expect((await post(o.maker.client, round.id, 'close')).status).toBe(400);
    expect((await post(o.officer.client, round.id, 'close', { version: issued.body.round.version })).status).toBe(403);
    expect((await post(o.maker.client, round.id, 'close', { version: issued.body.round.version })).body.status).toBe('closed');
  });
});

describe('names in the reader\'s language', () => {
  it('gives the programme\'s and the points\' names in Arabic and Kurdish beside the name given, in the round and its entitlements', async () => {
    const o = await organisation(server);
    await register(o.clerk.client, { pcode: 'IQG11Q01' });
    const p = await newProgramme(o.maker.client, { nameCkb: 'وەڵامی زستان 2014' });
    const point = await newPoint(server, o, { name: 'Ankawa school', nameAr: 'مدرسة عنكاوا', nameCkb: 'قوتابخانەی عەنکاوە' });
    const plain = await newPoint(server, o, { pcode: 'IQG11Q02' });
    const round = await newRound(o.maker.client, p.id, { pointIds: [point, plain] });
    const read = (await o.officer.client.get(`/api/distribution-rounds/${round.id}`)).body;
    expect(read.programme).toMatchObject({ name: 'Winterisation 2014', nameAr: 'الاستجابة الشتوية 2014', nameCkb: 'وەڵامی زستان 2014' });
    expect(read.points.find((x: { id: string }) => x.id === point)).toMatchObject({ name: 'Ankawa school', nameAr: 'مدرسة عنكاوا', nameCkb: 'قوتابخانەی عەنکاوە' });
    expect(read.points.find((x: { id: string }) => x.id === plain)).toMatchObject({ name: 'Point', nameAr: null, nameCkb: null });
    const approved = await approve(o, round.id);
    await post(o.maker.client, round.id, 'issue', { version: approved.version });
    const [entitlement] = await entitlementsOf(o.officer.client, round.id);
    expect(entitlement.point).toEqual({ id: point, code: expect.any(String), name: 'Ankawa school', nameAr: 'مدرسة عنكاوا', nameCkb: 'قوتابخانەی عەنکاوە' });
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
