import { inScope } from '#domain/places/pcode';
import type { Actor } from '../context.ts';
import { notFound } from '../http/problem.ts';
import { requirePermission } from '../identity/policy.ts';

type Guarded = { registry: string; registryOrganizationId: string; currentPcode: string; alsoRegistries?: string[] };

/** How a household is read: in full by its own registry, or minimised, to compare, by one whose check reaches it. */
export type ReadAccess = 'own' | 'shared';

/** In the actor's organisation's registry (its own, or one a merge added to it) and inside the actor's scope. */
function ours(actor: Actor, h: Guarded): boolean {
  const mine = h.registryOrganizationId === actor.organizationId || (h.alsoRegistries ?? []).includes(actor.organizationCode);
  return mine && inScope(h.currentPcode, actor.scope);
}

/**
 * Who may see a household: a reader of its registry, inside scope ('own'); or a reader whose
 * organisation may compare against one of its registries ('shared': `shared` lists them, given by
 * deduplication to checkers and reviewers, asked only when the household is not the actor's own).
 * Anything else is a 404, so that the existence of another registry's record is not revealed.
 */
export async function readAccess(actor: Actor, h: Guarded, shared: () => Promise<readonly string[]>): Promise<ReadAccess> {
  requirePermission(actor, 'households.read');
  if (ours(actor, h)) return 'own';
  const reachable = await shared();
  if ([h.registry, ...(h.alsoRegistries ?? [])].some((r) => r !== actor.organizationCode && reachable.includes(r))) return 'shared';
  throw notFound();
}

/** Writing needs the write permission and the household in the actor's own registry and scope (a shared read is no licence). */
export function assertCanWrite(actor: Actor, h: Guarded): void {
  requirePermission(actor, 'households.read');
  if (!ours(actor, h)) throw notFound();
  requirePermission(actor, 'households.write');
}
