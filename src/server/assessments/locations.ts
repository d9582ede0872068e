import { v7 as uuidv7 } from 'uuid';
import { coordinateIssues, type LocationInput, type LocationQuery, type LocationUpdate } from '#domain/movement/assessments';
import type { Actor, Ctx } from '../context.ts';
import type { Executor } from '../audit/store.ts';
import { Problem, invalidFields, notFound, type FieldError } from '../http/problem.ts';
import { existingSiteIds, unknownPcodes } from '../places/service.ts';
import { idempotent } from '../shared/idempotency.ts';
import { audit, inTransaction } from '../shared/tx.ts';
import { assertCanReadLocations, assertCanWriteLocation } from './policy.ts';
import * as store from './store.ts';

type Place = Pick<store.LocationRecord, 'pcode' | 'siteId'>;

/** The area exists and the site, when given, too. */
async function checkPlace(db: Executor, l: Place): Promise<void> {
  const errors: FieldError[] = [];
  if ((await unknownPcodes(db, [l.pcode])).length) errors.push({ path: 'pcode', key: 'pcode.unknown' });
  if (l.siteId && !(await existingSiteIds(db, [l.siteId])).has(l.siteId)) errors.push({ path: 'siteId', key: 'site.unknown' });
  if (errors.length) throw invalidFields(errors);
}

const codeTaken = (current: store.LocationRecord) =>
  new Problem(409, 'location.code_taken', { errors: [{ path: 'code', key: 'location.code_taken' }], extra: { current } });

/**
 * Registers a DTM location (its code is DTM's, distinct from the P-code of the area it lies in),
 * inside the writer's scope. With an Idempotency-Key a replay returns the first response; a code
 * already used is a 409 with that location.
 */
export async function createLocation(ctx: Ctx, actor: Actor, input: LocationInput, idempotencyKey?: string) {
  assertCanWriteLocation(actor, [input.pcode]);
  await checkPlace(ctx.db.kysely, input);
  return idempotent<store.LocationRecord>(ctx, actor, idempotencyKey, 'POST /api/locations', input, async (trx) => {
    const id = input.id ?? uuidv7();
    if (input.id && (await store.getLocation(trx, id))) throw new Problem(409, 'problem.conflict');
    const taken = (await store.locationsByCode(trx, [input.code])).get(input.code);
    if (taken) throw codeTaken(taken);
    const { id: _id, ...fields } = input;
    await store.insertLocations(trx, [{ id, ...fields }]);
    await audit(trx, actor, 'location.create', 'dtm_location', id, { code: input.code, pcode: input.pcode });
    return { status: 201, body: (await store.getLocation(trx, id))! };
  });
}

/** One location, for whoever reads assessments or manages places. */
export async function getLocation(ctx: Ctx, actor: Actor, id: string) {
  assertCanReadLocations(actor);
  const location = await store.getLocation(ctx.db.kysely, id);
  if (!location) throw notFound();
  return location;
}

/** Locations by area, kind, or code and name in any language; by code. */
export async function listLocations(ctx: Ctx, actor: Actor, query: LocationQuery) {
  assertCanReadLocations(actor);
  return { ...(await store.listLocations(ctx.db.kysely, query)), page: query.page, pageSize: query.pageSize };
}

/**
 * Edits a location at the version read (a stale one is a 409 with the current record), inside the
 * writer's scope where it is and where the edit moves it. Assessments already made keep pointing
 * at it; the figures of closed rounds keep the place it had when they closed.
 */
export async function updateLocation(ctx: Ctx, actor: Actor, id: string, patch: LocationUpdate) {
  const current = await store.getLocation(ctx.db.kysely, id);
  if (!current) throw notFound();
  assertCanWriteLocation(actor, [current.pcode, patch.pcode ?? current.pcode]);
  const stale = () => new Problem(409, 'problem.conflict_version', { extra: { current } });
  if (patch.version !== current.version) throw stale();
  const { version, ...changes } = patch;
  const next = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as store.LocationRecord;
  const coordinates = coordinateIssues(next);
  if (coordinates.length) throw invalidFields(coordinates.map((i) => ({ path: String(i.path[0]), key: i.message })));
  await checkPlace(ctx.db.kysely, next);
  return inTransaction(ctx, async (trx) => {
    const taken = next.code !== current.code ? (await store.locationsByCode(trx, [next.code])).get(next.code) : undefined;
    if (taken) throw codeTaken(taken);
    if (!(await store.updateLocation(trx, next, version))) throw stale();
    const fields = Object.keys(changes).filter((k) => JSON.stringify(changes[k as keyof typeof changes]) !== JSON.stringify(current[k as keyof typeof current]));
    await audit(trx, actor, 'location.update', 'dtm_location', id, { version: version + 1, fields });
    return (await store.getLocation(trx, id))!;
  });
}
