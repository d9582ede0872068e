import { v7 as uuidv7 } from 'uuid';
import type { OrganizationInput, UserInput, UserUpdate } from '#domain/identity/schemas';
import type { Actor, Ctx } from '../context.ts';
import { Problem, invalidField, notFound } from '../http/problem.ts';
import { audit, inTransaction } from '../shared/tx.ts';
import { hashPassword } from './passwords.ts';
import { requirePermission } from './policy.ts';
import * as store from './store.ts';
import * as users from './users-store.ts';

/** Organisations are visible to every signed-in user (they name registries); only admins add them. */
export function listOrganizations(ctx: Ctx) {
  return users.listOrganizations(ctx.db.kysely);
}

export async function createOrganization(ctx: Ctx, actor: Actor, input: OrganizationInput) {
  requirePermission(actor, 'organizations.manage');
  const id = uuidv7();
  return inTransaction(ctx, async (trx) => {
    const org = await users.insertOrganization(trx, id, input);
    if (!org) throw invalidField('code', 'organization.code_taken');
    await audit(trx, actor, 'organization.create', 'organization', id, { code: input.code });
    return org;
  });
}

export async function listUsers(ctx: Ctx, actor: Actor) {
  requirePermission(actor, 'users.manage');
  return users.listUsers(ctx.db.kysely);
}

export async function getUser(ctx: Ctx, actor: Actor, id: string) {
  requirePermission(actor, 'users.manage');
  return (await users.getUser(ctx.db.kysely, id)) ?? Promise.reject(notFound());
}

/** Creates a user in an organisation with a role (data) and a geographic scope. */
export async function createUser(ctx: Ctx, actor: Actor | null, input: UserInput) {
  if (actor) requirePermission(actor, 'users.manage');
  const db = ctx.db.kysely;
  if (!(await users.organizationById(db, input.organizationId))) throw invalidField('organizationId', 'organization.unknown');
  if (!(await store.roleExists(db, input.role))) throw invalidField('role', 'role.unknown');
  const id = uuidv7();
  const passwordHash = await hashPassword(input.password);
  await inTransaction(ctx, async (trx) => {
    const ok = await users.insertUser(trx, { id, passwordHash, ...input });
    if (!ok) throw invalidField('username', 'username.taken');
    await audit(trx, actor, 'user.create', 'user', id, { username: input.username, role: input.role, scope: input.scope });
  });
  return (await users.getUser(db, id))!;
}

/** Edits a user at the version read; a stale version is a 409 with the current user. */
export async function updateUser(ctx: Ctx, actor: Actor, id: string, input: UserUpdate) {
  requirePermission(actor, 'users.manage');
  const current = await users.getUser(ctx.db.kysely, id);
  if (!current) throw notFound();
  if (input.role && !(await store.roleExists(ctx.db.kysely, input.role))) throw invalidField('role', 'role.unknown');
  const changes: users.UserChanges = {
    display_name: input.displayName, role: input.role, scope: input.scope, locale: input.locale,
    active: input.active, mfa_required: input.mfaRequired,
    ...(input.password ? { password_hash: await hashPassword(input.password) } : {}),
    ...(input.unlock ? { failed_logins: 0, locked_until: null } : {}),
  };
  for (const key of Object.keys(changes) as (keyof users.UserChanges)[]) if (changes[key] === undefined) delete changes[key];
  await inTransaction(ctx, async (trx) => {
    if (!(await users.updateUser(trx, id, input.version, changes))) {
      throw new Problem(409, 'problem.conflict_version', { extra: { current } });
    }
    // A password reset or deactivation ends the user's sessions.
    if (input.password || input.active === false) await store.deleteUserSessions(trx, id);
    const { password_hash: _hidden, ...logged } = changes;
    await audit(trx, actor, 'user.update', 'user', id, { ...logged, passwordReset: Boolean(input.password) });
  });
  return (await users.getUser(ctx.db.kysely, id))!;
}

export async function listRoles(ctx: Ctx) {
  const rows = await store.listRoles(ctx.db.kysely);
  return rows.map((r) => ({ code: r.code, labels: { en: r.name_en, ar: r.name_ar, ckb: r.name_ckb }, permissions: r.permissions }));
}
