import type { EntitlementFormula } from '#domain/assistance/formula';
import type { DistributionRound } from '#domain/assistance/rounds';
import { formulaFromState, formulaToState, type FormulaState } from './formula-state.ts';
import { rulesFromState, stateFromRules, type RuleState } from './rule-state.ts';

/** What the round editor holds while a draft is changed. */
export interface RoundDraft {
  name: string;
  startsOn: string;
  endsOn: string;
  rules: RuleState;
  formula: FormulaState;
  pointIds: string[];
}

export function draftOf(r: Pick<DistributionRound, 'name' | 'startsOn' | 'endsOn' | 'rules' | 'formula' | 'points'>): RoundDraft {
  return {
    name: r.name ?? '', startsOn: r.startsOn, endsOn: r.endsOn,
    rules: stateFromRules(r.rules), formula: formulaToState(r.formula as EntitlementFormula), pointIds: r.points.map((p) => p.id),
  };
}

/** The change of a draft as sent (`PATCH /api/distribution-rounds/:id`), at the version read. */
export function roundUpdateBody(d: RoundDraft, version: number) {
  return {
    version, name: d.name.trim() || null, startsOn: d.startsOn, endsOn: d.endsOn,
    rules: rulesFromState(d.rules), formula: formulaFromState(d.formula), pointIds: d.pointIds,
  };
}

/** What a draft's edits would make of the round, as the preview takes them (`POST .../preview`): all but the name. */
export function previewBody(d: RoundDraft) {
  const { name: _name, version: _version, ...rest } = roundUpdateBody(d, 0);
  return rest;
}

/** The draft's content as one string: equal drafts, equal keys (whether there is anything to save). */
export const draftKey = (d: RoundDraft) => JSON.stringify(roundUpdateBody(d, 0));

/** Field errors under a prefix, with the prefix taken off (`rules.size.max` -> `size.max`). */
export function errorsUnder(errors: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter(([p]) => p.startsWith(`${prefix}.`)).map(([p, m]) => [p.slice(prefix.length + 1), m]));
}
