import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labelPoint } from './label-point.ts';

const ADM1 = new URL('../../../../shared/data/iraq/irq_admbnda_adm1_cso_20190603.geojson', import.meta.url);

describe('the point an area is drawn at', () => {
  it('is the middle of a square, whichever way its ring turns', () => {
    const square = [[44, 36], [45, 36], [45, 37], [44, 37], [44, 36]];
    expect(labelPoint({ type: 'Polygon', coordinates: [square] })).toEqual({ latitude: 36.5, longitude: 44.5 });
    expect(labelPoint({ type: 'Polygon', coordinates: [[...square].reverse()] })).toEqual({ latitude: 36.5, longitude: 44.5 });
  });

  it('takes the largest polygon of a multipolygon, and nothing of what is not one', () => {
    const small = [[0, 0], [0.1, 0], [0.1, 0.1], [0, 0.1], [0, 0]];
    const big = [[40, 30], [42, 30], [42, 32], [40, 32], [40, 30]];
    expect(labelPoint({ type: 'MultiPolygon', coordinates: [[small], [big]] })).toEqual({ latitude: 31, longitude: 41 });
    expect(labelPoint({ type: 'Point', coordinates: [44, 36] })).toBeNull();
    expect(labelPoint(null)).toBeNull();
  });

  it('puts Erbil and Basra where they are', () => {
    const features = JSON.parse(readFileSync(ADM1, 'utf8')).features as { properties: Record<string, string>; geometry: unknown }[];
    const at = (pcode: string) => labelPoint(features.find((f) => f.properties.ADM1_PCODE === pcode)!.geometry)!;
    expect(at('IQG11').latitude).toBeCloseTo(36.3, 0);
    expect(at('IQG11').longitude).toBeCloseTo(44.3, 0);
    expect(at('IQG02').latitude).toBeGreaterThan(29.5);
    expect(at('IQG02').latitude).toBeLessThan(31.5);
  });
});
