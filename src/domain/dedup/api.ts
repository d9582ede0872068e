import { z } from 'zod';
import { MemberInput, Pcode, Phone } from '../registry/household.ts';
import { FIELDS } from './types.ts';

/**
 * The deduplication API's shapes: the duplicate check at the desk, the review queue and its
 * decisions, merges. What a clerk compares side by side is names, sex, birth dates, origin,
 * place and registration numbers; sensitive specific needs, documents and phones never appear
 * (a shared document or phone shows only as a field level).
 */

export const BANDS = ['likely', 'possible'] as const;
export const PAIR_STATUSES = ['open', 'same', 'different', 'superseded'] as const;
export const DECISIONS = ['same', 'different'] as const;

/**
 * What the check reads: the body of POST /api/households, of which only the members are required
 * (a member's sex may still be blank), so that the form can check as soon as the head's names and
 * birth year are typed. Other fields of a registration are accepted and ignored. With the `id` of
 * an existing household, that household and those decided different from it are left out.
 */
export const CheckInput = z.object({
  id: z.uuid('uuid.invalid').optional(),
  origin: z.object({ pcode: Pcode.optional() }).optional(),
  phone: Phone.optional().nullable(),
  members: z.array(MemberInput.partial({ sex: true })).min(1, 'members.none').max(40, 'too_many'),
});
export type CheckInput = z.infer<typeof CheckInput>;

export const Band = z.enum(BANDS);
export const MatchReason = z.enum(['head', 'members']);
/** Why a pair is queued: the heads, enough members (both: one family), or one person in two families. */
export const PairReason = z.enum(['head', 'members', 'person']);
export const PAIR_KINDS = ['household', 'individual'] as const;

/** One field's part of a member pair's score: its level and its weight (log2 Bayes factor). */
export const FieldExplanation = z.object({ level: z.string(), weight: z.number() });
export const FieldExplanations = z.record(z.enum(FIELDS), FieldExplanation);

/** A member as a clerk compares it. */
export const MemberSummary = z.object({
  id: z.uuid(),
  relationship: z.string(),
  givenName: z.string(),
  fatherName: z.string().nullable(),
  grandfatherName: z.string().nullable(),
  familyName: z.string().nullable(),
  sex: z.string(),
  birthDate: z.string().nullable(),
});
export type MemberSummary = z.infer<typeof MemberSummary>;

/**
 * A member of a candidate household found to be a member of the household checked:
 * `matchedWith` is that member's position in the submitted `members` array.
 */
export const CandidateMember = z.object({
  individualId: z.uuid(),
  matchedWith: z.number().int(),
  score: z.number(),
  band: Band,
  fields: FieldExplanations,
  person: MemberSummary,
});

/** An existing household that is possibly the same family as the one checked. */
export const Candidate = z.object({
  householdId: z.uuid(),
  registrationNumber: z.string(),
  registrationNumbers: z.array(z.string()),
  registry: z.string(),
  registries: z.array(z.string()),
  score: z.number(),
  band: Band,
  reason: MatchReason,
  origin: z.object({ pcode: z.string(), place: z.string().nullable() }),
  currentPcode: z.string(),
  size: z.number().int(),
  members: z.array(CandidateMember),
});
export type Candidate = z.infer<typeof Candidate>;

/** The answer of a check; `indexReady` is false while the server still loads the registry. */
export const CheckResponse = z.object({ indexReady: z.boolean(), candidates: z.array(Candidate) });
export type CheckResponse = z.infer<typeof CheckResponse>;

const RegistryCode = z.string().trim().toUpperCase().regex(/^[A-Z0-9_]{2,16}$/, 'registry.invalid');

export const PairQuery = z.object({
  status: z.enum(PAIR_STATUSES, 'invalid_value').default('open'),
  registry: RegistryCode.optional(),
  page: z.coerce.number().int().min(1, 'page.invalid').max(10000, 'page.invalid').default(1),
  pageSize: z.coerce.number().int().min(1, 'page.invalid').max(100, 'page.invalid').default(20),
});
export type PairQuery = z.infer<typeof PairQuery>;

/** One side of a pair, as the reviewer compares it. */
export const PairHousehold = z.object({
  id: z.uuid(),
  registrationNumber: z.string(),
  registrationNumbers: z.array(z.string()),
  registry: z.string(),
  registries: z.array(z.string()),
  status: z.string(),
  mergedInto: z.string().nullable(),
  origin: z.object({ pcode: z.string(), place: z.string().nullable() }),
  current: z.object({ pcode: z.string(), siteId: z.string().nullable(), address: z.string().nullable() }),
  displacedOn: z.string().nullable(),
  size: z.number().int(),
  createdAt: z.string(),
  members: z.array(MemberSummary),
});
export type PairHousehold = z.infer<typeof PairHousehold>;

/** A member of household `a` and a member of household `b` found to be one person. */
export const MemberPair = z.object({
  a: z.uuid(),
  b: z.uuid(),
  score: z.number(),
  band: Band,
  fields: FieldExplanations,
});
export type MemberPair = z.infer<typeof MemberPair>;

/**
 * A pair to review. `household`: two households that may be one family ("same" merges them).
 * `individual`: one person registered in two families (`individuals`: that person in `a` and in
 * `b`; "same" links the later registration to the earlier, the households stay apart).
 */
export const ReviewPair = z.object({
  id: z.uuid(),
  kind: z.enum(PAIR_KINDS),
  individuals: z.object({ a: z.uuid(), b: z.uuid() }).nullable(),
  status: z.enum(PAIR_STATUSES),
  source: z.enum(['registration', 'batch']),
  score: z.number(),
  band: Band,
  reason: PairReason,
  duplicateReason: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.object({ id: z.string(), username: z.string().nullable() }).nullable(),
  /** The merge a `same` decision made, while it stands. */
  mergeId: z.string().nullable(),
  a: PairHousehold,
  b: PairHousehold,
  members: z.array(MemberPair),
});
export type ReviewPair = z.infer<typeof ReviewPair>;

export const PairPage = z.object({
  items: z.array(ReviewPair),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const DecisionInput = z.object({
  decision: z.enum(DECISIONS, 'invalid_value'),
  note: z.string().trim().max(1000, 'text.too_long').optional().nullable().transform((v) => v || null),
  /** Which household survives a `same` decision; by default the one registered first. */
  survivor: z.uuid('uuid.invalid').optional(),
});
export type DecisionInput = z.infer<typeof DecisionInput>;

/**
 * What a `same` decision did, undone by POST /api/dedup/merges/:id/undo. `merge`: the households
 * were merged. `link`: an individual pair; `mergedId` is the later household, whose member was
 * linked (`linked`) to the same person in `survivorId`; nothing moved.
 */
export const Merge = z.object({
  id: z.uuid(),
  kind: z.enum(['merge', 'link']),
  pairId: z.uuid(),
  survivorId: z.uuid(),
  mergedId: z.uuid(),
  /** Members of the merged household moved into the survivor, and those linked to a survivor member. */
  moved: z.array(z.uuid()),
  linked: z.array(z.object({ individualId: z.uuid(), sameAs: z.uuid() })),
  note: z.string().nullable(),
  mergedAt: z.string(),
  undoneAt: z.string().nullable(),
});
export type Merge = z.infer<typeof Merge>;

export const DecisionResponse = z.object({ pair: ReviewPair, merge: Merge.nullable() });
export const UndoResponse = z.object({ merge: Merge, pair: ReviewPair });
