import type { z } from 'zod';
import type { TargetingRules } from '#domain/assistance/targeting';

/**
 * The targeting rule builder's state (what the form holds: empty strings for empty fields) and
 * the rules stored on a round (domain/assistance/targeting.ts). Converting both ways keeps the
 * form free of the stored shape: a rule read from the server opens in the builder and, unchanged,
 * is saved back identical.
 */
export type RuleInput = z.input<typeof TargetingRules>;
export type DisplacementStatus = TargetingRules['statuses'][number];
export type ShelterCategory = TargetingRules['shelterCategories'][number];

export interface RuleState {
  areas: string[];
  sites: string[];
  statuses: DisplacementStatus[];
  sinceFrom: string;
  sinceTo: string;
  shelterCategories: ShelterCategory[];
  shelterTypes: string[];
  sizeMin: number | '';
  sizeMax: number | '';
  needs: string[];
  minScore: number | '';
  excludeServedInSector: boolean;
  excludeOpenDuplicates: boolean;
}

/** A new round's rule: displaced families anywhere, without those served or in an open duplicate pair. */
export const EMPTY_RULE: RuleState = {
  areas: [], sites: [], statuses: ['displaced'], sinceFrom: '', sinceTo: '', shelterCategories: [], shelterTypes: [],
  sizeMin: '', sizeMax: '', needs: [], minScore: '', excludeServedInSector: true, excludeOpenDuplicates: true,
};

const num = (v: number | '') => (v === '' ? undefined : v);

/** Drops the keys whose value is undefined; undefined when none is left. */
function compact<T extends object>(o: T): T | undefined {
  const out = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return Object.keys(out).length ? out : undefined;
}

/** The rules a form state stands for, as sent to the server (optional parts left out when open). */
export function rulesFromState(s: RuleState): RuleInput {
  const rules: RuleInput = {
    areas: [...s.areas], sites: [...s.sites], statuses: [...s.statuses],
    shelterTypes: [...s.shelterTypes], shelterCategories: [...s.shelterCategories], needs: [...s.needs],
    exclude: { servedInSector: s.excludeServedInSector, openDuplicates: s.excludeOpenDuplicates },
  };
  const since = compact({ from: s.sinceFrom || undefined, to: s.sinceTo || undefined });
  const size = compact({ min: num(s.sizeMin), max: num(s.sizeMax) });
  const minScore = num(s.minScore);
  return { ...rules, ...(since ? { since } : {}), ...(size ? { size } : {}), ...(minScore !== undefined ? { minScore } : {}) };
}

/** The form state of stored rules; what the rules leave open, the form leaves empty. */
export function stateFromRules(r: Partial<RuleInput> | null | undefined): RuleState {
  const rules = r ?? {};
  return {
    areas: [...(rules.areas ?? [])],
    sites: [...(rules.sites ?? [])],
    statuses: [...(rules.statuses ?? ['displaced', 'returned'])],
    sinceFrom: rules.since?.from ?? '',
    sinceTo: rules.since?.to ?? '',
    shelterCategories: [...(rules.shelterCategories ?? [])],
    shelterTypes: [...(rules.shelterTypes ?? [])],
    sizeMin: rules.size?.min ?? '',
    sizeMax: rules.size?.max ?? '',
    needs: [...(rules.needs ?? [])],
    minScore: rules.minScore ?? '',
    excludeServedInSector: rules.exclude?.servedInSector ?? true,
    excludeOpenDuplicates: rules.exclude?.openDuplicates ?? true,
  };
}

/** Needs a targeting rule may name: the configured list without the sensitive ones (SV, TR). */
export function targetableNeeds<T extends { code: string; sensitive: boolean }>(needs: readonly T[] | undefined): T[] {
  return (needs ?? []).filter((n) => !n.sensitive);
}
