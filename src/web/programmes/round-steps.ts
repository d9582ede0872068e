import type { DistributionRound } from '#domain/assistance/rounds';
import type { Me } from '#web/api/types.ts';

/** The rules of a round's steps the page explains before the server enforces them. */

/**
 * Why this person cannot approve the round, or null when they may: the maker-checker rule
 * (whoever created, edited or submitted it cannot approve it: the read names them), or the
 * permission. The server refuses it anyway; the page says why beforehand.
 */
export function approvalBlock(round: Pick<DistributionRound, 'authors' | 'submittedBy'>, me: Pick<Me, 'id' | 'permissions'>): 'permission' | 'submitted' | 'prepared' | null {
  if (!me.permissions.includes('assistance.approve')) return 'permission';
  if (round.submittedBy?.id === me.id) return 'submitted';
  if (round.authors.some((a) => a.id === me.id)) return 'prepared';
  return null;
}

/** Everyone who may not approve the round: its authors and its submitter, each once, by username. */
export function makers(round: Pick<DistributionRound, 'authors' | 'submittedBy'>): string[] {
  const people = round.submittedBy ? [...round.authors, round.submittedBy] : round.authors;
  return [...new Set(people.map((p) => p.username))];
}

/** Usernames as a list in the interface language (Arabic and Kurdish take the Arabic comma), each kept in its own direction. */
export function nameList(lang: 'en' | 'ar' | 'ckb', names: readonly string[]): string {
  return names.map((n) => `\u2068${n}\u2069`).join(lang === 'en' ? ', ' : '، ');
}

export interface TrailEvent {
  key: 'created' | 'rejected' | 'submitted' | 'approved' | 'issued' | 'closed';
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
  if (r.issuedAt) events.push({ key: 'issued', at: r.issuedAt, by: r.issuedBy?.username ?? null });
  if (r.closedAt) events.push({ key: 'closed', at: r.closedAt, by: r.closedBy?.username ?? null });
  return events.sort((a, b) => a.at.localeCompare(b.at));
}
