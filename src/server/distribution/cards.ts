import { v7 as uuidv7 } from 'uuid';
import { cardTokenPayload, decodeCardToken, encodeCardToken } from '#domain/assistance/card-token';
import type { PrintableCard } from '#domain/assistance/distribution';
import type { Actor, Ctx } from '../context.ts';
import type { Executor } from '../audit/store.ts';
import { Problem, notFound } from '../http/problem.ts';
import { requirePermission } from '../identity/policy.ts';
import { entitledHouseholds } from '../registry/entitled.ts';
import { readableHousehold } from '../registry/service.ts';
import { audit, inTransaction } from '../shared/tx.ts';
import * as store from './cards-store.ts';
import { currentKey, signWith, verifySignature } from './keys.ts';

/**
 * Household cards: printed by a registry's clerks for its own households, with a QR code holding
 * a signed token that names the card (not the household). Printing a new card revokes the valid
 * one, so an old card (or a photocopy of it) is refused at the point; a card is valid for
 * `AMINA_CARD_VALID_DAYS` (two years by default).
 */

const VALID_DAYS = Number(process.env.AMINA_CARD_VALID_DAYS ?? 730);
const today = () => new Date().toISOString().slice(0, 10);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function tokenOf(ctx: Ctx, db: Executor, card: store.CardRow): Promise<string> {
  const key = await currentKey(ctx, db);
  const payload = cardTokenPayload({ cardId: card.id, expiresOn: card.expiresOn, keyId: key.id });
  return encodeCardToken(payload, signWith(key, payload));
}

/** A household of the actor's own registry (a shared read is no licence to print its card), not merged away. */
async function ownHousehold(ctx: Ctx, actor: Actor, householdId: string) {
  requirePermission(actor, 'cards.print');
  const { record, access } = await readableHousehold(ctx, actor, householdId, 'household');
  if (access !== 'own') throw notFound();
  if (record.status === 'merged') throw new Problem(409, 'problem.household_merged', { extra: { mergedInto: record.mergedInto ?? null } });
  return record;
}

async function printable(ctx: Ctx, db: Executor, card: store.CardRow): Promise<PrintableCard> {
  const h = (await entitledHouseholds(db, [card.householdId])).get(card.householdId)!;
  return {
    card, token: await tokenOf(ctx, db, card),
    household: { registrationNumber: h.registrationNumber, registry: h.registry, headName: h.headName, size: h.size, currentPcode: h.currentPcode },
  };
}

/** Prints the household's card; a reprint revokes the valid card first (with the reason given). */
export async function printCard(ctx: Ctx, actor: Actor, householdId: string, reason: string | null): Promise<PrintableCard> {
  await ownHousehold(ctx, actor, householdId);
  await currentKey(ctx, ctx.db.kysely);
  try {
    return await inTransaction(ctx, async (trx) => {
      const previous = await store.validCardForUpdate(trx, householdId);
      if (previous) await store.revokeCard(trx, previous.id, actor.userId, reason ?? 'reprinted');
      const card = await store.insertCard(trx, { id: uuidv7(), householdId, expiresOn: addDays(today(), VALID_DAYS), issuedBy: actor.userId });
      await audit(trx, actor, 'card.print', 'household', householdId, { card: card.id, serial: card.serial, revoked: previous?.id ?? null });
      return printable(ctx, trx, card);
    });
  } catch (error) {
    // Two first prints at once: the one-valid-card index lets one through; the other tries again.
    if ((error as { code?: string }).code === '23505') throw new Problem(409, 'problem.conflict');
    throw error;
  }
}

/** The valid card as printed (to print it again: same token, nothing revoked). */
export async function currentCard(ctx: Ctx, actor: Actor, householdId: string): Promise<PrintableCard> {
  await ownHousehold(ctx, actor, householdId);
  const card = (await store.validCards(ctx.db.kysely, [householdId])).get(householdId);
  if (!card) throw new Problem(404, 'card.none');
  return printable(ctx, ctx.db.kysely, card);
}

/** Every card the household had, newest first, revoked ones with when and why. */
export async function householdCards(ctx: Ctx, actor: Actor, householdId: string) {
  await ownHousehold(ctx, actor, householdId);
  return store.cardsOf(ctx.db.kysely, householdId);
}

/**
 * The valid card a scanned token names. 422 `card.forged` (does not decode, or its signature is not
 * ours), `card.unknown`, `card.revoked` (a reprint replaced it: with when), `card.expired`.
 */
export async function cardOfToken(ctx: Ctx, db: Executor, token: string): Promise<store.CardRow> {
  const decoded = decodeCardToken(token);
  const refused = (key: 'card.forged' | 'card.unknown' | 'card.revoked' | 'card.expired', extra: Record<string, unknown> = {}) =>
    new Problem(422, key, { errors: [{ path: 'token', key }], extra });
  if (!decoded || !(await verifySignature(ctx, db, decoded.keyId, decoded.signed, decoded.signature))) throw refused('card.forged');
  const card = await store.cardById(db, decoded.cardId);
  if (!card) throw refused('card.unknown');
  if (card.revokedAt) throw refused('card.revoked', { revokedAt: card.revokedAt });
  if (card.expiresOn < today()) throw refused('card.expired', { expiresOn: card.expiresOn });
  return card;
}
