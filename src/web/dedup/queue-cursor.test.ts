import { describe, expect, it } from 'vitest';
import { nextStep, previousStep } from './queue-cursor.ts';

const at = (statuses: string[], index: number, page = 1, pages = 1) => ({ statuses, index, page, pages, filter: 'open' });

describe('moving through the review queue', () => {
  it('goes to the next pair of the page', () => {
    expect(nextStep(at(['open', 'open', 'open'], 0))).toEqual({ kind: 'index', index: 1 });
  });

  it('reads the page again at its end when pairs were decided, carrying on after the skipped ones', () => {
    expect(nextStep(at(['same', 'open', 'different', 'open'], 3, 1, 3))).toEqual({ kind: 'reload', index: 2 });
    expect(nextStep(at(['same'], 0))).toEqual({ kind: 'reload', index: 0 });
  });

  it('goes to the next page when nothing on this one was decided, and stays at the very end', () => {
    expect(nextStep(at(['open', 'open'], 1, 1, 2))).toEqual({ kind: 'page', page: 2, index: 0 });
    expect(nextStep(at(['open', 'open'], 1, 2, 2))).toEqual({ kind: 'stay' });
    expect(nextStep(at([], 0))).toEqual({ kind: 'stay' });
  });

  it('goes back within the page, then to the last pair of the page before', () => {
    expect(previousStep(at(['open', 'open'], 1))).toEqual({ kind: 'index', index: 0 });
    expect(previousStep(at(['open', 'open'], 0, 2, 2))).toEqual({ kind: 'page', page: 1, index: 'last' });
    expect(previousStep(at(['open'], 0))).toEqual({ kind: 'stay' });
  });
});
