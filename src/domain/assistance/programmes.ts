import { z } from 'zod';
import { Day } from '../movement/assessments.ts';
import { PCODE } from '../places/pcode.ts';
import { Version } from '../registry/household.ts';

/**
 * Assistance programmes (issue 5): run by one organisation (the creator's), under one MCOF
 * sector, in some areas (P-code prefixes; none: the whole country) and dates. A programme has
 * distribution rounds (rounds.ts). Only its organisation sees it.
 */
export const PROGRAMME_STATUSES = ['active', 'closed'] as const;

export const ProgrammeCode = z.string().trim().toUpperCase().regex(/^[A-Z0-9_-]{2,30}$/, 'programme.code_invalid');
export const SectorCode = z.string().trim().toLowerCase().regex(/^[a-z0-9_]{2,40}$/, 'sector.unknown');
const Name = z.string().trim().min(1, 'required').max(200, 'text.too_long');
const OptionalName = z.string().trim().max(200, 'text.too_long').optional().nullable().transform((v) => (v ? v : null));
/** P-code prefixes: a governorate, district or sub-district each. */
export const Areas = z.array(z.string().trim().toUpperCase().regex(PCODE, 'pcode.invalid')).max(100, 'too_many')
  .transform((v) => [...new Set(v)]);
/** In an edit: absent leaves it, null or empty clears it. */
const UpdatedName = z.string().trim().max(200, 'text.too_long').nullable().optional().transform((v) => (v === undefined ? undefined : v || null));
const EndsOn = Day.nullable().optional().transform((v) => v ?? null);

type Period = { startsOn?: string; endsOn?: string | null };
/** A period cannot end before it starts. */
export function periodIssue(p: Period, ctx: z.RefinementCtx): void {
  if (p.startsOn && p.endsOn && p.endsOn < p.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'range.reversed' });
}

export const ProgrammeInput = z.object({
  id: z.uuid('uuid.invalid').optional(),
  code: ProgrammeCode,
  name: Name, nameAr: OptionalName, nameCkb: OptionalName,
  sector: SectorCode,
  areas: Areas.default([]),
  startsOn: Day,
  endsOn: EndsOn,
}).strict().superRefine(periodIssue);
export type ProgrammeInput = z.infer<typeof ProgrammeInput>;

/** An edit at the version read (code, sector and organisation do not change); `status: closed` ends it. */
export const ProgrammeUpdate = z.object({
  version: Version,
  name: Name.optional(), nameAr: UpdatedName, nameCkb: UpdatedName,
  areas: Areas.optional(),
  startsOn: Day.optional(),
  endsOn: Day.nullable().optional(),
  status: z.enum(PROGRAMME_STATUSES, 'invalid_value').optional(),
}).strict().superRefine(periodIssue);
export type ProgrammeUpdate = z.infer<typeof ProgrammeUpdate>;

export const Programme = z.object({
  id: z.uuid(), code: z.string(), name: z.string(), nameAr: z.string().nullable(), nameCkb: z.string().nullable(),
  organization: z.object({ id: z.uuid(), code: z.string() }),
  sector: z.string(), areas: z.array(z.string()), startsOn: z.string(), endsOn: z.string().nullable(),
  status: z.enum(PROGRAMME_STATUSES), version: z.number().int(),
  createdBy: z.string().nullable(), createdAt: z.string(),
  /** How many rounds it has, whatever their status. */
  rounds: z.number().int(),
});
export type Programme = z.infer<typeof Programme>;

export const Page = {
  page: z.coerce.number().int().min(1, 'page.invalid').max(10000, 'page.invalid').default(1),
  pageSize: z.coerce.number().int().min(1, 'page.invalid').max(500, 'page.invalid').default(50),
};

export const ProgrammeQuery = z.object({
  sector: SectorCode.optional(),
  status: z.enum(PROGRAMME_STATUSES, 'invalid_value').optional(),
  /** Code or name, in any of the three languages. */
  q: z.string().trim().max(100, 'text.too_long').optional(),
  ...Page,
});
export type ProgrammeQuery = z.infer<typeof ProgrammeQuery>;
