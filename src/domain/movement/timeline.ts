import { z } from 'zod';
import { earliestDay } from '../shared/partial-date.ts';
import { PartialDate, Pcode } from '../registry/household.ts';

/**
 * A household's movements (issue 4): displacement, secondary displacement, relocation (to a camp,
 * say), return to the place of origin, departure abroad. Reports arrive late and out of order, so
 * the household's current place and status are never "the last event recorded" but recomputed
 * from the whole timeline, ordered by when each movement happened.
 */
export const MOVEMENT_TYPES = ['displacement', 'secondary_displacement', 'relocation', 'return', 'departure_abroad'] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];

/** Where a household is: P-code (none abroad), optional site, free-text place. */
export const MovementPlace = z.object({
  pcode: Pcode.optional().nullable().transform((v) => v ?? null),
  siteId: z.uuid('uuid.invalid').optional().nullable().transform((v) => v ?? null),
  place: z.string().trim().max(200, 'text.too_long').optional().nullable().transform((v) => (v ? v : null)),
});
export type MovementPlace = z.infer<typeof MovementPlace>;

/** A movement as recorded: where to is required (a P-code, except abroad where a place is enough). */
export const MovementInput = z.object({
  type: z.enum(MOVEMENT_TYPES, 'invalid_value'),
  from: MovementPlace.optional().nullable().transform((v) => v ?? null),
  to: MovementPlace,
  date: PartialDate,
  note: z.string().trim().max(1000, 'text.too_long').optional().nullable().transform((v) => (v ? v : null)),
}).superRefine((m, ctx) => {
  if (m.type !== 'departure_abroad' && m.to.pcode === null) ctx.addIssue({ code: 'custom', path: ['to', 'pcode'], message: 'required' });
  if (m.type === 'departure_abroad' && m.to.pcode === null && m.to.place === null) ctx.addIssue({ code: 'custom', path: ['to', 'place'], message: 'required' });
});
export type MovementInput = z.infer<typeof MovementInput>;

/** Displaced (in Iraq, away from home), returned (to the place of origin), or gone abroad. */
export type DisplacementStatus = 'displaced' | 'returned' | 'abroad';

/** A movement as stored: `recordedAt` (ISO time) breaks ties between movements of the same date. */
export interface Movement {
  id: string;
  type: MovementType;
  from: MovementPlace | null;
  to: MovementPlace;
  date: string;
  recordedAt: string;
}

/** Where the household was at registration, and since when it has been displaced. */
export interface Registration {
  current: MovementPlace;
  displacedOn: string | null;
}

export interface CurrentState {
  location: MovementPlace;
  status: DisplacementStatus;
  /** Date of the movement that put the household there (null: as registered). */
  since: string | null;
  /** The movement that did (null: as registered). */
  movementId: string | null;
}

/**
 * Movements in the order they happened: by the earliest day each date can mean (`2014` counts as
 * 1 January 2014, so a year-only report sorts before the months of that year), then by the time
 * they were recorded, so of two movements reported for the same day the later report comes last.
 */
export function orderTimeline<T extends Pick<Movement, 'date' | 'recordedAt'>>(movements: readonly T[]): T[] {
  return [...movements].sort((a, b) => {
    const day = earliestDay(a.date).localeCompare(earliestDay(b.date));
    if (day !== 0) return day;
    const precision = a.date.length - b.date.length;
    return precision !== 0 ? precision : a.recordedAt.localeCompare(b.recordedAt);
  });
}

const statusAfter = (type: MovementType): DisplacementStatus =>
  (type === 'return' ? 'returned' : type === 'departure_abroad' ? 'abroad' : 'displaced');

/**
 * The household's current place and status: those the last movement of the timeline left it in,
 * or as registered (displaced) when it has none. Recomputed whole after every movement recorded,
 * whatever the order the reports came in.
 */
export function currentState(registration: Registration, movements: readonly Movement[]): CurrentState {
  const timeline = orderTimeline(movements);
  const last = timeline[timeline.length - 1];
  if (!last) return { location: registration.current, status: 'displaced', since: registration.displacedOn, movementId: null };
  return { location: last.to, status: statusAfter(last.type), since: last.date, movementId: last.id };
}

/**
 * Where each movement started: as recorded, or else where the one before it (or the registration)
 * left the household, so a timeline can be drawn as a path even when reports omit the start.
 */
export function withStarts(registration: Registration, movements: readonly Movement[]): (Movement & { start: MovementPlace })[] {
  let at: MovementPlace = registration.current;
  return orderTimeline(movements).map((m) => {
    const start = m.from ?? at;
    at = m.to;
    return { ...m, start };
  });
}
