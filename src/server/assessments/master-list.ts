import { v7 as uuidv7 } from 'uuid';
import { readMasterList, masterListRow, type ImportSummary, type MasterListRow, type RowError } from '#domain/movement/master-list';
import { exportColumns, exportHeader } from '#domain/movement/master-list-columns';
import { inScope } from '#domain/places/pcode';
import type { KeyInformant } from '#domain/movement/assessments';
import type { Actor, Ctx } from '../context.ts';
import { Problem, notFound } from '../http/problem.ts';
import { requirePermission } from '../identity/policy.ts';
import { areaNames, unknownPcodes } from '../places/service.ts';
import { audit, inTransaction } from '../shared/tx.ts';
import * as assessments from './assessment-store.ts';
import { assertCanManageRound, seesInformants } from './policy.ts';
import { assessmentValues, lockOpenRound, sealedInformant } from './service.ts';
import * as store from './store.ts';
import { contentIssues, loadLists } from './validation.ts';

/**
 * The DTM master list of a round, imported and exported (format: domain/movement/master-list).
 * An import is all or nothing: every row is checked against the file's rules and the data first;
 * any problem and nothing is written, every problem reported at its row and column. Locations
 * unknown by code are created, known ones updated; the round's assessments created or replaced.
 */

/** The problems of a file as a 422: each at `rows.<row>.<column>` (or `rows.<row>` for the whole row). */
export function fileProblem(errors: RowError[]): Problem {
  return new Problem(422, 'problem.validation', {
    errors: errors.map((e) => ({ path: ['rows', e.row, e.column].filter((p) => p !== null).join('.'), key: e.message, params: e.params })),
  });
}

type Located = MasterListRow & { location: NonNullable<MasterListRow['location']> };
/** A row of a file without problems: everything in it was read. */
type Complete = Located & { assessment: NonNullable<MasterListRow['assessment']> };

interface Plan { created: store.LocationRecord[]; changed: store.LocationRecord[]; ids: Map<string, string> }

const LOCATION_FIELDS = ['name', 'nameAr', 'nameCkb', 'kind', 'pcode', 'latitude', 'longitude'] as const;

/** New locations (named after their area when the file's rows are areas), and known ones the file changes. */
async function planLocations(ctx: Ctx, actor: Actor, rows: Located[], add: (e: RowError) => void): Promise<Plan> {
  const db = ctx.db.kysely;
  const known = await store.locationsByCode(db, rows.map((r) => r.location.code));
  const pcodes = [...new Set(rows.flatMap((r) => (r.location.pcode ? [r.location.pcode] : [])))];
  const unknown = new Set(await unknownPcodes(db, pcodes));
  const names = await areaNames(db, pcodes.filter((p) => !unknown.has(p)));
  const plan: Plan = { created: [], changed: [], ids: new Map() };
  const now = new Date().toISOString();
  for (const r of rows) {
    const given = r.location;
    const current = known.get(given.code);
    const pcode = given.pcode ?? current?.pcode;
    const area = pcode ? names.get(pcode) : undefined;
    if (given.pcode && unknown.has(given.pcode)) add({ row: r.row, column: r.pcodeColumn, message: 'pcode.unknown' });
    else if (!pcode) add({ row: r.row, column: 'admin1_pcode', message: 'required' });
    else if (!inScope(pcode, actor.scope) || (current && !inScope(current.pcode, actor.scope))) add({ row: r.row, column: r.pcodeColumn ?? 'location_code', message: 'scope.outside' });
    const name = given.name ?? current?.name ?? (given.code === pcode ? area?.nameEn : undefined);
    if (!name) add({ row: r.row, column: 'location_name', message: 'required' });
    if (!pcode || !name) continue;
    const next: store.LocationRecord = {
      id: current?.id ?? uuidv7(), code: given.code, name, nameAr: given.nameAr ?? current?.nameAr ?? (current ? null : area?.nameAr ?? null),
      nameCkb: given.nameCkb ?? current?.nameCkb ?? (current ? null : area?.nameCkb ?? null), kind: given.kind ?? current?.kind ?? 'village', pcode,
      siteId: current?.siteId ?? null, latitude: given.latitude ?? current?.latitude ?? null, longitude: given.longitude ?? current?.longitude ?? null,
      version: current?.version ?? 1, createdAt: current?.createdAt ?? now, updatedAt: now,
    };
    plan.ids.set(given.code, next.id);
    if (!current) plan.created.push(next);
    else if (LOCATION_FIELDS.some((f) => next[f] !== current[f])) plan.changed.push(next);
  }
  return plan;
}

/** The column a data problem of a row's assessment is at. */
function columnOf(r: MasterListRow, path: (string | number)[]): string | null {
  const [field, index] = path;
  if (field === 'assessedOn') return r.dateColumn;
  const columns = r.columns[field as keyof MasterListRow['columns']];
  return columns?.[Number(index)] ?? null;
}

/**
 * Imports a master list (rows of text, header included) into an open round of the actor's
 * organisation (`assessments.manage`, and each location in the actor's scope). Throws a 422
 * listing every problem at its row and column when anything is wrong; writes nothing then.
 */
export async function importMasterList(ctx: Ctx, actor: Actor, roundId: string, table: string[][], opts: { file?: string } = {}): Promise<ImportSummary> {
  requirePermission(actor, 'assessments.write');
  const round = await store.getRound(ctx.db.kysely, { id: roundId });
  if (!round) throw notFound();
  assertCanManageRound(actor, round);
  if (round.status !== 'open') throw new Problem(409, 'round.closed');
  const read = readMasterList(table);
  const errors = [...read.errors];
  const add = (e: RowError) => errors.push(e);
  if (read.errors.length === 0 && read.rows.length === 0) throw new Problem(422, 'import.empty');
  for (const r of read.rows) {
    if (r.roundNumber !== null && r.roundNumber !== round.number) add({ row: r.row, column: 'round_number', message: 'import.round_mismatch', params: { number: r.roundNumber } });
  }
  const plan = await planLocations(ctx, actor, read.rows.filter((r) => r.location !== null) as Located[], add);
  const lists = await loadLists(ctx);
  for (const r of read.rows) {
    for (const i of contentIssues(r.readable, round, lists)) add({ row: r.row, column: columnOf(r, i.path), message: i.key, params: i.params });
  }
  if (errors.length) throw fileProblem(errors.sort((a, b) => a.row - b.row));
  const canSee = seesInformants(actor, round);
  const values = (read.rows as Complete[]).map((r) => assessmentValues(r.assessment, { id: uuidv7(), roundId, locationId: plan.ids.get(r.location.code)! },
    sealedInformant(ctx, r.assessment.keyInformant, null, canSee)));
  return inTransaction(ctx, async (trx) => {
    await lockOpenRound(trx, roundId);
    const existing = await assessments.assessmentsOfLocations(trx, roundId, values.map((v) => v.locationId));
    await store.insertLocations(trx, plan.created);
    await store.updateLocations(trx, plan.changed);
    await assessments.upsertAssessments(trx, values, actor.userId);
    const summary: ImportSummary = {
      round: round.number, rows: values.length, locationsCreated: plan.created.length, locationsUpdated: plan.changed.length,
      assessmentsCreated: values.length - existing.size, assessmentsUpdated: existing.size,
    };
    await audit(trx, actor, 'assessments.import', 'assessment_round', roundId, { ...summary, file: opts.file ?? null });
    return summary;
  });
}

/**
 * A round's master list as rows (plain header, HXL tags, one row per location): for readers of
 * assessments; the key informant columns only for those who may see them. Audited.
 */
export async function exportMasterList(ctx: Ctx, actor: Actor, roundId: string, format: string): Promise<{ number: number; rows: string[][] }> {
  requirePermission(actor, 'assessments.read');
  const db = ctx.db.kysely;
  const round = await store.getRound(db, { id: roundId });
  if (!round) throw notFound();
  const informants = seesInformants(actor, round);
  const columns = exportColumns(await loadLists(ctx), { informants });
  const records = await assessments.roundAssessments(db, roundId);
  const prefixes = [...new Set(records.flatMap((r) => [5, 8, 11].filter((n) => r.locationPcode.length >= n).map((n) => r.locationPcode.slice(0, n))))];
  const names = await areaNames(db, prefixes);
  const area = (pcode: string, n: number) => (pcode.length >= n ? { pcode: pcode.slice(0, n), name: names.get(pcode.slice(0, n))?.nameEn ?? '' } : undefined);
  const rows = records.map((r) => masterListRow(columns, {
    roundNumber: round.number, reportedOn: round.reportedOn, location: r.location,
    areas: { 1: area(r.locationPcode, 5), 2: area(r.locationPcode, 8), 3: area(r.locationPcode, 11) },
    assessment: { ...r, keyInformant: informants && r.informant ? (JSON.parse(ctx.sealer.open(r.informant)) as KeyInformant) : null },
  }));
  await inTransaction(ctx, (trx) => audit(trx, actor, 'assessments.export', 'assessment_round', roundId, {
    round: round.number, rows: rows.length, informants, format,
  }));
  return { number: round.number, rows: [...exportHeader(columns), ...rows] };
}
