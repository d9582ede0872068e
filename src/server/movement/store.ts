import { sql } from 'kysely';
import type { MovementInput, MovementType } from '#domain/movement/schemas';
import type { Movement } from '#domain/movement/timeline';
import type { Wave } from '#domain/movement/waves';
import type { Executor } from '../audit/store.ts';

/** Movement SQL: household movements and the displacement waves that figures use. */

export interface MovementRow extends Movement {
  householdId: string;
  note: string | null;
  recordedBy: string | null;
  withdrawn: { at: string; by: string | null; reason: string } | null;
}

const place = (pcode: string | null, siteId: string | null, text: string | null) => ({ pcode, siteId, place: text });

function toMovement(r: any): MovementRow {
  const from = r.from_pcode || r.from_site_id || r.from_place ? place(r.from_pcode, r.from_site_id, r.from_place) : null;
  return {
    id: r.id, householdId: r.household_id, type: r.type as MovementType, from, to: place(r.to_pcode, r.to_site_id, r.to_place),
    shelter: r.to_shelter, date: r.moved_on, recordedAt: new Date(r.recorded_at).toISOString(), note: r.note,
    recordedBy: r.username ?? null,
    withdrawn: r.withdrawn_at ? { at: new Date(r.withdrawn_at).toISOString(), by: r.withdrawn_username ?? null, reason: r.withdrawn_reason } : null,
  };
}

export async function insertMovement(db: Executor, householdId: string, id: string, m: MovementInput, shelter: string | null, actorId: string) {
  await db.insertInto('household_movements').values({
    id, household_id: householdId, type: m.type,
    from_pcode: m.from?.pcode ?? null, from_site_id: m.from?.siteId ?? null, from_place: m.from?.place ?? null,
    to_pcode: m.to.pcode, to_site_id: m.to.siteId, to_place: m.to.place, to_shelter: shelter,
    moved_on: m.date, note: m.note, recorded_by: actorId,
  }).execute();
}

export async function movementExists(db: Executor, id: string): Promise<boolean> {
  return Boolean(await db.selectFrom('household_movements').select('id').where('id', '=', id).executeTakeFirst());
}

/** Every movement of these households, withdrawn ones too, in the order they were recorded. */
export async function movementsOf(db: Executor, householdIds: readonly string[]): Promise<MovementRow[]> {
  if (householdIds.length === 0) return [];
  const rows = await db.selectFrom('household_movements as m')
    .leftJoin('users as u', 'u.id', 'm.recorded_by').leftJoin('users as w', 'w.id', 'm.withdrawn_by')
    .selectAll('m').select(['u.username as username', 'w.username as withdrawn_username'])
    .where('m.household_id', 'in', [...householdIds]).orderBy('m.recorded_at').orderBy('m.id').execute();
  return rows.map(toMovement);
}

/** The movements that make the timelines of these households (withdrawn ones left out), by household. */
export async function timelinesOf(db: Executor, householdIds: readonly string[]): Promise<Map<string, Movement[]>> {
  const byHousehold = new Map<string, Movement[]>();
  if (householdIds.length === 0) return byHousehold;
  for (let i = 0; i < householdIds.length; i += 5000) {
    const rows = await db.selectFrom('household_movements').selectAll()
      .where('household_id', 'in', householdIds.slice(i, i + 5000)).where('withdrawn_at', 'is', null).execute();
    for (const r of rows) {
      const list = byHousehold.get(r.household_id) ?? [];
      list.push(toMovement(r));
      byHousehold.set(r.household_id, list);
    }
  }
  return byHousehold;
}

/** Withdraws a movement not yet withdrawn; false when it was (or is not this household's). */
export async function withdrawMovement(db: Executor, householdId: string, id: string, reason: string, actorId: string): Promise<boolean> {
  const r = await db.updateTable('household_movements')
    .set({ withdrawn_at: new Date(), withdrawn_by: actorId, withdrawn_reason: reason })
    .where('id', '=', id).where('household_id', '=', householdId).where('withdrawn_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function waves(db: Executor): Promise<Wave[]> {
  const rows = await sql<{ code: string; starts_on: string; ends_on: string | null }>`
    select code, starts_on::text as starts_on, ends_on::text as ends_on from displacement_waves order by position, starts_on`.execute(db);
  return rows.rows.map((r) => ({ code: r.code, startsOn: r.starts_on, endsOn: r.ends_on }));
}
