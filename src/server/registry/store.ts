import { sql } from 'kysely';
import type { Household, HouseholdSummary } from '#domain/registry/household';
import { normalizeDocumentNumber } from '#domain/registry/search-terms';
import type { Executor } from '../audit/store.ts';
import type { HouseholdRow, IndividualRow } from '../db/schema.ts';

/** Registry SQL: households, their members and documents, history, counters, idempotency. */

export interface StoredMember {
  id: string; relationship: string; givenName: string; fatherName: string | null; grandfatherName: string | null;
  familyName: string | null; sex: string; birthDate: string | null; documents: { type: string; number: string }[];
  noDocuments: boolean; specificNeeds: string[]; sensitiveNeeds: string | null;
  /** Set by dedup (a merge, or an individual pair decided same); registration never writes it. */
  sameAs?: string | null;
}

export interface HouseholdRecord {
  id: string; registryOrganizationId: string; registry: string; registrationNumber: string;
  originPcode: string; originPlace: string | null; displacedOn: string | null; currentPcode: string;
  currentSiteId: string | null; currentAddress: string | null; shelter: string; phone: string | null;
  legalBasis: string; consent: Household['consent']; notes: string | null; status: string; size: number;
  searchText: string; version: number; createdAt: Date; updatedAt: Date; members: StoredMember[];
  /** After merges: the household this one was merged into, and the numbers and registries merged into this one. */
  mergedInto?: string | null; mergedNumbers?: string[]; alsoRegistries?: string[];
  /**
   * The day and place of registration. `current*` and `shelter` are where the timeline has the
   * household now: the registration place, or the last movement's destination (`lastMovementId`).
   */
  registeredOn: string; registered: RegisteredPlace;
  displacementStatus: string; statusSince: string | null; lastMovementId: string | null;
}

export interface RegisteredPlace { pcode: string; siteId: string | null; address: string | null; shelter: string }

/** A date column as YYYY-MM-DD, whichever driver read it (PGlite gives a Date, pg the text). */
export const dayText = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

/** The next number in the registry's sequence for a governorate (atomic under concurrency). */
export async function nextRegistrationSeq(db: Executor, registry: string, governorate: string): Promise<number> {
  const r = await sql<{ last_value: number }>`insert into registration_counters (registry, governorate, last_value)
    values (${registry}, ${governorate}, 1)
    on conflict (registry, governorate) do update set last_value = registration_counters.last_value + 1
    returning last_value`.execute(db);
  return Number(r.rows[0].last_value);
}

function householdValues(h: HouseholdRecord) {
  return {
    origin_pcode: h.originPcode, origin_place: h.originPlace, displaced_on: h.displacedOn,
    current_pcode: h.currentPcode, current_site_id: h.currentSiteId, current_address: h.currentAddress,
    shelter: h.shelter, phone: h.phone, legal_basis: h.legalBasis, consent: JSON.stringify(h.consent),
    notes: h.notes, status: h.status, size: h.size, search_text: h.searchText,
    registered_pcode: h.registered.pcode, registered_site_id: h.registered.siteId, registered_address: h.registered.address,
    registered_shelter: h.registered.shelter, displacement_status: h.displacementStatus, status_since: h.statusSince,
    last_movement_id: h.lastMovementId,
  };
}

export async function insertHousehold(db: Executor, h: HouseholdRecord, actorId: string) {
  await db.insertInto('households').values({
    id: h.id, registry_organization_id: h.registryOrganizationId, registration_number: h.registrationNumber,
    registered_on: h.registeredOn, ...householdValues(h), version: 1, created_by: actorId, updated_by: actorId,
  }).execute();
  await insertMembers(db, h.id, h.members);
}

/** Writes the new state if the version still matches; false when someone else wrote first. */
export async function updateHousehold(db: Executor, h: HouseholdRecord, expectedVersion: number, actorId: string): Promise<boolean> {
  const r = await db.updateTable('households')
    .set({ ...householdValues(h), version: expectedVersion + 1, updated_at: new Date(), updated_by: actorId })
    .where('id', '=', h.id).where('version', '=', expectedVersion).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return false;
  await db.deleteFrom('individuals').where('household_id', '=', h.id)
    .where('id', 'not in', h.members.map((m) => m.id)).execute();
  await insertMembers(db, h.id, h.members);
  return true;
}

async function insertMembers(db: Executor, householdId: string, members: StoredMember[]) {
  if (members.length === 0) return;
  await db.deleteFrom('identity_documents').where('individual_id', 'in', members.map((m) => m.id)).execute();
  // The head moves last so that the one-head index never sees two heads mid-update.
  await db.updateTable('individuals').set({ relationship: 'other_relative' })
    .where('household_id', '=', householdId).where('relationship', '=', 'head').execute();
  await db.insertInto('individuals').values(members.map((m, position) => ({
    id: m.id, household_id: householdId, position, relationship: m.relationship, given_name: m.givenName,
    father_name: m.fatherName, grandfather_name: m.grandfatherName, family_name: m.familyName, sex: m.sex,
    birth_date: m.birthDate, no_documents: m.noDocuments, specific_needs: m.specificNeeds, sensitive_needs: m.sensitiveNeeds,
  }))).onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({
    position: eb.ref('excluded.position'), relationship: eb.ref('excluded.relationship'),
    given_name: eb.ref('excluded.given_name'), father_name: eb.ref('excluded.father_name'),
    grandfather_name: eb.ref('excluded.grandfather_name'), family_name: eb.ref('excluded.family_name'),
    sex: eb.ref('excluded.sex'), birth_date: eb.ref('excluded.birth_date'), no_documents: eb.ref('excluded.no_documents'),
    specific_needs: eb.ref('excluded.specific_needs'), sensitive_needs: eb.ref('excluded.sensitive_needs'),
  })).where('individuals.household_id', '=', householdId)).execute();
  const docs = members.flatMap((m) => m.documents.map((d, position) => ({
    individual_id: m.id, position, type: d.type, number: d.number, number_norm: normalizeDocumentNumber(d.number),
  })));
  if (docs.length) await db.insertInto('identity_documents').values(docs).execute();
}

/** Where the timeline has the household now (written after its timeline is applied, same version). */
export async function setCurrentState(db: Executor, id: string, s: {
  pcode: string | null; siteId: string | null; address: string | null; shelter: string | null; status: string; since: string; movementId: string | null;
}) {
  await db.updateTable('households').set((eb) => ({
    // Abroad there is no P-code, and after a return no shelter: the last ones known stay, so the
    // household stays with the clerks of its last place in Iraq (figures count stays, not these).
    current_pcode: s.pcode ?? eb.ref('current_pcode'), current_site_id: s.siteId, current_address: s.address,
    shelter: s.shelter ?? eb.ref('shelter'), displacement_status: s.status, status_since: s.since, last_movement_id: s.movementId,
  })).where('id', '=', id).execute();
}

/** Member ids among `ids` that already belong to another household. */
export async function membersElsewhere(db: Executor, householdId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('individuals').select('id').where('id', 'in', ids).where('household_id', '<>', householdId).execute();
  return rows.map((r) => r.id);
}

export async function getHousehold(db: Executor, id: string): Promise<HouseholdRecord | null> {
  const row = await db.selectFrom('households').innerJoin('organizations as o', 'o.id', 'households.registry_organization_id')
    .selectAll('households').select('o.code as registry').where('households.id', '=', id).executeTakeFirst();
  if (!row) return null;
  const people = await db.selectFrom('individuals').selectAll().where('household_id', '=', id).orderBy('position').execute();
  const docs = people.length
    ? await db.selectFrom('identity_documents').selectAll().where('individual_id', 'in', people.map((p) => p.id)).orderBy('position').execute()
    : [];
  return toRecords([row], people, docs)[0];
}

/** Stored rows (households with `registry`, their members, their documents) as records. */
export function toRecords(rows: (HouseholdRow & { registry: string })[], people: IndividualRow[], docs: { individual_id: string; type: string; number: string }[]): HouseholdRecord[] {
  const documents = groupBy(docs, (d) => d.individual_id);
  const members = groupBy(people, (p) => p.household_id as string);
  return rows.map((row) => ({
    id: row.id, registryOrganizationId: row.registry_organization_id, registry: row.registry,
    registrationNumber: row.registration_number, originPcode: row.origin_pcode, originPlace: row.origin_place,
    displacedOn: row.displaced_on, currentPcode: row.current_pcode, currentSiteId: row.current_site_id,
    currentAddress: row.current_address, shelter: row.shelter, phone: row.phone, legalBasis: row.legal_basis,
    consent: (typeof row.consent === 'string' ? JSON.parse(row.consent) : row.consent) as Household['consent'],
    notes: row.notes, status: row.status, size: row.size, searchText: row.search_text, version: row.version,
    createdAt: new Date(row.created_at), updatedAt: new Date(row.updated_at),
    mergedInto: row.merged_into ?? null, mergedNumbers: row.merged_numbers ?? [], alsoRegistries: row.also_registries ?? [],
    registeredOn: dayText(row.registered_on),
    registered: { pcode: row.registered_pcode, siteId: row.registered_site_id, address: row.registered_address, shelter: row.registered_shelter },
    displacementStatus: row.displacement_status, statusSince: row.status_since, lastMovementId: row.last_movement_id,
    members: (members.get(row.id) ?? []).map((p): StoredMember => ({
      id: p.id, relationship: p.relationship, givenName: p.given_name, fatherName: p.father_name,
      grandfatherName: p.grandfather_name, familyName: p.family_name, sex: p.sex, birthDate: p.birth_date,
      documents: (documents.get(p.id) ?? []).map((d) => ({ type: d.type, number: d.number })),
      noDocuments: p.no_documents, specificNeeds: p.specific_needs, sensitiveNeeds: p.sensitive_needs, sameAs: p.same_as ?? null,
    })),
  }));
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export interface SearchFilter {
  organizationId: string; organizationCode?: string; scope: readonly string[]; terms: string[][]; area?: string; site?: string; page: number; pageSize: number;
}

/**
 * The households of one registry inside a scope (and an area, when asked), merged ones left out:
 * its own, and those a merge made its too (a survivor carries the registries merged into it).
 */
export function visibleHouseholds(f: { organizationId: string; organizationCode?: string; scope: readonly string[]; area?: string; site?: string }) {
  const registry = f.organizationCode
    ? sql`(h.registry_organization_id = ${f.organizationId} or h.also_registries @> array[${f.organizationCode}]::text[])`
    : sql`h.registry_organization_id = ${f.organizationId}`;
  const conditions = [registry, sql`h.status <> 'merged'`];
  if (f.scope.length) conditions.push(sql`(${sql.join(f.scope.map((p) => sql`h.current_pcode like ${`${p}%`}`), sql` or `)})`);
  if (f.area) conditions.push(sql`(h.current_pcode like ${`${f.area}%`} or h.origin_pcode like ${`${f.area}%`})`);
  if (f.site) conditions.push(sql`h.current_site_id = ${f.site}`);
  return conditions;
}

/** A page of households matching every term as a word prefix, newest first, and the total (capped). */
export async function searchHouseholds(db: Executor, f: SearchFilter): Promise<{ items: HouseholdSummary[]; total: number }> {
  const conditions = visibleHouseholds(f);
  for (const alternatives of f.terms) {
    const likes = alternatives.map((w) => sql`h.search_text like ${`% ${w.replace(/[%_\\]/g, '\\$&')}%`}`);
    conditions.push(sql`(${sql.join(likes, sql` or `)})`);
  }
  const where = sql.join(conditions, sql` and `);
  // The page is chosen first; the head's name is joined for those rows only.
  const rows = await sql<any>`with page as materialized (
      select h.id, h.registration_number, h.registry_organization_id, h.size, h.current_pcode, h.origin_pcode,
        h.shelter, h.status, h.updated_at
      from households h where ${where} order by h.updated_at desc, h.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize})
    select page.*, o.code as registry, concat_ws(' ', i.given_name, i.father_name, i.grandfather_name, i.family_name) as head_name
    from page join organizations o on o.id = page.registry_organization_id
    left join individuals i on i.household_id = page.id and i.relationship = 'head'
    order by page.updated_at desc, page.id`.execute(db);
  const count = await sql<{ n: number }>`select count(*)::int as n from (select 1 from households h where ${where} limit 10001) x`.execute(db);
  return {
    total: Number(count.rows[0].n),
    items: rows.rows.map((r) => ({
      id: r.id, registrationNumber: r.registration_number, registry: r.registry, headName: r.head_name ?? '',
      size: r.size, currentPcode: r.current_pcode, originPcode: r.origin_pcode, shelter: r.shelter, status: r.status,
      updatedAt: new Date(r.updated_at).toISOString(),
    })),
  };
}

export async function insertHistory(db: Executor, e: { householdId: string; version: number; action: string; changes: unknown; actorId: string }) {
  await db.insertInto('household_history').values({
    household_id: e.householdId, version: e.version, action: e.action, changes: JSON.stringify(e.changes), actor_id: e.actorId,
  }).execute();
}

export async function history(db: Executor, householdId: string) {
  return db.selectFrom('household_history').leftJoin('users as u', 'u.id', 'household_history.actor_id')
    .select(['household_history.version', 'household_history.at', 'household_history.action', 'household_history.changes', 'u.id as actor_id', 'u.username'])
    .where('household_id', '=', householdId).orderBy('household_history.version', 'desc').execute();
}
