import type { Weights } from '#domain/assistance/catalogue';
import type { WeightInput, WeightUpdate } from '#domain/assistance/configuration';
import { parseCriterion } from '#domain/assistance/vulnerability';
import type { Actor, Ctx } from '../context.ts';
import { Problem, invalidField, notFound } from '../http/problem.ts';
import { needSensitivity } from '../places/service.ts';
import { idempotent } from '../shared/idempotency.ts';
import { audit, inTransaction, type Trx } from '../shared/tx.ts';
import * as store from './catalogue-store.ts';
import { weightList } from './catalogue.ts';
import { assertCanConfigure } from './policy.ts';

/**
 * Configuring the weights of the vulnerability score (`assistance.configure`): a criterion the
 * score understands, never a sensitive need (SV, TR...: they are never used for targeting). A
 * round already submitted keeps the weights it was submitted with (catalogue.ts `roundWeights`).
 */

type Weight = Weights['items'][number];

async function shown(trx: Trx, criterion: string): Promise<Weight> {
  return (await weightList(trx)).items.find((w) => w.criterion === criterion)!;
}

/** A need criterion names a need of the configured list that is not sensitive (422 otherwise). */
async function assertNeed(trx: Trx, criterion: string): Promise<void> {
  const c = parseCriterion(criterion);
  if (c?.kind !== 'need') return;
  const sensitive = (await needSensitivity(trx)).get(c.code);
  if (sensitive === undefined) throw invalidField('criterion', 'need.unknown');
  if (sensitive) throw invalidField('criterion', 'targeting.sensitive_need');
}

/** 409 with the weight as it now is (404 when someone removed it meanwhile). */
async function conflict(trx: Trx, criterion: string): Promise<Problem> {
  if (!(await store.weightOf(trx, criterion))) return notFound();
  return new Problem(409, 'problem.conflict_version', { extra: { current: await shown(trx, criterion) } });
}

/** Adds a weight for a criterion that has none (409 otherwise). With an Idempotency-Key a replay returns the first response. */
export async function createWeight(ctx: Ctx, actor: Actor, input: WeightInput, idempotencyKey?: string) {
  assertCanConfigure(actor);
  return idempotent<Weight>(ctx, actor, idempotencyKey, 'POST /api/assistance/weights', input, async (trx) => {
    await assertNeed(trx, input.criterion);
    if (await store.weightOf(trx, input.criterion)) {
      throw new Problem(409, 'weight.criterion_taken', { errors: [{ path: 'criterion', key: 'weight.criterion_taken' }] });
    }
    await store.insertWeight(trx, input);
    await audit(trx, actor, 'vulnerability_weight.create', 'vulnerability_weight', input.criterion, { weight: input.weight });
    return { status: 201, body: await shown(trx, input.criterion) };
  });
}

/** Changes a weight or its names at the version read (a stale one: 409 with the weight as it is). */
export async function updateWeight(ctx: Ctx, actor: Actor, criterion: string, patch: WeightUpdate): Promise<Weight> {
  assertCanConfigure(actor);
  return inTransaction(ctx, async (trx) => {
    const current = await store.weightOf(trx, criterion);
    if (!current) throw notFound();
    const next = { weight: patch.weight ?? current.weight, labels: patch.labels ?? { en: current.name_en, ar: current.name_ar, ckb: current.name_ckb } };
    if (patch.version !== current.version || !(await store.updateWeight(trx, criterion, next, patch.version))) throw await conflict(trx, criterion);
    await audit(trx, actor, 'vulnerability_weight.update', 'vulnerability_weight', criterion, {
      fields: Object.keys(patch).filter((k) => k !== 'version'), weight: next.weight, previousWeight: current.weight,
    });
    return shown(trx, criterion);
  });
}

/** Removes a weight at the version read: the score no longer counts it (rounds already submitted keep theirs). */
export async function deleteWeight(ctx: Ctx, actor: Actor, criterion: string, version: number): Promise<{ ok: true }> {
  assertCanConfigure(actor);
  return inTransaction(ctx, async (trx) => {
    const current = await store.weightOf(trx, criterion);
    if (!current) throw notFound();
    if (version !== current.version || !(await store.deleteWeight(trx, criterion, version))) throw await conflict(trx, criterion);
    await audit(trx, actor, 'vulnerability_weight.delete', 'vulnerability_weight', criterion, { weight: current.weight });
    return { ok: true as const };
  });
}
