import { z } from 'zod';
import { Day } from '../movement/assessments.ts';
import { SpecificNeedCode } from '../registry/household.ts';
import { PCODE } from '../places/pcode.ts';

/**
 * Targeting rules of a distribution round, stored as data (jsonb) and built in the web app: who
 * is eligible. The server turns them into one set-based SQL query (assistance/targeting-sql.ts);
 * `matchesRules` says the same thing for one household, for tests and explanations.
 *
 * A household's people are its members not linked to another family's record of the same person
 * (`same_as`: counted there); its needs are those people's plain specific needs (sensitive ones,
 * SV and TR, are sealed and never used); merged and closed households and those abroad never match.
 */
export const TARGET_STATUSES = ['displaced', 'returned'] as const;
export const SHELTER_CATEGORIES = ['camp', 'critical', 'private', 'unknown'] as const;

const ShelterCode = z.string().trim().toLowerCase().regex(/^[a-z0-9_]{2,40}$/, 'shelter.invalid');
const AreaPrefix = z.string().trim().toUpperCase().regex(PCODE, 'pcode.invalid');
const Size = z.number('number.invalid').int('number.invalid').min(1, 'too_small').max(100, 'too_big');
const unique = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, 'too_many').default([])
  .transform((v) => [...new Set(v as unknown[])] as z.infer<T>[]);

export const TargetingRules = z.object({
  /** P-code prefixes where households are now (inside the programme's areas); with `sites`, either one. */
  areas: unique(AreaPrefix, 100),
  /** Sites (camps, collective centres...) households are at now. */
  sites: unique(z.uuid('uuid.invalid'), 200),
  /** Displaced, returned or both (never abroad). */
  statuses: z.array(z.enum(TARGET_STATUSES, 'invalid_value')).min(1, 'too_small').default(['displaced', 'returned'])
    .transform((v) => [...new Set(v)]),
  /** In that status since a day in this period (a year or month counts as its first day). */
  since: z.object({ from: Day.optional(), to: Day.optional() }).optional()
    .superRefine((s, ctx) => { if (s?.from && s.to && s.to < s.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'range.reversed' }); }),
  /** Shelter types, or categories of them (camp, critical, private, unknown): a household in either matches. */
  shelterTypes: unique(ShelterCode, 20),
  shelterCategories: unique(z.enum(SHELTER_CATEGORIES, 'invalid_value'), 4),
  /** Household size (people), inclusive. */
  size: z.object({ min: Size.optional(), max: Size.optional() }).optional()
    .superRefine((s, ctx) => { if (s?.min && s.max && s.max < s.min) ctx.addIssue({ code: 'custom', path: ['max'], message: 'targeting.size_range' }); }),
  /** Any member has one of these specific needs (SM, DS, ER, SP, PL...). */
  needs: unique(SpecificNeedCode, 20),
  /** The vulnerability score (sum of the configured weights met) is at least this. */
  minScore: z.number('number.invalid').int('number.invalid').min(-1000, 'too_small').max(1000, 'too_big').optional(),
  exclude: z.object({
    /** Households holding an entitlement of another round of the same sector whose period overlaps this one. */
    servedInSector: z.boolean().default(true),
    /** Households with an open duplicate pair (a review pending: they may be another household twice). */
    openDuplicates: z.boolean().default(true),
  }).default({ servedInSector: true, openDuplicates: true }),
}).strict();
export type TargetingRules = z.infer<typeof TargetingRules>;

/** What the rules and the score look at in one household. */
export interface HouseholdFacts {
  pcode: string; siteId: string | null; shelter: string; shelterCategory: string;
  status: 'displaced' | 'returned' | 'abroad'; since: string | null;
  people: number; needs: readonly string[]; headSex: 'm' | 'f'; headBirthYear: number | null;
  active: boolean; openDuplicate: boolean; servedInSector: boolean;
}

/** The first day a partial date can mean (`2014` -> `2014-01-01`), as the timeline orders them. */
export function firstDay(partial: string): string {
  return partial.length === 4 ? `${partial}-01-01` : partial.length === 7 ? `${partial}-01` : partial;
}

/** The age on `day` of a person born in `birthYear`, by calendar years (birth dates are often only a year). */
export function ageOn(birthYear: number | null, day: string): number | null {
  return birthYear === null ? null : Number(day.slice(0, 4)) - birthYear;
}

const startsWithAny = (pcode: string, prefixes: readonly string[]) => prefixes.some((p) => pcode.startsWith(p));

/**
 * Whether one household is eligible under the rules, inside the programme's areas, given its
 * score. Mirrors the SQL the server runs (the server tests hold them to each other).
 */
export function matchesRules(rules: TargetingRules, h: HouseholdFacts, programmeAreas: readonly string[], score: number): boolean {
  if (!h.active || h.people < 1 || !(rules.statuses as string[]).includes(h.status)) return false;
  if (programmeAreas.length > 0 && !startsWithAny(h.pcode, programmeAreas)) return false;
  if ((rules.areas.length > 0 || rules.sites.length > 0)
    && !startsWithAny(h.pcode, rules.areas) && !(h.siteId !== null && rules.sites.includes(h.siteId))) return false;
  if (rules.since && (h.since === null || (rules.since.from && firstDay(h.since) < rules.since.from)
    || (rules.since.to && firstDay(h.since) > rules.since.to))) return false;
  if ((rules.shelterTypes.length > 0 || rules.shelterCategories.length > 0)
    && !rules.shelterTypes.includes(h.shelter) && !(rules.shelterCategories as string[]).includes(h.shelterCategory)) return false;
  if (rules.size?.min !== undefined && h.people < rules.size.min) return false;
  if (rules.size?.max !== undefined && h.people > rules.size.max) return false;
  if (rules.needs.length > 0 && !h.needs.some((n) => rules.needs.includes(n))) return false;
  if (rules.minScore !== undefined && score < rules.minScore) return false;
  if (rules.exclude.openDuplicates && h.openDuplicate) return false;
  return !(rules.exclude.servedInSector && h.servedInSector);
}

/** The rules as the API answers them (stored, already checked: no transforms to run on the way out). */
export const TargetingRulesView = z.object({
  areas: z.array(z.string()), sites: z.array(z.string()), statuses: z.array(z.enum(TARGET_STATUSES)),
  since: z.object({ from: z.string().optional(), to: z.string().optional() }).optional(),
  shelterTypes: z.array(z.string()), shelterCategories: z.array(z.enum(SHELTER_CATEGORIES)),
  size: z.object({ min: z.number().int().optional(), max: z.number().int().optional() }).optional(),
  needs: z.array(z.string()), minScore: z.number().int().optional(),
  exclude: z.object({ servedInSector: z.boolean(), openDuplicates: z.boolean() }),
});
