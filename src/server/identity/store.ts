import { sql } from 'kysely';
import type { Executor } from '../audit/store.ts';
import type { Actor } from '../context.ts';

/** Identity SQL: organisations, users, roles, sessions, API tokens. */

const actorColumns = sql`u.id as user_id, u.username, u.display_name, u.organization_id, o.code as org_code,
  o.name as org_name, o.name_ar as org_name_ar, o.name_ckb as org_name_ckb, u.role, r.permissions, u.scope, u.locale, u.mfa_enabled, u.mfa_required, u.active`;

interface ActorRow {
  user_id: string; username: string; display_name: string; organization_id: string; org_code: string;
  org_name: string; org_name_ar: string | null; org_name_ckb: string | null; role: string; permissions: string[]; scope: string[]; locale: string;
  mfa_enabled: boolean; mfa_required: boolean; active: boolean;
}

function toActor(row: ActorRow, via: Actor['via'], sessionId: string | null, csrfToken: string | null): Actor {
  return {
    userId: row.user_id, username: row.username, displayName: row.display_name,
    organizationId: row.organization_id, organizationCode: row.org_code, organizationName: row.org_name,
    organizationNameAr: row.org_name_ar, organizationNameCkb: row.org_name_ckb,
    role: row.role, permissions: new Set(row.permissions), scope: row.scope, locale: row.locale,
    mfaEnabled: row.mfa_enabled, mfaRequired: row.mfa_required, via, sessionId, csrfToken, ip: null,
  };
}

/** The actor of a live session (not expired, not idle too long); touches its last-seen time. */
export async function actorBySession(db: Executor, id: string, idleMinutes: number): Promise<Actor | null> {
  const result = await sql<ActorRow & { csrf_token: string }>`
    update sessions s set last_seen_at = now()
    from users u join organizations o on o.id = u.organization_id join roles r on r.code = u.role
    where s.id = ${id} and u.id = s.user_id and u.active
      and s.expires_at > now() and s.last_seen_at > now() - make_interval(mins => ${idleMinutes})
    returning ${actorColumns}, s.csrf_token`.execute(db);
  const row = result.rows[0];
  return row ? toActor(row, 'session', id, row.csrf_token) : null;
}

export async function actorByToken(db: Executor, tokenHash: string): Promise<Actor | null> {
  const result = await sql<ActorRow>`
    update api_tokens t set last_used_at = now()
    from users u join organizations o on o.id = u.organization_id join roles r on r.code = u.role
    where t.token_hash = ${tokenHash} and t.revoked_at is null and u.id = t.user_id and u.active
    returning ${actorColumns}`.execute(db);
  const row = result.rows[0];
  return row ? toActor(row, 'token', null, null) : null;
}

export async function actorByUserId(db: Executor, userId: string): Promise<Actor | null> {
  const result = await sql<ActorRow>`select ${actorColumns} from users u
    join organizations o on o.id = u.organization_id join roles r on r.code = u.role
    where u.id = ${userId}`.execute(db);
  return result.rows[0] ? toActor(result.rows[0], 'cli', null, null) : null;
}

export async function userByUsername(db: Executor, username: string) {
  return db.selectFrom('users').selectAll().where(sql`lower(username)`, '=', username.toLowerCase()).executeTakeFirst();
}

export async function userById(db: Executor, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function recordFailedLogin(db: Executor, userId: string, maxFailures: number, lockMinutes: number) {
  return sql<{ failed_logins: number; locked_until: Date | null }>`
    update users set
      failed_logins = case when failed_logins + 1 >= ${maxFailures} then 0 else failed_logins + 1 end,
      locked_until = case when failed_logins + 1 >= ${maxFailures} then now() + make_interval(mins => ${lockMinutes}) else locked_until end
    where id = ${userId} returning failed_logins, locked_until`.execute(db).then((r) => r.rows[0]);
}

export async function clearFailedLogins(db: Executor, userId: string) {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
}

export async function insertSession(db: Executor, s: { id: string; userId: string; csrf: string; maxHours: number; ip: string | null; userAgent: string | null }) {
  await sql`insert into sessions (id, user_id, csrf_token, expires_at, ip, user_agent)
    values (${s.id}, ${s.userId}, ${s.csrf}, now() + make_interval(hours => ${s.maxHours}), ${s.ip}, ${s.userAgent})`.execute(db);
}

export async function deleteSession(db: Executor, id: string) {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteUserSessions(db: Executor, userId: string, exceptId: string | null = null) {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '<>', exceptId);
  await q.execute();
}

export async function insertApiToken(db: Executor, t: { id: string; userId: string; name: string; hash: string }) {
  await db.insertInto('api_tokens').values({ id: t.id, user_id: t.userId, name: t.name, token_hash: t.hash }).execute();
}

export async function listApiTokens(db: Executor, userId: string) {
  return db.selectFrom('api_tokens').select(['id', 'name', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId).where('revoked_at', 'is', null).orderBy('created_at', 'desc').execute();
}

export async function revokeApiToken(db: Executor, userId: string, id: string): Promise<boolean> {
  const r = await db.updateTable('api_tokens').set({ revoked_at: new Date() })
    .where('id', '=', id).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function setMfa(db: Executor, userId: string, fields: { mfa_secret?: string | null; mfa_enabled?: boolean }) {
  await db.updateTable('users').set({ ...fields, updated_at: new Date() }).where('id', '=', userId).execute();
}

export async function setPassword(db: Executor, userId: string, hash: string) {
  await db.updateTable('users').set({ password_hash: hash, updated_at: new Date(), version: sql`version + 1` as any })
    .where('id', '=', userId).execute();
}

export async function roleExists(db: Executor, code: string) {
  return (await db.selectFrom('roles').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function listRoles(db: Executor) {
  return db.selectFrom('roles').selectAll().orderBy('code').execute();
}
