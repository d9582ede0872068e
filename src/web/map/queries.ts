import { useQuery } from '@tanstack/react-query';
import { api } from '#web/api/client.ts';

export interface BoundaryProperties {
  pcode: string;
  nameEn: string;
  nameAr: string;
  nameCkb: string | null;
}

export interface Boundaries {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: unknown; properties: BoundaryProperties }[];
}

/**
 * Boundaries of the governorates (1) or districts (2) imported from COD-AB: large and unchanging,
 * loaded once per session. Empty until an administrator imports them.
 */
export function useBoundaries(level: 1 | 2, enabled = true) {
  return useQuery({
    queryKey: ['boundaries', level],
    queryFn: () => api<Boundaries>(`/api/areas/boundaries?level=${level}`),
    staleTime: Infinity,
    gcTime: Infinity,
    enabled,
  });
}
