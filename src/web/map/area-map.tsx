import { useEffect, useRef, useState } from 'react';
import { Box, Paper } from '@mantine/core';
import type { GeoJSONSource, Map as MapLibreMap, MapLayerMouseEvent } from 'maplibre-gl';
import { featuresBounds } from './bounds.ts';
import { fillColourExpression } from './choropleth.ts';
import { IRAQ_BOUNDS, MapView } from './map-view.tsx';
import type { Boundaries } from './queries.ts';

export interface AreaMapProps {
  boundaries: Boundaries;
  /** The figure each area is coloured by (areas absent count as none). */
  values: ReadonlyMap<string, number>;
  breaks: readonly number[];
  selected: string | null;
  onSelect: (pcode: string | null) => void;
  /** Only the areas inside this P-code are coloured and framed (the others stay faint). */
  focus: string | null;
  /** What a hovered area shows beside the pointer. */
  renderHover: (pcode: string) => React.ReactNode;
  label: string;
  height: number;
  testId?: string;
}

const SOURCE = 'areas';
const OUTSIDE_COLOUR = '#f8f9fa';

/** The choropleth's colours; areas outside the focus are left pale. */
function fillColour(values: ReadonlyMap<string, number>, breaks: readonly number[], focus: string | null): unknown {
  const colours = fillColourExpression(values, breaks);
  if (!focus) return colours;
  return ['case', ['==', ['slice', ['get', 'pcode'], 0, focus.length], focus], colours, OUTSIDE_COLOUR];
}

/** Coloured areas (a choropleth) with their outlines; hover shows an area's figures, a click selects it. */
export function AreaMap(props: AreaMapProps) {
  const { boundaries, values, breaks, focus, selected, onSelect, renderHover, label, height, testId } = props;
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [hover, setHover] = useState<{ pcode: string; x: number; y: number; width: number } | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  const inFocus = useRef(focus);
  inFocus.current = focus;

  const onReady = (m: MapLibreMap) => {
    m.addSource(SOURCE, { type: 'geojson', data: boundaries as never, promoteId: 'pcode' });
    m.addLayer({ id: 'areas-fill', type: 'fill', source: SOURCE, paint: { 'fill-color': fillColour(values, breaks, focus) as never, 'fill-opacity': 0.9 } });
    m.addLayer({ id: 'areas-line', type: 'line', source: SOURCE, paint: { 'line-color': '#868e96', 'line-width': 0.7 } });
    m.addLayer({
      id: 'areas-hover', type: 'line', source: SOURCE,
      paint: { 'line-color': '#1c7ed6', 'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 2.5, 0] },
    });
    m.addLayer({ id: 'areas-selected', type: 'line', source: SOURCE, filter: ['==', ['get', 'pcode'], ''], paint: { 'line-color': '#1864ab', 'line-width': 3 } });
    let hovered: string | null = null;
    const setHovered = (pcode: string | null) => {
      if (hovered) m.setFeatureState({ source: SOURCE, id: hovered }, { hover: false });
      hovered = pcode;
      if (pcode) m.setFeatureState({ source: SOURCE, id: pcode }, { hover: true });
    };
    m.on('mousemove', 'areas-fill', (e: MapLayerMouseEvent) => {
      const pcode = e.features?.[0]?.properties?.pcode as string | undefined;
      if (!pcode || !pcode.startsWith(inFocus.current ?? '')) {
        setHovered(null);
        setHover(null);
        return;
      }
      setHovered(pcode);
      m.getCanvas().style.cursor = 'pointer';
      setHover({ pcode, x: e.point.x, y: e.point.y, width: m.getContainer().clientWidth });
    });
    m.on('mouseleave', 'areas-fill', () => {
      setHovered(null);
      m.getCanvas().style.cursor = '';
      setHover(null);
    });
    m.on('click', (e) => {
      const pcode = m.queryRenderedFeatures(e.point, { layers: ['areas-fill'] })[0]?.properties?.pcode as string | undefined;
      select.current(pcode?.startsWith(inFocus.current ?? '') ? pcode : null);
    });
    setMap(m);
  };

  useEffect(() => {
    if (!map) return;
    (map.getSource(SOURCE) as GeoJSONSource | undefined)?.setData(boundaries as never);
    setHover(null);
  }, [map, boundaries]);

  useEffect(() => {
    if (map) map.setPaintProperty('areas-fill', 'fill-color', fillColour(values, breaks, focus) as never);
  }, [map, values, breaks, focus]);

  // Frame the areas shown: the whole country, or the governorate or district chosen.
  useEffect(() => {
    if (!map) return;
    const box = (focus && featuresBounds(boundaries.features, focus)) || IRAQ_BOUNDS;
    map.fitBounds(box, { padding: 8, duration: 400 });
  }, [map, boundaries, focus]);

  useEffect(() => {
    if (map) map.setFilter('areas-selected', ['==', ['get', 'pcode'], selected ?? '']);
  }, [map, selected]);

  return (
    <Box pos="relative">
      <MapView onReady={onReady} height={height} label={label} testId={testId} />
      {hover && (
        <Paper
          shadow="md"
          p="xs"
          withBorder
          pos="absolute"
          // Beside the pointer, on the side with room (the map itself never mirrors).
          style={{ left: hover.x > hover.width - 280 ? hover.x - 274 : hover.x + 14, top: hover.y + 14, pointerEvents: 'none', zIndex: 2, width: 260 }}
          data-testid={testId ? `${testId}-hover` : undefined}
        >
          {renderHover(hover.pcode)}
        </Paper>
      )}
    </Box>
  );
}
