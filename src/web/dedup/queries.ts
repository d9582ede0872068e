import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CheckResponse, Merge, PAIR_STATUSES, ReviewPair } from '#domain/dedup/api';
import { api, query } from '#web/api/client.ts';
import type { Page } from '#web/api/types.ts';
import type { CheckRequest } from './check-body.ts';

/** Requests of the deduplication screens: the check at the desk and the review queue. */
export type PairStatus = (typeof PAIR_STATUSES)[number];

export interface PairFilters {
  status: PairStatus;
  registry: string | null;
  page: number;
}

export const PAGE_SIZE = 20;
export const pairsKey = (filters: PairFilters) => ['dedup-pairs', filters] as const;

/**
 * The duplicate check of the household typed so far, answered with the form positions of the
 * members sent. The key is the request, so the same values are not checked twice; a newer request
 * aborts the one still running for older values.
 */
export function useDuplicateCheck(request: CheckRequest | null) {
  return useQuery({
    queryKey: ['dedup-check', request],
    queryFn: async ({ signal }) => {
      const response = await api<CheckResponse>('/api/dedup/check', { method: 'POST', body: request!.body, signal });
      return { ...response, positions: request!.positions };
    },
    enabled: request !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
}

/** One page of the review queue, best score first. */
export function usePairs(filters: PairFilters) {
  return useQuery({
    queryKey: pairsKey(filters),
    queryFn: ({ signal }) => api<Page<ReviewPair>>(
      `/api/dedup/pairs${query({ status: filters.status, registry: filters.registry, page: filters.page, pageSize: PAGE_SIZE })}`,
      { signal },
    ),
    placeholderData: keepPreviousData,
  });
}

export interface DecisionBody {
  decision: 'same' | 'different';
  note?: string;
  survivor?: string;
}

export function decidePair(id: string, body: DecisionBody) {
  return api<{ pair: ReviewPair; merge: Merge | null }>(`/api/dedup/pairs/${encodeURIComponent(id)}/decision`, { method: 'POST', body });
}

export function undoMerge(id: string) {
  return api<{ pair: ReviewPair; merge: Merge }>(`/api/dedup/merges/${encodeURIComponent(id)}/undo`, { method: 'POST' });
}
