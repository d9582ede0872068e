import { earliestDay } from '../shared/partial-date.ts';

/**
 * Displacement waves (configurable, DOMAIN.md): a household belongs to the wave its first
 * displacement falls in. A date known only to the year or month belongs to a wave only when the
 * whole of it does; displacement before the first wave is not counted in figures at all (DTM
 * counts displacement since January 2014).
 */
export interface Wave { code: string; startsOn: string; endsOn: string | null }

/** Wave of a displacement whose date is not known, or spans two waves. */
export const UNKNOWN_WAVE = 'unknown';

/** The last calendar day a partial date can mean (`2014` is 31 December 2014). */
export function latestDay(value: string): string {
  const [y, m, d] = value.split('-');
  if (d) return value;
  if (m) return `${y}-${m}-${String(new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate()).padStart(2, '0')}`;
  return `${y}-12-31`;
}

/** The wave of a displacement date; `unknown` when it cannot be told; null before the first wave. */
export function waveOf(displacedOn: string | null, waves: readonly Wave[]): string | null {
  if (!displacedOn || waves.length === 0) return UNKNOWN_WAVE;
  const first = earliestDay(displacedOn);
  const last = latestDay(displacedOn);
  const start = waves.reduce((min, w) => (w.startsOn < min ? w.startsOn : min), waves[0].startsOn);
  if (last < start) return null;
  const wave = waves.find((w) => w.startsOn <= first && (w.endsOn === null || last <= w.endsOn));
  return wave ? wave.code : UNKNOWN_WAVE;
}
