import { v7 as uuidv7 } from 'uuid';
import {
  AssessmentContent, assessmentIssues, individualsOf,
  type Assessment, type AssessmentInput, type AssessmentQuery, type AssessmentUpdate, type KeyInformant,
} from '#domain/movement/assessments';
import type { Actor, Ctx } from '../context.ts';
import { Problem, invalidField, invalidFields, notFound } from '../http/problem.ts';
import { requirePermission } from '../identity/policy.ts';
import { idempotent } from '../shared/idempotency.ts';
import { audit, inTransaction, type Trx } from '../shared/tx.ts';
import * as store from './assessment-store.ts';
import { assertCanWriteAssessment, seesInformants } from './policy.ts';
import { findRound, roundForWrite } from './rounds.ts';
import { getLocation, getRound, type RoundRecord } from './store.ts';
import { asFieldErrors, contentIssues, loadLists } from './validation.ts';

export { assessmentFigures, assessmentOrigins, assessmentTrends } from './figures.ts';

const toArray = (s: Record<string, number>) => Object.entries(s).map(([code, families]) => ({ code, families })).sort((a, b) => a.code.localeCompare(b.code));
const toShares = (a: { code: string; families: number }[]) => Object.fromEntries(a.map((s) => [s.code, s.families]));

/** An assessment as the API gives it; the key informant opened only when `informant` is true. */
export function presentAssessment(ctx: Ctx, r: store.AssessmentRecord, informant: boolean): Assessment {
  return {
    id: r.id, round: { id: r.roundId, number: r.roundNumber, status: r.roundStatus },
    location: { id: r.locationId, code: r.locationCode, name: r.locationName, nameAr: r.locationNameAr, nameCkb: r.locationNameCkb, pcode: r.locationPcode },
    assessedOn: r.assessedOn, idpFamilies: r.idpFamilies, idpIndividuals: r.idpIndividuals, idpIndividualsEstimated: r.idpIndividualsEstimated,
    returneeFamilies: r.returneeFamilies, returneeIndividuals: r.returneeIndividuals, returneeIndividualsEstimated: r.returneeIndividualsEstimated,
    byOrigin: toArray(r.byOrigin), byWave: toArray(r.byWave), byShelter: toArray(r.byShelter), priorityNeeds: r.priorityNeeds,
    keyInformant: informant && r.informant ? (JSON.parse(ctx.sealer.open(r.informant)) as KeyInformant) : null,
    keyInformantRecorded: r.informant !== null,
    notes: r.notes, version: r.version, createdAt: r.createdAt, updatedAt: r.updatedAt,
  };
}

/**
 * The sealed key informant to store. Absent from the edit: kept. Null: removed, but only by
 * someone who may see it (anyone else was shown null and keeps it). Given: sealed anew (an
 * enumerator records it without being able to read it back).
 */
export function sealedInformant(ctx: Ctx, given: KeyInformant | null | undefined, previous: string | null, canSee: boolean): string | null {
  if (given === undefined) return previous;
  if (given === null) return canSee ? null : previous;
  return ctx.sealer.seal(JSON.stringify(given));
}

/** The stored columns of an assessment's content. */
export function assessmentValues(a: AssessmentContent, ids: { id: string; roundId: string; locationId: string }, informant: string | null): store.AssessmentValues {
  const idp = individualsOf(a.idpFamilies, a.idpIndividuals);
  const returnees = individualsOf(a.returneeFamilies, a.returneeIndividuals);
  return {
    ...ids, assessedOn: a.assessedOn, idpFamilies: a.idpFamilies, idpIndividuals: idp.individuals, idpIndividualsEstimated: idp.estimated,
    returneeFamilies: a.returneeFamilies, returneeIndividuals: returnees.individuals, returneeIndividualsEstimated: returnees.estimated,
    byOrigin: toShares(a.byOrigin), byWave: toShares(a.byWave), byShelter: toShares(a.byShelter),
    priorityNeeds: a.priorityNeeds, informant, notes: a.notes,
  };
}

async function checkContent(ctx: Ctx, a: AssessmentContent, round: RoundRecord): Promise<void> {
  const issues = contentIssues(a, round, await loadLists(ctx));
  if (issues.length) throw invalidFields(asFieldErrors(issues));
}

/** Holds off closing the round until the write commits, and refuses a round closed meanwhile. */
export async function lockOpenRound(trx: Trx, roundId: string): Promise<RoundRecord> {
  const round = await getRound(trx, { id: roundId }, 'share');
  if (round?.status !== 'open') throw new Problem(409, 'round.closed');
  return round;
}

/**
 * Records a location's assessment in an open round of the actor's organisation (one per
 * location and round: a second is a 409 carrying the first). Individuals not given are families
 * x 6, marked estimated. With an Idempotency-Key a replay returns the first response, even once
 * the round has closed (a device syncing late learns that its write was kept).
 */
export async function recordAssessment(ctx: Ctx, actor: Actor, input: AssessmentInput, idempotencyKey?: string) {
  requirePermission(actor, 'assessments.write');
  const { id: givenId, roundId, locationId, ...content } = input;
  const lists = await loadLists(ctx);
  return idempotent<Assessment>(ctx, actor, idempotencyKey, 'POST /api/assessments', input, async (trx) => {
    // The round is held (shared) until this commits, so that it cannot close in between.
    const round = await getRound(trx, { id: roundId }, 'share');
    if (!round) throw invalidField('roundId', 'round.unknown');
    const location = await getLocation(trx, locationId);
    if (!location) throw invalidField('locationId', 'location.unknown');
    assertCanWriteAssessment(actor, round, location.pcode);
    const issues = contentIssues(content, round, lists);
    if (issues.length) throw invalidFields(asFieldErrors(issues));
    const id = givenId ?? uuidv7();
    if (givenId && (await store.getAssessment(trx, id))) throw new Problem(409, 'problem.conflict');
    const canSee = seesInformants(actor, round);
    const values = assessmentValues(content, { id, roundId, locationId }, sealedInformant(ctx, content.keyInformant, null, canSee));
    if (!(await store.insertAssessment(trx, values, actor.userId))) {
      const existing = (await store.assessmentAt(trx, roundId, locationId))!;
      throw new Problem(409, 'assessment.exists', { extra: { current: presentAssessment(ctx, existing, false) } });
    }
    await audit(trx, actor, 'assessment.create', 'location_assessment', id, {
      round: round.number, location: location.code, informant: values.informant !== null,
    });
    return { status: 201, body: presentAssessment(ctx, (await store.getAssessment(trx, id))!, canSee) };
  });
}

/** One assessment; the key informant only for those who may see it, and each such read is audited. */
export async function getAssessment(ctx: Ctx, actor: Actor, id: string): Promise<Assessment> {
  requirePermission(actor, 'assessments.read');
  const record = await store.getAssessment(ctx.db.kysely, id);
  if (!record) throw notFound();
  return shown(ctx, actor, record);
}

async function shown(ctx: Ctx, actor: Actor, record: store.AssessmentRecord): Promise<Assessment> {
  const open = seesInformants(actor, { organizationId: record.roundOrganizationId }) && record.informant !== null;
  if (open) {
    await inTransaction(ctx, (trx) => audit(trx, actor, 'assessment.read_informant', 'location_assessment', record.id, { round: record.roundNumber, location: record.locationCode }));
  }
  return presentAssessment(ctx, record, open);
}

/** Assessments by round (id or number), area or location; a page, never with key informants. */
export async function listAssessments(ctx: Ctx, actor: Actor, q: AssessmentQuery) {
  requirePermission(actor, 'assessments.read');
  const round = q.round ? await findRound(ctx.db.kysely, q.round) : null;
  if (q.round && !round) throw invalidField('round', 'round.unknown');
  const { items, total } = await store.listAssessments(ctx.db.kysely, { roundId: round?.id, area: q.area, locationId: q.location, page: q.page, pageSize: q.pageSize });
  return { items: items.map((r) => presentAssessment(ctx, r, false)), total, page: q.page, pageSize: q.pageSize };
}

/** The stored assessment as content to apply an edit to (individuals estimated stay unknown). */
function contentOf(r: store.AssessmentRecord): AssessmentContent {
  return {
    assessedOn: r.assessedOn, idpFamilies: r.idpFamilies, idpIndividuals: r.idpIndividualsEstimated ? null : r.idpIndividuals,
    returneeFamilies: r.returneeFamilies, returneeIndividuals: r.returneeIndividualsEstimated ? null : r.returneeIndividuals,
    byOrigin: toArray(r.byOrigin), byWave: toArray(r.byWave), byShelter: toArray(r.byShelter),
    priorityNeeds: r.priorityNeeds, keyInformant: undefined, notes: r.notes,
  };
}

/**
 * Edits an assessment at the version read, in an open round of the actor's organisation: the
 * fields given replace the stored ones and every rule is checked on the result. A stale version
 * is a 409 with the current record. The key informant is kept unless its reader changes it.
 */
export async function updateAssessment(ctx: Ctx, actor: Actor, id: string, patch: AssessmentUpdate): Promise<Assessment> {
  requirePermission(actor, 'assessments.read');
  const current = await store.getAssessment(ctx.db.kysely, id);
  if (!current) throw notFound();
  const round = await roundForWrite(ctx.db.kysely, current.roundId, 'round');
  assertCanWriteAssessment(actor, round, current.locationPcode);
  if (patch.version !== current.version) throw new Problem(409, 'problem.conflict_version', { extra: { current: await shown(ctx, actor, current) } });
  const { version, ...changes } = patch;
  const next = { ...contentOf(current), ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as AssessmentContent;
  const rules = assessmentIssues(next);
  if (rules.length) throw invalidFields(rules.map((i) => ({ path: i.path.join('.'), key: i.message, params: i.params })));
  await checkContent(ctx, next, round);
  const canSee = seesInformants(actor, round);
  const updated = await inTransaction(ctx, async (trx) => {
    await lockOpenRound(trx, current.roundId);
    const informant = sealedInformant(ctx, patch.keyInformant, current.informant, canSee);
    const values = assessmentValues(next, { id, roundId: current.roundId, locationId: current.locationId }, informant);
    if (!(await store.updateAssessment(trx, values, version, actor.userId))) {
      throw new Problem(409, 'problem.conflict_version', { extra: { current: presentAssessment(ctx, (await store.getAssessment(trx, id))!, false) } });
    }
    await audit(trx, actor, 'assessment.update', 'location_assessment', id, {
      version: version + 1, round: round.number, location: current.locationCode,
      fields: Object.keys(changes).filter((k) => k !== 'keyInformant'), informantChanged: informant !== current.informant,
    });
    return (await store.getAssessment(trx, id))!;
  });
  return presentAssessment(ctx, updated, canSee);
}
