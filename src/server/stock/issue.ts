import type { EntitlementLine } from '#domain/assistance/distribution';
import { stockNeeded, type CatalogueItem } from '#domain/assistance/catalogue';
import { shortages, takeWhatThereIs } from '#domain/assistance/stock-rules';
import type { Actor } from '../context.ts';
import { Problem } from '../http/problem.ts';
import type { Trx } from '../shared/tx.ts';
import { insufficient } from './items.ts';
import * as levels from './level-store.ts';

type Parts = Pick<CatalogueItem, 'kind' | 'components'>;

/** The catalogue entries of a redemption's codes and the point's stock of each item, from the locking statement's rows. */
function readIssueRows(rows: levels.IssueRow[]) {
  const catalogue = new Map<string, Parts>();
  const available = new Map<string, number>();
  for (const r of rows) {
    const entry = catalogue.get(r.code) ?? { kind: r.kind as Parts['kind'], components: [] };
    if (r.component) entry.components.push({ code: r.component, quantity: r.per! });
    catalogue.set(r.code, entry);
    if (r.available !== null) available.set(r.component ?? r.code, r.available);
  }
  return { catalogue, available };
}

/**
 * Takes the items of a redemption out of the point's stock inside the caller's transaction: kits
 * as their components, cash not at all. `whenShort: 'refuse'` (online): throws Problem 409
 * 'stock.insufficient' before writing anything, and the caller's transaction writes nothing.
 * `whenShort: 'record'` (a redemption made offline and synced later: the goods were handed over):
 * takes what there is down to zero and records the rest as a `shortfall` in the ledger, shown in
 * the alerts until a count settles it. Never below zero. An item with no level at the point has
 * none. Two statements: one reads the catalogue and locks the levels in item order, one writes
 * the levels and the ledger. Call it before `audit`, as every stock writer does, so that locks are
 * always taken in the same order (levels, then the audit chain). The caller checks the point
 * (see `pointOf`) and the permission.
 */
export async function issueForRedemption(
  trx: Trx, actor: Actor, pointId: string, lines: EntitlementLine[], redemptionId: string, whenShort: 'refuse' | 'record',
): Promise<{ shortfall: { item: string; missing: number }[] }> {
  const codes = [...new Set(lines.map((l) => l.code))];
  if (codes.length === 0) return { shortfall: [] };
  const { catalogue, available } = readIssueRows(await levels.lockForIssue(trx, pointId, codes, whenShort === 'record'));
  const unknown = codes.filter((c) => !catalogue.has(c));
  if (unknown.length) throw new Problem(422, 'stock.item_unknown', { errors: unknown.map((c) => ({ path: `items.${c}`, key: 'stock.item_unknown' })) });
  const wanted = stockNeeded(lines, catalogue).map((n) => ({ item: n.code, quantity: n.quantity }));
  if (wanted.length === 0) return { shortfall: [] };
  const by = { referenceId: redemptionId, userId: actor.userId };
  if (whenShort === 'refuse') {
    const short = shortages(wanted, available);
    if (short.length) throw insufficient(short, (item) => `items.${item}`);
    await levels.applyChanges(trx, pointId, wanted.map((w) => ({ item: w.item, delta: -w.quantity, entries: [{ kind: 'issue', change: -w.quantity }] })), by);
    return { shortfall: [] };
  }
  const taken = takeWhatThereIs(wanted, available);
  await levels.applyChanges(trx, pointId, taken.map((t) => ({
    item: t.item, delta: -t.take, shortfallDelta: t.missing,
    entries: [
      ...(t.take > 0 ? [{ kind: 'issue', change: -t.take }] : []),
      ...(t.missing > 0 ? [{ kind: 'shortfall', change: 0, missing: t.missing }] : []),
    ],
  })), by);
  return { shortfall: taken.filter((t) => t.missing > 0).map((t) => ({ item: t.item, missing: t.missing })) };
}
