import { sql } from 'kysely';
import type { PairHousehold } from '#domain/dedup/api';
import type { MatchableHousehold } from '#domain/dedup/household';
import type { Executor } from '../audit/store.ts';

/**
 * Registry SQL for deduplication: households as the matcher reads them (names, sex, birth dates,
 * documents, phone, origin; never specific needs), as a reviewer compares them, and the writes of
 * a merge (members moved or linked, the merge columns).
 */

export interface MatchingHousehold extends MatchableHousehold { version: number; status: string }

/** Members of these households: by id, or (a page in id order) by the range of their ids. */
type Which = { ids: string[] } | { from: string; to: string };
const householdsIn = (w: Which) => ('ids' in w
  ? sql`i.household_id in (${sql.join(w.ids)})`
  : sql`i.household_id between ${w.from} and ${w.to}`);

const membersOf = (w: Which) => sql`select i.id, i.household_id, i.relationship, i.given_name, i.father_name,
    i.grandfather_name, i.family_name, i.sex, i.birth_date
  from individuals i where ${householdsIn(w)} order by i.household_id, i.position`;

async function withMembers(db: Executor, rows: any[], which?: Which): Promise<MatchingHousehold[]> {
  if (rows.length === 0) return [];
  const w = which ?? { ids: rows.map((r) => r.id as string) };
  const people = (await membersOf(w).execute(db)).rows as any[];
  const docs = (await sql<any>`select d.individual_id, d.number from identity_documents d
    join individuals i on i.id = d.individual_id where ${householdsIn(w)}`.execute(db)).rows;
  const numbers = new Map<string, { number: string }[]>();
  for (const d of docs) numbers.set(d.individual_id, [...(numbers.get(d.individual_id) ?? []), { number: d.number }]);
  const members = new Map<string, MatchableHousehold['members'][number][]>();
  for (const p of people) {
    const list = members.get(p.household_id) ?? [];
    list.push({
      id: p.id, relationship: p.relationship, givenName: p.given_name, fatherName: p.father_name, grandfatherName: p.grandfather_name,
      familyName: p.family_name, sex: p.sex, birthDate: p.birth_date, documents: numbers.get(p.id) ?? [],
    });
    members.set(p.household_id, list);
  }
  return rows.map((r) => ({
    id: r.id, registry: r.registry, version: r.version, status: r.status, originPcode: r.origin_pcode, phone: r.phone,
    members: members.get(r.id) ?? [],
  }));
}

const householdColumns = sql`h.id, o.code as registry, h.version, h.status, h.origin_pcode, h.phone`;

/**
 * The next `limit` households not merged away, in id order after `afterId`, with their members
 * (read by the page's id range: one index range scan, not a list of a thousand ids).
 */
export async function matchingPage(db: Executor, afterId: string | null, limit: number): Promise<MatchingHousehold[]> {
  const after = afterId ? sql`and h.id > ${afterId}` : sql``;
  const rows = (await sql<any>`select ${householdColumns} from households h join organizations o on o.id = h.registry_organization_id
    where h.status <> 'merged' ${after} order by h.id limit ${limit}`.execute(db)).rows;
  if (rows.length === 0) return [];
  return withMembers(db, rows, { from: rows[0].id, to: rows[rows.length - 1].id });
}

/** These households (any status), with their members. */
export async function matchingByIds(db: Executor, ids: string[]): Promise<MatchingHousehold[]> {
  if (ids.length === 0) return [];
  const rows = await sql<any>`select ${householdColumns} from households h join organizations o on o.id = h.registry_organization_id
    where h.id in (${sql.join(ids)})`.execute(db);
  return withMembers(db, rows.rows);
}

/** These households as a reviewer compares them, by id. */
export async function displayByIds(db: Executor, ids: string[]): Promise<Map<string, PairHousehold>> {
  const out = new Map<string, PairHousehold>();
  if (ids.length === 0) return out;
  const rows = (await sql<any>`select h.*, o.code as registry from households h join organizations o on o.id = h.registry_organization_id
    where h.id in (${sql.join(ids)})`.execute(db)).rows;
  const people = (await membersOf({ ids }).execute(db)).rows as any[];
  for (const r of rows) {
    out.set(r.id, {
      id: r.id, registrationNumber: r.registration_number, registrationNumbers: [r.registration_number, ...(r.merged_numbers ?? [])],
      registry: r.registry, registries: [r.registry, ...(r.also_registries ?? [])], status: r.status, mergedInto: r.merged_into ?? null,
      origin: { pcode: r.origin_pcode, place: r.origin_place }, displacedOn: r.displaced_on,
      current: { pcode: r.current_pcode, siteId: r.current_site_id, address: r.current_address },
      size: r.size, createdAt: new Date(r.created_at).toISOString(),
      members: people.filter((p) => p.household_id === r.id).map((p) => ({
        id: p.id, relationship: p.relationship, givenName: p.given_name, fatherName: p.father_name,
        grandfatherName: p.grandfather_name, familyName: p.family_name, sex: p.sex, birthDate: p.birth_date,
      })),
    });
  }
  return out;
}

/** Locks both households' rows, in id order so that two merges cannot deadlock. */
export async function lockHouseholds(db: Executor, ids: string[]): Promise<void> {
  await sql`select id from households where id in (${sql.join(ids)}) order by id for update`.execute(db);
}

export interface MemberPlace { id: string; position: number; relationship: string }

/** Moves members into a household after its own; a head moved in becomes another relative. */
export async function moveMembersInto(db: Executor, householdId: string, ids: string[], firstPosition: number): Promise<void> {
  for (const [k, id] of ids.entries()) {
    await sql`update individuals set household_id = ${householdId}, position = ${firstPosition + k},
      relationship = case when relationship = 'head' then 'other_relative' else relationship end where id = ${id}`.execute(db);
  }
}

/** Puts members back where they were (undoing a move). */
export async function moveMembersBack(db: Executor, householdId: string, places: MemberPlace[]): Promise<void> {
  for (const p of places) {
    await sql`update individuals set household_id = ${householdId}, position = ${p.position}, relationship = ${p.relationship}
      where id = ${p.id}`.execute(db);
  }
}

/** Links members of a merged household to the survivor's member who is the same person (null: unlinks). */
export async function linkMembers(db: Executor, links: { individualId: string; sameAs: string | null }[]): Promise<void> {
  for (const l of links) await sql`update individuals set same_as = ${l.sameAs} where id = ${l.individualId}`.execute(db);
}

/** Gives a household its next version (a change to its members' links, not to its columns). */
export async function touchHousehold(db: Executor, id: string, version: number, actorId: string): Promise<void> {
  await db.updateTable('households').set({ version, updated_at: new Date(), updated_by: actorId }).where('id', '=', id).execute();
}

export interface MergeColumns {
  status: string; mergedInto: string | null; mergedNumbers: string[]; alsoRegistries: string[];
  size: number; searchText: string; version: number; actorId: string;
}

/** Writes a household's merge state (and its next version). */
export async function setMergeColumns(db: Executor, id: string, c: MergeColumns): Promise<void> {
  await db.updateTable('households').set({
    status: c.status, merged_into: c.mergedInto, merged_numbers: c.mergedNumbers, also_registries: c.alsoRegistries,
    size: c.size, search_text: c.searchText, version: c.version, updated_at: new Date(), updated_by: c.actorId,
  }).where('id', '=', id).execute();
}

/** The household of each of these individuals. */
export async function householdsOfIndividuals(db: Executor, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('individuals').select(['id', 'household_id']).where('id', 'in', ids).execute();
  for (const r of rows) out.set(r.id, r.household_id);
  return out;
}
