import { describe, expect, it } from 'vitest';
import { occupancy } from './occupancy.ts';

describe('how full a site is', () => {
  it('compares the people there with the capacity', () => {
    expect(occupancy(3000, 6000)).toEqual({ ratio: 0.5, percent: 50, level: 'ok' });
    expect(occupancy(5400, 6000)).toMatchObject({ percent: 90, level: 'high' });
    expect(occupancy(6000, 6000)).toMatchObject({ percent: 100, level: 'high' });
    expect(occupancy(6600, 6000)).toMatchObject({ percent: 110, level: 'over' });
    expect(occupancy(0, 6000)).toMatchObject({ percent: 0, level: 'ok' });
  });

  it('is unknown without a capacity', () => {
    expect(occupancy(120, null)).toBeNull();
    expect(occupancy(120, 0)).toBeNull();
    expect(occupancy(120, undefined)).toBeNull();
  });
});
