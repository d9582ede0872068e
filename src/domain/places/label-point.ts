/**
 * A point to draw an area at (a household's path between areas): the area-weighted centroid of
 * the largest ring of a Polygon or MultiPolygon. Null for anything else.
 */
type Ring = number[][];

function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return sum / 2;
}

function ringCentroid(ring: Ring, area: number): [number, number] {
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    x += (ring[j][0] + ring[i][0]) * f;
    y += (ring[j][1] + ring[i][1]) * f;
  }
  return [x / (6 * area), y / (6 * area)];
}

const isRing = (v: unknown): v is Ring => Array.isArray(v) && v.length >= 4
  && v.every((p) => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number');

/** { latitude, longitude } inside (or at the middle of) the area's largest outer ring. */
export function labelPoint(geometry: unknown): { latitude: number; longitude: number } | null {
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  if (!g || !Array.isArray(g.coordinates)) return null;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  const outer = (polygons as unknown[][]).map((p) => p?.[0]).filter(isRing);
  let best: { ring: Ring; area: number } | null = null;
  for (const ring of outer) {
    const area = ringArea(ring);
    if (!best || Math.abs(area) > Math.abs(best.area)) best = { ring, area };
  }
  if (!best || best.area === 0) return null;
  const [longitude, latitude] = ringCentroid(best.ring, best.area);
  return { latitude, longitude };
}
