import { z } from 'zod';

/**
 * The assistance catalogue (configurable data, issue 5): items counted in stock, kits handed out
 * as one, cash transfers in IQD; each under an MCOF sector. And the weights of the vulnerability
 * score. Labels in the three languages, as the forms show them.
 */
export const ITEM_KINDS = ['item', 'kit', 'cash'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const Labels = z.object({ en: z.string(), ar: z.string(), ckb: z.string() });
export type Labels = z.infer<typeof Labels>;

/** A code of the catalogue: `food_parcel`, `hygiene_kit`, `cash_grant`. */
export const ItemCode = z.string().trim().toLowerCase().regex(/^[a-z0-9_]{2,40}$/, 'formula.item_unknown');

export const CatalogueItem = z.object({
  code: z.string(), kind: z.enum(ITEM_KINDS), sector: z.string(), labels: Labels,
  /** `piece`, `parcel`, `litre`...; `iqd` for cash (a quantity of cash is an amount in IQD). */
  unit: z.string(),
  unitValueIqd: z.number().nullable(),
  /** What a kit holds (empty for an item or cash). */
  components: z.array(z.object({ code: z.string(), quantity: z.number().int() })),
  /** Given with `?all=true` (the configuration screen, and names of what was issued before): inactive items are offered in no new formula. */
  active: z.boolean().optional(),
  position: z.number().int().optional(),
  version: z.number().int().optional(),
});
export type CatalogueItem = z.infer<typeof CatalogueItem>;

export const Catalogue = z.object({
  items: z.array(CatalogueItem),
  sectors: z.array(z.object({ code: z.string(), number: z.number().int(), labels: Labels })),
});
export type Catalogue = z.infer<typeof Catalogue>;

export const Weight = z.object({
  /** `need:SM`, `size:7+`, `size:4-6`, `shelter:critical`, `shelter:camp`, `head:female`, `head:elderly`... */
  criterion: z.string(), weight: z.number().int(), labels: Labels,
  /** False when the criterion is not one the score understands, or names a sensitive need: it counts nothing. */
  counted: z.boolean(),
  version: z.number().int(),
});
export const Weights = z.object({ items: z.array(Weight) });
export type Weights = z.infer<typeof Weights>;

/**
 * Expands kits into the items they hold (one level, as kits are defined), summing by code and
 * dropping cash: what stock must hold for these lines.
 */
export function stockNeeded(lines: readonly { code: string; quantity: number }[], items: ReadonlyMap<string, Pick<CatalogueItem, 'kind' | 'components'>>) {
  const total = new Map<string, number>();
  const add = (code: string, quantity: number) => total.set(code, (total.get(code) ?? 0) + quantity);
  for (const line of lines) {
    const item = items.get(line.code);
    if (!item || item.kind === 'cash') continue;
    if (item.kind === 'kit') for (const c of item.components) add(c.code, c.quantity * line.quantity);
    else add(line.code, line.quantity);
  }
  return [...total].map(([code, quantity]) => ({ code, quantity }));
}
