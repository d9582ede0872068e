import { z } from 'zod';
import { Version } from '../registry/household.ts';
import { ITEM_KINDS } from './catalogue.ts';
import { SectorCode } from './programmes.ts';
import { REASON_DIRECTIONS } from './stock.ts';
import { parseCriterion } from './vulnerability.ts';

/**
 * What a configurer (`assistance.configure`) sends to change the shared catalogue (items, kits,
 * cash), the weights of the vulnerability score and the stock reasons. Names in all three
 * languages; codes never change once made; every edit names the version it was read at.
 */

const LabelText = z.string().trim().min(1, 'required').max(200, 'text.too_long');
/** A name in each language, none empty: every screen shows one of them. */
export const LabelsInput = z.object({ en: LabelText, ar: LabelText, ckb: LabelText }).strict();
export type LabelsInput = z.infer<typeof LabelsInput>;

/** A code of the catalogue or of a stock reason: `winter_kit`, `damaged`. */
export const ConfigCode = z.string().trim().toLowerCase().regex(/^[a-z0-9_]{2,40}$/, 'catalogue.code_invalid');

/** The units an item is counted in (each translated on screen); a quantity of cash is in IQD. */
export const ITEM_UNITS = ['piece', 'parcel', 'set', 'pack', 'kit', 'box', 'bag', 'kg', 'litre', 'metre', 'iqd'] as const;
export const Unit = z.enum(ITEM_UNITS, 'catalogue.unit_invalid');

const Position = z.number('number.invalid').int('number.invalid').min(0, 'too_small').max(100_000, 'too_big');
const UnitValue = z.number('number.invalid').int('number.invalid').min(0, 'too_small').max(1_000_000_000_000, 'too_big');

/** A line of a kit: an item and how many of it the kit holds. */
export const KitComponent = z.object({
  code: ConfigCode,
  quantity: z.number('number.invalid').int('number.invalid').min(1, 'stock.quantity').max(100_000, 'too_big'),
}).strict();
const Components = z.array(KitComponent).max(50, 'too_many');

/** A kit holds items, each once, never itself. */
function componentIssues(code: string | undefined, components: readonly { code: string }[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  components.forEach((c, i) => {
    if (c.code === code) ctx.addIssue({ code: 'custom', path: ['components', i, 'code'], message: 'catalogue.component_self' });
    else if (seen.has(c.code)) ctx.addIssue({ code: 'custom', path: ['components', i, 'code'], message: 'catalogue.component_duplicate' });
    seen.add(c.code);
  });
}

/**
 * A new item, kit or cash transfer. A kit lists at least one item it holds; an item or cash
 * holds none. Cash is counted in IQD, one dinar a unit, whatever was sent.
 */
export const ItemInput = z.object({
  code: ConfigCode,
  kind: z.enum(ITEM_KINDS, 'invalid_value'),
  sector: SectorCode,
  labels: LabelsInput,
  /** `piece` for an item and `kit` for a kit when absent. */
  unit: Unit.optional(),
  unitValueIqd: UnitValue.nullable().optional().transform((v) => v ?? null),
  components: Components.default([]),
}).strict().superRefine((v, ctx) => {
  if (v.kind === 'kit' && v.components.length === 0) ctx.addIssue({ code: 'custom', path: ['components'], message: 'catalogue.kit_empty' });
  if (v.kind !== 'kit' && v.components.length > 0) ctx.addIssue({ code: 'custom', path: ['components'], message: 'catalogue.components_not_kit' });
  if (v.kind !== 'cash' && v.unit === 'iqd') ctx.addIssue({ code: 'custom', path: ['unit'], message: 'catalogue.unit_invalid' });
  componentIssues(v.code, v.components, ctx);
}).transform((v) => (v.kind === 'cash' ? { ...v, unit: 'iqd' as const, unitValueIqd: 1 } : { ...v, unit: v.unit ?? (v.kind === 'kit' ? 'kit' as const : 'piece' as const) }));
export type ItemInput = z.infer<typeof ItemInput>;

/** An edit at the version read: code and kind never change; `active: false` hides it from new formulas. */
export const ItemUpdate = z.object({
  version: Version,
  labels: LabelsInput.optional(),
  unit: Unit.optional(),
  unitValueIqd: UnitValue.nullable().optional(),
  sector: SectorCode.optional(),
  active: z.boolean('invalid_type').optional(),
  position: Position.optional(),
  components: Components.optional(),
}).strict().superRefine((v, ctx) => { if (v.components) componentIssues(undefined, v.components, ctx); });
export type ItemUpdate = z.infer<typeof ItemUpdate>;

export const CatalogueQuery = z.object({
  /** Inactive items too, each with `active`, `position` and `version`. */
  all: z.enum(['true', 'false'], 'invalid_value').optional(),
});

/** A criterion of the score: one `parseCriterion` understands (`need:SM`, `size:7+`, `head:female`...). */
export const Criterion = z.string().trim().max(60, 'weight.criterion_invalid').refine((c) => parseCriterion(c) !== null, 'weight.criterion_invalid');
const WeightValue = z.number('weight.value').int('weight.value').min(-100, 'weight.value').max(100, 'weight.value');

export const WeightInput = z.object({ criterion: Criterion, weight: WeightValue, labels: LabelsInput }).strict();
export type WeightInput = z.infer<typeof WeightInput>;

export const WeightUpdate = z.object({ version: Version, weight: WeightValue.optional(), labels: LabelsInput.optional() }).strict();
export type WeightUpdate = z.infer<typeof WeightUpdate>;

export const CriterionParam = z.object({ criterion: z.string().trim().min(1, 'required').max(60, 'weight.criterion_invalid') });
export const CodeParam = z.object({ code: ConfigCode });
/** A removal names the version read, as an edit does. */
export const VersionQuery = z.object({ version: z.coerce.number('number.invalid').pipe(Version) });

/** A new reason for counts' differences and adjustments; its direction never changes afterwards. */
export const ReasonInput = z.object({ code: ConfigCode, direction: z.enum(REASON_DIRECTIONS, 'invalid_value'), labels: LabelsInput }).strict();
export type ReasonInput = z.infer<typeof ReasonInput>;

export const ReasonUpdate = z.object({
  version: Version, labels: LabelsInput.optional(), active: z.boolean('invalid_type').optional(), position: Position.optional(),
}).strict();
export type ReasonUpdate = z.infer<typeof ReasonUpdate>;

export const ReasonQuery = z.object({
  /** Inactive reasons too, each with `active`, `position` and `version`. */
  all: z.enum(['true', 'false'], 'invalid_value').optional(),
});
