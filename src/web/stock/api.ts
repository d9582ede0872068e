import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dispatch, LedgerEntry, LocationRef, StockAlerts, StockLevel, StockLocation, StockReason } from '#domain/assistance/stock-views';
import { api, ApiError, query } from '#web/api/client.ts';
import type { Page } from '#web/api/types.ts';

/** Warehouses and distribution points, their stock and its movements. */

export type { StockLocation };

/** How many places a picker or a page of the list shows at once; the server searches the rest. */
export const LOCATIONS_PAGE = 50;

export interface LocationFilters {
  kind?: StockLocation['kind'];
  /** Code or name in any of the three languages (the server searches). */
  q?: string;
  active?: boolean;
  page?: number;
}

/** A page of the places the person may see, by kind, text and state, by code; `total` says how many match. */
export function useStockLocations(f: LocationFilters = {}) {
  return useQuery({
    queryKey: ['stock-locations', f],
    queryFn: ({ signal }) => api<Page<StockLocation>>(`/api/stock/locations${query({
      kind: f.kind, q: f.q?.trim(), active: f.active === undefined ? undefined : String(f.active), page: f.page, pageSize: LOCATIONS_PAGE,
    })}`, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 60 * 1000,
  });
}

/** The most places the destinations of a dispatch list at once (the server's limit): more are found by typing. */
export const DESTINATIONS_LIMIT = 200;

/** Open places of every organisation a dispatch may go to, whose code or name holds `q` (asked afresh each time the form opens). */
export function useDestinations(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['stock-destinations', q.trim()],
    queryFn: ({ signal }) => api<{ items: LocationRef[] }>(`/api/stock/destinations${query({ q: q.trim() })}`, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useStockLocation(id: string | null) {
  return useQuery({
    queryKey: ['stock-location', id],
    queryFn: () => api<StockLocation>(`/api/stock/locations/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

/** Levels at one place (every item it holds). */
export function useLevels(location: string) {
  return useQuery({
    queryKey: ['stock-levels', location],
    queryFn: () => api<Page<StockLevel>>(`/api/stock/levels${query({ location, pageSize: 500 })}`).then((r) => r.items),
  });
}

/** Levels at the places of a page of the list (for its low-stock badges). */
export function usePlacesLevels(locations: readonly string[]) {
  return useQuery({
    queryKey: ['stock-levels', 'places', locations],
    queryFn: ({ signal }) => api<Page<StockLevel>>(`/api/stock/levels${query({ locations: locations.join(','), pageSize: 500 })}`, { signal }).then((r) => r.items),
    enabled: locations.length > 0,
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

/**
 * The configured reasons for differences and adjustments, inactive ones too (the ledger still
 * names them; forms offer active ones only, `reasonOptions`).
 */
export function useReasons() {
  return useQuery({
    queryKey: ['stock-reasons'],
    queryFn: () => api<{ items: StockReason[] }>('/api/stock/reasons?all=true').then((r) => r.items),
    staleTime: 60 * 60 * 1000,
  });
}

/** Everything a change of stock at `location` makes stale. */
export const stockKeys = [['stock-levels'], ['stock-alerts'], ['stock-dispatches'], ['stock-ledger'], ['stock-location'], ['stock-locations']] as const;

/** Per item, what was asked and what there is, from a 409 `stock.insufficient`. */
export function shortagesOf(error: unknown): { item: string; asked: number; available: number }[] {
  if (!(error instanceof ApiError) || error.status !== 409) return [];
  const list = error.problem.insufficient;
  return Array.isArray(list) ? (list as { item: string; asked: number; available: number }[]) : [];
}
