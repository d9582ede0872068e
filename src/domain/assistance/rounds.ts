import { z } from 'zod';
import { Day } from '../movement/assessments.ts';
import { Version } from '../registry/household.ts';
import { EntitlementLine } from './distribution.ts';
import { EntitlementFormula, EntitlementFormulaView } from './formula.ts';
import { Page, periodIssue } from './programmes.ts';
import { TargetingRules, TargetingRulesView } from './targeting.ts';

/**
 * Distribution rounds of a programme: who is targeted (rules) and what each household receives
 * (formula), changed only while a draft; submitted by its maker, approved by a checker who did
 * not prepare or submit it (or sent back to draft with a reason); then its entitlements are
 * issued, once; then it is closed.
 */
export const ROUND_STATUSES = ['draft', 'submitted', 'approved', 'issued', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

const Uuid = z.uuid('uuid.invalid');
const PointIds = z.array(Uuid).max(100, 'too_many').transform((v) => [...new Set(v)]);
const OptionalName = z.string().trim().max(200, 'text.too_long').nullable().optional();

export const RoundInput = z.object({
  id: Uuid.optional(),
  /** The next number of the programme when absent. */
  number: z.number('number.invalid').int('number.invalid').min(1, 'too_small').max(10_000, 'too_big').optional(),
  name: OptionalName.transform((v) => v || null),
  startsOn: Day,
  endsOn: Day,
  rules: TargetingRules.prefault({}),
  formula: EntitlementFormula.prefault({}),
  /** The distribution points where households collect (households are assigned to the nearest). */
  pointIds: PointIds.default([]),
}).strict().superRefine(periodIssue);
export type RoundInput = z.infer<typeof RoundInput>;

/** What an edit of a draft may change besides its name: the fields given replace the round's. */
const draftChanges = {
  startsOn: Day.optional(),
  endsOn: Day.optional(),
  rules: TargetingRules.optional(),
  formula: EntitlementFormula.optional(),
  pointIds: PointIds.optional(),
};

/** A change of a draft at the version read. */
export const RoundUpdate = z.object({
  version: Version,
  name: OptionalName.transform((v) => (v === undefined ? undefined : v || null)),
  ...draftChanges,
}).strict().superRefine(periodIssue);
export type RoundUpdate = z.infer<typeof RoundUpdate>;

/**
 * Edits not saved yet, to preview: the draft as it would be with these fields (checked as an
 * update checks them), nothing written. Without a body the round is previewed as stored.
 */
export const RoundPreviewInput = z.object(draftChanges).strict().superRefine(periodIssue);
export type RoundPreviewInput = z.infer<typeof RoundPreviewInput>;

/** Each step of a round names the version seen: what is approved, issued or closed is exactly what was read. */
export const RoundTransition = z.object({ version: Version }).strict();
export const RoundRejection = z.object({
  version: Version,
  reason: z.string().trim().min(1, 'required').max(500, 'text.too_long'),
}).strict();

const User = z.object({ id: z.uuid(), username: z.string() });
const Person = User.nullable();
/** A name as given, and in Arabic and Kurdish when given: the reader shows the one of its language. */
const Names = { name: z.string(), nameAr: z.string().nullable(), nameCkb: z.string().nullable() };

export const RoundPoint = z.object({ id: z.uuid(), code: z.string(), ...Names, pcode: z.string(), siteId: z.string().nullable() });

export const DistributionRound = z.object({
  id: z.uuid(),
  programme: z.object({ id: z.uuid(), code: z.string(), ...Names, sector: z.string(), organization: z.object({ id: z.uuid(), code: z.string() }) }),
  number: z.number().int(), name: z.string().nullable(), startsOn: z.string(), endsOn: z.string(),
  rules: TargetingRulesView, formula: EntitlementFormulaView, points: z.array(RoundPoint),
  status: z.enum(ROUND_STATUSES),
  createdBy: Person, createdAt: z.string(),
  /** Everyone who created or edited the draft, in the order they first did: none of them may approve it (maker-checker). */
  authors: z.array(User),
  submittedBy: Person, submittedAt: z.string().nullable(),
  approvedBy: Person, approvedAt: z.string().nullable(),
  /** The last time a checker sent it back to draft, and why. */
  rejection: z.object({ reason: z.string(), by: Person, at: z.string() }).nullable(),
  issuedBy: Person, issuedAt: z.string().nullable(),
  closedBy: Person, closedAt: z.string().nullable(),
  targetedHouseholds: z.number().int().nullable(), targetedPeople: z.number().int().nullable(),
  /** The weights its score counted when its maker submitted it (null while a draft): approved and issued with these. */
  scoredWeights: z.array(z.object({ criterion: z.string(), weight: z.number().int() })).nullable(),
  version: z.number().int(),
});
export type DistributionRound = z.infer<typeof DistributionRound>;

export const RoundQuery = z.object({ status: z.enum(ROUND_STATUSES, 'invalid_value').optional(), ...Page });

/** Statuses from which each step may be taken. */
export const STEP_FROM: Record<'submit' | 'approve' | 'reject' | 'issue' | 'close', RoundStatus> = {
  submit: 'draft', approve: 'submitted', reject: 'submitted', issue: 'approved', close: 'issued',
};

const AreaCount = z.object({
  pcode: z.string(), name: z.string(), nameAr: z.string().nullable(), nameCkb: z.string().nullable(),
  households: z.number().int(), people: z.number().int(),
});

/** What a round would target now: nothing is created. */
export const RoundPreview = z.object({
  households: z.number().int(), people: z.number().int(),
  /** Households eligible by the rules to whom the formula gives nothing (their size is in no band): not issued. */
  notEntitled: z.number().int(),
  /** Households that met the rules but were left out by each exclusion (one may be left out by both). */
  excluded: z.object({ servedInSector: z.number().int(), openDuplicates: z.number().int() }),
  governorates: z.array(AreaCount.extend({ districts: z.array(AreaCount) })),
  /** Totals of each line of the formula (cash in IQD). */
  lines: z.array(EntitlementLine.extend({ kind: z.string(), unit: z.string() })),
  /** The items stock must hold: kits expanded into their items, cash left out. */
  stock: z.array(EntitlementLine),
});
export type RoundPreview = z.infer<typeof RoundPreview>;

export const IssueResult = z.object({ round: DistributionRound, created: z.number().int() });

export const ENTITLEMENT_STATUSES = ['issued', 'redeemed', 'cancelled'] as const;

export const EntitlementQuery = z.object({
  /** Where the household was when issued: a P-code prefix. */
  area: z.string().trim().toUpperCase().regex(/^IQG\d{2}(Q\d{2}(N\d{2})?)?$/, 'pcode.invalid').optional(),
  /** A point of the round, or `none` for households that may collect at any point. */
  point: z.union([Uuid, z.literal('none')]).optional(),
  status: z.enum(ENTITLEMENT_STATUSES, 'invalid_value').optional(),
  ...Page,
});
export type EntitlementQuery = z.infer<typeof EntitlementQuery>;

export const IssuedEntitlement = z.object({
  id: z.uuid(),
  household: z.object({ id: z.uuid(), registrationNumber: z.string(), headName: z.string(), size: z.number().int(), currentPcode: z.string() }),
  pcode: z.string(), point: z.object({ id: z.uuid(), code: z.string(), ...Names }).nullable(),
  contents: z.array(EntitlementLine), people: z.number().int(), score: z.number().int(),
  status: z.enum(ENTITLEMENT_STATUSES), redeemedAt: z.string().nullable(),
});
export type IssuedEntitlement = z.infer<typeof IssuedEntitlement>;
