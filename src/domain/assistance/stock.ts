import { z } from 'zod';
import { PastDay } from '../movement/assessments.ts';
import { PCODE } from '../places/pcode.ts';
import { Pcode, Version } from '../registry/household.ts';

/**
 * Stock at warehouses and distribution points (issue 5): what a keeper records (receipts,
 * dispatches and their receipt, counts, adjustments, low levels). Items are kept as themselves:
 * a kit as the items it holds, cash never. Error messages are catalogue keys.
 */
export const STOCK_LOCATION_KINDS = ['warehouse', 'point'] as const;
export type StockLocationKind = (typeof STOCK_LOCATION_KINDS)[number];
export const DISPATCH_STATUSES = ['in_transit', 'received'] as const;
export const LEDGER_KINDS = ['receipt', 'dispatch', 'dispatch_received', 'issue', 'shortfall', 'count', 'adjustment'] as const;
/** Which way a reason may move stock: only out (damaged), only in (found), or either (correction). */
export const REASON_DIRECTIONS = ['in', 'out', 'both'] as const;
/** The most of one item a line may move, and the most lines a document may have. */
export const MAX_QUANTITY = 10_000_000;
export const MAX_LINES = 200;

const Uuid = z.uuid('uuid.invalid');
const OptionalText = (max: number) => z.string().trim().max(max, 'text.too_long').optional().nullable()
  .transform((v) => (v ? v : null));
const Flag = z.enum(['true', 'false'], 'invalid_value').transform((v) => v === 'true');
const Page = {
  page: z.coerce.number().int().min(1, 'page.invalid').max(10000, 'page.invalid').default(1),
  pageSize: z.coerce.number().int().min(1, 'page.invalid').max(500, 'page.invalid').default(50),
};

/** A warehouse's or point's own code, in capitals: `ERB-WH-01`, `DEBAGA-DP`. */
export const StockLocationCode = z.string().trim().toUpperCase().regex(/^[A-Z0-9_-]{2,30}$/, 'stock.location_code_invalid');
/** An item of the catalogue kept in stock: `blanket`, `soap`. */
export const StockItemCode = z.string().trim().toLowerCase().regex(/^[a-z0-9_]{2,40}$/, 'stock.item_invalid');
/** A reason from the configured list (`damaged`, `found`, `correction`...). */
export const ReasonCode = z.string().trim().toLowerCase().regex(/^[a-z0-9_]{2,40}$/, 'stock.reason_unknown');

const whole = (min: number, message: string) =>
  z.number('number.invalid').int('number.invalid').min(min, message).max(MAX_QUANTITY, 'too_big');
/** So many of an item moved: a whole number, 1 or more. */
export const Quantity = whole(1, 'stock.quantity');
/** So many of an item found, counted or arrived: a whole number, 0 or more. */
export const CountedQuantity = whole(0, 'number.invalid');
/** An adjustment: positive adds, negative takes away, never 0. */
export const SignedQuantity = z.number('number.invalid').int('number.invalid').min(-MAX_QUANTITY, 'too_small')
  .max(MAX_QUANTITY, 'too_big').refine((v) => v !== 0, 'stock.adjustment_zero');

/** Lines of one document: at least one, each item once. */
const Lines = <T extends z.ZodType<{ item: string }>>(line: T) => z.array(line).min(1, 'too_small').max(MAX_LINES, 'too_many')
  .superRefine((lines, ctx) => {
    const seen = new Set<string>();
    lines.forEach((l, i) => {
      if (seen.has(l.item)) ctx.addIssue({ code: 'custom', path: [i, 'item'], message: 'stock.item_duplicate' });
      seen.add(l.item);
    });
  });

export const StockLine = z.object({ item: StockItemCode, quantity: Quantity });
export type StockLine = z.infer<typeof StockLine>;

// ------------------------------------------------------------------------------ locations

const locationFields = {
  code: StockLocationCode,
  name: z.string().trim().min(1, 'required').max(200, 'text.too_long'),
  nameAr: OptionalText(200),
  nameCkb: OptionalText(200),
  pcode: Pcode,
  /** The camp or other site the point serves or stands in, if any. */
  siteId: Uuid.optional().nullable().transform((v) => v ?? null),
};

/** A new warehouse or distribution point; it belongs to its creator's organisation. */
export const StockLocationInput = z.object({
  id: Uuid.optional(), kind: z.enum(STOCK_LOCATION_KINDS, 'invalid_value'), ...locationFields,
});
export type StockLocationInput = z.infer<typeof StockLocationInput>;

/** An edit at the version read: the fields that change; `active: false` closes the place. The kind stays. */
export const StockLocationUpdate = z.object(locationFields).partial().extend({ active: z.boolean('invalid_type').optional(), version: Version });
export type StockLocationUpdate = z.infer<typeof StockLocationUpdate>;

export const StockLocationQuery = z.object({
  kind: z.enum(STOCK_LOCATION_KINDS, 'invalid_value').optional(),
  area: z.string().trim().toUpperCase().regex(PCODE, 'pcode.invalid').optional(),
  /** Code or name, in any of the three languages. */
  q: z.string().trim().max(100, 'text.too_long').optional(),
  active: Flag.optional(),
  ...Page,
});
export type StockLocationQuery = z.infer<typeof StockLocationQuery>;

/** Low levels per item at one place: at or under it, the item is in the alerts. Null clears it. */
export const ThresholdsInput = z.object({
  thresholds: Lines(z.object({ item: StockItemCode, lowLevel: CountedQuantity.nullable() })),
});
export type ThresholdsInput = z.infer<typeof ThresholdsInput>;

/** Up to 100 ids separated by commas (a page of places at once). */
const UuidList = z.string().trim().regex(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}(,[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}){0,99}$/i, 'uuid.invalid')
  .transform((v) => v.toLowerCase().split(','));

export const LevelQuery = z.object({
  location: Uuid.optional(),
  /** Several places at once (the places of a page of the list). */
  locations: UuidList.optional(),
  item: StockItemCode.optional(),
  /** Only items at or under their low level. */
  low: Flag.optional(),
  ...Page,
});
export type LevelQuery = z.infer<typeof LevelQuery>;

// ------------------------------------------------------------------------------ movements of stock

/** Goods arriving at a place from outside (a supplier, a donor, a partner's convoy). */
export const ReceiptInput = z.object({
  id: Uuid.optional(),
  locationId: Uuid,
  lines: Lines(StockLine),
  supplier: OptionalText(200),
  /** The waybill or delivery note's number. */
  reference: OptionalText(100),
  note: OptionalText(1000),
  /** The day the goods arrived (today when absent). */
  receivedOn: PastDay.optional(),
});
export type ReceiptInput = z.infer<typeof ReceiptInput>;

/** Goods sent from one place to another: they leave the source at once and travel until received. */
export const DispatchInput = z.object({
  id: Uuid.optional(),
  fromLocationId: Uuid,
  toLocationId: Uuid,
  lines: Lines(StockLine),
  waybill: OptionalText(100),
  note: OptionalText(1000),
}).superRefine((d, ctx) => {
  if (d.fromLocationId === d.toLocationId) ctx.addIssue({ code: 'custom', path: ['toLocationId'], message: 'stock.same_location' });
});
export type DispatchInput = z.infer<typeof DispatchInput>;

/** What arrived of each item dispatched (0 if none); a reason wherever it differs from what was sent. */
export const ReceiveInput = z.object({
  lines: Lines(z.object({ item: StockItemCode, quantity: CountedQuantity, reason: ReasonCode.optional().nullable().transform((v) => v ?? null) })),
  note: OptionalText(1000),
});
export type ReceiveInput = z.infer<typeof ReceiveInput>;

export const DispatchQuery = z.object({
  status: z.enum(DISPATCH_STATUSES, 'invalid_value').optional(),
  /** Dispatches from or to this place. */
  location: Uuid.optional(),
  ...Page,
});
export type DispatchQuery = z.infer<typeof DispatchQuery>;

/** A physical count of some items at a place: each level becomes what was counted; a reason for each difference. */
export const CountInput = z.object({
  id: Uuid.optional(),
  locationId: Uuid,
  countedOn: PastDay.optional(),
  lines: Lines(z.object({ item: StockItemCode, counted: CountedQuantity, reason: ReasonCode.optional().nullable().transform((v) => v ?? null) })),
  note: OptionalText(1000),
});
export type CountInput = z.infer<typeof CountInput>;

/** Stock found or lost outside a count: a signed quantity per item, each with its reason. */
export const AdjustmentInput = z.object({
  id: Uuid.optional(),
  locationId: Uuid,
  lines: Lines(z.object({ item: StockItemCode, quantity: SignedQuantity, reason: ReasonCode })),
  note: OptionalText(1000),
});
export type AdjustmentInput = z.infer<typeof AdjustmentInput>;

export const LedgerQuery = z.object({
  location: Uuid.optional(),
  item: StockItemCode.optional(),
  kind: z.enum(LEDGER_KINDS, 'invalid_value').optional(),
  ...Page,
});
export type LedgerQuery = z.infer<typeof LedgerQuery>;
