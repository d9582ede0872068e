import { lazy, Suspense } from 'react';
import { Center, Loader } from '@mantine/core';
import type { AreaMapProps } from './area-map.tsx';
import type { PathMapProps } from './path-map.tsx';
import type { PointMapProps } from './point-map.tsx';

/**
 * Maps load MapLibre (a large library) only when one is shown: the pages that can show a map
 * stay light until then, and the rest of the app never loads it.
 */
const AreaMapChunk = lazy(() => import('./area-map.tsx').then((m) => ({ default: m.AreaMap })));
const PathMapChunk = lazy(() => import('./path-map.tsx').then((m) => ({ default: m.PathMap })));
const PointMapChunk = lazy(() => import('./point-map.tsx').then((m) => ({ default: m.PointMap })));

export function MapFallback({ height }: { height: number }) {
  return <Center h={height} bg="gray.0" style={{ borderRadius: 8 }}><Loader size="sm" /></Center>;
}

export function LazyAreaMap(props: AreaMapProps) {
  return <Suspense fallback={<MapFallback height={props.height} />}><AreaMapChunk {...props} /></Suspense>;
}

export function LazyPathMap(props: PathMapProps) {
  return <Suspense fallback={<MapFallback height={props.height} />}><PathMapChunk {...props} /></Suspense>;
}

export function LazyPointMap(props: PointMapProps) {
  return <Suspense fallback={<MapFallback height={props.height} />}><PointMapChunk {...props} /></Suspense>;
}
