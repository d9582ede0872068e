import { inScope } from '#domain/places/pcode';
import type { Actor } from '../context.ts';
import { Problem, invalidFields, notFound } from '../http/problem.ts';
import { can, requirePermission } from '../identity/policy.ts';

/**
 * Who may do what with programmes, rounds and their reports. A programme belongs to the
 * organisation that created it: another organisation's staff (a partner) neither see nor change
 * it, and its existence is not revealed (404).
 */
export interface Owned { organizationId: string }

/** Reading programmes, rounds, previews, entitlements and reports: `assistance.read`, own organisation. */
export function assertCanRead(actor: Actor, owned: Owned | null = null): void {
  requirePermission(actor, 'assistance.read');
  if (owned && owned.organizationId !== actor.organizationId) throw notFound();
}

/** Creating and changing programmes and rounds, submitting, issuing, closing: `assistance.manage`, own organisation. */
export function assertCanManage(actor: Actor, owned: Owned | null = null): void {
  requirePermission(actor, 'assistance.manage');
  if (owned && owned.organizationId !== actor.organizationId) throw notFound();
}

/**
 * Changing the catalogue (items, kits, cash), the vulnerability weights and the stock reasons:
 * `assistance.configure`. They are shared by every organisation, so a partner's configurer
 * changes the same catalogue.
 */
export function assertCanConfigure(actor: Actor): void {
  requirePermission(actor, 'assistance.configure');
}

/** Reading the catalogue and the weights: readers of assistance, and those who configure them. */
export function assertCanReadCatalogue(actor: Actor): void {
  if (!can(actor, 'assistance.configure')) requirePermission(actor, 'assistance.read');
}

/**
 * Approving or sending back a round (the checker): `assistance.approve`, own organisation, and
 * not someone who prepared the draft or submitted it (maker-checker; the database checks it too).
 */
export function assertCanApprove(actor: Actor, round: Owned & { authors: readonly string[]; submittedBy: string | null }): void {
  requirePermission(actor, 'assistance.approve');
  if (round.organizationId !== actor.organizationId) throw notFound();
  if (round.authors.includes(actor.userId) || round.submittedBy === actor.userId) throw new Problem(403, 'distribution_round.own_approval');
}

/**
 * A programme's areas lie inside the writer's geographic scope; a writer with a scope cannot
 * make a programme for the whole country (no areas).
 */
export function assertAreasInScope(actor: Actor, areas: readonly string[]): void {
  if (actor.scope.length === 0) return;
  if (areas.length === 0) throw invalidFields([{ path: 'areas', key: 'scope.outside' }]);
  const outside = areas.flatMap((a, i) => (inScope(a, actor.scope) ? [] : [{ path: `areas.${i}`, key: 'scope.outside' as const }]));
  if (outside.length) throw invalidFields(outside);
}
