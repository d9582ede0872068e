import type { Permission } from '#domain/identity/schemas';
import type { Actor } from '../context.ts';
import { Problem } from '../http/problem.ts';

/** Throws 403 unless the actor's role grants the permission. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!actor.permissions.has(permission)) throw new Problem(403, 'problem.forbidden');
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

/** Until MFA is set up where required, only the account routes are open. */
export function mfaSetupRequired(actor: Actor): boolean {
  return actor.mfaRequired && !actor.mfaEnabled && actor.via === 'session';
}
