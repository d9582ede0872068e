import { inScope } from '#domain/places/pcode';
import type { Actor } from '../context.ts';
import { Problem, forbidden } from '../http/problem.ts';
import { can, requirePermission } from '../identity/policy.ts';

/** What the policy needs of a round. */
export interface GuardedRound { organizationId: string; status: string }

/** Locations are read by whoever reads assessments or manages places. */
export function assertCanReadLocations(actor: Actor): void {
  if (!can(actor, 'assessments.read') && !can(actor, 'places.manage')) throw forbidden();
}

/**
 * Locations are written by those who manage places or assessments, inside their geographic
 * scope (every P-code given: where the location is, and where an edit moves it).
 */
export function assertCanWriteLocation(actor: Actor, pcodes: readonly string[]): void {
  if (!can(actor, 'places.manage') && !can(actor, 'assessments.manage')) throw forbidden();
  if (pcodes.some((p) => !inScope(p, actor.scope))) throw new Problem(422, 'problem.validation', { errors: [{ path: 'pcode', key: 'scope.outside' }] });
}

/**
 * Recording or changing an assessment: the write permission, a round of the actor's own
 * organisation that is still open, and a location inside the actor's scope.
 */
export function assertCanWriteAssessment(actor: Actor, round: GuardedRound, locationPcode: string): void {
  requirePermission(actor, 'assessments.write');
  if (round.organizationId !== actor.organizationId) throw new Problem(403, 'round.not_yours');
  if (round.status !== 'open') throw new Problem(409, 'round.closed');
  if (!inScope(locationPcode, actor.scope)) throw new Problem(403, 'scope.outside');
}

/** Running rounds (create, close, import): managers of the round's organisation. */
export function assertCanManageRound(actor: Actor, round: GuardedRound | null): void {
  requirePermission(actor, 'assessments.manage');
  if (round && round.organizationId !== actor.organizationId) throw new Problem(403, 'round.not_yours');
}

/**
 * Key informants are personal data: seen only by holders of `assessments.informants` in the
 * organisation that ran the round (need to know); every such read is audited by the caller.
 */
export function seesInformants(actor: Actor, round: Pick<GuardedRound, 'organizationId'>): boolean {
  return can(actor, 'assessments.informants') && round.organizationId === actor.organizationId;
}
