import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { MemberPair } from '#domain/dedup/api';
import type { Executor } from '../audit/store.ts';

/** Deduplication SQL: pairs and their decisions, merges, and which registries each organisation reaches. */

export interface PairRow {
  id: string; kind: 'household' | 'individual'; householdA: string; householdB: string;
  /** For an individual pair: the person in household a and the person in household b. */
  individualA: string | null; individualB: string | null; score: number; band: 'likely' | 'possible';
  reason: 'head' | 'members' | 'person'; members: MemberPair[]; status: 'open' | 'same' | 'different' | 'superseded';
  source: 'registration' | 'batch'; duplicateReason: string | null; note: string | null;
  decidedBy: string | null; decidedByName: string | null; decidedAt: Date | null; createdAt: Date;
  mergeId: string | null;
}

/** A pair to queue; `a` and `b` in any order. */
export interface NewPair {
  a: string; b: string; score: number; band: 'likely' | 'possible'; reason: 'head' | 'members';
  members: MemberPair[]; source: 'registration' | 'batch'; duplicateReason?: string | null;
}

/** One person in two households that are not one family; `members` holds that one member pair. */
export interface NewPersonPair {
  a: string; b: string; individualA: string; individualB: string; score: number; member: MemberPair;
  source: 'registration' | 'batch'; duplicateReason?: string | null;
}

/** The pair's households in the stored order (a < b), member pairs turned to match. */
export function ordered(p: NewPair): NewPair {
  if (p.a < p.b) return p;
  return { ...p, a: p.b, b: p.a, members: p.members.map((m) => ({ ...m, a: m.b, b: m.a })) };
}

/** Registries an organisation's check and review reach: its own and those shared with it. */
export async function reachableRegistries(db: Executor, organizationCode: string): Promise<string[]> {
  const rows = await db.selectFrom('dedup_sharing').select('registry_code').where('organization_code', '=', organizationCode).execute();
  return [organizationCode, ...rows.map((r) => r.registry_code)];
}

/** The partial unique index of household pairs (a literal: PostgreSQL infers the index from it). */
const isHouseholdPair = sql<boolean>`kind = 'household'`;

/**
 * Queues pairs as open, or refreshes the score of a pair still open. A decided pair (same,
 * different, superseded) is left as it is: "different" is never proposed again.
 */
export async function upsertPairs(db: Executor, pairs: NewPair[]): Promise<void> {
  if (pairs.length === 0) return;
  const rows = pairs.map(ordered).map((p) => ({
    id: uuidv7(), household_a: p.a, household_b: p.b, score: p.score, band: p.band, reason: p.reason,
    members: JSON.stringify(p.members), source: p.source, duplicate_reason: p.duplicateReason ?? null,
  }));
  await db.insertInto('dedup_pairs').values(rows).onConflict((oc) => oc.columns(['household_a', 'household_b']).where(isHouseholdPair).doUpdateSet((eb) => ({
    score: eb.ref('excluded.score'), band: eb.ref('excluded.band'), reason: eb.ref('excluded.reason'), members: eb.ref('excluded.members'),
    duplicate_reason: sql`coalesce(excluded.duplicate_reason, dedup_pairs.duplicate_reason)`, updated_at: new Date(),
  })).where('dedup_pairs.status', '=', 'open')).execute();
}

/**
 * Queues individual pairs as open (households in stored order, the individuals with them), or
 * refreshes one still open; a decided one is left as it is: "different" is never proposed again.
 */
export async function upsertPersonPairs(db: Executor, pairs: NewPersonPair[]): Promise<void> {
  for (const p of pairs) {
    const flip = p.a > p.b;
    const [ha, hb, ia, ib] = flip ? [p.b, p.a, p.individualB, p.individualA] : [p.a, p.b, p.individualA, p.individualB];
    const member = flip ? { ...p.member, a: p.member.b, b: p.member.a } : p.member;
    await sql`insert into dedup_pairs (id, kind, household_a, household_b, individual_a, individual_b, score, band, reason, members, source, duplicate_reason)
      values (${uuidv7()}, 'individual', ${ha}, ${hb}, ${ia}, ${ib}, ${p.score}, 'likely', 'person', ${JSON.stringify([member])}, ${p.source}, ${p.duplicateReason ?? null})
      on conflict (least(individual_a, individual_b), greatest(individual_a, individual_b)) where kind = 'individual'
      do update set household_a = excluded.household_a, household_b = excluded.household_b, individual_a = excluded.individual_a,
        individual_b = excluded.individual_b, score = excluded.score, members = excluded.members,
        duplicate_reason = coalesce(excluded.duplicate_reason, dedup_pairs.duplicate_reason), updated_at = now()
      where dedup_pairs.status = 'open'`.execute(db);
  }
}

/** The households that a decision keeps apart from `householdId` (pairs decided different). */
export async function decidedDifferent(db: Executor, householdId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('dedup_pairs').select(['household_a', 'household_b'])
    .where('kind', '=', 'household').where('status', '=', 'different').where((eb) => eb.or([eb('household_a', '=', householdId), eb('household_b', '=', householdId)])).execute();
  return new Set(rows.map((r) => (r.household_a === householdId ? r.household_b : r.household_a)));
}

/** Existing pairs among these household pairs, keyed `a|b` (ordered), with their status. */
export async function existingPairs(db: Executor, pairs: { a: string; b: string }[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (pairs.length === 0) return out;
  const keys = pairs.map((p) => (p.a < p.b ? [p.a, p.b] : [p.b, p.a]));
  const rows = await db.selectFrom('dedup_pairs').select(['household_a', 'household_b', 'status']).where('kind', '=', 'household')
    .where((eb) => eb.or(keys.map(([a, b]) => eb.and([eb('household_a', '=', a), eb('household_b', '=', b)])))).execute();
  for (const r of rows) out.set(`${r.household_a}|${r.household_b}`, r.status);
  return out;
}

/** Who sees a pair: one household in the reviewer's registry (and scope), the other in one it reaches. */
export interface Reviewer { organizationCode: string; reachable: string[]; scope: readonly string[] }

function visibleTo(r: Reviewer) {
  const mine = (h: string) => sql`(${sql.ref(`${h}.registry`)} = ${r.organizationCode} or ${sql.ref(`${h}.also_registries`)} @> array[${r.organizationCode}]::text[])`;
  const reachable = (h: string) => sql`(${sql.ref(`${h}.registry`)} in (${sql.join(r.reachable)}) or ${sql.ref(`${h}.also_registries`)} && array[${sql.join(r.reachable)}]::text[])`;
  const scoped = (h: string) => (r.scope.length
    ? sql`(${sql.join(r.scope.map((p) => sql`${sql.ref(`${h}.current_pcode`)} like ${`${p}%`}`), sql` or `)})`
    : sql`true`);
  return sql`((${mine('ha')} and ${scoped('ha')} and ${reachable('hb')}) or (${mine('hb')} and ${scoped('hb')} and ${reachable('ha')}))`;
}

const pairFrom = sql`dedup_pairs p
  join (select h.*, o.code as registry from households h join organizations o on o.id = h.registry_organization_id) ha on ha.id = p.household_a
  join (select h.*, o.code as registry from households h join organizations o on o.id = h.registry_organization_id) hb on hb.id = p.household_b
  left join users u on u.id = p.decided_by
  left join dedup_merges m on m.pair_id = p.id and m.undone_at is null`;

const pairColumns = sql`p.*, u.username as decided_by_name, m.id as merge_id`;

function toPair(r: any): PairRow {
  return {
    id: r.id, kind: r.kind, householdA: r.household_a, householdB: r.household_b,
    individualA: r.individual_a ?? null, individualB: r.individual_b ?? null, score: Number(r.score), band: r.band, reason: r.reason,
    members: typeof r.members === 'string' ? JSON.parse(r.members) : r.members, status: r.status, source: r.source,
    duplicateReason: r.duplicate_reason, note: r.note, decidedBy: r.decided_by, decidedByName: r.decided_by_name ?? null,
    decidedAt: r.decided_at ? new Date(r.decided_at) : null, createdAt: new Date(r.created_at), mergeId: r.merge_id ?? null,
  };
}

/** A page of pairs the reviewer may see, best score first, and their number. */
export async function listPairs(db: Executor, r: Reviewer, f: { status: string; registry?: string; page: number; pageSize: number }) {
  const conditions = [sql`p.status = ${f.status}`, visibleTo(r)];
  if (f.registry) conditions.push(sql`(ha.registry = ${f.registry} or hb.registry = ${f.registry})`);
  const where = sql.join(conditions, sql` and `);
  const rows = await sql<any>`select ${pairColumns} from ${pairFrom} where ${where}
    order by p.score desc, p.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`.execute(db);
  const count = await sql<{ n: number }>`select count(*)::int as n from ${pairFrom} where ${where}`.execute(db);
  return { items: rows.rows.map(toPair), total: Number(count.rows[0].n) };
}

/** One pair, if the reviewer may see it. */
export async function getPair(db: Executor, r: Reviewer, id: string): Promise<PairRow | null> {
  const rows = await sql<any>`select ${pairColumns} from ${pairFrom} where p.id = ${id} and ${visibleTo(r)}`.execute(db);
  return rows.rows.length ? toPair(rows.rows[0]) : null;
}

/** Decides an open pair; false when it was no longer open (someone decided first). */
export async function decidePair(db: Executor, id: string, status: 'same' | 'different', actorId: string, note: string | null): Promise<boolean> {
  const r = await db.updateTable('dedup_pairs').set({ status, decided_by: actorId, decided_at: new Date(), note, updated_at: new Date() })
    .where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Sets the status of pairs (re-opening after an undo, superseding after a merge). */
export async function setPairStatus(db: Executor, ids: string[], status: string, onlyIf?: string): Promise<void> {
  if (ids.length === 0) return;
  let q = db.updateTable('dedup_pairs').set({ status, updated_at: new Date(), ...(status === 'open' ? { decided_by: null, decided_at: null } : {}) })
    .where('id', 'in', ids);
  if (onlyIf) q = q.where('status', '=', onlyIf);
  await q.execute();
}

/** Open pairs involving a household, other than `exceptId`. */
export async function openPairsOf(db: Executor, householdId: string, exceptId: string) {
  return db.selectFrom('dedup_pairs').select(['id', 'household_a', 'household_b', 'source']).where('kind', '=', 'household')
    .where('status', '=', 'open').where('id', '<>', exceptId)
    .where((eb) => eb.or([eb('household_a', '=', householdId), eb('household_b', '=', householdId)])).execute();
}

/** Ids of pairs between these households, whatever their status. */
export async function pairIds(db: Executor, pairs: { a: string; b: string }[]): Promise<string[]> {
  if (pairs.length === 0) return [];
  const rows = await db.selectFrom('dedup_pairs').select('id').where('kind', '=', 'household')
    .where((eb) => eb.or(pairs.map((p) => (p.a < p.b ? [p.a, p.b] : [p.b, p.a])).map(([a, b]) => eb.and([eb('household_a', '=', a), eb('household_b', '=', b)])))).execute();
  return rows.map((r) => r.id);
}

export interface MergeRow {
  id: string; pairId: string; survivorId: string; mergedId: string; snapshot: any; note: string | null;
  mergedAt: Date; undoneAt: Date | null;
}

export async function insertMerge(db: Executor, m: { id: string; pairId: string; survivorId: string; mergedId: string; snapshot: unknown; note: string | null; actorId: string }) {
  await db.insertInto('dedup_merges').values({
    id: m.id, pair_id: m.pairId, survivor_id: m.survivorId, merged_id: m.mergedId, snapshot: JSON.stringify(m.snapshot),
    note: m.note, merged_by: m.actorId,
  }).execute();
}

function toMerge(r: any): MergeRow {
  return {
    id: r.id, pairId: r.pair_id, survivorId: r.survivor_id, mergedId: r.merged_id, note: r.note,
    snapshot: typeof r.snapshot === 'string' ? JSON.parse(r.snapshot) : r.snapshot,
    mergedAt: new Date(r.merged_at), undoneAt: r.undone_at ? new Date(r.undone_at) : null,
  };
}

export async function getMerge(db: Executor, id: string): Promise<MergeRow | null> {
  const row = await db.selectFrom('dedup_merges').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toMerge(row) : null;
}

/** Marks a merge undone; false when it already was (someone undid it first). */
export async function markUndone(db: Executor, id: string, actorId: string): Promise<boolean> {
  const r = await db.updateTable('dedup_merges').set({ undone_at: new Date(), undone_by: actorId })
    .where('id', '=', id).where('undone_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
