import { sql } from 'kysely';
import { EntitlementFormula } from '#domain/assistance/formula';
import type { RoundStatus } from '#domain/assistance/rounds';
import { TargetingRules } from '#domain/assistance/targeting';
import type { Executor } from '../audit/store.ts';
import { iso, json } from './programme-store.ts';

/** SQL of distribution rounds and their points. */

type User = { id: string; username: string };
type Person = User | null;
type Names = { name: string; nameAr: string | null; nameCkb: string | null };

export interface RoundRecord {
  id: string; programmeId: string; number: number; name: string | null; startsOn: string; endsOn: string;
  rules: TargetingRules; formula: EntitlementFormula; status: RoundStatus;
  /** Who created or edited the draft, in the order they first did. */
  authors: User[];
  programme: Names & { id: string; code: string; sector: string; areas: string[]; organizationId: string; organizationCode: string };
  createdBy: Person; createdAt: string; submittedBy: Person; submittedAt: string | null; approvedBy: Person; approvedAt: string | null;
  rejection: { reason: string; by: Person; at: string } | null;
  issuedBy: Person; issuedAt: string | null; closedBy: Person; closedAt: string | null;
  targetedHouseholds: number | null; targetedPeople: number | null; version: number;
  /** The weights its score counted when submitted (null while a draft). */
  scoredWeights: { criterion: string; weight: number }[] | null;
}

const person = (id: string | null, username: string | null): Person => (id ? { id, username: username ?? '' } : null);
const at = (v: unknown) => (v ? iso(v) : null);

function toRound(r: any): RoundRecord {
  return {
    id: r.id, programmeId: r.programme_id, number: r.number, name: r.name, startsOn: r.starts_on, endsOn: r.ends_on,
    // Parsed as written: a round stored with the column defaults ('{}') reads as the defaults of the schemas.
    rules: TargetingRules.parse(json(r.rules)), formula: EntitlementFormula.parse(json(r.formula)), status: r.status, authors: json(r.author_list),
    programme: {
      id: r.programme_id, code: r.programme_code, name: r.programme_name, nameAr: r.programme_name_ar, nameCkb: r.programme_name_ckb,
      sector: r.sector_code, areas: r.areas ?? [],
      organizationId: r.organization_id, organizationCode: r.organization_code,
    },
    createdBy: person(r.created_by, r.created_name), createdAt: iso(r.created_at),
    submittedBy: person(r.submitted_by, r.submitted_name), submittedAt: at(r.submitted_at),
    approvedBy: person(r.approved_by, r.approved_name), approvedAt: at(r.approved_at),
    rejection: r.rejected_reason ? { reason: r.rejected_reason, by: person(r.rejected_by, r.rejected_name), at: iso(r.rejected_at) } : null,
    issuedBy: person(r.issued_by, r.issued_name), issuedAt: at(r.issued_at), closedBy: person(r.closed_by, r.closed_name), closedAt: at(r.closed_at),
    targetedHouseholds: r.targeted_households, targetedPeople: r.targeted_people, version: r.version,
    scoredWeights: r.scored_weights === null ? null : json(r.scored_weights),
  };
}

const select = sql`select r.id, r.programme_id, r.number, r.name, r.starts_on::text as starts_on, r.ends_on::text as ends_on, r.rules, r.formula,
    r.status, r.created_by, r.created_at, r.submitted_by, r.submitted_at, r.approved_by, r.approved_at,
    r.rejected_reason, r.rejected_by, r.rejected_at, r.issued_by, r.issued_at, r.closed_by, r.closed_at, r.targeted_households, r.targeted_people, r.version, r.scored_weights,
    p.code as programme_code, p.name as programme_name, p.name_ar as programme_name_ar, p.name_ckb as programme_name_ckb,
    p.sector_code, p.areas, p.organization_id, o.code as organization_code,
    uc.username as created_name, us.username as submitted_name, ua.username as approved_name, ur.username as rejected_name,
    ui.username as issued_name, ux.username as closed_name,
    (select coalesce(json_agg(json_build_object('id', a.id, 'username', coalesce(u.username, '')) order by a.n), '[]'::json)
      from unnest(r.authors) with ordinality as a (id, n) left join users u on u.id = a.id) as author_list
  from distribution_rounds r join programmes p on p.id = r.programme_id join organizations o on o.id = p.organization_id
  left join users uc on uc.id = r.created_by left join users us on us.id = r.submitted_by
  left join users ua on ua.id = r.approved_by left join users ur on ur.id = r.rejected_by
  left join users ui on ui.id = r.issued_by left join users ux on ux.id = r.closed_by`;

/** A round; `lock` holds it until the transaction ends (every change of status takes it). */
export async function getRound(db: Executor, id: string, lock = false): Promise<RoundRecord | null> {
  const r = await sql<any>`${select} where r.id = ${id} ${lock ? sql`for update of r` : sql``}`.execute(db);
  return r.rows[0] ? toRound(r.rows[0]) : null;
}

export async function listRounds(db: Executor, programmeId: string, f: { status?: string; page: number; pageSize: number }) {
  const where = f.status ? sql`r.programme_id = ${programmeId} and r.status = ${f.status}` : sql`r.programme_id = ${programmeId}`;
  const [rows, count] = await Promise.all([
    sql<any>`${select} where ${where} order by r.number desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from distribution_rounds r where ${where}`.execute(db),
  ]);
  return { items: rows.rows.map(toRound), total: count.rows[0].n };
}

/** The programme's next round number (the caller holds the programme's lock). */
export async function nextNumber(db: Executor, programmeId: string): Promise<number> {
  const r = await sql<{ n: number }>`select coalesce(max(number), 0)::int + 1 as n from distribution_rounds where programme_id = ${programmeId}`.execute(db);
  return r.rows[0].n;
}

export async function numberTaken(db: Executor, programmeId: string, number: number): Promise<boolean> {
  const r = await db.selectFrom('distribution_rounds').select('id').where('programme_id', '=', programmeId).where('number', '=', number).executeTakeFirst();
  return Boolean(r);
}

export interface RoundValues { name: string | null; startsOn: string; endsOn: string; rules: TargetingRules; formula: EntitlementFormula }

export async function insertRound(db: Executor, r: RoundValues & { id: string; programmeId: string; number: number; createdBy: string }) {
  await db.insertInto('distribution_rounds').values({
    id: r.id, programme_id: r.programmeId, number: r.number, name: r.name, starts_on: r.startsOn, ends_on: r.endsOn,
    rules: JSON.stringify(r.rules), formula: JSON.stringify(r.formula), created_by: r.createdBy, authors: [r.createdBy],
  }).execute();
}

/** Writes a draft's new values if it is still a draft at that version; its editor becomes one of its authors. */
export async function updateDraft(db: Executor, id: string, v: RoundValues, expectedVersion: number, editor: string): Promise<boolean> {
  const r = await sql`update distribution_rounds set name = ${v.name}, starts_on = ${v.startsOn}, ends_on = ${v.endsOn},
      rules = ${JSON.stringify(v.rules)}::jsonb, formula = ${JSON.stringify(v.formula)}::jsonb, version = version + 1, updated_at = now(),
      authors = case when ${editor}::uuid = any (authors) then authors else array_append(authors, ${editor}::uuid) end
    where id = ${id} and version = ${expectedVersion} and status = 'draft'`.execute(db);
  return Number(r.numAffectedRows) === 1;
}

type Step =
  | { to: 'submitted'; by: string; weights: { criterion: string; weight: number }[] }
  | { to: 'approved'; by: string }
  | { to: 'draft'; by: string; reason: string }
  | { to: 'issued'; by: string; households: number; people: number }
  | { to: 'closed'; by: string };

/** Moves the round on from `from` at that version; false when it is no longer there. */
export async function moveRound(db: Executor, id: string, from: RoundStatus, expectedVersion: number, step: Step): Promise<boolean> {
  const set = step.to === 'submitted' ? sql`, submitted_by = ${step.by}, submitted_at = now(), scored_weights = ${JSON.stringify(step.weights)}::jsonb`
    : step.to === 'approved' ? sql`, approved_by = ${step.by}, approved_at = now()`
      : step.to === 'draft' ? sql`, rejected_reason = ${step.reason}, rejected_by = ${step.by}, rejected_at = now(), submitted_by = null, submitted_at = null, scored_weights = null`
        : step.to === 'issued' ? sql`, issued_by = ${step.by}, issued_at = now(), targeted_households = ${step.households}, targeted_people = ${step.people}`
          : sql`, closed_by = ${step.by}, closed_at = now()`;
  const r = await sql`update distribution_rounds set status = ${step.to}, version = version + 1, updated_at = now() ${set}
    where id = ${id} and status = ${from} and version = ${expectedVersion}`.execute(db);
  return Number(r.numAffectedRows) === 1;
}

// ------------------------------------------------------------------------------ points

export interface PointRef extends Names { id: string; code: string; pcode: string; siteId: string | null }

/** The points of each round, by code. */
export async function roundPoints(db: Executor, roundIds: string[]): Promise<Map<string, PointRef[]>> {
  const result = new Map<string, PointRef[]>(roundIds.map((id) => [id, []]));
  if (roundIds.length === 0) return result;
  const r = await sql<any>`select rp.round_id, l.id, l.code, l.name, l.name_ar, l.name_ckb, l.pcode, l.site_id from round_points rp
    join stock_locations l on l.id = rp.point_id where rp.round_id in (${sql.join(roundIds)}) order by l.code`.execute(db);
  for (const p of r.rows) {
    result.get(p.round_id)!.push({ id: p.id, code: p.code, name: p.name, nameAr: p.name_ar, nameCkb: p.name_ckb, pcode: p.pcode, siteId: p.site_id });
  }
  return result;
}

export async function replacePoints(db: Executor, roundId: string, pointIds: string[]): Promise<void> {
  await db.deleteFrom('round_points').where('round_id', '=', roundId).execute();
  if (pointIds.length) await db.insertInto('round_points').values(pointIds.map((p) => ({ round_id: roundId, point_id: p }))).execute();
}

/**
 * Which of these ids are active distribution points of the organisation. Reads the stock
 * capability's table, read-only (its API owns the points; a round only names them).
 */
export async function activePoints(db: Executor, ids: string[], organizationId: string): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const r = await db.selectFrom('stock_locations').select('id').where('id', 'in', ids).where('kind', '=', 'point')
    .where('active', '=', true).where('organization_id', '=', organizationId).execute();
  return new Set(r.map((x) => x.id));
}
