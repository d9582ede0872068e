import { z } from 'zod';
import { asciiDigits, parsePartialDate } from '../shared/partial-date.ts';
import { Pcode, Phone, Version } from '../registry/household.ts';
import { estimateIndividuals } from './figures.ts';

/**
 * DTM mobility tracking (issue 4): locations with DTM's own codes (villages, neighbourhoods,
 * camps; no official list) inside areas with P-codes, monthly rounds run by one organisation,
 * and one key-informant assessment per location and round. Error messages are catalogue keys.
 */
export const LOCATION_KINDS = ['village', 'neighbourhood', 'camp', 'other'] as const;
export const ROUND_STATUSES = ['open', 'closed'] as const;
/** At most this many priority needs per location, in order. */
export const MAX_PRIORITY_NEEDS = 3;

const today = () => new Date().toISOString().slice(0, 10);
const OptionalText = (max: number) => z.string().trim().max(max, 'text.too_long').optional().nullable()
  .transform((v) => (v ? v : null));

/** A full calendar day, `YYYY-MM-DD` (any digits), real. */
export const Day = z.string().trim().transform(asciiDigits)
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && parsePartialDate(v) !== null, 'day.invalid');
/** A day that has already come. */
export const PastDay = Day.refine((v) => v <= today(), 'date.future');

/** A count of families or people: a whole number, 0 or more. */
export const Count = z.number('number.invalid').int('number.invalid').min(0, 'number.invalid').max(10_000_000, 'too_big');
/** DTM's own location id, in capitals: `IQ-NIN-0042` and `iq-nin-0042` are one location. */
export const LocationCode = z.string().trim().toUpperCase().regex(/^[A-Z0-9._-]{1,40}$/, 'location.code_invalid');
export const GovernorateCode = z.string().trim().toUpperCase().regex(/^IQG\d{2}$/, 'pcode.governorate');
/** A code of a configurable list (waves, shelter types, priority needs). */
const ListCode = (message: string) => z.string().trim().toLowerCase().regex(/^[a-z0-9_]{2,40}$/, message);
export const WaveCode = ListCode('wave.unknown');
export const ShelterCode = ListCode('shelter.invalid');
export const NeedCode = ListCode('priority_need.unknown');
const Uuid = z.uuid('uuid.invalid');
const Page = {
  page: z.coerce.number().int().min(1, 'page.invalid').max(10000, 'page.invalid').default(1),
  pageSize: z.coerce.number().int().min(1, 'page.invalid').max(500, 'page.invalid').default(50),
};
const AreaFilter = z.string().trim().toUpperCase().regex(/^IQG\d{2}(Q\d{2}(N\d{2})?)?$/, 'pcode.invalid');

type Issue = { path: (string | number)[]; message: string; params?: Record<string, unknown> };
/** Adds issues to a refinement; parameters sit beside the message, where error translation finds them. */
const report = (ctx: z.RefinementCtx) => (issues: Issue[]) => issues.forEach(({ path, message, params }) => ctx.addIssue({ code: 'custom', path, message, ...params }));

// ------------------------------------------------------------------------------ locations

const locationFields = {
  code: LocationCode,
  name: z.string().trim().min(1, 'required').max(200, 'text.too_long'),
  nameAr: OptionalText(200),
  nameCkb: OptionalText(200),
  kind: z.enum(LOCATION_KINDS, 'invalid_value'),
  /** The governorate, district or sub-district the location lies in. */
  pcode: Pcode,
  siteId: Uuid.optional().nullable().transform((v) => v ?? null),
  latitude: z.number('invalid_type').min(-90, 'too_small').max(90, 'too_big').optional().nullable().transform((v) => v ?? null),
  longitude: z.number('invalid_type').min(-180, 'too_small').max(180, 'too_big').optional().nullable().transform((v) => v ?? null),
};

/** Coordinates come as a pair or not at all. */
export function coordinateIssues(l: { latitude?: number | null; longitude?: number | null }): Issue[] {
  const lat = l.latitude ?? null;
  const lon = l.longitude ?? null;
  if ((lat === null) === (lon === null)) return [];
  return [{ path: [lat === null ? 'latitude' : 'longitude'], message: 'location.coordinates' }];
}

/** A location's fields, without the rules across them (see `coordinateIssues`). */
export const LocationFields = z.object(locationFields);
export type LocationKind = (typeof LOCATION_KINDS)[number];

export const LocationInput = z.object({ id: Uuid.optional(), ...locationFields, kind: locationFields.kind.default('village') })
  .superRefine((l, ctx) => report(ctx)(coordinateIssues(l)));
export type LocationInput = z.infer<typeof LocationInput>;

/** An edit: the fields that change, with the version read. Coordinates are checked on the result. */
export const LocationUpdate = LocationFields.partial().extend({ version: Version });
export type LocationUpdate = z.infer<typeof LocationUpdate>;

export const Location = z.object({
  id: z.uuid(), code: z.string(), name: z.string(), nameAr: z.string().nullable(), nameCkb: z.string().nullable(),
  kind: z.enum(LOCATION_KINDS), pcode: z.string(), siteId: z.string().nullable(),
  latitude: z.number().nullable(), longitude: z.number().nullable(),
  version: z.number().int(), createdAt: z.string(), updatedAt: z.string(),
});
export type Location = z.infer<typeof Location>;

export const LocationQuery = z.object({
  area: AreaFilter.optional(),
  /** Code or name, in any of the three languages. */
  q: z.string().trim().max(100, 'text.too_long').optional(),
  kind: z.enum(LOCATION_KINDS, 'invalid_value').optional(),
  /** The locations that are this site (a camp assessed as a location). */
  site: Uuid.optional(),
  ...Page,
});
export type LocationQuery = z.infer<typeof LocationQuery>;

// ------------------------------------------------------------------------------ rounds

/** A round's days: it cannot end before it starts, nor report on a day before it started. */
export function roundIssues(r: { startsOn: string; endsOn: string; reportedOn: string }): Issue[] {
  const issues: Issue[] = [];
  if (r.endsOn < r.startsOn) issues.push({ path: ['endsOn'], message: 'round.dates' });
  if (r.reportedOn < r.startsOn) issues.push({ path: ['reportedOn'], message: 'round.reported_before_start' });
  return issues;
}

export const RoundInput = z.object({
  id: Uuid.optional(),
  number: z.number('number.invalid').int('number.invalid').min(1, 'too_small').max(100_000, 'too_big'),
  name: OptionalText(200),
  startsOn: Day,
  endsOn: Day,
  /** The day the round's figures describe (DTM's reportingDate). */
  reportedOn: Day,
}).superRefine((r, ctx) => report(ctx)(roundIssues(r)));
export type RoundInput = z.infer<typeof RoundInput>;

/** What a round holds so far: locations assessed and the people they report. */
export const RoundCounts = z.object({
  locations: z.number().int(), idpFamilies: z.number().int(), idpIndividuals: z.number().int(),
  returneeFamilies: z.number().int(), returnees: z.number().int(), estimated: z.boolean(),
});
export type RoundCounts = z.infer<typeof RoundCounts>;

export const Round = z.object({
  id: z.uuid(), number: z.number().int(), name: z.string().nullable(),
  organization: z.object({ id: z.uuid(), code: z.string() }),
  startsOn: z.string(), endsOn: z.string(), reportedOn: z.string(), status: z.enum(ROUND_STATUSES),
  closedAt: z.string().nullable(), closedBy: z.string().nullable(), createdAt: z.string(),
  counts: RoundCounts,
});
export type Round = z.infer<typeof Round>;

export const RoundQuery = z.object({ status: z.enum(ROUND_STATUSES, 'invalid_value').optional(), ...Page });
export type RoundQuery = z.infer<typeof RoundQuery>;

// ------------------------------------------------------------------------------ assessments

/** Families in one part of a breakdown (a governorate of origin, a wave, a shelter type). */
const Share = <T extends z.ZodType<string>>(code: T) => z.object({ code, families: Count });
const Breakdown = <T extends z.ZodType<string>>(code: T) => z.array(Share(code)).max(100, 'too_many');

export const KeyInformant = z.object({
  name: z.string().trim().min(1, 'required').max(120, 'text.too_long'),
  role: OptionalText(120),
  phone: Phone.optional().nullable().transform((v) => v ?? null),
});
export type KeyInformant = z.infer<typeof KeyInformant>;

export const BREAKDOWNS = ['byOrigin', 'byWave', 'byShelter'] as const;
export type BreakdownName = (typeof BREAKDOWNS)[number];

/** The fields as an edit gives them (absent: unchanged); a new assessment defaults the lists and returnees. */
const editableFields = {
  assessedOn: PastDay,
  idpFamilies: Count,
  /** Absent or null when only families are known: families x 6, marked estimated. */
  idpIndividuals: Count.optional().nullable().transform((v) => v ?? null),
  returneeFamilies: Count,
  returneeIndividuals: Count.optional().nullable().transform((v) => v ?? null),
  /** Each breakdown, when given, shares out all the IDP families. */
  byOrigin: Breakdown(GovernorateCode),
  byWave: Breakdown(WaveCode),
  byShelter: Breakdown(ShelterCode),
  priorityNeeds: z.array(NeedCode).max(MAX_PRIORITY_NEEDS, 'needs.too_many'),
  /**
   * Personal data, sealed at rest. Absent: kept as it is. Null: removed, by someone who may see
   * it (for anyone else null is what they were shown, so it is kept too).
   */
  keyInformant: KeyInformant.optional().nullable(),
  notes: OptionalText(2000),
};
const assessmentFields = {
  ...editableFields,
  returneeFamilies: editableFields.returneeFamilies.default(0),
  byOrigin: editableFields.byOrigin.default([]),
  byWave: editableFields.byWave.default([]),
  byShelter: editableFields.byShelter.default([]),
  priorityNeeds: editableFields.priorityNeeds.default([]),
};
/** An assessment's fields, without the rules across them (`assessmentIssues`). */
export const AssessmentFields = z.object(assessmentFields);
/** What an assessment says about its location, as validated. */
export type AssessmentContent = z.infer<typeof AssessmentFields>;

/** There are never fewer people than families, nor people without families. */
function peopleIssues(families: number, individuals: number | null, path: string): Issue[] {
  if (individuals === null) return [];
  if (individuals >= families && (families > 0 || individuals === 0)) return [];
  return [{ path: [path], message: 'assessment.individuals' }];
}

/** A code appears once in a breakdown, and a breakdown given adds up to the IDP families. */
function breakdownIssues(name: BreakdownName, shares: { code: string; families: number }[], total: number): Issue[] {
  if (shares.length === 0) return [];
  const issues: Issue[] = [];
  const seen = new Set<string>();
  shares.forEach((s, i) => {
    if (seen.has(s.code)) issues.push({ path: [name, i, 'code'], message: 'breakdown.duplicate' });
    seen.add(s.code);
  });
  const sum = shares.reduce((n, s) => n + s.families, 0);
  if (sum !== total) issues.push({ path: [name], message: 'breakdown.sum', params: { sum, total } });
  return issues;
}

/** Every rule across fields of an assessment: people and families agree, breakdowns add up, needs differ. */
export function assessmentIssues(a: Pick<AssessmentContent, 'idpFamilies' | 'idpIndividuals' | 'returneeFamilies' | 'returneeIndividuals' | BreakdownName | 'priorityNeeds'>): Issue[] {
  const needs: Issue[] = a.priorityNeeds.flatMap((code, i) => (a.priorityNeeds.indexOf(code) < i ? [{ path: ['priorityNeeds', i], message: 'needs.duplicate' }] : []));
  return [
    ...peopleIssues(a.idpFamilies, a.idpIndividuals, 'idpIndividuals'),
    ...peopleIssues(a.returneeFamilies, a.returneeIndividuals, 'returneeIndividuals'),
    ...BREAKDOWNS.flatMap((name) => breakdownIssues(name, a[name], a.idpFamilies)),
    ...needs,
  ];
}

/** The assessment's content, every rule checked (for an edit, after it is applied to what is stored). */
export const AssessmentContent = AssessmentFields.superRefine((a, ctx) => report(ctx)(assessmentIssues(a)));

export const AssessmentInput = z.object({ id: Uuid.optional(), roundId: Uuid, locationId: Uuid, ...assessmentFields })
  .superRefine((a, ctx) => report(ctx)(assessmentIssues(a)));
export type AssessmentInput = z.infer<typeof AssessmentInput>;

/** An edit: the fields that change, with the version read; the round and location stay. */
export const AssessmentUpdate = z.object(editableFields).partial().extend({ version: Version });
export type AssessmentUpdate = z.infer<typeof AssessmentUpdate>;

/** Individuals as stored: as reported, or families x 6 and marked estimated (they were not given). */
export function individualsOf(families: number, reported: number | null): { individuals: number; estimated: boolean } {
  return reported === null ? { individuals: estimateIndividuals(families), estimated: true } : { individuals: reported, estimated: false };
}

const ShareView = z.object({ code: z.string(), families: z.number().int() });
export const Assessment = z.object({
  id: z.uuid(),
  round: z.object({ id: z.uuid(), number: z.number().int(), status: z.enum(ROUND_STATUSES) }),
  location: z.object({ id: z.uuid(), code: z.string(), name: z.string(), nameAr: z.string().nullable(), nameCkb: z.string().nullable(), pcode: z.string() }),
  assessedOn: z.string(),
  idpFamilies: z.number().int(), idpIndividuals: z.number().int(), idpIndividualsEstimated: z.boolean(),
  returneeFamilies: z.number().int(), returneeIndividuals: z.number().int(), returneeIndividualsEstimated: z.boolean(),
  byOrigin: z.array(ShareView), byWave: z.array(ShareView), byShelter: z.array(ShareView),
  priorityNeeds: z.array(z.string()),
  /** Only for holders of `assessments.informants` in the round's organisation (each read audited); null otherwise. */
  keyInformant: z.object({ name: z.string(), role: z.string().nullable(), phone: z.string().nullable() }).nullable(),
  /** Whether a key informant is on record, whoever reads. */
  keyInformantRecorded: z.boolean(),
  notes: z.string().nullable(),
  version: z.number().int(), createdAt: z.string(), updatedAt: z.string(),
});
export type Assessment = z.infer<typeof Assessment>;

/** `round` is the round's id or its number. */
export const AssessmentQuery = z.object({
  round: z.string().trim().regex(/^(\d{1,6}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, 'round.unknown').optional(),
  area: AreaFilter.optional(),
  location: Uuid.optional(),
  ...Page,
});
export type AssessmentQuery = z.infer<typeof AssessmentQuery>;
