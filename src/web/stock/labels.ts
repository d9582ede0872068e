import type { StockReason } from '#domain/assistance/stock-views';
import { currentLang } from '#web/i18n/index.ts';
import { siteName } from '#web/lib/labels.ts';

/** Names of stock records in the interface language (Kurdish falls back to Arabic, then English). */

export const locationName = siteName;

export function reasonName(reason: Pick<StockReason, 'name' | 'nameAr' | 'nameCkb'>): string {
  const lang = currentLang();
  if (lang === 'ar') return reason.nameAr || reason.name;
  if (lang === 'ckb') return reason.nameCkb || reason.nameAr || reason.name;
  return reason.name;
}

/** Active reasons as options, only those that can explain a change this way (`in` adds, `out` takes away). */
export function reasonOptions(reasons: readonly StockReason[] | undefined, way?: 'in' | 'out') {
  return (reasons ?? [])
    .filter((r) => r.active !== false && (!way || r.direction === 'both' || r.direction === way))
    .map((r) => ({ value: r.code, label: reasonName(r) }));
}
