import { sql } from 'kysely';
import type { Card } from '#domain/assistance/distribution';
import type { Executor } from '../audit/store.ts';
import { dayText } from '../registry/store.ts';

/** SQL of household cards: the valid one (at most one per household), the revoked ones before it. */

export type CardRow = Card;

function toCard(r: any): CardRow {
  return {
    id: r.id, householdId: r.household_id, serial: r.serial, issuedAt: new Date(r.issued_at).toISOString(),
    expiresOn: dayText(r.expires_on), revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null, revokedReason: r.revoked_reason ?? null,
  };
}

/** The household's valid card, locked for a reprint in `db` (a transaction). */
export async function validCardForUpdate(db: Executor, householdId: string): Promise<CardRow | null> {
  const r = await sql`select * from household_cards where household_id = ${householdId} and revoked_at is null for update`.execute(db);
  return r.rows[0] ? toCard(r.rows[0]) : null;
}

export async function revokeCard(db: Executor, id: string, actorId: string, reason: string | null) {
  await db.updateTable('household_cards').set({ revoked_at: new Date(), revoked_by: actorId, revoked_reason: reason })
    .where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function insertCard(db: Executor, c: { id: string; householdId: string; expiresOn: string; issuedBy: string }): Promise<CardRow> {
  const r = await sql`insert into household_cards (id, household_id, serial, expires_on, issued_by)
    values (${c.id}, ${c.householdId}, (select coalesce(max(serial), 0) + 1 from household_cards where household_id = ${c.householdId}),
      ${c.expiresOn}::date, ${c.issuedBy})
    returning *`.execute(db);
  return toCard(r.rows[0]);
}

export async function cardsOf(db: Executor, householdId: string): Promise<CardRow[]> {
  const rows = await db.selectFrom('household_cards').selectAll().where('household_id', '=', householdId).orderBy('serial', 'desc').execute();
  return rows.map(toCard);
}

export async function cardById(db: Executor, id: string): Promise<CardRow | null> {
  const r = await db.selectFrom('household_cards').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toCard(r) : null;
}

/** The valid cards of these households, by household. */
export async function validCards(db: Executor, householdIds: readonly string[]): Promise<Map<string, CardRow>> {
  const found = new Map<string, CardRow>();
  for (let i = 0; i < householdIds.length; i += 5000) {
    const rows = await db.selectFrom('household_cards').selectAll().where('household_id', 'in', householdIds.slice(i, i + 5000))
      .where('revoked_at', 'is', null).execute();
    for (const r of rows) found.set(r.household_id, toCard(r));
  }
  return found;
}
