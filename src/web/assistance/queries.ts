import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dashboard, DistributionSheet, Reach } from '#domain/assistance/reports';
import { api, query } from '#web/api/client.ts';

/** Assistance reports: the dashboard, reached against targeted, the distribution sheet, the 3W/4W file. */

const BASE = '/api/assistance/reports';

export interface ReportFilters {
  from: string | null;
  to: string | null;
  sector: string | null;
}

/** Per programme and sector, of the rounds of the period, of programmes of the sector (as the reach report counts). */
export function useDashboard(f: ReportFilters) {
  return useQuery({
    queryKey: ['assistance-reports', 'dashboard', f],
    queryFn: ({ signal }) => api<Dashboard>(`${BASE}/dashboard${query({ sector: f.sector, from: f.from, to: f.to })}`, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 30 * 1000,
  });
}

export type ReachBy = Reach['by'];

export function useReach(by: ReachBy, f: ReportFilters) {
  return useQuery({
    queryKey: ['assistance-reports', 'reach', by, f],
    queryFn: ({ signal }) => api<Reach>(`${BASE}/reach${query({ by, level: by === 'area' ? 1 : undefined, sector: f.sector, from: f.from, to: f.to })}`, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 30 * 1000,
  });
}

export function useSheet(point: string | null, day: string | null) {
  return useQuery({
    queryKey: ['assistance-reports', 'sheet', point, day],
    queryFn: ({ signal }) => api<DistributionSheet>(`${BASE}/distribution-sheet${query({ point, day })}`, { signal }),
    enabled: !!point && !!day,
  });
}

/** The 3W/4W table as HXL-tagged CSV (the session cookie authorises the download). */
export const threeWCsvUrl = (f: Pick<ReportFilters, 'from' | 'to'>) => `${BASE}/3w${query({ from: f.from, to: f.to, format: 'csv' })}`;
