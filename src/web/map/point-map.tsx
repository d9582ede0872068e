import { useEffect, useState } from 'react';
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import { MapView } from './map-view.tsx';
import { addOutlines, setOutlines } from './outlines.ts';
import type { Boundaries } from './queries.ts';

export interface PointMapProps {
  latitude: number;
  longitude: number;
  boundaries: Boundaries | undefined;
  label: string;
  height: number;
  testId?: string;
}

/** About 40 km around the point: the district around a site. */
const SPAN = 0.4;

/** One place (a site) as a marker among the district outlines. */
export function PointMap({ latitude, longitude, boundaries, label, height, testId }: PointMapProps) {
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const bounds: [[number, number], [number, number]] = [[longitude - SPAN, latitude - SPAN], [longitude + SPAN, latitude + SPAN]];
  const onReady = (m: MapLibreMap) => {
    addOutlines(m);
    setMap(m);
  };
  useEffect(() => {
    if (map) setOutlines(map, boundaries);
  }, [map, boundaries]);
  useEffect(() => {
    if (!map) return;
    const marker = new Marker({ color: '#e8590c' }).setLngLat([longitude, latitude]).addTo(map);
    return () => { marker.remove(); };
  }, [map, latitude, longitude]);
  return <MapView onReady={onReady} height={height} label={label} testId={testId} bounds={bounds} />;
}
