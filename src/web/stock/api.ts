import { useQuery } from '@tanstack/react-query';
import type { Dispatch, LedgerEntry, LocationRef, StockAlerts, StockLevel, StockLocation, StockReason } from '#domain/assistance/stock-views';
import { api, ApiError, query } from '#web/api/client.ts';
import type { Page } from '#web/api/types.ts';

/** Warehouses and distribution points, their stock and its movements. */

export type { StockLocation };

/** The locations the person may see (all kinds, or one). */
export function useStockLocations(kind?: StockLocation['kind']) {
  return useQuery({
    queryKey: ['stock-locations'],
    queryFn: () => api<Page<StockLocation>>(`/api/stock/locations${query({ pageSize: 500 })}`).then((r) => r.items),
    staleTime: 60 * 1000,
    select: (items) => (kind ? items.filter((l) => l.kind === kind) : items),
  });
}

/** Open places of every organisation a dispatch may go to (asked afresh each time the form opens). */
export function useDestinations(enabled: boolean) {
  return useQuery({
    queryKey: ['stock-destinations'],
    queryFn: () => api<{ items: LocationRef[] }>('/api/stock/destinations').then((r) => r.items),
    enabled,
  });
}

export function useStockLocation(id: string) {
  return useQuery({
    queryKey: ['stock-location', id],
    queryFn: () => api<StockLocation>(`/api/stock/locations/${encodeURIComponent(id)}`),
  });
}

/** Levels at one place, or everywhere (for the list's low-stock badges). */
export function useLevels(location?: string) {
  return useQuery({
    queryKey: ['stock-levels', location ?? 'all'],
    queryFn: () => api<Page<StockLevel>>(`/api/stock/levels${query({ location, pageSize: 500 })}`).then((r) => r.items),
  });
}

export function useAlerts() {
  return useQuery({ queryKey: ['stock-alerts'], queryFn: () => api<StockAlerts>('/api/stock/alerts') });
}

export function useDispatches(location: string, status?: Dispatch['status']) {
  return useQuery({
    queryKey: ['stock-dispatches', location, status ?? 'all'],
    queryFn: () => api<Page<Dispatch>>(`/api/stock/dispatches${query({ location, status, pageSize: 100 })}`).then((r) => r.items),
  });
}

export function useLedger(location: string, page: number) {
  return useQuery({
    queryKey: ['stock-ledger', location, page],
    queryFn: () => api<Page<LedgerEntry>>(`/api/stock/ledger${query({ location, page, pageSize: 25 })}`),
  });
}

/** The configured reasons for differences and adjustments. */
export function useReasons() {
  return useQuery({
    queryKey: ['stock-reasons'],
    queryFn: () => api<{ items: StockReason[] }>('/api/stock/reasons').then((r) => r.items),
    staleTime: 60 * 60 * 1000,
  });
}

/** Everything a change of stock at `location` makes stale. */
export const stockKeys = [['stock-levels'], ['stock-alerts'], ['stock-dispatches'], ['stock-ledger'], ['stock-location']] as const;

/** Per item, what was asked and what there is, from a 409 `stock.insufficient`. */
export function shortagesOf(error: unknown): { item: string; asked: number; available: number }[] {
  if (!(error instanceof ApiError) || error.status !== 409) return [];
  const list = error.problem.insufficient;
  return Array.isArray(list) ? (list as { item: string; asked: number; available: number }[]) : [];
}
