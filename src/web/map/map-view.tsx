import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState } from 'react';
import { Box, Center, Text } from '@mantine/core';
import { Map as MapLibreMap, NavigationControl, setWorkerUrl, type LngLatBoundsLike, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useTranslation } from 'react-i18next';
import { currentLang, isRtl } from '#web/i18n/index.ts';

// MapLibre 6 would look for its worker beside its own module, which the build moves: give it the
// emitted file (same origin, so the Content-Security-Policy's worker-src 'self' allows it).
setWorkerUrl(workerUrl);

/** Iraq with a margin. */
export const IRAQ_BOUNDS: LngLatBoundsLike = [[38.6, 28.9], [48.8, 37.5]];

/** No base tiles (works offline): a plain background under the layers each map adds. */
const BLANK_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f1f5f9' } }],
};

export interface MapViewProps {
  /** Called once the map is ready; returns a clean-up (optional). */
  onReady: (map: MapLibreMap) => void | (() => void);
  bounds?: LngLatBoundsLike;
  height: number | string;
  /** What the map shows, for screen readers. */
  label: string;
  testId?: string;
  interactive?: boolean;
}

/**
 * A MapLibre map on a blank style. Scroll zoom is off so the page scrolls over it (zoom buttons
 * and double-click instead); where WebGL is missing it says so instead of failing the page.
 */
export function MapView({ onReady, bounds = IRAQ_BOUNDS, height, label, testId, interactive = true }: MapViewProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const ready = useRef(onReady);
  ready.current = onReady;
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!container.current) return;
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container: container.current,
        style: BLANK_STYLE,
        bounds,
        fitBoundsOptions: { padding: 8 },
        attributionControl: false,
        scrollZoom: false,
        interactive,
        renderWorldCopies: false,
        locale: {
          'NavigationControl.ZoomIn': t('map.zoomIn'),
          'NavigationControl.ZoomOut': t('map.zoomOut'),
          'NavigationControl.ResetBearing': t('map.resetBearing'),
        },
      });
    } catch {
      setFailed(true);
      return;
    }
    if (interactive) {
      map.addControl(new NavigationControl({ showCompass: false }), isRtl(currentLang()) ? 'top-left' : 'top-right');
      map.dragRotate.disable();
      map.touchZoomRotate.disableRotation();
    }
    let cleanup: void | (() => void);
    map.on('load', () => { cleanup = ready.current(map); });
    return () => {
      cleanup?.();
      map.remove();
    };
    // The map is made once; later changes reach it through the layers' own effects.
  }, []);

  if (failed) {
    return (
      <Center h={height} bg="gray.0" data-testid={testId ? `${testId}-unavailable` : undefined}>
        <Text size="sm" c="dimmed" ta="center" px="md">{t('map.unavailable')}</Text>
      </Center>
    );
  }
  return <Box ref={container} h={height} role="img" aria-label={label} data-testid={testId} style={{ borderRadius: 8, overflow: 'hidden' }} />;
}
