import { z } from 'zod';
import { asciiDigits, parsePartialDate, isNotFuture } from '../shared/partial-date.ts';
import { normalizePhone } from '../shared/phone.ts';
import { PCODE } from '../places/pcode.ts';

/**
 * The household as a clerk registers it: names kept in the script typed, dates at the precision
 * given, one head. Error messages are keys of the shared error catalogue (domain/i18n).
 */
export const RELATIONSHIPS = [
  'head', 'spouse', 'son', 'daughter', 'father', 'mother', 'brother', 'sister',
  'grandchild', 'grandparent', 'son_in_law', 'daughter_in_law', 'other_relative', 'unrelated',
] as const;
export const SEXES = ['m', 'f'] as const;
export const LEGAL_BASES = [
  'vital_interest', 'public_interest', 'consent', 'legitimate_interest', 'legal_obligation',
] as const;
export const CONSENT_SCOPES = ['registration', 'assistance', 'referral', 'sharing', 'contact'] as const;
export const DOCUMENT_TYPES = [
  'national_id', 'civil_status_id', 'nationality_certificate', 'passport', 'residence_card',
  'ration_card', 'other',
] as const;

const today = () => new Date().toISOString().slice(0, 10);

/** A record version as read: a positive integer that fits the database's integer column. */
export const Version = z.number().int().min(1, 'too_small').max(2_147_483_647, 'too_big');

/** A date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, real and not in the future. */
export const PartialDate = z
  .string()
  .trim()
  .refine((v) => parsePartialDate(v) !== null, 'date.invalid')
  .transform((v) => parsePartialDate(v)!.value)
  .refine((v) => isNotFuture(v, today()), 'date.future');

export const Pcode = z.string().trim().toUpperCase().regex(PCODE, 'pcode.invalid');

const Name = z.string().trim().min(1, 'required').max(80, 'name.too_long');
const OptionalName = z.string().trim().max(80, 'name.too_long').optional().nullable()
  .transform((v) => (v ? v : null));
const OptionalText = (max: number) => z.string().trim().max(max, 'text.too_long').optional()
  .nullable().transform((v) => (v ? v : null));

export const Phone = z.string().trim().refine((v) => normalizePhone(v) !== null, 'phone.invalid')
  .transform((v) => normalizePhone(v)!);

export const DocumentInput = z.object({
  type: z.enum(DOCUMENT_TYPES, 'document.type'),
  number: z.string().trim().min(1, 'required').max(40, 'text.too_long'),
});
export type DocumentInput = z.infer<typeof DocumentInput>;

export const SpecificNeedCode = z.string().trim().toUpperCase().regex(/^[A-Z]{2}(-[A-Z]{2})?$/, 'need.invalid');

export const MemberInput = z.object({
  id: z.uuid('uuid.invalid').optional(),
  relationship: z.enum(RELATIONSHIPS, 'relationship.invalid'),
  givenName: Name,
  fatherName: OptionalName,
  grandfatherName: OptionalName,
  familyName: OptionalName,
  sex: z.enum(SEXES, 'sex.invalid'),
  birthDate: PartialDate.optional().nullable().transform((v) => v ?? null),
  documents: z.array(DocumentInput).max(10, 'too_many').default([]),
  noDocuments: z.boolean().default(false),
  specificNeeds: z.array(SpecificNeedCode).max(20, 'too_many').default([]),
});
export type MemberInput = z.infer<typeof MemberInput>;

export const LocationInput = z.object({
  pcode: Pcode,
  place: OptionalText(200),
});

export const CurrentLocationInput = z.object({
  pcode: Pcode,
  siteId: z.uuid('uuid.invalid').optional().nullable().transform((v) => v ?? null),
  address: OptionalText(300),
});

export const ConsentInput = z.object({
  given: z.boolean(),
  date: PartialDate.optional().nullable().transform((v) => v ?? null),
  scope: z.array(z.enum(CONSENT_SCOPES, 'consent.scope')).default([]),
});

const householdFields = {
  registry: z.string().trim().toUpperCase().regex(/^[A-Z0-9_]{2,16}$/, 'registry.invalid').optional(),
  origin: LocationInput,
  displacedOn: PartialDate.optional().nullable().transform((v) => v ?? null),
  current: CurrentLocationInput,
  shelter: z.string().trim().regex(/^[a-z_]{2,40}$/, 'shelter.invalid'),
  phone: Phone.optional().nullable().transform((v) => v ?? null),
  legalBasis: z.enum(LEGAL_BASES, 'legal_basis.invalid'),
  consent: ConsentInput.default({ given: false, date: null, scope: [] }),
  notes: OptionalText(2000),
  members: z.array(MemberInput).min(1, 'members.none').max(40, 'too_many'),
};

/** Exactly one member is the head of household. */
function oneHead(members: { relationship: string }[], ctx: z.RefinementCtx) {
  const heads = members.filter((m) => m.relationship === 'head').length;
  if (heads !== 1) {
    ctx.addIssue({ code: 'custom', path: ['members'], message: heads === 0 ? 'members.no_head' : 'members.two_heads' });
  }
}

/** Consent relied on as the legal basis must actually have been given. */
function consentBasis(h: { legalBasis: string; consent: { given: boolean } }, ctx: z.RefinementCtx) {
  if (h.legalBasis === 'consent' && !h.consent.given) {
    ctx.addIssue({ code: 'custom', path: ['consent', 'given'], message: 'consent.required' });
  }
}

/** The day a household was registered (an offline device registers before it syncs): not in the future. */
export const RegisteredOn = z.string().trim().transform(asciiDigits)
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && parsePartialDate(v) !== null && v <= today() && v >= '2000-01-01', 'registered_on.invalid');

export const HouseholdInput = z
  .object({
    id: z.uuid('uuid.invalid').optional(),
    ...householdFields,
    registeredOn: RegisteredOn.optional(),
    /** Why the clerk registers anyway after being shown possible duplicates; kept with the pairs. */
    duplicateReason: z.string().trim().max(500, 'text.too_long').optional(),
  })
  .superRefine((h, ctx) => {
    oneHead(h.members, ctx);
    consentBasis(h, ctx);
  });
export type HouseholdInput = z.infer<typeof HouseholdInput>;

/** An edit: the whole household as read, with the version it was read at. */
export const HouseholdUpdate = z
  .object({ version: Version, ...householdFields })
  .partial({ registry: true })
  .superRefine((h, ctx) => {
    oneHead(h.members, ctx);
    consentBasis(h, ctx);
  });
export type HouseholdUpdate = z.infer<typeof HouseholdUpdate>;

/** A stored member as the API returns it (plain values: output schemas carry no transforms). */
export const Member = z.object({
  id: z.uuid(),
  relationship: z.enum(RELATIONSHIPS),
  givenName: z.string(),
  fatherName: z.string().nullable(),
  grandfatherName: z.string().nullable(),
  familyName: z.string().nullable(),
  sex: z.enum(SEXES),
  birthDate: z.string().nullable(),
  documents: z.array(z.object({ type: z.enum(DOCUMENT_TYPES), number: z.string() })),
  noDocuments: z.boolean(),
  specificNeeds: z.array(z.string()),
  /** The same person's record in another household, when dedup linked them: count the person once. */
  sameAs: z.uuid().nullable().optional(),
});
export type Member = z.infer<typeof Member>;

/** A stored household as the API returns it. */
export const Household = z.object({
  id: z.uuid(),
  registrationNumber: z.string(),
  registrationNumbers: z.array(z.string()),
  registry: z.string(),
  origin: z.object({ pcode: z.string(), place: z.string().nullable() }),
  displacedOn: z.string().nullable(),
  current: z.object({ pcode: z.string(), siteId: z.string().nullable(), address: z.string().nullable() }),
  shelter: z.string(),
  phone: z.string().nullable(),
  legalBasis: z.string(),
  consent: z.object({ given: z.boolean(), date: z.string().nullable(), scope: z.array(z.string()) }),
  notes: z.string().nullable(),
  status: z.string(),
  /** Every registry the family is registered in (its own first), after merges. */
  registries: z.array(z.string()).optional(),
  /** The household this one was merged into (status `merged`), if any. */
  mergedInto: z.string().nullable().optional(),
  /**
   * `true` when read from another registry to compare with a family at the desk (`restrictedView`,
   * restricted.ts): read-only, and `phone` and `notes` are null and every member's `documents`
   * and `specificNeeds` are empty (`noDocuments` false) whatever the record holds. Absent otherwise.
   */
  restricted: z.boolean().optional(),
  size: z.number().int(),
  version: z.number().int(),
  members: z.array(Member),
  /** The day of registration; where the household was then is in its movement timeline. */
  registeredOn: z.string(),
  /** Displaced, returned or abroad, since when: from the timeline of movements. */
  displacement: z.object({
    status: z.enum(['displaced', 'returned', 'abroad']), since: z.string().nullable(),
    /** The movement that put the household where it is; null while it is where it was registered (its place can then be edited). */
    movementId: z.string().nullable(),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Household = z.infer<typeof Household>;

export const HouseholdSummary = z.object({
  id: z.uuid(),
  registrationNumber: z.string(),
  registry: z.string(),
  headName: z.string(),
  size: z.number().int(),
  currentPcode: z.string(),
  originPcode: z.string(),
  shelter: z.string(),
  status: z.string(),
  updatedAt: z.string(),
});
export type HouseholdSummary = z.infer<typeof HouseholdSummary>;

export const HouseholdQuery = z.object({
  q: z.string().trim().max(200, 'text.too_long').optional(),
  area: z.string().trim().toUpperCase().regex(/^IQG\d{2}(Q\d{2}(N\d{2})?)?$/, 'pcode.invalid').optional(),
  registry: z.string().trim().toUpperCase().regex(/^[A-Z0-9_]{2,16}$/, 'registry.invalid').optional(),
  /** Households at this site now. */
  site: z.uuid('uuid.invalid').optional(),
  page: z.coerce.number().int().min(1, 'page.invalid').max(10000, 'page.invalid').default(1),
  pageSize: z.coerce.number().int().min(1, 'page.invalid').max(200, 'page.invalid').default(25),
});
export type HouseholdQuery = z.infer<typeof HouseholdQuery>;
