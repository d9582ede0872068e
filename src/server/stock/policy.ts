import { inScope } from '#domain/places/pcode';
import type { Actor } from '../context.ts';
import { invalidField, notFound } from '../http/problem.ts';
import { requirePermission } from '../identity/policy.ts';
import type { Visibility } from './location-store.ts';

/**
 * Who sees and keeps stock: a place belongs to one organisation; its staff with `stock.read` see
 * it inside their geographic scope and those with `stock.manage` also change it. Anyone else gets
 * a 404, so that another organisation's stores are not revealed.
 */

/** What the policy needs of a place. */
export interface GuardedLocation { organizationId: string; pcode: string; active?: boolean }

type Located = { organization: { id: string }; pcode: string; active: boolean };
/** A place as the policy reads it. */
export const guarded = (l: Located): GuardedLocation => ({ organizationId: l.organization.id, pcode: l.pcode, active: l.active });

export function visibility(actor: Actor): Visibility {
  return { organizationId: actor.organizationId, scope: actor.scope };
}

/** The place is the actor's organisation's and inside the actor's scope. */
export function ours(actor: Actor, l: Pick<GuardedLocation, 'organizationId' | 'pcode'>): boolean {
  return l.organizationId === actor.organizationId && inScope(l.pcode, actor.scope);
}

/** Reading stock needs `stock.read`. */
export function assertCanReadStock(actor: Actor): void {
  requirePermission(actor, 'stock.read');
}

/** Reading one place: `stock.read`, and the place is the actor's organisation's, inside scope; else 404. */
export function assertCanReadLocation<T extends GuardedLocation>(actor: Actor, l: T | null): asserts l is T {
  requirePermission(actor, 'stock.read');
  if (!l || !ours(actor, l)) throw notFound();
}

/** Changing stock at a place: readable by the actor (else 404), then `stock.manage` (else 403). */
export function assertCanManageLocation<T extends GuardedLocation>(actor: Actor, l: T | null): asserts l is T {
  assertCanReadLocation(actor, l);
  requirePermission(actor, 'stock.manage');
}

/** Stock moves only at an open place the actor keeps (another organisation's place is a 404). */
export function assertCanMoveStockAt<T extends GuardedLocation>(actor: Actor, l: T | null, field: string): asserts l is T {
  assertCanManageLocation(actor, l);
  if (l.active === false) throw invalidField(field, 'stock.location_inactive');
}

/** A new place, or a place moved, lies inside the writer's scope. */
export function assertInScope(actor: Actor, pcode: string): void {
  if (!inScope(pcode, actor.scope)) throw invalidField('pcode', 'scope.outside');
}
