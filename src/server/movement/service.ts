import { v7 as uuidv7 } from 'uuid';
import type { MovementInput, MovementPlace, MovementTimeline, MovementView } from '#domain/movement/schemas';
import { currentState, withStarts } from '#domain/movement/timeline';
import type { Household } from '#domain/registry/household';
import type { Actor, Ctx } from '../context.ts';
import { Problem, invalidFields, type FieldError } from '../http/problem.ts';
import { existingSiteIds, placePoints, shelterCodes, siteFacts, unknownPcodes } from '../places/service.ts';
import { present, readableHousehold } from '../registry/service.ts';
import { announce, lockForTimeline, timelineChanged } from '../registry/moves.ts';
import { registrationOf } from '../registry/timeline.ts';
import { idempotent } from '../shared/idempotency.ts';
import { audit, inTransaction } from '../shared/tx.ts';
import * as store from './store.ts';

/**
 * Movements of a household: recorded by a clerk or an enumerator who may edit the household,
 * withdrawn (never deleted) when recorded in error. Each change recomputes the household's place
 * and status from its whole timeline, gives it a new version and a history entry, and moves the
 * registry's figures, all in one transaction.
 */

const placeErrors = async (ctx: Ctx, path: string, p: MovementPlace | null): Promise<FieldError[]> => {
  if (!p) return [];
  const errors: FieldError[] = [];
  if (p.pcode && (await unknownPcodes(ctx.db.kysely, [p.pcode])).length) errors.push({ path: `${path}.pcode`, key: 'pcode.unknown' });
  if (p.siteId && !(await existingSiteIds(ctx.db.kysely, [p.siteId])).has(p.siteId)) errors.push({ path: `${path}.siteId`, key: 'site.unknown' });
  return errors;
};

/**
 * Checks a movement against the data and gives the shelter at the destination: as reported,
 * else the site's, else unknown; none after a return or abroad. The destination site must be open.
 */
async function checkMovement(ctx: Ctx, m: MovementInput): Promise<string | null> {
  const errors = [...await placeErrors(ctx, 'from', m.from), ...await placeErrors(ctx, 'to', m.to)];
  const site = m.to.siteId ? (await siteFacts(ctx.db.kysely, [m.to.siteId])).get(m.to.siteId) : undefined;
  if (site && !site.active) errors.push({ path: 'to.siteId', key: 'site.inactive' });
  if (m.shelter && !(await shelterCodes(ctx.db.kysely)).has(m.shelter)) errors.push({ path: 'shelter', key: 'shelter.unknown' });
  if (errors.length) throw invalidFields(errors);
  if (m.type === 'return' || m.type === 'departure_abroad') return null;
  return m.shelter ?? site?.shelter ?? 'unknown';
}

const view = (m: store.MovementRow, start: MovementPlace): MovementView => ({
  id: m.id, type: m.type, from: m.from, start, to: m.to, shelter: m.shelter, date: m.date, note: m.note,
  recordedAt: m.recordedAt, recordedBy: m.recordedBy, withdrawn: m.withdrawn,
});

/**
 * Records a movement of a household the actor may edit (its destination may be outside the
 * actor's area: a family is seen leaving). Answers with the movement and the household as it now
 * is. With an Idempotency-Key a replay returns the first answer and records nothing.
 */
export async function recordMovement(ctx: Ctx, actor: Actor, householdId: string, input: MovementInput, idempotencyKey?: string) {
  const shelter = await checkMovement(ctx, input);
  let moved: Awaited<ReturnType<typeof timelineChanged>> | null = null;
  const result = await idempotent<{ movement: MovementView; household: Household }>(ctx, actor, idempotencyKey,
    `POST /api/households/${householdId}/movements`, input, async (trx) => {
      const before = await lockForTimeline(trx, actor, householdId);
      const id = input.id ?? uuidv7();
      if (await store.movementExists(trx, id)) throw new Problem(409, 'problem.conflict');
      await store.insertMovement(trx, householdId, id, input, shelter, actor.userId);
      moved = await timelineChanged(ctx, trx, actor, before, 'movement', id);
      await audit(trx, actor, 'household.movement', 'household', householdId, { movement: id, type: input.type, to: input.to.pcode, date: input.date });
      const rows = await store.movementsOf(trx, [householdId]);
      const row = rows.find((m) => m.id === id)!;
      const start = withStarts(registrationOf(moved), rows.filter((m) => !m.withdrawn)).find((m) => m.id === id)!.start;
      return { status: 201, body: { movement: view(row, start), household: present(ctx, actor, moved) } };
    });
  if (moved) announce(ctx, [moved]);
  return result;
}

/** Withdraws a movement recorded in error, with the reason; the timeline is recomputed without it. */
export async function withdrawMovement(ctx: Ctx, actor: Actor, householdId: string, movementId: string, reason: string) {
  const moved = await inTransaction(ctx, async (trx) => {
    const before = await lockForTimeline(trx, actor, householdId);
    const movement = (await store.movementsOf(trx, [householdId])).find((m) => m.id === movementId);
    if (!movement) throw new Problem(404, 'problem.not_found');
    if (movement.withdrawn) throw new Problem(409, 'movement.withdrawn');
    await store.withdrawMovement(trx, householdId, movementId, reason, actor.userId);
    const after = await timelineChanged(ctx, trx, actor, before, 'movement_withdrawn', movementId);
    await audit(trx, actor, 'household.movement_withdrawn', 'household', householdId, { movement: movementId });
    return after;
  });
  announce(ctx, [moved]);
  return present(ctx, actor, moved);
}

/**
 * The household's timeline as the actor may read it: movements newest first (withdrawn ones
 * marked), the state they make, and the path drawn through them. From another registry (read to
 * compare at the desk) movement notes are withheld, as the household's are.
 */
export async function householdTimeline(ctx: Ctx, actor: Actor, householdId: string): Promise<MovementTimeline> {
  const { record, access } = await readableHousehold(ctx, actor, householdId, 'movements');
  const rows = await store.movementsOf(ctx.db.kysely, [householdId]);
  const registration = registrationOf(record);
  const active = rows.filter((m) => !m.withdrawn);
  const starts = new Map(withStarts(registration, active).map((m) => [m.id, m.start]));
  const state = currentState(registration, active);
  const items = rows.map((m) => view(access === 'shared' ? { ...m, note: null } : m, starts.get(m.id) ?? m.from ?? registration.place)).reverse();
  return {
    registration: { on: registration.on, place: registration.place, shelter: registration.shelter },
    items, current: { ...state, location: state.location }, path: await pathOf(ctx, registration, active), version: record.version,
  };
}

/** The registration place, then each movement's destination in the order they happened, where a point is known. */
async function pathOf(ctx: Ctx, registration: ReturnType<typeof registrationOf>, movements: store.MovementRow[]) {
  const stops = [{ movementId: null as string | null, date: registration.on, place: registration.place },
    ...withStarts(registration, movements).map((m) => ({ movementId: m.id as string | null, date: m.date, place: m.to }))];
  const points = await placePoints(ctx.db.kysely, stops.map((s) => s.place.pcode).filter((p): p is string => Boolean(p)),
    stops.map((s) => s.place.siteId).filter((s): s is string => Boolean(s)));
  return stops.flatMap((s) => {
    const point = (s.place.siteId && points.sites.get(s.place.siteId)) || (s.place.pcode && points.areas.get(s.place.pcode));
    return point ? [{ movementId: s.movementId, date: s.date, pcode: s.place.pcode, ...point }] : [];
  });
}
