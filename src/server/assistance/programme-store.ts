import { sql } from 'kysely';
import type { Programme, ProgrammeQuery } from '#domain/assistance/programmes';
import type { Executor } from '../audit/store.ts';

/** SQL of programmes. */

export const iso = (v: unknown): string => new Date(v as string).toISOString();
/** A jsonb column, whichever driver read it. */
export const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export type ProgrammeRecord = Omit<Programme, 'rounds'> & { organizationId: string };

const select = sql`p.id, p.code, p.name, p.name_ar, p.name_ckb, p.organization_id, o.code as organization_code, p.sector_code,
  p.areas, p.starts_on::text as starts_on, p.ends_on::text as ends_on, p.status, p.version, u.username as created_by, p.created_at`;
const from = sql`programmes p join organizations o on o.id = p.organization_id left join users u on u.id = p.created_by`;

function toProgramme(r: any): ProgrammeRecord {
  return {
    id: r.id, code: r.code, name: r.name, nameAr: r.name_ar, nameCkb: r.name_ckb,
    organizationId: r.organization_id, organization: { id: r.organization_id, code: r.organization_code },
    sector: r.sector_code, areas: r.areas ?? [], startsOn: r.starts_on, endsOn: r.ends_on, status: r.status,
    version: r.version, createdBy: r.created_by ?? null, createdAt: iso(r.created_at),
  };
}

export interface ProgrammeValues {
  name: string; nameAr: string | null; nameCkb: string | null; areas: string[]; startsOn: string; endsOn: string | null; status: 'active' | 'closed';
}

export async function insertProgramme(db: Executor, p: ProgrammeValues & { id: string; code: string; sector: string; organizationId: string; createdBy: string }) {
  await db.insertInto('programmes').values({
    id: p.id, code: p.code, name: p.name, name_ar: p.nameAr, name_ckb: p.nameCkb, organization_id: p.organizationId,
    sector_code: p.sector, areas: p.areas, starts_on: p.startsOn, ends_on: p.endsOn, status: p.status, created_by: p.createdBy,
  }).execute();
}

/** A programme; `lock` holds it (and so the numbering of its rounds) until the transaction ends. */
export async function getProgramme(db: Executor, id: string, lock = false): Promise<ProgrammeRecord | null> {
  const r = await sql<any>`select ${select} from ${from} where p.id = ${id} ${lock ? sql`for update of p` : sql``}`.execute(db);
  return r.rows[0] ? toProgramme(r.rows[0]) : null;
}

export async function programmeByCode(db: Executor, code: string): Promise<ProgrammeRecord | null> {
  const r = await sql<any>`select ${select} from ${from} where p.code = ${code}`.execute(db);
  return r.rows[0] ? toProgramme(r.rows[0]) : null;
}

/** Writes the new values if the version still matches; false when someone else wrote first. */
export async function updateProgramme(db: Executor, id: string, v: ProgrammeValues, expectedVersion: number): Promise<boolean> {
  const r = await db.updateTable('programmes').set({
    name: v.name, name_ar: v.nameAr, name_ckb: v.nameCkb, areas: v.areas, starts_on: v.startsOn, ends_on: v.endsOn, status: v.status,
    version: expectedVersion + 1,
  }).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** An organisation's programmes, newest first. */
export async function listProgrammes(db: Executor, organizationId: string, f: ProgrammeQuery): Promise<{ items: ProgrammeRecord[]; total: number }> {
  const like = f.q ? `%${f.q.replace(/[%_\\]/g, '\\$&')}%` : null;
  const where = sql.join([
    sql`p.organization_id = ${organizationId}`,
    ...(f.sector ? [sql`p.sector_code = ${f.sector}`] : []),
    ...(f.status ? [sql`p.status = ${f.status}`] : []),
    ...(like ? [sql`(p.code ilike ${like} or p.name ilike ${like} or p.name_ar ilike ${like} or p.name_ckb ilike ${like})`] : []),
  ], sql` and `);
  const [rows, count] = await Promise.all([
    sql<any>`select ${select} from ${from} where ${where} order by p.starts_on desc, p.code limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from programmes p where ${where}`.execute(db),
  ]);
  return { items: rows.rows.map(toProgramme), total: count.rows[0].n };
}

/** How many rounds each programme has. */
export async function roundCounts(db: Executor, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const r = await sql<{ id: string; n: number }>`select programme_id as id, count(*)::int as n from distribution_rounds
    where programme_id in (${sql.join(ids)}) group by programme_id`.execute(db);
  return new Map(r.rows.map((x) => [x.id, x.n]));
}
