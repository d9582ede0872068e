/**
 * Moving through the review queue one pair at a time. Decided pairs stay on screen (with their
 * new status) until the end of the page; there the page is read again, because the pairs decided
 * have left the filter and the server's next page has moved up by as many. The pairs skipped stay
 * first after the reload, so the reviewer carries on with the first new one.
 */
export type Step =
  | { kind: 'index'; index: number }
  | { kind: 'page'; page: number; index: number | 'last' }
  | { kind: 'reload'; index: number }
  | { kind: 'stay' };

export interface Position {
  /** The statuses of the pairs on this page, in order. */
  statuses: readonly string[];
  index: number;
  page: number;
  pages: number;
  /** The status the queue is filtered on. */
  filter: string;
}

/** Where "next" leads from this position. */
export function nextStep(p: Position): Step {
  if (p.index < p.statuses.length - 1) return { kind: 'index', index: p.index + 1 };
  const kept = p.statuses.filter((s) => s === p.filter).length;
  if (kept < p.statuses.length) return { kind: 'reload', index: kept };
  if (p.page < p.pages) return { kind: 'page', page: p.page + 1, index: 0 };
  return { kind: 'stay' };
}

/** Where "previous" leads from this position. */
export function previousStep(p: Position): Step {
  if (p.index > 0) return { kind: 'index', index: p.index - 1 };
  if (p.page > 1) return { kind: 'page', page: p.page - 1, index: 'last' };
  return { kind: 'stay' };
}
