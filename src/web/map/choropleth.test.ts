import { describe, expect, it } from 'vitest';
import { classBreaks, classColours, classOf, colourOf, fillColourExpression, legendItems, niceCeil, NONE_COLOUR, PALETTE } from './choropleth.ts';

describe('choropleth classes', () => {
  it('rounds bounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0, 1, 3, 7, 11, 21, 240, 260, 999, 1001, 48_000].map(niceCeil)).toEqual([1, 1, 5, 10, 20, 25, 250, 500, 1000, 2000, 50_000]);
  });

  it('makes up to five ascending classes from the quantiles of the values above zero', () => {
    const values = [0, 0, 3, 12, 40, 90, 180, 400, 900, 2_500, 7_000, 48_000];
    const breaks = classBreaks(values);
    expect(breaks).toEqual([20, 100, 500, 2500, 50_000]);
    expect(breaks.at(-1)).toBeGreaterThanOrEqual(Math.max(...values));
  });

  it('has fewer classes when few distinct values, none when nothing is counted', () => {
    expect(classBreaks([5, 5, 5])).toEqual([5]);
    expect(classBreaks([1, 2])).toEqual([1, 2]);
    expect(classBreaks([0, 0])).toEqual([]);
    expect(classBreaks([])).toEqual([]);
  });

  it('puts zero apart from the lightest class and the largest value in the darkest', () => {
    const breaks = [20, 250, 1000];
    expect(classOf(0, breaks)).toBe(-1);
    expect(classOf(1, breaks)).toBe(0);
    expect(classOf(20, breaks)).toBe(0);
    expect(classOf(21, breaks)).toBe(1);
    expect(classOf(5000, breaks)).toBe(2);
    expect(colourOf(0, breaks)).toBe(NONE_COLOUR);
    expect(colourOf(undefined, breaks)).toBe(NONE_COLOUR);
    expect(colourOf(1000, breaks)).toBe(PALETTE[4]);
  });

  it('spreads fewer classes over the whole palette, light to dark', () => {
    expect(classColours(5)).toEqual([...PALETTE]);
    expect(classColours(3)).toEqual([PALETTE[0], PALETTE[2], PALETTE[4]]);
    expect(classColours(1)).toEqual([PALETTE[4]]);
  });

  it('labels the legend with ranges that follow each other', () => {
    expect(legendItems([20, 250, 1000]).map(({ from, to }) => [from, to])).toEqual([[1, 20], [21, 250], [251, 1000]]);
  });

  it('colours each area by its P-code in a MapLibre expression', () => {
    const expression = fillColourExpression(new Map([['IQG11', 900], ['IQG15', 0]]), [20, 250, 1000]);
    expect(expression).toEqual(['match', ['get', 'pcode'], 'IQG11', PALETTE[4], 'IQG15', NONE_COLOUR, NONE_COLOUR]);
    expect(fillColourExpression(new Map(), [])).toBe(NONE_COLOUR);
  });
});
