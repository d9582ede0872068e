import type { DistributionRound } from '#domain/assistance/rounds';
import type { Me } from '#web/api/types.ts';

/** The rules of a round's steps the page explains before the server enforces them. */

/** Who prepared a draft: its creator, and its editors when the read names them (`authors`). */
type Authored = Pick<DistributionRound, 'createdBy' | 'submittedBy'> & { authors?: readonly ({ id: string } | string)[] };

/**
 * Why this person cannot approve the round, or null when they may: the maker-checker rule
 * (whoever prepared, edited or submitted it cannot approve it), or the permission. The server
 * refuses it anyway; the page says why beforehand.
 */
export function approvalBlock(round: Authored, me: Pick<Me, 'id' | 'permissions'>): 'permission' | 'submitted' | 'prepared' | null {
  if (!me.permissions.includes('assistance.approve')) return 'permission';
  if (round.submittedBy?.id === me.id) return 'submitted';
  const authors = (round.authors ?? []).map((a) => (typeof a === 'string' ? a : a.id));
  if (round.createdBy?.id === me.id || authors.includes(me.id)) return 'prepared';
  return null;
}

export interface TrailEvent {
  key: 'created' | 'rejected' | 'submitted' | 'approved' | 'issued';
  at: string;
  by: string | null;
  reason?: string;
}

/**
 * Who did what to a round and when, from its fields, oldest first. A send-back is shown where it
 * happened: a later submission follows it, an earlier one comes before it.
 */
export function roundTrail(r: DistributionRound): TrailEvent[] {
  const events: TrailEvent[] = [{ key: 'created', at: r.createdAt, by: r.createdBy?.username ?? null }];
  if (r.rejection) events.push({ key: 'rejected', at: r.rejection.at, by: r.rejection.by?.username ?? null, reason: r.rejection.reason });
  if (r.submittedAt) events.push({ key: 'submitted', at: r.submittedAt, by: r.submittedBy?.username ?? null });
  if (r.approvedAt) events.push({ key: 'approved', at: r.approvedAt, by: r.approvedBy?.username ?? null });
  if (r.issuedAt) events.push({ key: 'issued', at: r.issuedAt, by: null });
  return events.sort((a, b) => a.at.localeCompare(b.at));
}
