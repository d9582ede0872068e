import { z } from 'zod';
import { DISPATCH_STATUSES, LEDGER_KINDS, REASON_DIRECTIONS, STOCK_LOCATION_KINDS } from './stock.ts';

/** What the stock API answers: places, levels, documents, the ledger and the alerts. */

const names = { name: z.string(), nameAr: z.string().nullable(), nameCkb: z.string().nullable() };

export const StockLocation = z.object({
  id: z.uuid(), code: z.string(), kind: z.enum(STOCK_LOCATION_KINDS), ...names,
  pcode: z.string(), siteId: z.string().nullable(),
  organization: z.object({ id: z.uuid(), code: z.string() }),
  active: z.boolean(), version: z.number().int(), createdAt: z.string(),
});
export type StockLocation = z.infer<typeof StockLocation>;

/** A place as other records name it. */
export const LocationRef = z.object({ id: z.uuid(), code: z.string(), kind: z.enum(STOCK_LOCATION_KINDS), ...names, organizationCode: z.string() });
export type LocationRef = z.infer<typeof LocationRef>;

export const ItemRef = z.object({ code: z.string(), name: z.string(), nameAr: z.string(), nameCkb: z.string(), unit: z.string() });
export type ItemRef = z.infer<typeof ItemRef>;

export const StockLevel = z.object({
  location: LocationRef, item: ItemRef, quantity: z.number().int(), lowLevel: z.number().int().nullable(),
  /** At or under the low level. */
  low: z.boolean(),
  /** Handed over offline beyond the recorded stock, until a count settles it. */
  shortfall: z.number().int(),
});
export type StockLevel = z.infer<typeof StockLevel>;

/** A line of a document as recorded, with the level it left behind. */
const MovedLine = z.object({ item: z.string(), quantity: z.number().int(), balance: z.number().int() });

export const Receipt = z.object({
  id: z.uuid(), location: LocationRef, lines: z.array(MovedLine), supplier: z.string().nullable(), reference: z.string().nullable(),
  note: z.string().nullable(), receivedOn: z.string(), recordedBy: z.string().nullable(), recordedAt: z.string(),
});
export type Receipt = z.infer<typeof Receipt>;

export const ReceivedLine = z.object({
  item: z.string(), sent: z.number().int(), received: z.number().int(), difference: z.number().int(), reason: z.string().nullable(),
});

export const Dispatch = z.object({
  id: z.uuid(), from: LocationRef, to: LocationRef, lines: z.array(z.object({ item: z.string(), quantity: z.number().int() })),
  waybill: z.string().nullable(), note: z.string().nullable(), status: z.enum(DISPATCH_STATUSES),
  sentBy: z.string().nullable(), sentAt: z.string(),
  receivedBy: z.string().nullable(), receivedAt: z.string().nullable(), receivedLines: z.array(ReceivedLine).nullable(), receivedNote: z.string().nullable(),
});
export type Dispatch = z.infer<typeof Dispatch>;

export const Count = z.object({
  id: z.uuid(), location: LocationRef, countedOn: z.string(), note: z.string().nullable(),
  lines: z.array(z.object({
    item: z.string(), expected: z.number().int(), counted: z.number().int(), difference: z.number().int(), reason: z.string().nullable(),
    /** The open shortfall this count settled. */
    settled: z.number().int(),
  })),
  recordedBy: z.string().nullable(), recordedAt: z.string(),
});
export type Count = z.infer<typeof Count>;

export const Adjustment = z.object({
  id: z.uuid(), location: LocationRef, note: z.string().nullable(),
  lines: z.array(z.object({ item: z.string(), change: z.number().int(), balance: z.number().int(), reason: z.string() })),
  recordedBy: z.string().nullable(), recordedAt: z.string(),
});
export type Adjustment = z.infer<typeof Adjustment>;

export const LedgerEntry = z.object({
  id: z.number().int(), location: LocationRef, item: z.string(), kind: z.enum(LEDGER_KINDS),
  change: z.number().int(), balance: z.number().int(), missing: z.number().int().nullable(),
  reason: z.string().nullable(), note: z.string().nullable(),
  /** The receipt, dispatch, redemption, count or adjustment. */
  referenceId: z.string().nullable(),
  recordedBy: z.string().nullable(), recordedAt: z.string(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export const StockAlerts = z.object({
  low: z.array(z.object({ location: LocationRef, item: ItemRef, quantity: z.number().int(), lowLevel: z.number().int() })),
  shortfalls: z.array(z.object({ location: LocationRef, item: ItemRef, missing: z.number().int(), since: z.string().nullable() })),
});
export type StockAlerts = z.infer<typeof StockAlerts>;

export const StockReason = z.object({
  code: z.string(), direction: z.enum(REASON_DIRECTIONS), name: z.string(), nameAr: z.string(), nameCkb: z.string(),
  /** Given with `?all=true` (the configuration screen, and names in the ledger): an inactive reason is offered in no new form. */
  active: z.boolean().optional(), position: z.number().int().optional(), version: z.number().int().optional(),
});
export type StockReason = z.infer<typeof StockReason>;

/** A 409 `stock.insufficient`: per item, what was asked and what there is. */
export const Insufficient = z.array(z.object({ item: z.string(), asked: z.number().int(), available: z.number().int() }));
