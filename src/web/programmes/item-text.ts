import { i18next } from '#web/i18n/index.ts';
import { formatNumber } from '#web/i18n/format.ts';
import type { CatalogueItem } from '#domain/assistance/catalogue';
import { labelIn } from './labels.ts';

/** A catalogue unit in the interface language (`parcel`, `litre`, `iqd`...); an unknown unit as written. */
export function unitLabel(unit: string): string {
  const key = `formula.units.${unit}`;
  return unit && i18next.exists(key) ? i18next.t(key as never) : unit;
}

/** "3 × Blanket", or "150,000 IQD" for cash: a line of an entitlement in words. */
export function lineText(line: { code: string; quantity: number }, item: CatalogueItem | undefined): string {
  if (item?.kind === 'cash') return i18next.t('formula.cashAmount', { amount: formatNumber(line.quantity) });
  return i18next.t('formula.lineText', { n: formatNumber(line.quantity), item: item ? labelIn(item.labels) : line.code });
}
