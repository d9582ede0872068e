import { sql } from 'kysely';
import type { EntitlementLine, Redemption } from '#domain/assistance/distribution';
import type { Executor } from '../audit/store.ts';

/**
 * SQL of the distribution point: entitlements as collected (they belong to the assistance
 * capability, of which this is the point's part), redemptions, offline conflicts.
 */

export interface EntitlementRow {
  id: string; roundId: string; roundNumber: number; roundStatus: string; householdId: string; pointId: string | null;
  contents: EntitlementLine[]; people: number; status: 'issued' | 'redeemed' | 'cancelled';
  programme: { code: string; name: string; nameAr: string | null; nameCkb: string | null; sector: string; organizationId: string };
  /** Whether the round is served at the point asked about (when one was). */
  servedHere?: boolean;
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

function toEntitlement(r: any): EntitlementRow {
  return {
    id: r.id, roundId: r.round_id, roundNumber: r.round_number, roundStatus: r.round_status, householdId: r.household_id,
    pointId: r.point_id, contents: json(r.contents), people: r.people, status: r.status, servedHere: r.served_here ?? undefined,
    programme: {
      code: r.programme_code, name: r.programme_name, nameAr: r.programme_name_ar, nameCkb: r.programme_name_ckb, sector: r.sector_code, organizationId: r.organization_id,
    },
  };
}

/** Entitlements with their round and programme; with `pointId`, whether the round is served there. */
const entitlementSelect = (pointId?: string) => sql`select e.id, e.round_id, e.household_id, e.point_id, e.contents, e.people, e.status,
    r.number as round_number, r.status as round_status, p.code as programme_code, p.name as programme_name,
    p.name_ar as programme_name_ar, p.name_ckb as programme_name_ckb, p.sector_code, p.organization_id
    ${pointId ? sql`, exists (select 1 from round_points rp where rp.round_id = e.round_id and rp.point_id = ${pointId}) as served_here` : sql``}
  from entitlements e join distribution_rounds r on r.id = e.round_id join programmes p on p.id = r.programme_id`;

export async function entitlementById(db: Executor, id: string, pointId?: string): Promise<EntitlementRow | null> {
  const r = await sql`${entitlementSelect(pointId)} where e.id = ${id}`.execute(db);
  return r.rows[0] ? toEntitlement(r.rows[0]) : null;
}

/** A household's entitlements in issued rounds of an organisation's programmes, newest round first. */
export async function entitlementsOfHousehold(db: Executor, householdId: string, organizationId: string, pointId?: string): Promise<EntitlementRow[]> {
  const r = await sql`${entitlementSelect(pointId)} where e.household_id = ${householdId} and p.organization_id = ${organizationId}
    and r.status = 'issued' order by r.starts_on desc, r.number desc`.execute(db);
  return r.rows.map(toEntitlement);
}

/** Whether the point serves the round. */
export async function roundServedAt(db: Executor, roundId: string, pointId: string): Promise<boolean> {
  const r = await db.selectFrom('round_points').select('point_id').where('round_id', '=', roundId).where('point_id', '=', pointId).executeTakeFirst();
  return Boolean(r);
}

export interface NewRedemption {
  id: string; entitlementId: string; pointId: string; cardId: string | null; collectedBy: string; collectorName: string | null;
  collectorDocument: string | null; redeemedAt: string; recordedBy: string; via: 'scan' | 'search' | 'offline'; deviceId: string | null;
  syncKey: string | null;
}

/**
 * Records the redemption unless the entitlement already has one: the unique index decides, so of
 * two points at the same instant exactly one gets true.
 */
export async function insertRedemption(db: Executor, r: NewRedemption): Promise<boolean> {
  const result = await sql`with recorded as (
      insert into redemptions (id, entitlement_id, point_id, card_id, collected_by, collector_name,
        collector_document, redeemed_at, recorded_by, via, device_id, sync_key)
      values (${r.id}, ${r.entitlementId}, ${r.pointId}, ${r.cardId}, ${r.collectedBy}, ${r.collectorName}, ${r.collectorDocument},
        ${r.redeemedAt}::timestamptz, ${r.recordedBy}, ${r.via}, ${r.deviceId}, ${r.syncKey})
      on conflict (entitlement_id) do nothing returning entitlement_id)
    update entitlements set status = 'redeemed' where id in (select entitlement_id from recorded) returning id`.execute(db);
  return result.rows.length > 0;
}

const redemptionSelect = sql`select x.*, l.code as point_code, l.name as point_name, u.username
  from redemptions x join stock_locations l on l.id = x.point_id left join users u on u.id = x.recorded_by`;

function toRedemption(r: any): Redemption {
  return {
    id: r.id, entitlementId: r.entitlement_id, point: { id: r.point_id, code: r.point_code, name: r.point_name },
    collectedBy: r.collected_by, collectorName: r.collector_name, redeemedAt: new Date(r.redeemed_at).toISOString(),
    recordedAt: new Date(r.recorded_at).toISOString(), recordedBy: r.username ?? null, via: r.via,
  };
}

/** The redemptions of these entitlements, by entitlement. */
export async function redemptionsOf(db: Executor, entitlementIds: readonly string[]): Promise<Map<string, Redemption>> {
  if (entitlementIds.length === 0) return new Map();
  const r = await sql`${redemptionSelect} where x.entitlement_id in (${sql.join([...entitlementIds])})`.execute(db);
  return new Map(r.rows.map((row: any) => [row.entitlement_id, toRedemption(row)]));
}

/** What a key synced before became: its redemption, or its conflict. */
export async function syncedKey(db: Executor, key: string): Promise<{ redemptionId: string | null; conflictId: string | null } | null> {
  const redemption = await db.selectFrom('redemptions').select('id').where('sync_key', '=', key).executeTakeFirst();
  if (redemption) return { redemptionId: redemption.id, conflictId: null };
  const conflict = await db.selectFrom('redemption_conflicts').select('id').where('sync_key', '=', key).executeTakeFirst();
  return conflict ? { redemptionId: null, conflictId: conflict.id } : null;
}

/** The entitlements a point hands out in the issued rounds it serves (its own, or any point's), for an offline list. */
export async function pointEntitlements(db: Executor, pointId: string): Promise<EntitlementRow[]> {
  const r = await sql`${entitlementSelect()}
    join round_points rp on rp.round_id = e.round_id and rp.point_id = ${pointId}
    where r.status = 'issued' and (e.point_id is null or e.point_id = ${pointId}) and e.status <> 'cancelled'`.execute(db);
  return r.rows.map(toEntitlement);
}
