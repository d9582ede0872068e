import { useQuery } from '@tanstack/react-query';
import type { MovementTimeline } from '#domain/movement/schemas';
import { api } from '#web/api/client.ts';

export const timelineKey = (id: string) => ['household', id, 'movements'] as const;

/** A household's movements (newest first), the state they leave it in, and its path. */
export function useTimeline(id: string, version: number) {
  return useQuery({
    queryKey: [...timelineKey(id), version],
    queryFn: () => api<MovementTimeline>(`/api/households/${encodeURIComponent(id)}/movements`),
  });
}
