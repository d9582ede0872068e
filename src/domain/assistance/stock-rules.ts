import type { StockLine } from './stock.ts';

/**
 * The rules of stock as pure functions: what a change may be explained by, what is short, what a
 * count or a dispatch's arrival differs by. The server applies them to rows it has locked.
 */

/** A problem with one field of a request: where, and the catalogue key. */
export interface StockIssue { path: (string | number)[]; key: string; params?: Record<string, unknown> }

/** What the server knows of a configured reason. */
export interface ReasonRule { direction: 'in' | 'out' | 'both'; active: boolean }

/** One item asked for that is not all there. */
export interface Shortage { item: string; asked: number; available: number }

/**
 * A change of stock other than a receipt, dispatch or issue needs a reason from the list, in use,
 * that points its way: `found` only adds, `damaged` only takes away, `correction` does either.
 */
export function reasonIssue(change: number, reason: string | null, reasons: ReadonlyMap<string, ReasonRule>, path: (string | number)[]): StockIssue | null {
  if (change === 0) return null;
  if (!reason) return { path, key: 'stock.reason_required' };
  const rule = reasons.get(reason);
  if (!rule || !rule.active) return { path, key: 'stock.reason_unknown' };
  if ((rule.direction === 'in' && change < 0) || (rule.direction === 'out' && change > 0)) return { path, key: 'stock.reason_direction' };
  return null;
}

/** The items of which fewer are there than asked; an item without a level counts as none. */
export function shortages(wanted: readonly StockLine[], available: ReadonlyMap<string, number>): Shortage[] {
  return wanted.map((w) => ({ item: w.item, asked: w.quantity, available: available.get(w.item) ?? 0 }))
    .filter((s) => s.available < s.asked);
}

/**
 * Goods already handed over (an offline point): take what there is, down to zero and no further,
 * and say how many were missing.
 */
export function takeWhatThereIs(wanted: readonly StockLine[], available: ReadonlyMap<string, number>) {
  return wanted.map((w) => {
    const take = Math.min(w.quantity, available.get(w.item) ?? 0);
    return { item: w.item, take, missing: w.quantity - take };
  });
}

export interface CountedLine { item: string; expected: number; counted: number; difference: number; reason: string | null }

/** A count against the levels it replaces: each line's difference, and a reason wherever there is one. */
export function countDifferences(
  lines: readonly { item: string; counted: number; reason: string | null }[],
  levels: ReadonlyMap<string, number>, reasons: ReadonlyMap<string, ReasonRule>,
): { lines: CountedLine[]; issues: StockIssue[] } {
  const issues: StockIssue[] = [];
  const counted = lines.map((l, i) => {
    const expected = levels.get(l.item) ?? 0;
    const difference = l.counted - expected;
    const issue = reasonIssue(difference, l.reason, reasons, ['lines', i, 'reason']);
    if (issue?.key === 'stock.reason_required') issues.push({ ...issue, key: 'stock.count_reason', params: { expected, counted: l.counted } });
    else if (issue) issues.push(issue);
    return { item: l.item, expected, counted: l.counted, difference, reason: difference === 0 ? null : l.reason };
  });
  return { lines: counted, issues };
}

export interface ReceivedLine { item: string; sent: number; received: number; difference: number; reason: string | null }

/**
 * What arrived against what was sent: every item sent is answered (0 if none came), nothing that
 * was not sent is added, and each difference has a reason (lost or damaged on the way, found...).
 */
export function receivedDifferences(
  sent: readonly StockLine[], received: readonly { item: string; quantity: number; reason: string | null }[],
  reasons: ReadonlyMap<string, ReasonRule>,
): { lines: ReceivedLine[]; issues: StockIssue[] } {
  const issues: StockIssue[] = [];
  const sentOf = new Map(sent.map((s) => [s.item, s.quantity]));
  received.forEach((r, i) => {
    if (!sentOf.has(r.item)) issues.push({ path: ['lines', i, 'item'], key: 'stock.dispatch_not_line', params: { item: r.item } });
  });
  const given = new Map(received.map((r, i) => [r.item, { ...r, index: i }]));
  const lines = sent.map((s) => {
    const r = given.get(s.item);
    if (!r) {
      issues.push({ path: ['lines'], key: 'stock.dispatch_missing_line', params: { item: s.item } });
      return { item: s.item, sent: s.quantity, received: 0, difference: -s.quantity, reason: null };
    }
    const difference = r.quantity - s.quantity;
    const issue = reasonIssue(difference, r.reason, reasons, ['lines', r.index, 'reason']);
    if (issue?.key === 'stock.reason_required') issues.push({ ...issue, key: 'stock.receive_reason', params: { sent: s.quantity, received: r.quantity } });
    else if (issue) issues.push(issue);
    return { item: s.item, sent: s.quantity, received: r.quantity, difference, reason: difference === 0 ? null : r.reason };
  });
  return { lines, issues };
}

/** An item is low when a low level is set and it is at or under it. */
export function isLow(quantity: number, lowLevel: number | null): boolean {
  return lowLevel !== null && quantity <= lowLevel;
}
