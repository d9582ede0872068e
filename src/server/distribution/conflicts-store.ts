import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Conflict, SyncInput } from '#domain/assistance/distribution';
import type { Executor } from '../audit/store.ts';

/** SQL of offline conflicts: a redemption an offline point made of an entitlement another point had recorded first. */

export type ConflictRow = Conflict & { organizationId: string };

export async function insertConflict(db: Executor, c: { entitlementId: string; pointId: string; item: SyncInput['items'][number]; deviceId: string; reportedBy: string }) {
  const id = uuidv7();
  await db.insertInto('redemption_conflicts').values({
    id, entitlement_id: c.entitlementId, point_id: c.pointId, collected_by: c.item.collectedBy, collector_name: c.item.collectorName,
    redeemed_at: c.item.redeemedAt, reported_by: c.reportedBy, device_id: c.deviceId, sync_key: c.item.key,
  }).execute();
  return id;
}

// The family's number and head's name are the registry's: read here only to name the conflict.
const select = sql`select c.*, e.household_id, e.contents, p.organization_id, l.name as point_name,
    h.registration_number, concat_ws(' ', hi.given_name, hi.father_name, hi.grandfather_name, hi.family_name) as head_name,
    fl.name as first_point_name, x.redeemed_at as first_redeemed_at
  from redemption_conflicts c join entitlements e on e.id = c.entitlement_id
  join distribution_rounds r on r.id = e.round_id join programmes p on p.id = r.programme_id
  join stock_locations l on l.id = c.point_id
  join households h on h.id = e.household_id left join individuals hi on hi.household_id = h.id and hi.relationship = 'head'
  left join redemptions x on x.entitlement_id = c.entitlement_id left join stock_locations fl on fl.id = x.point_id`;

function toConflict(r: any): ConflictRow {
  return {
    id: r.id, entitlementId: r.entitlement_id, householdId: r.household_id, organizationId: r.organization_id,
    registrationNumber: r.registration_number, headName: r.head_name ?? '',
    contents: typeof r.contents === 'string' ? JSON.parse(r.contents) : r.contents, pointId: r.point_id, pointName: r.point_name,
    collectedBy: r.collected_by, collectorName: r.collector_name, redeemedAt: new Date(r.redeemed_at).toISOString(),
    reportedAt: new Date(r.reported_at).toISOString(), deviceId: r.device_id, status: r.status, resolution: r.resolution, note: r.note,
    first: r.first_redeemed_at ? { pointName: r.first_point_name, redeemedAt: new Date(r.first_redeemed_at).toISOString() } : null,
  };
}

export async function listConflicts(db: Executor, organizationId: string, status?: string): Promise<ConflictRow[]> {
  const where = status ? sql`and c.status = ${status}` : sql``;
  const r = await sql`${select} where p.organization_id = ${organizationId} ${where} order by c.status, c.reported_at desc limit 500`.execute(db);
  return r.rows.map(toConflict);
}

export async function conflictById(db: Executor, id: string): Promise<ConflictRow | null> {
  const r = await sql`${select} where c.id = ${id}`.execute(db);
  return r.rows[0] ? toConflict(r.rows[0]) : null;
}

export async function conflictForUpdate(db: Executor, id: string): Promise<ConflictRow | null> {
  await sql`select id from redemption_conflicts where id = ${id} for update`.execute(db);
  return conflictById(db, id);
}

export async function resolve(db: Executor, id: string, resolution: string, note: string | null, actorId: string) {
  await db.updateTable('redemption_conflicts').set({ status: 'resolved', resolution, note, resolved_by: actorId, resolved_at: new Date() })
    .where('id', '=', id).execute();
}
