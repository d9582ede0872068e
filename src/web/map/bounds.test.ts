import { describe, expect, it } from 'vitest';
import { featuresBounds } from './bounds.ts';

const square = (pcode: string, x: number, y: number) => ({
  properties: { pcode },
  geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] },
});

describe('the box around areas', () => {
  const features = [
    square('IQG11Q02', 44, 36),
    square('IQG11Q04', 43, 35.5),
    { properties: { pcode: 'IQG09Q02' }, geometry: { type: 'MultiPolygon', coordinates: [[[[42.5, 36.8], [43.2, 36.8], [43.2, 37.3], [42.5, 36.8]]]] } },
  ];

  it('covers every area, multipolygons too', () => {
    expect(featuresBounds(features)).toEqual([[42.5, 35.5], [45, 37.3]]);
  });

  it('covers only the areas inside a P-code, and nothing when none is', () => {
    expect(featuresBounds(features, 'IQG11')).toEqual([[43, 35.5], [45, 37]]);
    expect(featuresBounds(features, 'IQG15')).toBeNull();
    expect(featuresBounds([{ properties: { pcode: 'IQG01' }, geometry: null }])).toBeNull();
  });
});
