import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Boundaries } from './queries.ts';

/** An empty GeoJSON source, until the data comes. */
export const NO_FEATURES = { type: 'FeatureCollection', features: [] };

/** Pale district outlines under a small map (a path, a site): where things are, without base tiles. */
export function addOutlines(map: MapLibreMap): void {
  map.addSource('districts', { type: 'geojson', data: NO_FEATURES as never });
  map.addLayer({ id: 'districts-fill', type: 'fill', source: 'districts', paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.8 } });
  map.addLayer({ id: 'districts-line', type: 'line', source: 'districts', paint: { 'line-color': '#adb5bd', 'line-width': 0.8 } });
}

/** Draws these boundaries as the outlines (none while they are loading or not imported). */
export function setOutlines(map: MapLibreMap, boundaries: Boundaries | undefined): void {
  (map.getSource('districts') as GeoJSONSource | undefined)?.setData((boundaries ?? NO_FEATURES) as never);
}
