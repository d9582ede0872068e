import { sql } from 'kysely';
import type { Executor } from '../audit/store.ts';
import type { Organization, OrganizationInput, User } from '#domain/identity/schemas';

/** SQL for the administration of organisations and users. */

export async function listOrganizations(db: Executor): Promise<Organization[]> {
  const rows = await db.selectFrom('organizations').selectAll().orderBy('code').execute();
  return rows.map(toOrganization);
}

export async function organizationById(db: Executor, id: string) {
  const row = await db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toOrganization(row) : null;
}

export async function organizationByCode(db: Executor, code: string) {
  const row = await db.selectFrom('organizations').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? toOrganization(row) : null;
}

/** Inserts unless the code exists; returns null on a duplicate code. */
export async function insertOrganization(db: Executor, id: string, input: OrganizationInput): Promise<Organization | null> {
  const row = await db.insertInto('organizations')
    .values({ id, code: input.code, name: input.name, name_ar: input.nameAr ?? null, name_ckb: input.nameCkb ?? null, kind: input.kind })
    .onConflict((oc) => oc.column('code').doNothing()).returningAll().executeTakeFirst();
  return row ? toOrganization(row) : null;
}

function toOrganization(r: { id: string; code: string; name: string; name_ar: string | null; name_ckb: string | null; kind: string; created_at: Date }): Organization {
  return { id: r.id, code: r.code, name: r.name, nameAr: r.name_ar, nameCkb: r.name_ckb, kind: r.kind, createdAt: new Date(r.created_at).toISOString() };
}

const userSelect = sql`u.id, u.username, u.display_name, u.role, u.scope, u.locale, u.active, u.mfa_enabled,
  u.mfa_required, u.locked_until, u.version, o.id as org_id, o.code as org_code, o.name as org_name`;

function toUser(r: any): User {
  return {
    id: r.id, username: r.username, displayName: r.display_name,
    organization: { id: r.org_id, code: r.org_code, name: r.org_name }, role: r.role, scope: r.scope,
    locale: r.locale, active: r.active, mfaEnabled: r.mfa_enabled, mfaRequired: r.mfa_required,
    lockedUntil: r.locked_until && new Date(r.locked_until) > new Date() ? new Date(r.locked_until).toISOString() : null,
    version: r.version,
  };
}

export async function listUsers(db: Executor): Promise<User[]> {
  const r = await sql`select ${userSelect} from users u join organizations o on o.id = u.organization_id order by lower(u.username)`.execute(db);
  return r.rows.map(toUser);
}

export async function getUser(db: Executor, id: string): Promise<User | null> {
  const r = await sql`select ${userSelect} from users u join organizations o on o.id = u.organization_id where u.id = ${id}`.execute(db);
  return r.rows[0] ? toUser(r.rows[0]) : null;
}

export interface NewUser {
  id: string; username: string; displayName: string; passwordHash: string; organizationId: string;
  role: string; scope: string[]; locale: string; mfaRequired: boolean;
}

/** Inserts unless the username is taken (case-insensitively); returns false when taken. */
export async function insertUser(db: Executor, u: NewUser): Promise<boolean> {
  const r = await sql`insert into users (id, username, display_name, password_hash, organization_id, role, scope, locale, mfa_required)
    values (${u.id}, ${u.username}, ${u.displayName}, ${u.passwordHash}, ${u.organizationId}, ${u.role}, ${u.scope}, ${u.locale}, ${u.mfaRequired})
    on conflict do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export interface UserChanges {
  display_name?: string; role?: string; scope?: string[]; locale?: string; active?: boolean;
  mfa_required?: boolean; password_hash?: string; failed_logins?: number; locked_until?: null;
}

/** Applies the changes if the version still matches; false when it moved on. */
export async function updateUser(db: Executor, id: string, version: number, changes: UserChanges): Promise<boolean> {
  const r = await db.updateTable('users').set({ ...changes, version: version + 1, updated_at: new Date() })
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function countUsers(db: Executor) {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
