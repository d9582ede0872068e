import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Figures, FigureSource, Origins, Trends } from '#domain/movement/figures';
import { api, query } from '#web/api/client.ts';

/** What the dashboard asks for; the address bar holds it (see use-figure-filters.ts). */
export interface FigureParams {
  source: FigureSource;
  level: 1 | 2;
  date: string;
  wave: string | null;
  shelter: string | null;
  area: string | null;
}

const figuresPath = (p: FigureParams, format: 'json' | 'csv' = 'json') =>
  `/api/figures/displacement${query({ level: p.level, date: p.date, source: p.source, wave: p.wave, shelter: p.shelter, area: p.area, format: format === 'csv' ? 'csv' : undefined })}`;

/** Figures by area on a day from one source; the previous answer stays while the slider moves. */
export function useFigures(p: FigureParams) {
  return useQuery({
    queryKey: ['figures', p],
    queryFn: ({ signal }) => api<Figures>(figuresPath(p), { signal }),
    placeholderData: keepPreviousData,
    staleTime: 60 * 1000,
  });
}

/** The HXL-tagged CSV of the same figures (the session cookie authorises the download). */
export const figuresCsvUrl = (p: FigureParams) => figuresPath(p, 'csv');

/** The totals over time: each month's end (registry) or each closed round (assessments). */
export function useTrends(p: Pick<FigureParams, 'source' | 'wave' | 'shelter' | 'area'>, from: string | null) {
  return useQuery({
    queryKey: ['figures', 'trends', p, from],
    queryFn: ({ signal }) => api<Trends>(`/api/figures/trends${query({ source: p.source, wave: p.wave, shelter: p.shelter, area: p.area, from })}`, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 60 * 1000,
  });
}

/** Families by governorate of origin and governorate where they are on that day. */
export function useOrigins(p: Pick<FigureParams, 'source' | 'date' | 'wave' | 'shelter'>) {
  return useQuery({
    queryKey: ['figures', 'origins', p],
    queryFn: ({ signal }) => api<Origins>(`/api/figures/origins${query({ source: p.source, date: p.date, wave: p.wave, shelter: p.shelter })}`, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 60 * 1000,
  });
}
