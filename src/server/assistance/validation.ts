import type { EntitlementFormula } from '#domain/assistance/formula';
import type { TargetingRules } from '#domain/assistance/targeting';
import type { Executor } from '../audit/store.ts';
import { invalidFields, type FieldError } from '../http/problem.ts';
import { existingSiteIds, needSensitivity, shelterCodes, unknownPcodes } from '../places/service.ts';
import { activeItems } from './catalogue.ts';
import { activePoints } from './round-store.ts';

/** What a round is checked against: its programme's organisation, areas and dates. */
export interface ProgrammeFrame { organizationId: string; areas: string[]; startsOn: string; endsOn: string | null }

export interface RoundContent {
  startsOn: string; endsOn: string; rules: TargetingRules; formula: EntitlementFormula; pointIds?: string[];
}

function periodErrors(p: ProgrammeFrame, r: RoundContent): FieldError[] {
  const errors: FieldError[] = [];
  if (r.startsOn < p.startsOn) errors.push({ path: 'startsOn', key: 'distribution_round.outside_programme' });
  if (p.endsOn && r.endsOn > p.endsOn) errors.push({ path: 'endsOn', key: 'distribution_round.outside_programme' });
  return errors;
}

async function ruleErrors(db: Executor, p: ProgrammeFrame, rules: TargetingRules): Promise<FieldError[]> {
  const [unknown, sites, shelters, needs] = await Promise.all([
    unknownPcodes(db, rules.areas), existingSiteIds(db, rules.sites), shelterCodes(db), needSensitivity(db),
  ]);
  const errors: FieldError[] = [];
  rules.areas.forEach((a, i) => {
    if (unknown.includes(a)) errors.push({ path: `rules.areas.${i}`, key: 'pcode.unknown' });
    else if (p.areas.length && !p.areas.some((pa) => a.startsWith(pa))) errors.push({ path: `rules.areas.${i}`, key: 'targeting.outside_programme' });
  });
  rules.sites.forEach((s, i) => { if (!sites.has(s)) errors.push({ path: `rules.sites.${i}`, key: 'site.unknown' }); });
  rules.shelterTypes.forEach((s, i) => { if (!shelters.has(s)) errors.push({ path: `rules.shelterTypes.${i}`, key: 'shelter.unknown' }); });
  rules.needs.forEach((n, i) => {
    if (!needs.has(n)) errors.push({ path: `rules.needs.${i}`, key: 'need.unknown' });
    else if (needs.get(n)) errors.push({ path: `rules.needs.${i}`, key: 'targeting.sensitive_need' });
  });
  return errors;
}

/** Lines of the formula that name no active entry of the catalogue: a new formula hands out only active ones. */
export async function formulaErrors(db: Executor, formula: EntitlementFormula): Promise<FieldError[]> {
  const items = await activeItems(db);
  const errors: FieldError[] = [];
  const check = (lines: { code: string }[], path: string) => lines.forEach((l, j) => {
    if (!items.has(l.code)) errors.push({ path: `${path}.${j}.code`, key: 'formula.item_unknown' });
  });
  formula.parts.forEach((part, i) => {
    if (part.per === 'band') part.bands.forEach((b, k) => check(b.lines, `formula.parts.${i}.bands.${k}.lines`));
    else check(part.lines, `formula.parts.${i}.lines`);
  });
  return errors;
}

/**
 * Checks a round against the data (422 with every field at fault): inside the programme's dates
 * and areas; known areas, sites, shelter types and needs, never a sensitive need; items of the
 * catalogue; active distribution points of the programme's organisation.
 */
export async function checkRound(db: Executor, p: ProgrammeFrame, r: RoundContent): Promise<void> {
  const [rules, formula, points] = await Promise.all([
    ruleErrors(db, p, r.rules), formulaErrors(db, r.formula), activePoints(db, r.pointIds ?? [], p.organizationId),
  ]);
  const pointErrors = (r.pointIds ?? []).flatMap((id, i) => (points.has(id) ? [] : [{ path: `pointIds.${i}`, key: 'distribution_round.point_unknown' as const }]));
  const errors = [...periodErrors(p, r), ...rules, ...formula, ...pointErrors];
  if (errors.length) throw invalidFields(errors);
}
