import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { sql } from 'kysely';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { householdInput, makeUser, PASSWORD, sessionFor } from '../../../test/factories.ts';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

describe('signing in', () => {
  it('sets an httpOnly SameSite session cookie and a CSRF token, and /me describes the user', async () => {
    const { user } = await makeUser(server, { scope: ['IQG11'] });
    const client = server.client();
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user.username, password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookies = res.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('amina_session='))).toMatch(/HttpOnly/i);
    expect(cookies.find((c) => c.startsWith('amina_session='))).toMatch(/SameSite=Strict/i);
    await client.login(user.username, PASSWORD);
    const me = await client.get('/api/auth/me');
    expect(me.body).toMatchObject({ username: user.username, role: 'registration_officer', scope: ['IQG11'], organization: { code: 'MOMD' } });
    expect(me.body.permissions).toContain('households.write');
  });

  it('refuses a wrong password in the user\'s language without saying whether the user exists', async () => {
    const { user } = await makeUser(server);
    const client = server.client();
    client.language = 'ar';
    const wrong = await client.login(user.username, 'not-the-password');
    const nobody = await client.login('nobody-at-all', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(nobody.status).toBe(401);
    expect(wrong.body.detail).toBe(nobody.body.detail);
    expect(wrong.body.detail).toBe('اسم المستخدم أو كلمة المرور غير صحيحة.');
  });

  it('locks an account after five failures, even against the right password, then lets it in once unlocked', async () => {
    const { user } = await makeUser(server);
    const client = server.client();
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await client.login(user.username, `guess-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const right = await client.login(user.username, PASSWORD);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    await server.ctx.db.kysely.updateTable('users').set({ locked_until: new Date(Date.now() - 1000) }).where('id', '=', user.id).execute();
    expect((await client.login(user.username, PASSWORD)).status).toBe(200);
  });

  it('rate-limits a flood of login attempts from one address', async () => {
    const client = server.client();
    const statuses = new Set<number>();
    for (let i = 0; i < 15; i += 1) statuses.add((await client.login('flood-target', `guess-${i}`)).status);
    expect(statuses.has(429)).toBe(true);
  });
});

describe('sessions', () => {
  it('refuses a cookie-authenticated write without the CSRF header', async () => {
    const { user } = await makeUser(server);
    const client = await sessionFor(server, user.username);
    const res = await client.post('/api/households', householdInput(), { 'x-csrf-token': 'forged' });
    expect(res.status).toBe(403);
    expect(res.body.type).toContain('csrf');
    expect((await client.post('/api/households', householdInput())).status).toBe(201);
  });

  it('ends at logout and when it expires or idles', async () => {
    const { user } = await makeUser(server);
    const client = await sessionFor(server, user.username);
    expect((await client.post('/api/auth/logout')).status).toBe(200);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    const idle = await sessionFor(server, user.username);
    await sql`update sessions set last_seen_at = now() - interval '2 hours' where user_id = ${user.id}`.execute(server.ctx.db.kysely);
    expect((await idle.get('/api/auth/me')).status).toBe(401);
    const old = await sessionFor(server, user.username);
    await sql`update sessions set expires_at = now() - interval '1 minute' where user_id = ${user.id}`.execute(server.ctx.db.kysely);
    expect((await old.get('/api/auth/me')).status).toBe(401);
  });

  it('sends security headers', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(await res.json()).toEqual({ status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});

describe('API tokens', () => {
  it('works as a Bearer token until revoked', async () => {
    const { user } = await makeUser(server);
    const session = await sessionFor(server, user.username);
    const created = await session.post('/api/auth/tokens', { name: 'import script' });
    expect(created.status).toBe(201);
    const script = server.client();
    script.bearer = created.body.token;
    expect((await script.get('/api/auth/me')).body.username).toBe(user.username);
    expect((await script.post('/api/households', householdInput())).status).toBe(201);
    expect((await session.get('/api/auth/tokens')).body.items.map((t: { name: string }) => t.name)).toContain('import script');
    expect((await session.delete(`/api/auth/tokens/${created.body.id}`)).status).toBe(200);
    expect((await script.get('/api/auth/me')).status).toBe(401);
  });
});

describe('two-factor authentication', () => {
  it('can be enabled by a user and is then asked for at sign-in', async () => {
    const { user } = await makeUser(server);
    const client = await sessionFor(server, user.username);
    const setup = await client.post('/api/auth/mfa/setup');
    expect(setup.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect((await client.post('/api/auth/mfa/enable', { code: '000000' })).status).toBe(422);
    const code = await generate({ secret: setup.body.secret });
    expect((await client.post('/api/auth/mfa/enable', { code })).status).toBe(200);
    const next = server.client();
    const first = await next.login(user.username, PASSWORD);
    expect(first.status).toBe(401);
    expect(first.body.mfaRequired).toBe(true);
    expect((await next.login(user.username, PASSWORD, '123456')).status).toBe(401);
    expect((await next.login(user.username, PASSWORD, await generate({ secret: setup.body.secret }))).status).toBe(200);
    const stored = await server.ctx.db.kysely.selectFrom('users').select('mfa_secret').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(stored.mfa_secret).not.toContain(setup.body.secret);
  });

  it('when required by an administrator, blocks everything but setting it up', async () => {
    const { user } = await makeUser(server, { mfaRequired: true });
    const client = await sessionFor(server, user.username);
    expect((await client.get('/api/auth/me')).body.mfaSetupRequired).toBe(true);
    expect((await client.get('/api/households')).status).toBe(403);
    const setup = await client.post('/api/auth/mfa/setup');
    await client.post('/api/auth/mfa/enable', { code: await generate({ secret: setup.body.secret }) });
    expect((await client.get('/api/households')).status).toBe(200);
  });
});

describe('administration', () => {
  it('lets an administrator create users and organisations, and no one else', async () => {
    const admin = await server.admin();
    const orgs = (await admin.get('/api/organizations')).body.items.map((o: { code: string }) => o.code);
    expect(orgs).toEqual(expect.arrayContaining(['MOMD', 'BMD']));
    const iom = await admin.post('/api/organizations', { code: 'IOM', name: 'International Organization for Migration', kind: 'un' });
    expect(iom.status).toBe(201);
    expect((await admin.post('/api/organizations', { code: 'iom', name: 'Again' })).status).toBe(422);
    const created = await admin.post('/api/users', { username: 'iom.clerk', displayName: 'IOM clerk', password: 'long-enough-password', organizationId: iom.body.id, role: 'registration_officer', scope: ['IQG09'] });
    expect(created.status).toBe(201);
    const taken = await admin.post('/api/users', { username: 'IOM.CLERK', displayName: 'x', password: 'long-enough-password', organizationId: iom.body.id, role: 'viewer' });
    expect(taken.body.errors[0]).toMatchObject({ path: 'username', code: 'username.taken' });
    const weak = await admin.post('/api/users', { username: 'weak', displayName: 'x', password: 'short', organizationId: iom.body.id, role: 'nonsense' });
    expect(weak.status).toBe(400);
    const { client: clerk } = await makeUser(server);
    expect((await clerk.get('/api/users')).status).toBe(403);
    expect((await clerk.post('/api/organizations', { code: 'NGO1', name: 'x' })).status).toBe(403);
  });

  it('edits a user at the version read and ends their sessions when deactivated', async () => {
    const admin = await server.admin();
    const { user } = await makeUser(server);
    const session = await sessionFor(server, user.username);
    const changed = await admin.patch(`/api/users/${user.id}`, { version: user.version, role: 'viewer' });
    expect(changed.body).toMatchObject({ role: 'viewer', version: user.version + 1 });
    expect((await admin.patch(`/api/users/${user.id}`, { version: user.version, role: 'data_manager' })).status).toBe(409);
    expect((await admin.patch(`/api/users/${user.id}`, { version: 1e12, role: 'data_manager' })).status).toBe(400);
    expect((await session.post('/api/households', householdInput())).status).toBe(403);
    await admin.patch(`/api/users/${user.id}`, { version: changed.body.version, active: false });
    expect((await session.get('/api/auth/me')).status).toBe(401);
    expect((await server.client().login(user.username, PASSWORD)).status).toBe(401);
  });
});
