/**
 * A breakdown of an assessment (families by governorate of origin, by wave, by shelter type)
 * shares out all the IDP families when it is given at all. While the enumerator types, this
 * says how far the shares are from that: what is left to share, or by how much they exceed it.
 */
export type BreakdownState = 'empty' | 'short' | 'exact' | 'over';

export interface ShareValue {
  code: string | null;
  families: number | string;
}

export interface BreakdownStatus {
  sum: number;
  /** Families not yet shared out (negative when the shares exceed the total). */
  remaining: number;
  state: BreakdownState;
}

const count = (v: number | string) => (typeof v === 'number' ? v : Number(v) || 0);

export function breakdownStatus(shares: readonly ShareValue[], total: number): BreakdownStatus {
  const used = shares.filter((s) => s.code !== null || count(s.families) > 0);
  const sum = used.reduce((n, s) => n + count(s.families), 0);
  if (used.length === 0) return { sum: 0, remaining: total, state: 'empty' };
  const remaining = total - sum;
  return { sum, remaining, state: remaining === 0 ? 'exact' : remaining > 0 ? 'short' : 'over' };
}

/** The shares to send: rows with a code, their families as numbers (blank counts as 0). */
export function sharesToSend(shares: readonly ShareValue[]): { code: string; families: number }[] {
  return shares.filter((s): s is ShareValue & { code: string } => s.code !== null).map((s) => ({ code: s.code, families: count(s.families) }));
}

/** Codes already used in other rows of the breakdown, so one code is not offered twice. */
export function takenCodes(shares: readonly ShareValue[], except: number): Set<string> {
  return new Set(shares.flatMap((s, i) => (i !== except && s.code ? [s.code] : [])));
}
