/**
 * Colour classes of a choropleth: a few "nice" upper bounds (1, 2, 2.5, 5 x 10^n) taken from the
 * quantiles of the values above zero, so that each colour covers about as many areas. An area
 * with nothing counted keeps a neutral colour of its own, never the lightest class.
 */

/** Sequential orange-red (ColorBrewer OrRd, 5 classes): light is few, dark is many. */
export const PALETTE = ['#fdd49e', '#fdbb84', '#fc8d59', '#e34a33', '#b30000'] as const;
/** Areas where nothing is counted. */
export const NONE_COLOUR = '#e9ecef';

/** The smallest of 1, 2, 2.5, 5 x 10^n that is at least `value` (values below 1 give 1). */
export function niceCeil(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const nice = step * power;
    if (nice >= value) return Number.isInteger(nice) ? nice : Math.ceil(nice);
  }
  return 10 * power;
}

/**
 * Upper bounds of at most `classes` classes for these values (zeros and negatives ignored),
 * ascending and distinct; the last bound is at least the largest value. Empty for no values.
 */
export function classBreaks(values: readonly number[], classes = PALETTE.length): number[] {
  const positive = values.filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  if (positive.length === 0) return [];
  const breaks: number[] = [];
  for (let k = 1; k <= classes; k += 1) {
    const q = positive[Math.min(positive.length - 1, Math.ceil((k / classes) * positive.length) - 1)];
    const bound = niceCeil(q);
    if (breaks.at(-1) !== bound) breaks.push(bound);
  }
  return breaks;
}

/** The class (0-based) a value falls in, or -1 for nothing counted. */
export function classOf(value: number, breaks: readonly number[]): number {
  if (!(value > 0) || breaks.length === 0) return -1;
  const k = breaks.findIndex((b) => value <= b);
  return k === -1 ? breaks.length - 1 : k;
}

/** Colours for the classes: spread over the palette when there are fewer classes than colours. */
export function classColours(count: number): string[] {
  if (count <= 0) return [];
  if (count === 1) return [PALETTE[PALETTE.length - 1]];
  return Array.from({ length: count }, (_, k) => PALETTE[Math.round((k * (PALETTE.length - 1)) / (count - 1))]);
}

export function colourOf(value: number | undefined, breaks: readonly number[]): string {
  const k = classOf(value ?? 0, breaks);
  return k === -1 ? NONE_COLOUR : classColours(breaks.length)[k];
}

export interface LegendItem {
  from: number;
  to: number;
  colour: string;
}

/** Legend rows: "1 – 250", "251 – 1,000"... from the breaks (whole numbers). */
export function legendItems(breaks: readonly number[]): LegendItem[] {
  const colours = classColours(breaks.length);
  return breaks.map((to, k) => ({ from: k === 0 ? 1 : breaks[k - 1] + 1, to, colour: colours[k] }));
}

/**
 * A MapLibre `fill-color` expression: each area's colour by its `pcode` property; areas with
 * no figure in the neutral colour.
 */
export function fillColourExpression(values: ReadonlyMap<string, number>, breaks: readonly number[]): unknown {
  const pairs: string[] = [];
  for (const [pcode, value] of values) pairs.push(pcode, colourOf(value, breaks));
  if (pairs.length === 0) return NONE_COLOUR;
  return ['match', ['get', 'pcode'], ...pairs, NONE_COLOUR];
}
