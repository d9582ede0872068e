import { z } from 'zod';
import type { EntitlementLine } from './distribution.ts';
import { ItemCode } from './catalogue.ts';

/**
 * The entitlement formula of a round, stored as data: what one household receives, from its
 * number of people alone. Parts add up: a food parcel per household, plus 25,000 IQD per person
 * (up to 8), plus a winter kit for households of 7 or more. Quantities of cash are IQD.
 */
const Quantity = z.number('number.invalid').int('number.invalid').min(1, 'too_small').max(100_000_000, 'too_big');
const People = z.number('number.invalid').int('number.invalid').min(1, 'too_small').max(100, 'too_big');

export const FormulaLine = z.object({ code: ItemCode, quantity: Quantity });
const Lines = z.array(FormulaLine).min(1, 'too_small').max(20, 'too_many').superRefine((lines, ctx) => {
  lines.forEach((l, i) => {
    if (lines.findIndex((o) => o.code === l.code) !== i) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: 'formula.duplicate_line' });
  });
});

export const SizeBand = z.object({ from: People, to: People.nullable().default(null), lines: Lines })
  .superRefine((b, ctx) => { if (b.to !== null && b.to < b.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'formula.band_range' }); });
export type SizeBand = z.infer<typeof SizeBand>;

export const FormulaPart = z.discriminatedUnion('per', [
  z.object({ per: z.literal('household'), lines: Lines }),
  /** Each line times the household's people, counting at most `maxPeople` when given. */
  z.object({ per: z.literal('person'), lines: Lines, maxPeople: People.optional() }),
  /** The lines of the band the household's size falls in (bands may not overlap; none: nothing). */
  z.object({
    per: z.literal('band'),
    bands: z.array(SizeBand).min(1, 'too_small').max(20, 'too_many').superRefine((bands, ctx) => {
      bands.forEach((b, i) => {
        if (bands.some((o, j) => j < i && overlaps(o, b))) ctx.addIssue({ code: 'custom', path: [i, 'from'], message: 'formula.bands_overlap' });
      });
    }),
  }),
], 'invalid_value');
export type FormulaPart = z.infer<typeof FormulaPart>;

export const EntitlementFormula = z.object({ parts: z.array(FormulaPart).max(10, 'too_many').default([]) }).strict();
export type EntitlementFormula = z.infer<typeof EntitlementFormula>;

function overlaps(a: Pick<SizeBand, 'from' | 'to'>, b: Pick<SizeBand, 'from' | 'to'>): boolean {
  return a.from <= (b.to ?? Infinity) && b.from <= (a.to ?? Infinity);
}

/** Whether `people` falls in the band. */
export const inBand = (b: Pick<SizeBand, 'from' | 'to'>, people: number) => people >= b.from && (b.to === null || people <= b.to);

/** How many times the lines of a part are given to a household of `people` (a band's: once, if it falls in one). */
export function partTimes(part: FormulaPart, people: number): number {
  if (part.per === 'household') return 1;
  if (part.per === 'person') return Math.min(people, part.maxPeople ?? people);
  return part.bands.some((b) => inBand(b, people)) ? 1 : 0;
}

/** The codes the formula gives, in the order they first appear. */
export function formulaCodes(formula: EntitlementFormula): string[] {
  const lines = formula.parts.flatMap((p) => (p.per === 'band' ? p.bands.flatMap((b) => b.lines) : p.lines));
  return [...new Set(lines.map((l) => l.code))];
}

/**
 * What a household of `people` receives: each code once, summed over the parts, in the order
 * codes first appear in the formula; empty when no part gives it anything (it is then not issued).
 */
export function entitlementFor(formula: EntitlementFormula, people: number): EntitlementLine[] {
  const total = new Map<string, number>(formulaCodes(formula).map((c) => [c, 0]));
  for (const part of formula.parts) {
    const lines = part.per === 'band' ? part.bands.find((b) => inBand(b, people))?.lines ?? [] : part.lines;
    const times = partTimes(part, people);
    for (const l of lines) total.set(l.code, total.get(l.code)! + l.quantity * times);
  }
  return [...total].filter(([, q]) => q > 0).map(([code, quantity]) => ({ code, quantity }));
}

/** The totals of each line for households counted by their number of people. */
export function formulaTotals(formula: EntitlementFormula, householdsByPeople: ReadonlyMap<number, number>): EntitlementLine[] {
  const total = new Map<string, number>();
  for (const [people, households] of householdsByPeople) {
    for (const l of entitlementFor(formula, people)) total.set(l.code, (total.get(l.code) ?? 0) + l.quantity * households);
  }
  return formulaCodes(formula).filter((c) => total.has(c)).map((code) => ({ code, quantity: total.get(code)! }));
}

const LineView = z.object({ code: z.string(), quantity: z.number().int() });
/** The formula as the API answers it (stored, already checked). */
export const EntitlementFormulaView = z.object({
  parts: z.array(z.object({
    per: z.enum(['household', 'person', 'band']), lines: z.array(LineView).optional(), maxPeople: z.number().int().optional(),
    bands: z.array(z.object({ from: z.number().int(), to: z.number().int().nullable(), lines: z.array(LineView) })).optional(),
  })),
});
