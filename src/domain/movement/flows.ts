import { z } from 'zod';
import { Version } from '../registry/household.ts';
import { Count, Day, PastDay } from './assessments.ts';

/**
 * Flow monitoring (DTM) at transit points, checkpoints and border crossings: people counted per
 * point, day and direction, by sex and age group (children 0-17, adults 18-59, elderly 60+).
 */
export const FLOW_DIRECTIONS = ['incoming', 'outgoing'] as const;
export type FlowDirection = (typeof FLOW_DIRECTIONS)[number];

export const FLOW_GROUPS = ['maleChildren', 'maleAdults', 'maleElderly', 'femaleChildren', 'femaleAdults', 'femaleElderly'] as const;
export type FlowGroup = (typeof FLOW_GROUPS)[number];
export type FlowCounts = Record<FlowGroup, number>;

const counts = Object.fromEntries(FLOW_GROUPS.map((g) => [g, Count.default(0)])) as Record<FlowGroup, z.ZodDefault<typeof Count>>;
const note = z.string().trim().max(1000, 'text.too_long').optional().nullable().transform((v) => (v ? v : null));

export const FlowInput = z.object({
  id: z.uuid('uuid.invalid').optional(),
  /** A site of kind `transit_point`. */
  pointId: z.uuid('uuid.invalid'),
  countedOn: PastDay,
  direction: z.enum(FLOW_DIRECTIONS, 'invalid_value'),
  ...counts,
  note,
});
export type FlowInput = z.infer<typeof FlowInput>;

/** An edit of the counts or the note, at the version read; point, day and direction stay. */
export const FlowUpdate = z.object({
  version: Version,
  ...Object.fromEntries(FLOW_GROUPS.map((g) => [g, Count.optional()])) as Record<FlowGroup, z.ZodOptional<typeof Count>>,
  note: note.optional(),
});
export type FlowUpdate = z.infer<typeof FlowUpdate>;

const CountsView = z.object(Object.fromEntries(FLOW_GROUPS.map((g) => [g, z.number().int()])) as Record<FlowGroup, z.ZodNumber>);
export const FlowTotals = CountsView.extend({ total: z.number().int() });
export type FlowTotals = z.infer<typeof FlowTotals>;

export const Flow = FlowTotals.extend({
  id: z.uuid(), pointId: z.uuid(), countedOn: z.string(), direction: z.enum(FLOW_DIRECTIONS),
  organization: z.string(), note: z.string().nullable(), version: z.number().int(), createdAt: z.string(), updatedAt: z.string(),
});
export type Flow = z.infer<typeof Flow>;

export const FlowQuery = z.object({
  point: z.uuid('uuid.invalid').optional(),
  from: Day.optional(),
  to: Day.optional(),
  direction: z.enum(FLOW_DIRECTIONS, 'invalid_value').optional(),
  page: z.coerce.number().int().min(1, 'page.invalid').max(10000, 'page.invalid').default(1),
  pageSize: z.coerce.number().int().min(1, 'page.invalid').max(500, 'page.invalid').default(100),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'range.reversed' });
export type FlowQuery = z.infer<typeof FlowQuery>;

/** A page of counts and, over every count the query matches, the totals by direction and overall. */
export const FlowList = z.object({
  items: z.array(Flow), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(),
  totals: z.object({ incoming: FlowTotals, outgoing: FlowTotals, all: FlowTotals }),
});
export type FlowList = z.infer<typeof FlowList>;

/** The six counts and their sum. */
export function withTotal(c: FlowCounts): FlowTotals {
  return { ...c, total: FLOW_GROUPS.reduce((n, g) => n + c[g], 0) };
}

/** Totals of several rows of counts, by sex and age group. */
export function sumCounts(rows: readonly FlowCounts[]): FlowTotals {
  const sum = Object.fromEntries(FLOW_GROUPS.map((g) => [g, rows.reduce((n, r) => n + r[g], 0)])) as FlowCounts;
  return withTotal(sum);
}
