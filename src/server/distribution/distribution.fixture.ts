import { v7 as uuidv7 } from 'uuid';
import type { TestServer } from '../../../test/server.ts';
import { householdInput, makeUser } from '../../../test/factories.ts';
import { organizationByCode } from '../identity/users-store.ts';

/**
 * What the distribution tests start from, written straight into the tables (the planning and
 * stock services have tests of their own): a point and a warehouse of an organisation, stocked; a
 * programme with an issued round served at the point; households registered through the API with
 * an entitlement each.
 */

let counter = 0;
const code = (prefix: string) => `${prefix}-${++counter}-${Math.random().toString(36).slice(2, 6)}`.toUpperCase();

export async function place(server: TestServer, org = 'MOMD', kind: 'point' | 'warehouse' = 'point', stock: Record<string, number> = { food_parcel: 100, soap: 1000, sanitary_pads: 400, jerrycan: 100 }) {
  const db = server.ctx.db.kysely;
  const organization = (await organizationByCode(db, org))!;
  const id = uuidv7();
  const pointCode = code(kind === 'point' ? 'P' : 'W');
  await db.insertInto('stock_locations').values({ id, code: pointCode, kind, name: `${kind} ${pointCode}`, pcode: 'IQG11Q02', site_id: null, organization_id: organization.id }).execute();
  const levels = Object.entries(stock);
  if (levels.length) await db.insertInto('stock_levels').values(levels.map(([item_code, quantity]) => ({ location_id: id, item_code, quantity }))).execute();
  return { id, code: pointCode, organizationId: organization.id };
}

export async function issuedRound(server: TestServer, org = 'MOMD', points: string[] = []) {
  const db = server.ctx.db.kysely;
  const organization = (await organizationByCode(db, org))!;
  const programme = uuidv7();
  await db.insertInto('programmes').values({
    id: programme, code: code('PRG'), name: 'Winter response', organization_id: organization.id, sector_code: 'shelter_nfi', starts_on: '2014-09-01',
  }).execute();
  const round = uuidv7();
  await db.insertInto('distribution_rounds').values({ id: round, programme_id: programme, number: 1, starts_on: '2014-10-01', ends_on: '2030-12-31', status: 'issued', created_by: null }).execute();
  if (points.length) await db.insertInto('round_points').values(points.map((point_id) => ({ round_id: round, point_id }))).execute();
  return { programme, round };
}

export async function entitled(server: TestServer, round: string, contents = [{ code: 'food_parcel', quantity: 1 }, { code: 'hygiene_kit', quantity: 1 }], pointId: string | null = null) {
  const { client: clerk } = await makeUser(server, { role: 'registration_officer' });
  const household = (await clerk.post('/api/households', householdInput())).body as { id: string; size: number; registrationNumber: string; current: { pcode: string } };
  const id = uuidv7();
  await server.ctx.db.kysely.insertInto('entitlements').values({
    id, round_id: round, household_id: household.id, point_id: pointId, contents: JSON.stringify(contents), people: household.size, pcode: household.current.pcode,
  }).execute();
  return { clerk, household, entitlementId: id };
}

export async function levelOf(server: TestServer, location: string, item: string): Promise<number> {
  const r = await server.ctx.db.kysely.selectFrom('stock_levels').select('quantity').where('location_id', '=', location).where('item_code', '=', item).executeTakeFirst();
  return Number(r?.quantity ?? 0);
}
