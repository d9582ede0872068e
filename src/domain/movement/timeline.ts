import { earliestDay } from '../shared/partial-date.ts';
import type { MovementPlace, MovementType } from './schemas.ts';

/**
 * A household's timeline (issue 4): its registration, where a clerk saw it on the day it was
 * registered, and its movements (displacement, secondary displacement, relocation, return,
 * departure abroad). Reports arrive late and out of order, so the household's current place and
 * status are never "the last event recorded" but recomputed from the whole timeline, ordered by
 * when each event happened. A movement dated before the registration describes the past and
 * does not move the household away from where it was registered.
 */

/** Displaced (in Iraq, away from home), returned (to the place of origin), or gone abroad. */
export type DisplacementStatus = 'displaced' | 'returned' | 'abroad';

/** A movement as stored: `recordedAt` (ISO time) breaks ties between movements of the same date. */
export interface Movement {
  id: string;
  type: MovementType;
  from: MovementPlace | null;
  to: MovementPlace;
  /** The shelter at the destination (null after a return or a departure abroad). */
  shelter: string | null;
  date: string;
  recordedAt: string;
}

/** Where and when the household was registered, and since when it has been displaced. */
export interface Registration {
  /** The day of registration (YYYY-MM-DD). */
  on: string;
  place: MovementPlace;
  shelter: string;
  displacedOn: string | null;
  /** When the registration was recorded (ISO time), to order it against movements of its day. */
  recordedAt: string;
}

/** One event of the timeline: the registration (id null) or a movement. */
export interface TimelineEvent {
  movementId: string | null;
  status: DisplacementStatus;
  place: MovementPlace;
  shelter: string | null;
  date: string;
  recordedAt: string;
}

export interface CurrentState {
  location: MovementPlace;
  shelter: string | null;
  status: DisplacementStatus;
  /** Since when the household has been in this status, as precise as the reports. */
  since: string;
  /** The movement that put the household where it is (null: the registration did). */
  movementId: string | null;
}

/** A stretch of days in one place and status: from (inclusive) to (exclusive; null: still there). */
export interface Stay {
  from: string;
  to: string | null;
  place: MovementPlace;
  shelter: string | null;
  status: DisplacementStatus;
}

export const statusAfter = (type: MovementType): DisplacementStatus =>
  (type === 'return' ? 'returned' : type === 'departure_abroad' ? 'abroad' : 'displaced');

/**
 * Events in the order they happened: by the earliest day each date can mean (`2014` counts as
 * 1 January 2014, so a year-only report sorts before the months of that year), then by precision,
 * then by the time they were recorded, so of two events of the same day the later report comes last.
 */
export function orderTimeline<T extends { date: string; recordedAt: string }>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => {
    const day = earliestDay(a.date).localeCompare(earliestDay(b.date));
    if (day !== 0) return day;
    const precision = a.date.length - b.date.length;
    return precision !== 0 ? precision : a.recordedAt.localeCompare(b.recordedAt);
  });
}

/** The registration and the movements, in the order they happened. */
export function timeline(registration: Registration, movements: readonly Movement[]): TimelineEvent[] {
  const registered: TimelineEvent = {
    movementId: null, status: 'displaced', place: registration.place, shelter: registration.shelter,
    date: registration.on, recordedAt: registration.recordedAt,
  };
  return orderTimeline([registered, ...movements.map((m): TimelineEvent => ({
    movementId: m.id, status: statusAfter(m.type), place: m.to, shelter: m.shelter, date: m.date, recordedAt: m.recordedAt,
  }))]);
}

/**
 * The household's current place, shelter and status: those the last event of the timeline left
 * it in. `since` goes back over the run of events in the same status; a run of displacement that
 * reaches back to the registration starts at the displacement date registered, when it is earlier.
 */
export function currentState(registration: Registration, movements: readonly Movement[]): CurrentState {
  const events = timeline(registration, movements);
  const last = events[events.length - 1];
  let first = events.length - 1;
  while (first > 0 && events[first - 1].status === last.status) first -= 1;
  let since = events[first].date;
  const displacedOn = registration.displacedOn;
  const registeredInRun = events.slice(first).some((e) => e.movementId === null);
  if (last.status === 'displaced' && registeredInRun && displacedOn && earliestDay(displacedOn) < earliestDay(since)) since = displacedOn;
  return { location: last.place, shelter: last.shelter, status: last.status, since, movementId: last.movementId };
}

const samePlace = (a: MovementPlace, b: MovementPlace) => a.pcode === b.pcode && a.siteId === b.siteId && a.place === b.place;

/**
 * The stays the timeline makes: each event starts one on the earliest day its date can mean and
 * ends the one before. Events of one day leave only the last of them; consecutive stays in the
 * same place, shelter and status are one.
 */
export function stays(registration: Registration, movements: readonly Movement[]): Stay[] {
  const result: Stay[] = [];
  for (const event of timeline(registration, movements)) {
    const from = earliestDay(event.date);
    if (result.at(-1)?.from === from) result.pop();
    const before = result.at(-1);
    if (before) before.to = null;
    if (before && samePlace(before.place, event.place) && before.shelter === event.shelter && before.status === event.status) continue;
    if (before) before.to = from;
    result.push({ from, to: null, place: event.place, shelter: event.shelter, status: event.status });
  }
  return result;
}

/**
 * Where each movement started: as recorded, or else where the event before it (a movement or the
 * registration) left the household, so a timeline can be drawn as a path even when reports omit
 * the start.
 */
export function withStarts(registration: Registration, movements: readonly Movement[]): (Movement & { start: MovementPlace })[] {
  const byId = new Map(movements.map((m) => [m.id, m]));
  let at: MovementPlace | null = null;
  const result: (Movement & { start: MovementPlace })[] = [];
  for (const event of timeline(registration, movements)) {
    const movement = event.movementId ? byId.get(event.movementId)! : null;
    if (movement) result.push({ ...movement, start: movement.from ?? at ?? registration.place });
    at = event.place;
  }
  return result;
}
