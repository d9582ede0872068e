import { useQuery } from '@tanstack/react-query';
import { api, query } from './client.ts';
import type { Household } from '#domain/registry/household';
import type { Area, AreaWithParents, Items, Organization, Reference, Site } from './types.ts';

/** Reference lists change rarely (an administrator edits them): cache for the session. */
export function useReference() {
  return useQuery({
    queryKey: ['reference'],
    queryFn: () => api<Reference>('/api/reference'),
    staleTime: 60 * 60 * 1000,
  });
}

/** All governorates (18) or all districts (101); loaded once and filtered in the browser. */
export function useAreas(level: 1 | 2) {
  return useQuery({
    queryKey: ['areas', level],
    queryFn: () => api<Items<Area>>(`/api/areas${query({ level })}`).then((r) => r.items),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

/** One area with its parents (any level, including sub-districts). */
export function useArea(pcode: string | null | undefined) {
  return useQuery({
    queryKey: ['area', pcode],
    queryFn: () => api<AreaWithParents>(`/api/areas/${encodeURIComponent(pcode!)}`),
    enabled: !!pcode,
    staleTime: Infinity,
  });
}

/** Sub-districts matching a P-code prefix or a name (for codes finer than a district). */
export function useAreaSearch(level: 3, q: string) {
  return useQuery({
    queryKey: ['areas', level, q],
    queryFn: () => api<Items<Area>>(`/api/areas${query({ level, q })}`).then((r) => r.items),
    enabled: q.length >= 2,
    staleTime: 5 * 60 * 1000,
  });
}

export function useSites(pcode: string | null | undefined) {
  return useQuery({
    queryKey: ['sites', pcode],
    queryFn: () => api<Items<Site>>(`/api/sites${query({ pcode })}`).then((r) => r.items),
    enabled: !!pcode,
    staleTime: 5 * 60 * 1000,
  });
}

/** One site (any kind, open or closed). */
export function useSite(id: string | null | undefined) {
  return useQuery({
    queryKey: ['site', id],
    queryFn: () => api<Site>(`/api/sites/${encodeURIComponent(id!)}`),
    enabled: !!id,
    staleTime: 5 * 60 * 1000,
  });
}

export function useOrganizations(enabled = true) {
  return useQuery({
    queryKey: ['organizations'],
    queryFn: () => api<Items<Organization>>('/api/organizations').then((r) => r.items),
    staleTime: 5 * 60 * 1000,
    enabled,
  });
}

export function useHousehold(id: string | undefined) {
  return useQuery({
    queryKey: ['household', id],
    queryFn: () => api<Household>(`/api/households/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}
