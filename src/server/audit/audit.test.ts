import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { householdInput, makeUser, sessionFor } from '../../../test/factories.ts';
import { verifyAuditLog } from './service.ts';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

const actions = async () => (await server.ctx.db.kysely.selectFrom('audit_log').select('action').orderBy('seq').execute()).map((r) => r.action);

/** Tampering as someone with direct database access would: around the append-only trigger. */
async function tamper(statement: ReturnType<typeof sql>) {
  await server.ctx.db.kysely.transaction().execute(async (trx) => {
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(trx);
    await statement.execute(trx);
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(trx);
  });
}

describe('the audit log', () => {
  it('records every login and write and verifies intact', async () => {
    const { user, client } = await makeUser(server);
    await sessionFor(server, user.username);
    await server.client().login(user.username, 'wrong-password');
    await client.post('/api/households', householdInput());
    expect(await actions()).toEqual(expect.arrayContaining(['user.create', 'auth.token_created', 'auth.login', 'auth.login_failed', 'household.create']));
    expect(await verifyAuditLog(server.ctx.db)).toMatchObject({ ok: true });
  });

  it('refuses updates and deletes through SQL', async () => {
    await expect(sql`update audit_log set action = 'nothing' where seq = 1`.execute(server.ctx.db.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where seq = 1`.execute(server.ctx.db.kysely)).rejects.toThrow(/append-only/);
  });

  it('names the first altered row, then the first removed row, then a removed tail', async () => {
    const { client } = await makeUser(server);
    for (let i = 0; i < 3; i += 1) await client.post('/api/households', householdInput());
    const rows = await server.ctx.db.kysely.selectFrom('audit_log').select('seq').orderBy('seq').execute();
    const middle = Number(rows[Math.floor(rows.length / 2)].seq);
    await tamper(sql`update audit_log set actor_name = 'someone-else' where seq = ${middle}`);
    expect(await verifyAuditLog(server.ctx.db)).toMatchObject({ ok: false, firstBadSeq: middle, reason: 'altered' });
    await tamper(sql`delete from audit_log where seq = ${middle}`);
    expect(await verifyAuditLog(server.ctx.db)).toMatchObject({ ok: false, firstBadSeq: middle, reason: 'removed' });
  });
});

describe('a removed tail', () => {
  it('is detected through the chain head', async () => {
    const fresh = await startTestServer();
    try {
      const { client } = await makeUser(fresh);
      await client.post('/api/households', householdInput());
      const last = Number((await fresh.ctx.db.kysely.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').executeTakeFirstOrThrow()).seq);
      await fresh.ctx.db.kysely.transaction().execute(async (trx) => {
        await sql`alter table audit_log disable trigger audit_log_no_update`.execute(trx);
        await sql`delete from audit_log where seq = ${last}`.execute(trx);
        await sql`alter table audit_log enable trigger audit_log_no_update`.execute(trx);
      });
      expect(await verifyAuditLog(fresh.ctx.db)).toMatchObject({ ok: false, firstBadSeq: last, reason: 'removed' });
    } finally {
      await fresh.close();
    }
  });
});
