import type { AssessmentContent, BreakdownName } from '#domain/movement/assessments';
import type { Ctx } from '../context.ts';
import type { FieldError } from '../http/problem.ts';
import { listAreas, shelterCodes } from '../places/service.ts';
import { priorityNeedCodes, waveCodes } from './store.ts';

/** The configured lists an assessment's codes come from, in their order. */
export interface Lists { governorates: string[]; waves: string[]; shelters: string[]; needs: Set<string> }

export async function loadLists(ctx: Ctx): Promise<Lists> {
  const [areas, waves, shelters, needs] = await Promise.all([
    listAreas(ctx, { level: 1 }), waveCodes(ctx.db.kysely), shelterCodes(ctx.db.kysely), priorityNeedCodes(ctx.db.kysely),
  ]);
  return { governorates: areas.map((a) => a.pcode), waves, shelters: [...shelters], needs };
}

/** A problem with an assessment against the data: where (path in the body) and which message. */
export interface ContentIssue { path: (string | number)[]; key: string; params?: Record<string, unknown> }

const UNKNOWN: Record<BreakdownName, string> = { byOrigin: 'pcode.unknown', byWave: 'wave.unknown', byShelter: 'shelter.unknown' };

/**
 * What the schema cannot check: the assessment date falls within the round, and every origin
 * governorate, wave, shelter type and priority need is in its configured list.
 */
export function contentIssues(a: Partial<Pick<AssessmentContent, 'assessedOn' | BreakdownName | 'priorityNeeds'>>,
  round: { startsOn: string; endsOn: string }, lists: Lists): ContentIssue[] {
  const issues: ContentIssue[] = [];
  if (a.assessedOn && (a.assessedOn < round.startsOn || a.assessedOn > round.endsOn)) {
    issues.push({ path: ['assessedOn'], key: 'assessment.outside_round', params: { startsOn: round.startsOn, endsOn: round.endsOn } });
  }
  const known: Record<BreakdownName, Set<string>> = {
    byOrigin: new Set(lists.governorates), byWave: new Set(lists.waves), byShelter: new Set(lists.shelters),
  };
  for (const name of ['byOrigin', 'byWave', 'byShelter'] as const) {
    (a[name] ?? []).forEach((s, i) => { if (!known[name].has(s.code)) issues.push({ path: [name, i, 'code'], key: UNKNOWN[name] }); });
  }
  (a.priorityNeeds ?? []).forEach((code, i) => { if (!lists.needs.has(code)) issues.push({ path: ['priorityNeeds', i], key: 'priority_need.unknown' }); });
  return issues;
}

/** Issues as the field errors of a request body. */
export const asFieldErrors = (issues: ContentIssue[]): FieldError[] =>
  issues.map((i) => ({ path: i.path.join('.'), key: i.key, params: i.params }));
