/**
 * How full a site is: the people the registry has there against its capacity (in people).
 * Unknown without a capacity; "high" from 90 %, "over" above 100 %.
 */
export type OccupancyLevel = 'ok' | 'high' | 'over';

export interface Occupancy {
  /** 0.5 for half full; may exceed 1. */
  ratio: number;
  percent: number;
  level: OccupancyLevel;
}

export function occupancy(individuals: number, capacity: number | null | undefined): Occupancy | null {
  if (!capacity || capacity <= 0) return null;
  const ratio = individuals / capacity;
  const level: OccupancyLevel = ratio > 1 ? 'over' : ratio >= 0.9 ? 'high' : 'ok';
  return { ratio, percent: Math.round(ratio * 100), level };
}

export const OCCUPANCY_COLOURS: Record<OccupancyLevel, string> = { ok: 'teal', high: 'orange', over: 'red' };
