import { describe, expect, it } from 'vitest';
import { pathBounds, pathGeoJson, pathStops, type PathPoint } from './path.ts';

const point = (pcode: string, longitude: number, latitude: number, date: string, movementId: string | null = null): PathPoint =>
  ({ pcode, longitude, latitude, date, movementId });

describe('a household\'s path on a map', () => {
  const path = [
    point('IQG11Q02', 44.0, 36.2, '2014-08-10'),
    point('IQG11Q04', 43.6, 35.8, '2015-03', 'm1'),
    point('IQG11Q04', 43.6, 35.8, '2015-09', 'm2'),
    point('IQG15Q05', 43.1, 36.3, '2017-09', 'm3'),
  ];

  it('numbers the places in order, one stop (from the first arrival) for two stays in a row at the same place, the last one current', () => {
    const stops = pathStops(path);
    expect(stops.map((s) => [s.step, s.pcode, s.movementId, s.date, s.current])).toEqual([
      [1, 'IQG11Q02', null, '2014-08-10', false],
      [2, 'IQG11Q04', 'm2', '2015-03', false],
      [3, 'IQG15Q05', 'm3', '2017-09', true],
    ]);
  });

  it('joins the stops with a line in order, with no line for a single stop', () => {
    const geo = pathGeoJson(pathStops(path));
    expect(geo.features[0]).toMatchObject({ geometry: { type: 'LineString', coordinates: [[44.0, 36.2], [43.6, 35.8], [43.1, 36.3]] } });
    expect(geo.features).toHaveLength(4);
    const single = pathGeoJson(pathStops([path[0]]));
    expect(single.features).toMatchObject([{ geometry: { type: 'Point' }, properties: { step: 1, current: true } }]);
    expect(pathStops([])).toEqual([]);
  });

  it('frames the stops with a margin, and a single stop with its surroundings', () => {
    const [[west, south], [east, north]] = pathBounds(pathStops(path))!;
    expect(west).toBeLessThan(43.1);
    expect(east).toBeGreaterThan(44.0);
    expect(south).toBeLessThan(35.8);
    expect(north).toBeGreaterThan(36.3);
    expect(pathBounds(pathStops([path[0]]))).toEqual([[43.5, 35.7], [44.5, 36.7]]);
    expect(pathBounds([])).toBeNull();
  });
});
