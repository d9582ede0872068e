import { sql, type RawBuilder } from 'kysely';
import { normalizeDocumentNumber } from '#domain/registry/search-terms';
import type { Executor } from '../audit/store.ts';
import { toRecords, visibleHouseholds, type HouseholdRecord } from './store.ts';

/**
 * Registry SQL for whole files: many households per statement (rows travel as one JSON array, so
 * there is no limit on parameters), reference lookups for a whole file, keyset pages for export.
 */

/** Reserves `count` numbers in the registry's sequence for a governorate; returns the first. */
export async function reserveRegistrationSeqs(db: Executor, registry: string, governorate: string, count: number): Promise<number> {
  const r = await sql<{ last_value: number }>`insert into registration_counters (registry, governorate, last_value)
    values (${registry}, ${governorate}, ${count})
    on conflict (registry, governorate) do update set last_value = registration_counters.last_value + ${count}
    returning last_value`.execute(db);
  return Number(r.rows[0].last_value) - count + 1;
}

const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::text::json`;

/** Inserts new households with their members and documents, in three statements. */
export async function insertHouseholds(db: Executor, records: HouseholdRecord[], actorId: string): Promise<void> {
  if (records.length === 0) return;
  const org = records[0].registryOrganizationId;
  await sql`insert into households (id, registry_organization_id, registration_number, origin_pcode, origin_place,
      displaced_on, current_pcode, current_site_id, current_address, shelter, phone, legal_basis, consent, notes,
      status, size, search_text, version, created_by, updated_by, registered_on, registered_pcode, registered_site_id,
      registered_address, registered_shelter, displacement_status, status_since)
    select t.id, ${org}::uuid, t.n, t.op, t.opl, t.d, t.cp, t.cs, t.ca, t.sh, t.ph, t.lb, t.co, t.no, 'active', t.sz, t.st, 1,
      ${actorId}::uuid, ${actorId}::uuid, t.ro, t.cp, t.cs, t.ca, t.sh, t.ds, t.ss
    from json_to_recordset(${json(records.map(householdJson))}) as t(id uuid, n text, op text, opl text, d text, cp text,
      cs uuid, ca text, sh text, ph text, lb text, co jsonb, no text, sz int, st text, ro date, ds text, ss text)`.execute(db);
  await insertMembers(db, records);
  await insertDocuments(db, records);
}

function householdJson(h: HouseholdRecord) {
  return {
    id: h.id, n: h.registrationNumber, op: h.originPcode, opl: h.originPlace, d: h.displacedOn, cp: h.currentPcode,
    cs: h.currentSiteId, ca: h.currentAddress, sh: h.shelter, ph: h.phone, lb: h.legalBasis, co: h.consent,
    no: h.notes, sz: h.size, st: h.searchText, ro: h.registeredOn, ds: h.displacementStatus, ss: h.statusSince,
  };
}

async function insertMembers(db: Executor, records: HouseholdRecord[]): Promise<void> {
  const rows = records.flatMap((h) => h.members.map((m, position) => ({
    id: m.id, h: h.id, p: position, r: m.relationship, g: m.givenName, f: m.fatherName, gf: m.grandfatherName,
    fa: m.familyName, s: m.sex, b: m.birthDate, nd: m.noDocuments, sn: m.specificNeeds, ss: m.sensitiveNeeds,
  })));
  await sql`insert into individuals (id, household_id, position, relationship, given_name, father_name, grandfather_name,
      family_name, sex, birth_date, no_documents, specific_needs, sensitive_needs)
    select t.id, t.h, t.p, t.r, t.g, t.f, t.gf, t.fa, t.s, t.b, t.nd, coalesce(t.sn, '{}'), t.ss
    from json_to_recordset(${json(rows)}) as t(id uuid, h uuid, p smallint, r text, g text, f text, gf text, fa text,
      s text, b text, nd boolean, sn text[], ss text)`.execute(db);
}

async function insertDocuments(db: Executor, records: HouseholdRecord[]): Promise<void> {
  const rows = records.flatMap((h) => h.members.flatMap((m) => m.documents.map((d, position) => ({
    i: m.id, p: position, t: d.type, n: d.number, nn: normalizeDocumentNumber(d.number),
  }))));
  if (rows.length === 0) return;
  await sql`insert into identity_documents (individual_id, position, type, number, number_norm)
    select t.i, t.p, t.t, t.n, t.nn from json_to_recordset(${json(rows)}) as t(i uuid, p smallint, t text, n text, nn text)`.execute(db);
}

/** One history row per household, all at version 1. */
export async function insertHistories(db: Executor, entries: { householdId: string; changes: unknown }[], action: string, actorId: string) {
  if (entries.length === 0) return;
  const rows = entries.map((e) => ({ h: e.householdId, c: e.changes }));
  await sql`insert into household_history (household_id, version, action, changes, actor_id)
    select t.h, 1, ${action}, t.c, ${actorId}::uuid from json_to_recordset(${json(rows)}) as t(h uuid, c jsonb)`.execute(db);
}

/**
 * Refreshes the planner's statistics after a large write: without them (PGlite runs no autovacuum)
 * PostgreSQL plans for a few rows and scans whole tables.
 */
export async function analyzeRegistry(db: Executor): Promise<void> {
  await sql`analyze households, individuals, identity_documents, household_history`.execute(db);
}

/** The household and individual ids among these that are already taken. */
export async function takenIds(db: Executor, households: string[], individuals: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  if (households.length) {
    for (const r of await db.selectFrom('households').select('id').where('id', 'in', households).execute()) taken.add(r.id);
  }
  if (individuals.length) {
    for (const r of await db.selectFrom('individuals').select('id').where('id', 'in', individuals).execute()) taken.add(r.id);
  }
  return taken;
}


export interface PageFilter { organizationId: string; organizationCode?: string; scope: readonly string[]; area?: string }

function pageWhere(f: PageFilter, afterId: string | null = null) {
  const conditions = visibleHouseholds(f);
  if (afterId) conditions.push(sql`h.id > ${afterId}`);
  return sql.join(conditions, sql` and `);
}

/** How many households an export with this filter writes. */
export async function countHouseholds(db: Executor, f: PageFilter): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from households h where ${pageWhere(f)}`.execute(db);
  return Number(r.rows[0].n);
}

/** The next `limit` households after `afterId` in id order (merged ones left out), with members. */
export function householdPage(db: Executor, f: PageFilter, afterId: string | null, limit: number): Promise<HouseholdRecord[]> {
  return pageOf(db, pageWhere(f, afterId), limit);
}

/** The next `limit` households of every registry after `afterId` in id order, merged ones too. */
export function everyHouseholdPage(db: Executor, afterId: string | null, limit: number): Promise<HouseholdRecord[]> {
  return pageOf(db, afterId ? sql`h.id > ${afterId}` : sql`true`, limit);
}

async function pageOf(db: Executor, where: RawBuilder<unknown>, limit: number): Promise<HouseholdRecord[]> {
  const households = await sql<any>`select h.*, o.code as registry from households h
    join organizations o on o.id = h.registry_organization_id
    where ${where} order by h.id limit ${limit}`.execute(db);
  if (households.rows.length === 0) return [];
  const ids = households.rows.map((h) => h.id as string);
  const people = await sql<any>`select * from individuals where household_id in (${sql.join(ids)})
    order by household_id, position`.execute(db);
  const docs = people.rows.length === 0 ? { rows: [] } : await sql<any>`select individual_id, type, number from identity_documents
    where individual_id in (${sql.join(people.rows.map((p) => p.id as string))}) order by individual_id, position`.execute(db);
  return toRecords(households.rows, people.rows, docs.rows);
}
