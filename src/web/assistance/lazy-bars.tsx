import { lazy, Suspense } from 'react';
import { Center, Loader } from '@mantine/core';
import type { BarsProps } from './bars.tsx';

// The chart library loads only when a chart is shown.
const BarsChunk = lazy(() => import('./bars.tsx').then((m) => ({ default: m.Bars })));

export function LazyBars(props: BarsProps) {
  return <Suspense fallback={<Center h={props.height}><Loader size="sm" /></Center>}><BarsChunk {...props} /></Suspense>;
}
