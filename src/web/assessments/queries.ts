import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Assessment, Location, Round } from '#domain/movement/assessments';
import { api, query } from '#web/api/client.ts';
import type { Page } from '#web/api/types.ts';

/** Rounds of location assessments, newest first. */
export function useRounds(status: string | null, page: number) {
  return useQuery({
    queryKey: ['rounds', { status, page }],
    queryFn: () => api<Page<Round>>(`/api/rounds${query({ status, page, pageSize: 25 })}`),
    placeholderData: keepPreviousData,
  });
}

export function useRound(id: string | undefined) {
  return useQuery({
    queryKey: ['round', id],
    queryFn: () => api<Round>(`/api/rounds/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

/** A round's assessments, optionally inside an area. */
export function useRoundAssessments(roundId: string, area: string | null, page: number) {
  return useQuery({
    queryKey: ['assessments', { roundId, area, page }],
    queryFn: () => api<Page<Assessment>>(`/api/assessments${query({ round: roundId, area, page, pageSize: 100 })}`),
    placeholderData: keepPreviousData,
  });
}

export function useAssessment(id: string | undefined) {
  return useQuery({
    queryKey: ['assessment', id],
    queryFn: () => api<Assessment>(`/api/assessments/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

/** DTM locations found by code or name (in any language), for the location picker. */
export function useLocationSearch(q: string) {
  return useQuery({
    queryKey: ['locations', q],
    queryFn: () => api<Page<Location>>(`/api/locations${query({ q, pageSize: 30 })}`).then((r) => r.items),
    placeholderData: keepPreviousData,
    staleTime: 60 * 1000,
  });
}

/** The master list of a round as a file (the session cookie authorises the download). */
export const roundExportUrl = (roundId: string, format: 'csv' | 'xlsx') => `/api/rounds/${encodeURIComponent(roundId)}/export?format=${format}`;
