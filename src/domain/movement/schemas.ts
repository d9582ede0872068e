import { z } from 'zod';
import { PartialDate, Pcode } from '../registry/household.ts';

/** Movements of a household as the API takes and gives them (issue 4). */
export const MOVEMENT_TYPES = ['displacement', 'secondary_displacement', 'relocation', 'return', 'departure_abroad'] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];

const OptionalText = (max: number) => z.string().trim().max(max, 'text.too_long').optional().nullable()
  .transform((v) => (v ? v : null));

/** Where a household is: P-code (none abroad), optional site, free-text place. */
export const MovementPlace = z.object({
  pcode: Pcode.optional().nullable().transform((v) => v ?? null),
  siteId: z.uuid('uuid.invalid').optional().nullable().transform((v) => v ?? null),
  place: OptionalText(200),
});
export type MovementPlace = z.infer<typeof MovementPlace>;

/**
 * A movement as recorded: where to is required (a P-code, except abroad where a place is
 * enough); the shelter there is optional (the site's, or unknown, when not given) and means
 * nothing after a return or a departure abroad. The id may come from an offline device.
 */
export const MovementInput = z.object({
  id: z.uuid('uuid.invalid').optional(),
  type: z.enum(MOVEMENT_TYPES, 'invalid_value'),
  from: MovementPlace.optional().nullable().transform((v) => v ?? null),
  to: MovementPlace,
  shelter: z.string().trim().regex(/^[a-z_]{2,40}$/, 'shelter.invalid').optional().nullable().transform((v) => v ?? null),
  date: PartialDate,
  note: OptionalText(1000),
}).superRefine((m, ctx) => {
  if (m.type !== 'departure_abroad' && m.to.pcode === null) ctx.addIssue({ code: 'custom', path: ['to', 'pcode'], message: 'required' });
  if (m.type === 'departure_abroad' && m.to.pcode === null && m.to.place === null) ctx.addIssue({ code: 'custom', path: ['to', 'place'], message: 'required' });
  if ((m.type === 'return' || m.type === 'departure_abroad') && m.shelter) ctx.addIssue({ code: 'custom', path: ['shelter'], message: 'movement.no_shelter' });
});
export type MovementInput = z.infer<typeof MovementInput>;

/** Withdrawing a movement recorded in error: why, for the record. */
export const MovementWithdrawal = z.object({
  reason: z.string().trim().min(1, 'required').max(500, 'text.too_long'),
});

const Place = z.object({ pcode: z.string().nullable(), siteId: z.string().nullable(), place: z.string().nullable() });
/** A point on the household's path: the site's coordinates, else a point inside the area. */
const PathPoint = z.object({ pcode: z.string().nullable(), latitude: z.number(), longitude: z.number() });

export const MovementView = z.object({
  id: z.uuid(),
  type: z.enum(MOVEMENT_TYPES),
  from: Place.nullable(),
  /** Where the movement started: as recorded, else where the event before left the household. */
  start: Place,
  to: Place,
  shelter: z.string().nullable(),
  date: z.string(),
  note: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
  withdrawn: z.object({ at: z.string(), by: z.string().nullable(), reason: z.string() }).nullable(),
});
export type MovementView = z.infer<typeof MovementView>;

export const DisplacementState = z.object({
  status: z.enum(['displaced', 'returned', 'abroad']),
  since: z.string(),
  location: Place,
  shelter: z.string().nullable(),
  /** The movement that put the household there; null when it is where it was registered. */
  movementId: z.string().nullable(),
});
export type DisplacementState = z.infer<typeof DisplacementState>;

/** The timeline: movements newest first (withdrawn ones kept, marked), the state they make, the path. */
export const MovementTimeline = z.object({
  registration: z.object({ on: z.string(), place: Place, shelter: z.string() }),
  items: z.array(MovementView),
  current: DisplacementState,
  /** Registration place, then each movement's destination in the order they happened (withdrawn left out). */
  path: z.array(PathPoint.extend({ movementId: z.string().nullable(), date: z.string() })),
  version: z.number().int(),
});
export type MovementTimeline = z.infer<typeof MovementTimeline>;
