import type { MovementTimeline } from '#domain/movement/schemas';

/**
 * A household's path for a map: the places it was in order (registration first), joined by a
 * line. A stay in the same place twice in a row is one point; the last point is where it is now.
 */
export type PathPoint = MovementTimeline['path'][number];

type Position = [number, number];

export interface PathStop {
  step: number;
  position: Position;
  pcode: string | null;
  date: string;
  movementId: string | null;
  current: boolean;
}

/**
 * The stops of the path: consecutive points at the same place are one stop, dated from the
 * first arrival there and described by the latest report of it.
 */
export function pathStops(path: readonly PathPoint[]): PathStop[] {
  const stops: PathStop[] = [];
  for (const point of path) {
    const position: Position = [point.longitude, point.latitude];
    const last = stops.at(-1);
    const stop = { step: 0, position, pcode: point.pcode, date: point.date, movementId: point.movementId, current: false };
    if (last && last.position[0] === position[0] && last.position[1] === position[1]) stops[stops.length - 1] = { ...stop, date: last.date };
    else stops.push(stop);
  }
  return stops.map((s, i) => ({ ...s, step: i + 1, current: i === stops.length - 1 }));
}

/** GeoJSON for MapLibre: the line between the stops (when there are two or more) and the stops. */
export function pathGeoJson(stops: readonly PathStop[]) {
  const features: object[] = [];
  if (stops.length > 1) {
    features.push({ type: 'Feature', properties: { kind: 'line' }, geometry: { type: 'LineString', coordinates: stops.map((s) => s.position) } });
  }
  for (const s of stops) {
    features.push({ type: 'Feature', properties: { kind: 'stop', step: s.step, current: s.current, pcode: s.pcode }, geometry: { type: 'Point', coordinates: s.position } });
  }
  return { type: 'FeatureCollection' as const, features };
}

/**
 * The box to show: around the stops with a margin, at least `minSpan` degrees wide and high so a
 * single stop shows its surroundings. Null without stops.
 */
export function pathBounds(stops: readonly { position: Position }[], minSpan = 1): [Position, Position] | null {
  if (stops.length === 0) return null;
  const lngs = stops.map((s) => s.position[0]);
  const lats = stops.map((s) => s.position[1]);
  const widen = (min: number, max: number): [number, number] => {
    const pad = Math.max((max - min) * 0.15, (minSpan - (max - min)) / 2, 0);
    return [min - pad, max + pad];
  };
  const [west, east] = widen(Math.min(...lngs), Math.max(...lngs));
  const [south, north] = widen(Math.min(...lats), Math.max(...lats));
  return [[west, south], [east, north]];
}
