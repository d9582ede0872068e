import type { Shortage, StockIssue } from '#domain/assistance/stock-rules';
import type { Executor } from '../audit/store.ts';
import { Problem, invalidFields, type FieldError } from '../http/problem.ts';
import { itemKinds } from './location-store.ts';

/** Checks shared by every stock document: which items may be stocked, and the answer when stock is short. */

const NOT_STOCKED: Record<string, string> = { kit: 'stock.item_kit', cash: 'stock.item_cash' };

/**
 * Only items of the catalogue are kept in stock: a kit is kept as the items it holds and cash is
 * never stock. 422 naming each line (`<prefix>.<i>.item`) otherwise.
 */
export async function checkStockItems(db: Executor, items: string[], prefix = 'lines'): Promise<void> {
  const kinds = await itemKinds(db, items);
  const errors: FieldError[] = [];
  items.forEach((item, i) => {
    const kind = kinds.get(item);
    if (!kind) errors.push({ path: `${prefix}.${i}.item`, key: 'stock.item_unknown' });
    else if (NOT_STOCKED[kind]) errors.push({ path: `${prefix}.${i}.item`, key: NOT_STOCKED[kind] as FieldError['key'] });
  });
  if (errors.length) throw invalidFields(errors);
}

/** Issues from the pure rules (paths as arrays) as a 422. */
export function issuesProblem(issues: StockIssue[]): Problem {
  return invalidFields(issues.map((i) => ({ path: i.path.join('.'), key: i.key as FieldError['key'], params: i.params })));
}

/**
 * 409 `stock.insufficient`: nothing was changed. Per item, what was asked and what there is, as
 * field errors (translated) and as `insufficient` for screens.
 */
export function insufficient(short: Shortage[], pathOf: (item: string) => string): Problem {
  return new Problem(409, 'stock.insufficient', {
    errors: short.map((s) => ({ path: pathOf(s.item), key: 'stock.insufficient_item', params: { ...s } })),
    extra: { insufficient: short },
  });
}
