import { inScope } from '#domain/places/pcode';
import type { Actor } from '../context.ts';
import { notFound } from '../http/problem.ts';
import { requirePermission } from '../identity/policy.ts';

type Guarded = { registryOrganizationId: string; currentPcode: string; alsoRegistries?: string[] };

/**
 * Who may see a household: a reader of its organisation's registry (its own, or one a merge added
 * to it), with the household's current place inside the reader's scope. Anything else is a 404,
 * so that the existence of another registry's record is not revealed (sharing agreements come later).
 */
export function assertCanRead(actor: Actor, h: Guarded): void {
  requirePermission(actor, 'households.read');
  const ours = h.registryOrganizationId === actor.organizationId || (h.alsoRegistries ?? []).includes(actor.organizationCode);
  if (!ours || !inScope(h.currentPcode, actor.scope)) throw notFound();
}

/** Writing needs the write permission on top of being able to read it. */
export function assertCanWrite(actor: Actor, h: Guarded): void {
  assertCanRead(actor, h);
  requirePermission(actor, 'households.write');
}
