import { z } from 'zod';
import { governorateOf } from '../places/pcode.ts';
import { stays, type Movement, type Registration } from './timeline.ts';
import { waveOf, type Wave } from './waves.ts';

/**
 * The displacement picture (issue 4): how many displaced families and people, and returnees, are
 * in each governorate or district on a day, from one of two sources that are never added
 * together: the registry (registered families where their timeline had them that day, each
 * merged family once) or location assessments (key informants' counts in the latest closed round).
 */
export const FIGURE_SOURCES = ['registry', 'assessments'] as const;
export type FigureSource = (typeof FIGURE_SOURCES)[number];

/** Iraqi average family size: individuals where only families are known (marked as estimated). */
export const AVERAGE_FAMILY_SIZE = 6;
export const estimateIndividuals = (families: number) => families * AVERAGE_FAMILY_SIZE;

const today = () => new Date().toISOString().slice(0, 10);
const Day = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'date.invalid')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'date.invalid');
/** A full day, real, not in the future. */
export const FigureDay = Day.refine((v) => v <= today(), 'date.future').refine((v) => v >= '2000-01-01', 'date.too_early');
const Code = z.string().trim().regex(/^[a-z0-9_]{2,40}$/, 'invalid_value');

export const FiguresQuery = z.object({
  level: z.coerce.number().int().min(1, 'invalid_value').max(2, 'invalid_value').default(1),
  date: FigureDay.optional(),
  source: z.enum(FIGURE_SOURCES, 'invalid_value').default('registry'),
  wave: Code.optional(),
  shelter: Code.optional(),
  /** Only areas inside this P-code. */
  area: z.string().trim().toUpperCase().regex(/^IQG\d{2}(Q\d{2})?$/, 'pcode.invalid').optional(),
  format: z.enum(['json', 'csv'], 'invalid_value').default('json'),
});
export type FiguresQuery = z.infer<typeof FiguresQuery>;

export const FigureRow = z.object({
  pcode: z.string(),
  name: z.string(),
  nameAr: z.string().nullable(),
  nameCkb: z.string().nullable(),
  families: z.number().int(),
  individuals: z.number().int(),
  returneeFamilies: z.number().int(),
  returnees: z.number().int(),
  /** Some individuals here are families x 6 (assessments that gave families only). */
  estimated: z.boolean(),
});
export type FigureRow = z.infer<typeof FigureRow>;

const Totals = FigureRow.pick({ families: true, individuals: true, returneeFamilies: true, returnees: true, estimated: true });
export const RoundRef = z.object({ id: z.uuid(), number: z.number().int(), name: z.string().nullable(), reportedOn: z.string() });

export const Figures = z.object({
  source: z.enum(FIGURE_SOURCES),
  level: z.number().int(),
  date: z.string(),
  /** The round the figures come from (assessments), null for the registry or when no round is closed. */
  round: RoundRef.nullable(),
  rows: z.array(FigureRow),
  totals: Totals.extend({ abroadFamilies: z.number().int() }),
});
export type Figures = z.infer<typeof Figures>;

/** HXL-tagged columns of the figures as CSV (one row per area). */
export const FIGURE_COLUMNS = [
  { key: 'pcode', name: 'pcode', tag: (level: number) => `#adm${level}+code` },
  { key: 'name', name: 'name', tag: (level: number) => `#adm${level}+name` },
  { key: 'nameAr', name: 'name_ar', tag: (level: number) => `#adm${level}+name+i_ar` },
  { key: 'families', name: 'idp_families', tag: () => '#affected+idps+hh' },
  { key: 'individuals', name: 'idp_individuals', tag: () => '#affected+idps+ind' },
  { key: 'returneeFamilies', name: 'returnee_families', tag: () => '#affected+returnees+hh' },
  { key: 'returnees', name: 'returnee_individuals', tag: () => '#affected+returnees+ind' },
  { key: 'estimated', name: 'estimated', tag: () => '#meta+estimated' },
  { key: 'date', name: 'date', tag: () => '#date+reported' },
  { key: 'source', name: 'source', tag: () => '#meta+source' },
] as const;

export const TrendsQuery = z.object({
  source: z.enum(FIGURE_SOURCES, 'invalid_value').default('registry'),
  /** A governorate or district; the whole country when absent. */
  area: z.string().trim().toUpperCase().regex(/^IQG\d{2}(Q\d{2})?$/, 'pcode.invalid').optional(),
  from: FigureDay.optional(),
  to: FigureDay.optional(),
  wave: Code.optional(),
  shelter: Code.optional(),
});
export type TrendsQuery = z.infer<typeof TrendsQuery>;

/** One point of a trend: the state at the end of a month (registry) or in a closed round (assessments). */
export const TrendPoint = Totals.extend({ date: z.string(), round: z.number().int().nullable() });
export const Trends = z.object({ source: z.enum(FIGURE_SOURCES), area: z.string().nullable(), points: z.array(TrendPoint) });
export type Trends = z.infer<typeof Trends>;

export const OriginsQuery = FiguresQuery.pick({ date: true, source: true, wave: true, shelter: true });
/** Displaced families by governorate of origin and governorate where they are now. */
export const OriginFlow = z.object({ origin: z.string(), current: z.string(), families: z.number().int(), individuals: z.number().int(), estimated: z.boolean() });
export const Origins = z.object({ source: z.enum(FIGURE_SOURCES), date: z.string(), round: RoundRef.nullable(), items: z.array(OriginFlow) });
export type Origins = z.infer<typeof Origins>;

/** What the registry counts of one household: the stays its timeline makes, with their dimensions. */
export interface FigureStay {
  seq: number;
  fromDay: string;
  toDay: string | null;
  pcode: string;
  siteId: string | null;
  status: 'displaced' | 'returned' | 'abroad';
  shelter: string;
  origin: string;
  wave: string;
  families: number;
  individuals: number;
}

export interface CountedHousehold {
  registration: Registration;
  movements: readonly Movement[];
  originPcode: string;
  /** Members counted: those not linked (`same_as`) to the same person's record in another family. */
  counted: number;
  /** Merged (or closed) households count nowhere: the survivor counts the family. */
  active: boolean;
}

/**
 * The stays figures count for a household: none when it is merged away or was displaced before
 * the first wave; otherwise one per stay of its timeline, abroad with no P-code and shelter only
 * while displaced.
 */
export function figureStays(h: CountedHousehold, waves: readonly Wave[]): FigureStay[] {
  if (!h.active) return [];
  const wave = waveOf(h.registration.displacedOn, waves);
  if (wave === null) return [];
  return stays(h.registration, h.movements).map((s, seq) => ({
    seq, fromDay: s.from, toDay: s.to, pcode: s.status === 'abroad' ? '' : (s.place.pcode ?? ''), siteId: s.place.siteId,
    status: s.status, shelter: s.status === 'displaced' ? (s.shelter ?? 'unknown') : '', origin: governorateOf(h.originPcode),
    wave, families: 1, individuals: h.counted,
  }));
}
