import type { CatalogueItem } from '#domain/assistance/catalogue';
import type { ItemInput, ItemUpdate } from '#domain/assistance/configuration';
import type { Actor, Ctx } from '../context.ts';
import type { Executor } from '../audit/store.ts';
import { Problem, invalidField, invalidFields, notFound, type FieldError } from '../http/problem.ts';
import { reference } from '../places/service.ts';
import { idempotent } from '../shared/idempotency.ts';
import { audit, inTransaction, type Trx } from '../shared/tx.ts';
import * as store from './catalogue-store.ts';
import { assertCanConfigure } from './policy.ts';

/**
 * Configuring the shared catalogue (`assistance.configure`): items counted in stock, kits handed
 * out as the items they hold, cash in IQD. Codes and kinds never change. What was promised stays
 * as promised: a kit's contents do not change while a submitted, approved or issued round hands it
 * out (a new kit is made instead), and an item inside an active kit stays active. Deactivating an
 * entry only keeps it out of new formulas: what was issued is still collected, from stock.
 */

type Component = { code: string; quantity: number };

async function assertSector(ctx: Ctx, sector: string): Promise<void> {
  if (!(await reference(ctx)).sectors.some((s) => s.code === sector)) throw invalidField('sector', 'sector.unknown');
}

/** A kit holds active items (not kits, not cash); they are held against deactivation until the transaction ends. */
async function assertComponents(trx: Trx, components: readonly Component[]): Promise<void> {
  const codes = components.map((c) => c.code);
  await store.shareItems(trx, [...codes].sort());
  const found = new Map((await store.catalogueItems(trx, codes)).map((i) => [i.code, i]));
  const errors: FieldError[] = components.flatMap((c, i) => {
    const item = found.get(c.code);
    return item && item.kind === 'item' && item.active ? [] : [{ path: `components.${i}.code`, key: 'catalogue.component_invalid' }];
  });
  if (errors.length) throw invalidFields(errors);
}

async function shown(db: Executor, code: string): Promise<CatalogueItem> {
  return (await store.itemByCode(db, code))!;
}

/**
 * Adds an item, kit (with the active items it holds) or cash transfer, listed last. Its code is
 * unique (409). With an Idempotency-Key a replay returns the first response.
 */
export async function createItem(ctx: Ctx, actor: Actor, input: ItemInput, idempotencyKey?: string) {
  assertCanConfigure(actor);
  await assertSector(ctx, input.sector);
  return idempotent<CatalogueItem>(ctx, actor, idempotencyKey, 'POST /api/assistance/items', input, async (trx) => {
    if (await store.itemByCode(trx, input.code)) {
      throw new Problem(409, 'catalogue.code_taken', { errors: [{ path: 'code', key: 'catalogue.code_taken' }] });
    }
    await assertComponents(trx, input.components);
    await store.insertItem(trx, { ...input, active: true, position: await store.nextPosition(trx) });
    await store.replaceComponents(trx, input.code, input.components);
    await audit(trx, actor, 'assistance_item.create', 'assistance_item', input.code, {
      kind: input.kind, sector: input.sector, unit: input.unit, unitValueIqd: input.unitValueIqd, components: input.components,
    });
    return { status: 201, body: await shown(trx, input.code) };
  });
}

const sameComponents = (a: readonly Component[], b: readonly Component[]) => {
  const key = (l: readonly Component[]) => JSON.stringify([...l].sort((x, y) => x.code.localeCompare(y.code)).map((c) => [c.code, c.quantity]));
  return key(a) === key(b);
};

/** What the edit may not do given the entry's kind: components only for a kit (never empty, never itself), IQD only for cash. */
function kindErrors(current: store.ItemRecord, patch: ItemUpdate): FieldError[] {
  const errors: FieldError[] = [];
  if (patch.components && current.kind !== 'kit') errors.push({ path: 'components', key: 'catalogue.components_not_kit' });
  else if (patch.components?.length === 0) errors.push({ path: 'components', key: 'catalogue.kit_empty' });
  patch.components?.forEach((c, i) => { if (c.code === current.code) errors.push({ path: `components.${i}.code`, key: 'catalogue.component_self' }); });
  if (patch.unit && (patch.unit === 'iqd') !== (current.kind === 'cash')) errors.push({ path: 'unit', key: 'catalogue.unit_invalid' });
  return errors;
}

/** The rounds that hand the kit out, named for the configurer: its own organisation's by programme and number, others only counted. */
function kitInUse(rounds: store.RoundUsing[], actor: Actor): Problem {
  const own = rounds.filter((r) => r.organizationId === actor.organizationId).map((r) => `${r.programmeCode} #${r.number}`);
  const others = rounds.length - own.length;
  const names = [...own, ...(others ? [`+${others}`] : [])].join(', ');
  return new Problem(409, 'catalogue.kit_in_use', {
    params: { rounds: names }, errors: [{ path: 'components', key: 'catalogue.kit_in_use', params: { rounds: names } }],
    extra: { rounds: own, otherRounds: others },
  });
}

/**
 * Changes an entry at the version read (a stale one: 409 with the entry as it is). A kit's
 * contents change only while no submitted, approved or issued round hands it out (409 naming
 * them); an item inside an active kit is not deactivated (409 naming the kits).
 */
export async function updateItem(ctx: Ctx, actor: Actor, code: string, patch: ItemUpdate): Promise<CatalogueItem> {
  assertCanConfigure(actor);
  if (patch.sector) await assertSector(ctx, patch.sector);
  return inTransaction(ctx, async (trx) => {
    const current = await store.itemByCode(trx, code, true);
    if (!current) throw notFound();
    if (patch.version !== current.version) throw new Problem(409, 'problem.conflict_version', { extra: { current } });
    const errors = kindErrors(current, patch);
    if (errors.length) throw invalidFields(errors);
    const next: store.ItemValues = {
      sector: patch.sector ?? current.sector, labels: patch.labels ?? current.labels, unit: patch.unit ?? current.unit,
      unitValueIqd: current.kind === 'cash' ? 1 : patch.unitValueIqd === undefined ? current.unitValueIqd : patch.unitValueIqd,
      active: patch.active ?? current.active, position: patch.position ?? current.position,
    };
    const components = patch.components && !sameComponents(patch.components, current.components) ? patch.components : null;
    if (current.kind === 'kit' && next.active && (components || !current.active)) await assertComponents(trx, components ?? current.components);
    if (components) {
      const rounds = await store.roundsHandingOut(trx, code);
      if (rounds.length) throw kitInUse(rounds, actor);
    }
    if (current.kind === 'item' && current.active && !next.active) {
      const kits = await store.activeKitsHolding(trx, code);
      if (kits.length) throw new Problem(409, 'catalogue.item_in_kit', { params: { kits: kits.join(', ') }, extra: { kits } });
    }
    if (!(await store.updateItem(trx, code, next, patch.version))) throw new Problem(409, 'problem.conflict_version', { extra: { current } });
    if (components) await store.replaceComponents(trx, code, components);
    await audit(trx, actor, 'assistance_item.update', 'assistance_item', code, {
      fields: Object.keys(patch).filter((k) => k !== 'version'), active: next.active,
      ...(components ? { components, previousComponents: current.components } : {}),
    });
    return shown(trx, code);
  });
}
