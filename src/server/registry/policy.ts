import { inScope } from '#domain/places/pcode';
import type { Actor } from '../context.ts';
import { notFound } from '../http/problem.ts';
import { requirePermission } from '../identity/policy.ts';

/**
 * Who may see a household: a reader of its own organisation's registry, with the household's
 * current place inside the reader's scope. Anything else is a 404, so that the existence of
 * another registry's record is not revealed (sharing agreements come later).
 */
export function assertCanRead(actor: Actor, h: { registryOrganizationId: string; currentPcode: string }): void {
  requirePermission(actor, 'households.read');
  if (h.registryOrganizationId !== actor.organizationId || !inScope(h.currentPcode, actor.scope)) throw notFound();
}

/** Writing needs the write permission on top of being able to read it. */
export function assertCanWrite(actor: Actor, h: { registryOrganizationId: string; currentPcode: string }): void {
  assertCanRead(actor, h);
  requirePermission(actor, 'households.write');
}
