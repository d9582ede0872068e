import { v7 as uuidv7 } from 'uuid';
import { FLOW_GROUPS, sumCounts, withTotal, type Flow, type FlowInput, type FlowList, type FlowQuery, type FlowUpdate } from '#domain/movement/flows';
import { inScope } from '#domain/places/pcode';
import type { Actor, Ctx } from '../context.ts';
import { Problem, invalidField, notFound } from '../http/problem.ts';
import { requirePermission } from '../identity/policy.ts';
import { siteFacts } from '../places/service.ts';
import { idempotent } from '../shared/idempotency.ts';
import { audit, inTransaction } from '../shared/tx.ts';
import * as store from './flow-store.ts';

/** A count as the API gives it, with its total. */
export function presentFlow(f: store.FlowRecord): Flow {
  const { organizationId: _o, ...rest } = f;
  return { ...rest, ...withTotal(f) };
}

/** The point must be a site of kind `transit_point`, inside the writer's scope. */
async function transitPoint(ctx: Ctx, actor: Actor, id: string) {
  const facts = (await siteFacts(ctx.db.kysely, [id])).get(id);
  if (!facts) throw invalidField('pointId', 'site.unknown');
  if (facts.kind !== 'transit_point') throw invalidField('pointId', 'site.not_transit');
  if (!inScope(facts.pcode, actor.scope)) throw invalidField('pointId', 'scope.outside');
  return facts;
}

/**
 * Records the people counted at a transit point on a day in one direction, by sex and age
 * group (one count per point, day and direction: a second is a 409 carrying the first).
 */
export async function recordFlow(ctx: Ctx, actor: Actor, input: FlowInput, idempotencyKey?: string) {
  requirePermission(actor, 'assessments.write');
  await transitPoint(ctx, actor, input.pointId);
  return idempotent<Flow>(ctx, actor, idempotencyKey, 'POST /api/flows', input, async (trx) => {
    const id = input.id ?? uuidv7();
    if (input.id && (await store.getFlow(trx, id))) throw new Problem(409, 'problem.conflict');
    const counts = Object.fromEntries(FLOW_GROUPS.map((g) => [g, input[g]])) as Record<(typeof FLOW_GROUPS)[number], number>;
    const written = await store.insertFlow(trx, {
      id, pointId: input.pointId, countedOn: input.countedOn, direction: input.direction, organizationId: actor.organizationId, ...counts, note: input.note,
    }, actor.userId);
    if (!written) {
      const existing = (await store.flowAt(trx, input.pointId, input.countedOn, input.direction))!;
      throw new Problem(409, 'flow.exists', { extra: { current: presentFlow(existing) } });
    }
    await audit(trx, actor, 'flow.create', 'flow_count', id, { point: input.pointId, day: input.countedOn, direction: input.direction, total: withTotal(counts).total });
    return { status: 201, body: presentFlow((await store.getFlow(trx, id))!) };
  });
}

/** Counts by point and period (aggregates: `figures.read`), a page of them and the totals of all, by direction. */
export async function listFlows(ctx: Ctx, actor: Actor, q: FlowQuery): Promise<FlowList> {
  requirePermission(actor, 'figures.read');
  const { items, total, byDirection } = await store.listFlows(ctx.db.kysely, { pointId: q.point, from: q.from, to: q.to, direction: q.direction, page: q.page, pageSize: q.pageSize });
  const zero = sumCounts([]);
  const incoming = byDirection.get('incoming') ?? zero;
  const outgoing = byDirection.get('outgoing') ?? zero;
  return { items: items.map(presentFlow), total, page: q.page, pageSize: q.pageSize, totals: { incoming, outgoing, all: sumCounts([incoming, outgoing]) } };
}

/**
 * Corrects a count at the version read (a stale one is a 409 with the current count): only the
 * organisation that recorded it, inside the writer's scope.
 */
export async function updateFlow(ctx: Ctx, actor: Actor, id: string, patch: FlowUpdate): Promise<Flow> {
  requirePermission(actor, 'assessments.write');
  const current = await store.getFlow(ctx.db.kysely, id);
  if (!current) throw notFound();
  if (current.organizationId !== actor.organizationId) throw new Problem(403, 'flow.not_yours');
  const site = (await siteFacts(ctx.db.kysely, [current.pointId])).get(current.pointId)!;
  if (!inScope(site.pcode, actor.scope)) throw new Problem(403, 'scope.outside');
  const stale = () => new Problem(409, 'problem.conflict_version', { extra: { current: presentFlow(current) } });
  if (patch.version !== current.version) throw stale();
  const { version, ...changes } = patch;
  const next = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as store.FlowRecord;
  return inTransaction(ctx, async (trx) => {
    if (!(await store.updateFlow(trx, next, version, actor.userId))) {
      throw new Problem(409, 'problem.conflict_version', { extra: { current: presentFlow((await store.getFlow(trx, id))!) } });
    }
    await audit(trx, actor, 'flow.update', 'flow_count', id, { version: version + 1, fields: Object.keys(changes), total: withTotal(next).total });
    return presentFlow((await store.getFlow(trx, id))!);
  });
}
