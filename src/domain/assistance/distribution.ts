import { z } from 'zod';

/**
 * At the distribution point (issue 5): household cards, what a household is entitled to, and
 * redemption exactly once, online or from an offline point that syncs later. The API contracts.
 */

/** One line of an entitlement: so many of an item or kit, or so many IQD of cash. */
export const EntitlementLine = z.object({ code: z.string(), quantity: z.number().int().positive() });
export type EntitlementLine = z.infer<typeof EntitlementLine>;

const Uuid = z.uuid('uuid.invalid');
const OptionalText = (max: number) => z.string().trim().max(max, 'text.too_long').optional().nullable().transform((v) => (v ? v : null));

// ------------------------------------------------------------------------------ cards

/** Printing a card (a reprint revokes the card before it, with the reason). */
export const CardInput = z.object({
  reason: OptionalText(300),
});

export const Card = z.object({
  id: z.uuid(), householdId: z.uuid(), serial: z.number().int(), issuedAt: z.string(), expiresOn: z.string(),
  revokedAt: z.string().nullable(), revokedReason: z.string().nullable(),
});
export type Card = z.infer<typeof Card>;

/** What a card is printed from: the card, its token (the QR code) and the household's face of it. */
export const PrintableCard = z.object({
  card: Card,
  token: z.string(),
  household: z.object({
    registrationNumber: z.string(), registry: z.string(), headName: z.string(), size: z.number().int(),
    currentPcode: z.string(),
  }),
});
export type PrintableCard = z.infer<typeof PrintableCard>;

/** Public keys that verify card tokens (an offline point downloads them). */
export const SigningKeys = z.object({ keys: z.array(z.object({ id: z.string(), algorithm: z.literal('ed25519'), publicKey: z.string() })) });

// ------------------------------------------------------------------------------ redemption

export const COLLECTORS = ['head', 'alternate'] as const;

const collection = {
  pointId: Uuid,
  /** The head of household, or an alternate collector named on the spot. */
  collectedBy: z.enum(COLLECTORS, 'invalid_value').default('head'),
  collectorName: OptionalText(120),
  collectorDocument: OptionalText(60),
};

/** Redeeming online: the card's token (scanned) or the entitlement (found by searching the household). */
export const RedemptionInput = z.object({
  entitlementId: Uuid.optional(),
  token: z.string().trim().max(400, 'text.too_long').optional(),
  ...collection,
}).superRefine((r, ctx) => {
  if (!r.entitlementId === !r.token) ctx.addIssue({ code: 'custom', path: ['entitlementId'], message: 'redemption.one_of' });
  if (r.collectedBy === 'alternate' && !r.collectorName) ctx.addIssue({ code: 'custom', path: ['collectorName'], message: 'required' });
});
export type RedemptionInput = z.infer<typeof RedemptionInput>;

export const Redemption = z.object({
  id: z.uuid(), entitlementId: z.uuid(), point: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  collectedBy: z.enum(COLLECTORS), collectorName: z.string().nullable(),
  redeemedAt: z.string(), recordedAt: z.string(), recordedBy: z.string().nullable(), via: z.enum(['scan', 'search', 'offline']),
});
export type Redemption = z.infer<typeof Redemption>;

/** A household as the distribution officer checks it: enough to recognise the head, nothing more. */
export const EntitledHousehold = z.object({
  id: z.uuid(), registrationNumber: z.string(), headName: z.string(), headSex: z.string(), headBirthDate: z.string().nullable(),
  size: z.number().int(), currentPcode: z.string(),
});

const ProgrammeRef = z.object({ code: z.string(), name: z.string(), nameAr: z.string().nullable(), nameCkb: z.string().nullable(), sector: z.string() });

export const EntitlementView = z.object({
  id: z.uuid(), roundId: z.uuid(), programme: ProgrammeRef,
  roundNumber: z.number().int(), pointId: z.uuid().nullable(), contents: z.array(EntitlementLine), people: z.number().int(),
  status: z.enum(['issued', 'redeemed', 'cancelled']), redemption: Redemption.nullable(),
});
export type EntitlementView = z.infer<typeof EntitlementView>;

/** Who holds this card or is this household, and what it may collect at the point. */
export const Lookup = z.object({
  household: EntitledHousehold,
  card: Card.nullable(),
  entitlements: z.array(EntitlementView),
});
export type Lookup = z.infer<typeof Lookup>;

export const LookupQuery = z.object({
  token: z.string().trim().max(400, 'text.too_long').optional(),
  household: Uuid.optional(),
  pointId: Uuid,
});

// ------------------------------------------------------------------------------ offline points

/** What an offline point downloads: the list of its entitlements, the cards, the keys to verify them. */
export const PointList = z.object({
  point: z.object({ id: z.uuid(), code: z.string(), name: z.string(), nameAr: z.string().nullable(), nameCkb: z.string().nullable() }),
  generatedAt: z.string(),
  keys: SigningKeys.shape.keys,
  items: z.array(z.object({
    entitlementId: z.uuid(), roundId: z.uuid(), roundNumber: z.number().int(), programme: ProgrammeRef,
    /** The point the household is to collect at (null: any point of the round). */
    pointId: z.uuid().nullable(),
    contents: z.array(EntitlementLine), status: z.enum(['issued', 'redeemed', 'cancelled']),
    /** For one collected before the list was made: when and where. */
    redemption: z.object({ redeemedAt: z.string(), pointName: z.string() }).nullable(),
    household: EntitledHousehold, cardId: z.uuid().nullable(),
  })),
});
export type PointList = z.infer<typeof PointList>;

/** One redemption made offline, with the key the device gave it (its replay is harmless). */
export const OfflineRedemption = z.object({
  key: z.string().trim().min(8, 'too_small').max(200, 'too_big'),
  entitlementId: Uuid,
  cardId: Uuid.optional().nullable().transform((v) => v ?? null),
  redeemedAt: z.iso.datetime({ offset: true, message: 'date.invalid' }),
  ...collection,
});

export const SyncInput = z.object({
  deviceId: z.string().trim().min(4, 'too_small').max(100, 'too_big'),
  items: z.array(OfflineRedemption).min(1, 'too_small').max(2000, 'too_many'),
});
export type SyncInput = z.infer<typeof SyncInput>;

/**
 * Each item's outcome: recorded; already recorded (this key was synced before); conflict (another
 * point had already recorded it: kept as a conflict to resolve, nothing lost); refused (with why).
 */
export const SyncResult = z.object({
  results: z.array(z.object({
    key: z.string(), outcome: z.enum(['recorded', 'already_recorded', 'conflict', 'refused']),
    redemptionId: z.string().nullable(), conflictId: z.string().nullable(), error: z.string().nullable(),
  })),
});
export type SyncResult = z.infer<typeof SyncResult>;

export const ConflictResolution = z.object({
  resolution: z.enum(['double_collection', 'recording_error'], 'invalid_value'),
  note: OptionalText(500),
});

/** An offline redemption of an entitlement another point had recorded first, and what the supervisor decided. */
export const Conflict = z.object({
  id: z.uuid(), entitlementId: z.uuid(), householdId: z.uuid(), contents: z.array(EntitlementLine),
  /** The family, to recognise it without opening it. */
  registrationNumber: z.string(), headName: z.string(),
  pointId: z.uuid(), pointName: z.string(), collectedBy: z.string(), collectorName: z.string().nullable(),
  redeemedAt: z.string(), reportedAt: z.string(), deviceId: z.string().nullable(),
  status: z.enum(['open', 'resolved']), resolution: z.enum(['double_collection', 'recording_error']).nullable(), note: z.string().nullable(),
  /** The redemption recorded first: where and when. */
  first: z.object({ pointName: z.string(), redeemedAt: z.string() }).nullable(),
});
export type Conflict = z.infer<typeof Conflict>;
