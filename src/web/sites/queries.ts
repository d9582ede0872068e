import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Assessment, Location } from '#domain/movement/assessments';
import type { FlowList } from '#domain/movement/flows';
import type { HouseholdSummary } from '#domain/registry/household';
import { api, query } from '#web/api/client.ts';
import type { Items, Page, Site } from '#web/api/types.ts';

export interface SiteFilters {
  kind: string | null;
  area: string | null;
  q: string;
  all: boolean;
}

/** Sites matching the filters (closed ones only when asked), each with its population now. */
export function useSiteList(f: SiteFilters) {
  return useQuery<Site[]>({
    queryKey: ['sites', 'list', f],
    queryFn: ({ signal }) => api<Items<Site>>(`/api/sites${query({ kind: f.kind, pcode: f.area, q: f.q, all: f.all ? 'true' : undefined })}`, { signal }).then((r) => r.items),
    placeholderData: keepPreviousData,
  });
}

/** The site page's read: the site and its population. */
export type SiteDetail = Site;

export function useSiteDetail(id: string | undefined) {
  return useQuery({
    queryKey: ['site', id, 'detail'],
    queryFn: () => api<SiteDetail>(`/api/sites/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

/** The DTM locations that are this site (a camp assessed as a location). */
export function useSiteLocations(siteId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['locations', { site: siteId }],
    queryFn: () => api<Page<Location>>(`/api/locations${query({ site: siteId, pageSize: 50 })}`).then((p) => p.items),
    enabled,
  });
}

/** Families the registry has at the site now. */
export function useSiteHouseholds(id: string, page: number) {
  return useQuery({
    queryKey: ['households', { site: id, page }],
    queryFn: () => api<Page<HouseholdSummary>>(`/api/households${query({ site: id, page, pageSize: 20 })}`),
    placeholderData: keepPreviousData,
  });
}

/** Assessments of some DTM locations across rounds (for a site's history). */
export function useLocationAssessments(locationIds: string[], enabled: boolean) {
  return useQuery({
    queryKey: ['assessments', 'locations', locationIds],
    queryFn: async () => {
      const pages = await Promise.all(locationIds.map((id) => api<Page<Assessment>>(`/api/assessments${query({ location: id, pageSize: 200 })}`)));
      return pages.flatMap((p) => p.items);
    },
    enabled: enabled && locationIds.length > 0,
  });
}

/** Flow counts at a transit point, newest days first, with the totals by direction. */
export function useFlows(pointId: string, page: number) {
  return useQuery({
    queryKey: ['flows', pointId, page],
    queryFn: () => api<FlowList>(`/api/flows${query({ point: pointId, page, pageSize: 50 })}`),
    placeholderData: keepPreviousData,
  });
}
