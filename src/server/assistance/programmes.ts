import { v7 as uuidv7 } from 'uuid';
import type { Programme, ProgrammeInput, ProgrammeQuery, ProgrammeUpdate } from '#domain/assistance/programmes';
import type { Actor, Ctx } from '../context.ts';
import type { Executor } from '../audit/store.ts';
import { Problem, invalidFields, notFound, type FieldError } from '../http/problem.ts';
import { reference, unknownPcodes } from '../places/service.ts';
import { idempotent } from '../shared/idempotency.ts';
import { audit, inTransaction } from '../shared/tx.ts';
import { assertAreasInScope, assertCanManage, assertCanRead } from './policy.ts';
import * as store from './programme-store.ts';

/** A programme as the API gives it. */
function present(p: store.ProgrammeRecord, rounds = 0): Programme {
  const { organizationId: _org, ...rest } = p;
  return { ...rest, rounds };
}

async function withRounds(db: Executor, p: store.ProgrammeRecord): Promise<Programme> {
  return present(p, (await store.roundCounts(db, [p.id])).get(p.id) ?? 0);
}

/** The sector is one of the configured MCOF sectors and the areas are known P-codes. */
async function checkAgainstData(ctx: Ctx, p: { sector?: string; areas?: string[] }): Promise<void> {
  const errors: FieldError[] = [];
  if (p.sector && !(await reference(ctx)).sectors.some((s) => s.code === p.sector)) errors.push({ path: 'sector', key: 'sector.unknown' });
  const unknown = new Set(await unknownPcodes(ctx.db.kysely, p.areas ?? []));
  (p.areas ?? []).forEach((a, i) => { if (unknown.has(a)) errors.push({ path: `areas.${i}`, key: 'pcode.unknown' }); });
  if (errors.length) throw invalidFields(errors);
}

/**
 * Creates a programme of the actor's organisation (`assistance.manage`), in areas inside the
 * actor's scope. Its code is unique (409 with the programme that has it). With an
 * Idempotency-Key a replay returns the first response.
 */
export async function createProgramme(ctx: Ctx, actor: Actor, input: ProgrammeInput, idempotencyKey?: string) {
  assertCanManage(actor);
  assertAreasInScope(actor, input.areas);
  await checkAgainstData(ctx, input);
  return idempotent<Programme>(ctx, actor, idempotencyKey, 'POST /api/programmes', input, async (trx) => {
    const id = input.id ?? uuidv7();
    if (input.id && (await store.getProgramme(trx, id))) throw new Problem(409, 'problem.conflict');
    if (await store.programmeByCode(trx, input.code)) {
      throw new Problem(409, 'programme.code_taken', { errors: [{ path: 'code', key: 'programme.code_taken' }] });
    }
    await store.insertProgramme(trx, { ...input, id, status: 'active', organizationId: actor.organizationId, createdBy: actor.userId });
    await audit(trx, actor, 'programme.create', 'programme', id, { code: input.code, sector: input.sector, areas: input.areas });
    return { status: 201, body: present((await store.getProgramme(trx, id))!) };
  });
}

/** A programme of the actor's organisation, for readers of assistance; any other is a 404. */
export async function getProgramme(ctx: Ctx, actor: Actor, id: string): Promise<Programme> {
  assertCanRead(actor);
  const p = await store.getProgramme(ctx.db.kysely, id);
  if (!p) throw notFound();
  assertCanRead(actor, p);
  return withRounds(ctx.db.kysely, p);
}

/** The programmes of the actor's organisation, by sector, status or words of the code or name. */
export async function listProgrammes(ctx: Ctx, actor: Actor, query: ProgrammeQuery) {
  assertCanRead(actor);
  const { items, total } = await store.listProgrammes(ctx.db.kysely, actor.organizationId, query);
  const rounds = await store.roundCounts(ctx.db.kysely, items.map((p) => p.id));
  return { items: items.map((p) => present(p, rounds.get(p.id))), total, page: query.page, pageSize: query.pageSize };
}

/**
 * Changes a programme at the version read (a stale version is a 409 with the current one).
 * `status: closed` closes it: no new rounds. Code, sector and organisation never change.
 */
export async function updateProgramme(ctx: Ctx, actor: Actor, id: string, patch: ProgrammeUpdate): Promise<Programme> {
  assertCanManage(actor);
  const current = await store.getProgramme(ctx.db.kysely, id);
  if (!current) throw notFound();
  assertCanManage(actor, current);
  const next: store.ProgrammeValues = {
    name: patch.name ?? current.name, nameAr: patch.nameAr === undefined ? current.nameAr : patch.nameAr,
    nameCkb: patch.nameCkb === undefined ? current.nameCkb : patch.nameCkb, areas: patch.areas ?? current.areas,
    startsOn: patch.startsOn ?? current.startsOn, endsOn: patch.endsOn === undefined ? current.endsOn : patch.endsOn,
    status: patch.status ?? current.status,
  };
  if (next.endsOn && next.endsOn < next.startsOn) throw invalidFields([{ path: patch.endsOn ? 'endsOn' : 'startsOn', key: 'range.reversed' }]);
  if (patch.areas) {
    assertAreasInScope(actor, patch.areas);
    await checkAgainstData(ctx, { areas: patch.areas });
  }
  return inTransaction(ctx, async (trx) => {
    if (patch.version !== current.version || !(await store.updateProgramme(trx, id, next, patch.version))) {
      throw new Problem(409, 'problem.conflict_version', { extra: { current: await withRounds(trx, (await store.getProgramme(trx, id))!) } });
    }
    await audit(trx, actor, 'programme.update', 'programme', id, { fields: Object.keys(patch).filter((k) => k !== 'version'), status: next.status });
    return withRounds(trx, (await store.getProgramme(trx, id))!);
  });
}

/** The programme a round hangs off, for the services of rounds. */
export function programmeOf(db: Executor, id: string, lock = false) {
  return store.getProgramme(db, id, lock);
}
