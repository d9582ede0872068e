import { useCallback } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Weights } from '#domain/assistance/catalogue';
import type { Programme } from '#domain/assistance/programmes';
import type { DistributionRound, IssuedEntitlement, RoundPreview, RoundPreviewInput, RoundStatus } from '#domain/assistance/rounds';
import { api, query } from '#web/api/client.ts';
import type { Page } from '#web/api/types.ts';

/** Programmes, their distribution rounds, a round's preview and its entitlements. */

export interface ProgrammeFilters {
  sector: string | null;
  status: string | null;
  q: string;
  page: number;
}

export const PROGRAMMES_PAGE = 25;

export function useProgrammes(f: ProgrammeFilters) {
  return useQuery({
    queryKey: ['programmes', f],
    queryFn: ({ signal }) => api<Page<Programme>>(`/api/programmes${query({ sector: f.sector, status: f.status, q: f.q, page: f.page, pageSize: PROGRAMMES_PAGE })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProgramme(id: string | undefined) {
  return useQuery({
    queryKey: ['programme', id],
    queryFn: () => api<Programme>(`/api/programmes/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

/** A programme's rounds (all of them: a programme has a handful). */
export function useProgrammeRounds(programmeId: string | undefined) {
  return useQuery({
    queryKey: ['distribution-rounds', { programmeId }],
    queryFn: () => api<Page<DistributionRound>>(`/api/programmes/${encodeURIComponent(programmeId!)}/rounds${query({ pageSize: 500 })}`).then((p) => p.items),
    enabled: !!programmeId,
  });
}

export const roundPath = (id: string, step = '') => `/api/distribution-rounds/${encodeURIComponent(id)}${step ? `/${step}` : ''}`;

export function useRound(id: string | undefined) {
  return useQuery({
    queryKey: ['distribution-round', id],
    queryFn: () => api<DistributionRound>(roundPath(id!)),
    enabled: !!id,
  });
}

/** Keeps every read of a round current after a change answered with it. */
export function useRoundSaved() {
  const client = useQueryClient();
  return useCallback((round: DistributionRound) => {
    client.setQueryData(['distribution-round', round.id], round);
    void client.invalidateQueries({ queryKey: ['distribution-rounds'] });
    void client.invalidateQueries({ queryKey: ['programme', round.programme.id] });
    void client.invalidateQueries({ queryKey: ['assistance-reports'] });
  }, [client]);
}

/** The vulnerability criteria and their weights (configurable), shown beside the minimum score. */
export function useWeights() {
  return useQuery({
    queryKey: ['assistance-weights'],
    queryFn: () => api<Weights>('/api/assistance/weights').then((w) => w.items),
    staleTime: 10 * 60 * 1000,
  });
}

/** A draft's edits as the preview takes them: all but its name. */
export type PreviewEdits = RoundPreviewInput;

/**
 * What the round would target now (nothing is created): the round as stored, or, with `edits`,
 * the draft as the editor holds it, saved or not (the server checks the edits as a save would).
 */
export function usePreview(round: Pick<DistributionRound, 'id' | 'version'>, edits: PreviewEdits | null, enabled = true) {
  return useQuery({
    queryKey: ['round-preview', round.id, edits ?? { version: round.version }],
    queryFn: ({ signal }) => api<RoundPreview>(roundPath(round.id, 'preview'), { method: 'POST', signal, body: edits ?? undefined }),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30 * 1000,
    enabled,
  });
}

/** Households that collected in a round: the count of its redeemed entitlements. */
export function useRoundReached(round: Pick<DistributionRound, 'id' | 'status'>) {
  const issued = round.status === 'issued' || round.status === 'closed';
  return useQuery({
    queryKey: ['entitlements', round.id, 'reached'],
    queryFn: () => api<Page<unknown>>(`${roundPath(round.id, 'entitlements')}${query({ status: 'redeemed', pageSize: 1 })}`).then((p) => p.total),
    enabled: issued,
  });
}

export interface EntitlementFilters {
  area: string | null;
  point: string | null;
  status: string | null;
  page: number;
}

export const ENTITLEMENTS_PAGE = 50;

export function useEntitlements(roundId: string, f: EntitlementFilters) {
  return useQuery({
    queryKey: ['entitlements', roundId, f],
    queryFn: ({ signal }) => api<Page<IssuedEntitlement>>(`${roundPath(roundId, 'entitlements')}${query({ area: f.area, point: f.point, status: f.status, page: f.page, pageSize: ENTITLEMENTS_PAGE })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Badge colours of a round's steps. */
export const ROUND_STATUS_COLOUR: Record<RoundStatus, string> = {
  draft: 'gray', submitted: 'yellow', approved: 'blue', issued: 'teal', closed: 'dark',
};
