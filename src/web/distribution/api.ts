import { useQuery } from '@tanstack/react-query';
import type { Conflict, Lookup, PointList, Redemption, RedemptionInput, SyncInput, SyncResult, EntitlementView } from '#domain/assistance/distribution';
import { api, ApiError, query } from '#web/api/client.ts';
import type { Items } from '#web/api/types.ts';
import type { StockLocation } from '#web/stock/api.ts';

/** The calls of the distribution point (online), of an offline point and of its supervisor. */

/** A point as the desk needs it (from the server, or from the list on the device). */
export type Point = Pick<StockLocation, 'id' | 'code' | 'name' | 'nameAr' | 'nameCkb' | 'active'>;

export function lookupByToken(pointId: string, token: string, signal?: AbortSignal) {
  return api<Lookup>(`/api/distribution/lookup${query({ pointId, token })}`, { signal });
}

export function lookupByHousehold(pointId: string, household: string, signal?: AbortSignal) {
  return api<Lookup>(`/api/distribution/lookup${query({ pointId, household })}`, { signal });
}

export type RedemptionBody = Omit<RedemptionInput, 'collectorName' | 'collectorDocument'> & { collectorName: string | null; collectorDocument: string | null };

export function redeem(body: RedemptionBody, key: string) {
  return api<{ redemption: Redemption; entitlement: EntitlementView }>('/api/redemptions', { method: 'POST', body, headers: { 'Idempotency-Key': key } });
}

export function downloadPointList(pointId: string) {
  return api<PointList>(`/api/points/${encodeURIComponent(pointId)}/list`);
}

export function syncRedemptions(body: SyncInput) {
  return api<SyncResult>('/api/redemptions/sync', { method: 'POST', body });
}

export function useConflicts(status: 'open' | 'resolved') {
  return useQuery({
    queryKey: ['redemption-conflicts', status],
    queryFn: () => api<Items<Conflict>>(`/api/redemption-conflicts${query({ status })}`).then((r) => r.items),
  });
}

export function resolveConflict(id: string, resolution: 'double_collection' | 'recording_error', note: string | null) {
  return api<Conflict>(`/api/redemption-conflicts/${encodeURIComponent(id)}/resolve`, { method: 'POST', body: { resolution, note } });
}

/** The catalogue key of a problem among `codes` (`card.revoked`), read from its type's end (`.../card-revoked`). */
export function problemCode<C extends string>(error: unknown, codes: readonly C[]): C | null {
  if (!(error instanceof ApiError) || typeof error.problem.type !== 'string') return null;
  const slug = error.problem.type.split('/').pop();
  return codes.find((c) => c.replace(/[._]/g, '-') === slug) ?? null;
}

/** The first collection a 409 names (`redemption`), when the problem is "already collected". */
export function firstRedemption(error: unknown): Redemption | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const r = (error.problem.redemption ?? (error.problem.extra as { redemption?: unknown } | undefined)?.redemption) as Redemption | undefined;
  return r && typeof r === 'object' && 'redeemedAt' in r ? r : null;
}
