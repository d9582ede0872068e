import { expect } from 'vitest';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Client } from '../../../test/client.ts';
import type { TestServer } from '../../../test/server.ts';
import { householdInput, makeUser } from '../../../test/factories.ts';
import { actorByUserId } from '../identity/store.ts';
import { insertOrganization } from '../identity/users-store.ts';

/**
 * Test data for programmes, rounds and targeting, made fresh per test: each test works in an
 * organisation of its own (its registry, its programmes, its people), so that tests of one file
 * (one database) never target each other's households.
 */

let sequence = 0;
const next = () => { sequence += 1; return sequence; };
const random = () => Math.random().toString(36).slice(2, 7);

/** A new organisation with a clerk, two programme managers (a maker and a checker) and a distribution officer. */
export async function organisation(server: TestServer) {
  const code = `T${next()}${random().toUpperCase()}`.slice(0, 16).replace(/[^A-Z0-9]/g, 'X');
  const org = (await insertOrganization(server.ctx.db.kysely, uuidv7(), { code, name: `Test ${code}`, nameAr: null, nameCkb: null, kind: 'ngo' }))!;
  const user = async (role: string) => {
    const made = await makeUser(server, { org: code, role });
    return { ...made, actor: (await actorByUserId(server.ctx.db.kysely, made.user.id))! };
  };
  const [clerk, maker, checker, officer] = [await user('registration_officer'), await user('programme_manager'), await user('programme_manager'), await user('distribution_officer')];
  return { org, code, clerk, maker, checker, officer, user };
}
export type Org = Awaited<ReturnType<typeof organisation>>;

const SYLLABLES = ['ba', 'ka', 'du', 'ri', 'mo', 'ze', 'lu', 'fa', 'ni', 'to', 'sa', 'ga', 'ha', 'ju', 'wi', 'ye', 'qo', 'xa', 'vo', 'pe'];
/** A made-up name nobody else in the database has, so that no duplicate pair is queued by chance. */
const name = () => {
  const n = Math.floor(Math.random() * SYLLABLES.length ** 4);
  const s = [0, 1, 2, 3].map((k) => SYLLABLES[Math.floor(n / SYLLABLES.length ** k) % SYLLABLES.length]).join('');
  return s[0].toUpperCase() + s.slice(1);
};

export interface MemberSpec { sex?: 'm' | 'f'; birth?: string | null; needs?: string[]; relationship?: string }
export interface FamilySpec {
  members?: MemberSpec[]; size?: number; pcode?: string; siteId?: string | null; shelter?: string; displacedOn?: string;
  names?: string[];
}

/** A household body: the head first, then the other members; names random unless given (`names`: the head's four). */
export function family(spec: FamilySpec = {}) {
  const members: MemberSpec[] = spec.members ?? Array.from({ length: spec.size ?? 4 }, () => ({}));
  const family = spec.names?.[3] ?? name();
  return householdInput({
    phone: `0750 ${String(Math.floor(Math.random() * 1e7)).padStart(7, '0').replace(/(\d{3})(\d{4})/, '$1 $2')}`,
    displacedOn: spec.displacedOn ?? '2014-08',
    current: { pcode: spec.pcode ?? 'IQG11Q01', siteId: spec.siteId ?? null, address: null },
    shelter: spec.shelter ?? 'host_family',
    members: members.map((m, i) => ({
      relationship: m.relationship ?? (i === 0 ? 'head' : i === 1 ? 'spouse' : 'son'),
      givenName: i === 0 && spec.names ? spec.names[0] : name(), fatherName: i === 0 && spec.names ? spec.names[1] : name(),
      grandfatherName: i === 0 && spec.names ? spec.names[2] : name(), familyName: family,
      sex: m.sex ?? (i === 1 ? 'f' : 'm'), birthDate: m.birth === undefined ? (i < 2 ? '1980' : '2008') : m.birth,
      specificNeeds: m.needs ?? [],
    })),
  });
}

/** Registers a household through the API and returns it. */
export async function register(clerk: Client, spec: FamilySpec = {}, over: Record<string, unknown> = {}) {
  const res = await clerk.post('/api/households', { ...family(spec), ...over });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; registrationNumber: string; size: number; version: number };
}

/** A new programme of the client's organisation (shelter and NFI, Erbil and Duhok, from 2014). */
export async function newProgramme(client: Client, over: Record<string, unknown> = {}) {
  const res = await client.post('/api/programmes', {
    code: `P-${next()}-${random().toUpperCase()}`, name: 'Winterisation 2014', nameAr: 'الاستجابة الشتوية 2014', sector: 'shelter_nfi',
    areas: ['IQG11', 'IQG09'], startsOn: '2014-09-01', endsOn: '2015-12-31', ...over,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; code: string; version: number };
}

/** One food parcel per household. */
export const PARCEL = { parts: [{ per: 'household', lines: [{ code: 'food_parcel', quantity: 1 }] }] };

/** A draft round of the programme (November 2014). */
export async function newRound(client: Client, programmeId: string, over: Record<string, unknown> = {}) {
  const res = await client.post(`/api/programmes/${programmeId}/rounds`, { startsOn: '2014-11-01', endsOn: '2014-11-30', formula: PARCEL, ...over });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; number: number; version: number; status: string };
}

/** Submitted by the maker, approved by the checker; returns the approved round. */
export async function approve(o: Org, roundId: string) {
  const round = (await o.maker.client.get(`/api/distribution-rounds/${roundId}`)).body;
  const submitted = await o.maker.client.post(`/api/distribution-rounds/${roundId}/submit`, { version: round.version });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  const approved = await o.checker.client.post(`/api/distribution-rounds/${roundId}/approve`, { version: submitted.body.version });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  return approved.body;
}

/** A round drafted with these rules and formula, approved and issued; returns the issue answer. */
export async function issued(o: Org, programmeId: string, over: Record<string, unknown> = {}) {
  const round = await newRound(o.maker.client, programmeId, over);
  const approved = await approve(o, round.id);
  const res = await o.maker.client.post(`/api/distribution-rounds/${round.id}/issue`, { version: approved.version });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { round: { id: string; targetedHouseholds: number; targetedPeople: number }; created: number };
}

/** Every entitlement of a round (one page of up to 500). */
export async function entitlementsOf(client: Client, roundId: string, query = '') {
  const res = await client.get(`/api/distribution-rounds/${roundId}/entitlements?pageSize=500${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as { id: string; household: { id: string; registrationNumber: string }; point: { id: string } | null; contents: { code: string; quantity: number }[]; people: number; score: number; status: string; pcode: string }[];
}

/** A distribution point of the organisation (written directly: the stock capability owns its API). */
export async function newPoint(server: TestServer, o: Org, over: {
  pcode?: string; siteId?: string | null; active?: boolean; kind?: string; name?: string; nameAr?: string; nameCkb?: string;
} = {}) {
  const id = uuidv7();
  await server.ctx.db.kysely.insertInto('stock_locations').values({
    id, code: `PT-${next()}-${random().toUpperCase()}`, kind: over.kind ?? 'point', pcode: over.pcode ?? 'IQG11Q01',
    name: over.name ?? 'Point', name_ar: over.nameAr ?? null, name_ckb: over.nameCkb ?? null,
    site_id: over.siteId ?? null, organization_id: o.org.id, active: over.active ?? true,
  }).execute();
  return id;
}

/** Records a collection directly (the distribution capability owns redemption). */
export async function collected(server: TestServer, entitlementId: string, pointId: string, at = '2014-11-12T09:30:00Z', userId: string | null = null) {
  await server.ctx.db.kysely.insertInto('redemptions').values({
    id: uuidv7(), entitlement_id: entitlementId, point_id: pointId, card_id: null, collected_by: 'head', collector_name: null,
    collector_document: null, redeemed_at: at, recorded_by: userId, via: 'search', device_id: null,
  }).execute();
  await sql`update entitlements set status = 'redeemed' where id = ${entitlementId}`.execute(server.ctx.db.kysely);
}

/** A site (camp) through the places API. */
export async function newSite(server: TestServer, pcode = 'IQG11Q01') {
  const { client } = await makeUser(server, { role: 'data_manager' });
  const res = await client.post('/api/sites', { name: `Camp ${random()}`, kind: 'camp', pcode });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}
