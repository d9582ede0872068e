import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Catalogue, CatalogueItem } from '#domain/assistance/catalogue';
import { api } from '#web/api/client.ts';
import { formatNumber } from '#web/i18n/format.ts';
import { currentLang } from '#web/i18n/index.ts';

const STORAGE_KEY = 'amina.assistance-catalogue';

function stored(): Catalogue | undefined {
  try {
    const text = localStorage.getItem(STORAGE_KEY);
    return text ? (JSON.parse(text) as Catalogue) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The assistance catalogue (items, kits, cash). Kept on the device too (it holds no personal
 * data), so an offline point that reloads still names what it hands out.
 */
export function useCatalogue() {
  return useQuery({
    queryKey: ['assistance-catalogue'],
    queryFn: async () => {
      const catalogue = await api<Catalogue>('/api/assistance/catalogue');
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
  /** Items counted in stock (a kit is kept as the items it holds; cash never), as select options. */
  const stockOptions = (items ?? []).filter((i) => i.kind === 'item').map((i) => ({ value: i.code, label: i.labels[currentLang()] || i.code }));
  return { name, line, stockOptions, items: items ?? [], loading: catalogue.isPending };
}
