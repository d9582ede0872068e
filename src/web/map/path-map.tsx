import { useEffect, useState } from 'react';
import { Marker, type GeoJSONSource, type Map as MapLibreMap } from 'maplibre-gl';
import { pathBounds, pathGeoJson, type PathStop } from '#web/movements/path.ts';
import { MapView } from './map-view.tsx';
import { addOutlines, NO_FEATURES, setOutlines } from './outlines.ts';
import type { Boundaries } from './queries.ts';

export interface PathMapProps {
  stops: readonly PathStop[];
  /** District outlines drawn under the path (empty when none are imported). */
  boundaries: Boundaries | undefined;
  label: string;
  height: number;
  testId?: string;
}


/** A numbered marker (HTML: the map has no font glyphs offline); the current place stands out. */
function stopElement(stop: PathStop): HTMLElement {
  const el = document.createElement('div');
  el.textContent = String(stop.step);
  el.dataset.testid = 'path-stop';
  Object.assign(el.style, {
    width: '24px', height: '24px', borderRadius: '50%', display: 'flex', alignItems: 'center', justifyContent: 'center',
    font: '700 12px/1 sans-serif', color: '#fff', border: '2px solid #fff', boxShadow: '0 1px 3px rgba(0,0,0,.4)',
    background: stop.current ? '#e8590c' : '#1c7ed6',
  });
  return el;
}

/** A household's path: district outlines, a line between the places in order, numbered stops. */
export function PathMap({ stops, boundaries, label, height, testId }: PathMapProps) {
  const [map, setMap] = useState<MapLibreMap | null>(null);

  const onReady = (m: MapLibreMap) => {
    addOutlines(m);
    m.addSource('path', { type: 'geojson', data: NO_FEATURES as never });
    m.addLayer({
      id: 'path-line', type: 'line', source: 'path', filter: ['==', ['get', 'kind'], 'line'],
      paint: { 'line-color': '#1c7ed6', 'line-width': 2.5, 'line-dasharray': [2, 1.5] },
    });
    setMap(m);
  };

  useEffect(() => {
    if (map) setOutlines(map, boundaries);
  }, [map, boundaries]);

  useEffect(() => {
    if (!map) return;
    (map.getSource('path') as GeoJSONSource).setData(pathGeoJson(stops) as never);
    const markers = stops.map((stop) => new Marker({ element: stopElement(stop) }).setLngLat(stop.position).addTo(map));
    const bounds = pathBounds(stops);
    if (bounds) map.fitBounds(bounds, { padding: 32, animate: false, maxZoom: 9 });
    return () => markers.forEach((m) => m.remove());
  }, [map, stops]);

  return <MapView onReady={onReady} height={height} label={label} testId={testId} bounds={pathBounds(stops) ?? undefined} />;
}
