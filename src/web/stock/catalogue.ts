import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Catalogue, CatalogueItem } from '#domain/assistance/catalogue';
import { api } from '#web/api/client.ts';
import { formatNumber } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';

const STORAGE_KEY = 'amina.assistance-catalogue';

/** The query of the catalogue; a change of it (the configuration screen) invalidates this key. */
export const CATALOGUE_KEY = ['assistance-catalogue'] as const;

/** Whether an entry is offered in new formulas and forms (a stored copy from before `active` counts as active). */
export const isActive = (item: Pick<CatalogueItem, 'active'>) => item.active !== false;

function stored(): Catalogue | undefined {
  try {
    const text = localStorage.getItem(STORAGE_KEY);
    return text ? (JSON.parse(text) as Catalogue) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The assistance catalogue (items, kits, cash), inactive entries too: what was issued before an
 * entry was deactivated is still named by it; pickers offer active ones only (`isActive`). Kept
 * on the device too (it holds no personal data), so an offline point that reloads still names
 * what it hands out.
 */
export function useCatalogue() {
  return useQuery({
    queryKey: CATALOGUE_KEY,
    queryFn: async () => {
      const catalogue = await api<Catalogue>('/api/assistance/catalogue?all=true');
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(catalogue));
      } catch {
        // Storage full or private mode: the catalogue is then fetched again next time.
      }
      return catalogue;
    },
    initialData: stored,
    // A stored copy is shown at once and refreshed from the server when it can be.
    initialDataUpdatedAt: 0,
    staleTime: 10 * 60 * 1000,
    retry: (count) => navigator.onLine && count < 2,
  });
}

/** Names of catalogue items in the interface language, and a line ("2 × Blanket", "150,000 IQD") in words. */
export function useItemLabels() {
  const { t, i18n } = useTranslation();
  const catalogue = useCatalogue();
  const items = catalogue.data?.items;
  const find = useCallback((code: string): CatalogueItem | undefined => items?.find((i) => i.code === code), [items]);
  const name = useCallback((code: string) => find(code)?.labels[currentLang()] || code, [find, i18n.language]);
  const line = useCallback(
    (l: { code: string; quantity: number }) =>
      find(l.code)?.kind === 'cash' ? t('stock.cash', { amount: formatNumber(l.quantity) }) : t('stock.line', { n: formatNumber(l.quantity), item: name(l.code) }),
    [find, name, t],
  );
  /**
   * Items counted in stock (a kit is kept as the items it holds; cash never), as select options:
   * the active ones first, then inactive ones, which a store may still hold, count and send.
   */
  const stockOptions = (items ?? []).filter((i) => i.kind === 'item')
    .sort((a, b) => Number(!isActive(a)) - Number(!isActive(b)))
    .map((i) => ({ value: i.code, label: i.labels[currentLang()] || i.code }));
  return { name, line, stockOptions, items: items ?? [], loading: catalogue.isPending };
}
