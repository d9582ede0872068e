/** The box around GeoJSON features (all, or those whose P-code starts with a prefix), to frame a map. */
export type Box = [[number, number], [number, number]];

interface Feature {
  geometry: unknown;
  properties: { pcode: string };
}

/** Visits every [lon, lat] position of a Polygon or MultiPolygon (any nesting of coordinate arrays). */
function visit(coordinates: unknown, each: (lon: number, lat: number) => void): void {
  if (!Array.isArray(coordinates)) return;
  if (typeof coordinates[0] === 'number' && typeof coordinates[1] === 'number') {
    each(coordinates[0], coordinates[1]);
    return;
  }
  for (const c of coordinates) visit(c, each);
}

export function featuresBounds(features: readonly Feature[], prefix = ''): Box | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const f of features) {
    if (!f.properties.pcode.startsWith(prefix)) continue;
    visit((f.geometry as { coordinates?: unknown } | null)?.coordinates, (lon, lat) => {
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    });
  }
  return west === Infinity ? null : [[west, south], [east, north]];
}
