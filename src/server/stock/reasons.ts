import type { ReasonInput, ReasonUpdate } from '#domain/assistance/configuration';
import type { Actor, Ctx } from '../context.ts';
import { Problem, notFound } from '../http/problem.ts';
import { can, requirePermission } from '../identity/policy.ts';
import { idempotent } from '../shared/idempotency.ts';
import { audit, inTransaction } from '../shared/tx.ts';
import * as store from './reason-store.ts';

/**
 * The reasons a count's difference or an adjustment gives: read by stock staff, configured with
 * the catalogue (`assistance.configure`, shared by every organisation). A reason's code and
 * direction never change, so the ledger rows that gave it keep their meaning; an inactive reason
 * is offered in no new form.
 */

/** The reasons in their order: active ones, or every one with `all` (for the configuration screen and the ledger's names). */
export async function stockReasons(ctx: Ctx, actor: Actor, query: { all?: 'true' | 'false' } = {}) {
  if (!can(actor, 'assistance.configure')) requirePermission(actor, 'stock.read');
  const all = query.all === 'true';
  const items = await store.listReasons(ctx.db.kysely, all);
  return { items: all ? items : items.map(({ active: _a, position: _p, version: _v, ...r }) => r) };
}

/** Adds a reason, listed last; its code is unique (409). With an Idempotency-Key a replay returns the first response. */
export async function createReason(ctx: Ctx, actor: Actor, input: ReasonInput, idempotencyKey?: string) {
  requirePermission(actor, 'assistance.configure');
  return idempotent<store.ReasonRecord>(ctx, actor, idempotencyKey, 'POST /api/stock/reasons', input, async (trx) => {
    if (await store.reasonOf(trx, input.code)) {
      throw new Problem(409, 'stock.reason_code_taken', { errors: [{ path: 'code', key: 'stock.reason_code_taken' }] });
    }
    await store.insertReason(trx, input);
    await audit(trx, actor, 'stock_reason.create', 'stock_reason', input.code, { direction: input.direction });
    return { status: 201, body: (await store.reasonOf(trx, input.code))! };
  });
}

/** Changes a reason's names, state or place at the version read (a stale one: 409 with the reason as it is). */
export async function updateReason(ctx: Ctx, actor: Actor, code: string, patch: ReasonUpdate): Promise<store.ReasonRecord> {
  requirePermission(actor, 'assistance.configure');
  return inTransaction(ctx, async (trx) => {
    const current = await store.reasonOf(trx, code, true);
    if (!current) throw notFound();
    const next = {
      labels: patch.labels ?? { en: current.name, ar: current.nameAr, ckb: current.nameCkb },
      active: patch.active ?? current.active, position: patch.position ?? current.position,
    };
    if (patch.version !== current.version || !(await store.updateReason(trx, code, next, patch.version))) {
      throw new Problem(409, 'problem.conflict_version', { extra: { current } });
    }
    await audit(trx, actor, 'stock_reason.update', 'stock_reason', code, { fields: Object.keys(patch).filter((k) => k !== 'version'), active: next.active });
    return (await store.reasonOf(trx, code))!;
  });
}
