import { sql } from 'kysely';
import type { CatalogueItem, Labels } from '#domain/assistance/catalogue';
import type { Executor } from '../audit/store.ts';

/** SQL of the catalogue (items, kits and their components, cash) and the vulnerability weights. */

export type ItemRecord = CatalogueItem & { active: boolean; position: number; version: number };

/** Every item, kit and cash transfer (or those of `codes`), in the catalogue's order, kits with their components. */
export async function catalogueItems(db: Executor, codes?: string[]): Promise<ItemRecord[]> {
  if (codes?.length === 0) return [];
  const [items, components] = await Promise.all([
    db.selectFrom('assistance_items').selectAll().$if(!!codes, (q) => q.where('code', 'in', codes!)).orderBy('position').orderBy('code').execute(),
    db.selectFrom('kit_components').selectAll().$if(!!codes, (q) => q.where('kit_code', 'in', codes!)).orderBy('kit_code').orderBy('item_code').execute(),
  ]);
  return items.map((i) => ({
    code: i.code, kind: i.kind as ItemRecord['kind'], sector: i.sector_code, labels: { en: i.name_en, ar: i.name_ar, ckb: i.name_ckb },
    unit: i.unit, unitValueIqd: i.unit_value_iqd === null ? null : Number(i.unit_value_iqd), active: i.active, position: i.position, version: i.version,
    components: components.filter((c) => c.kit_code === i.code).map((c) => ({ code: c.item_code, quantity: c.quantity })),
  }));
}

/** One entry of the catalogue; `lock` holds it until the transaction ends (edits, and the submits of rounds that hand it out). */
export async function itemByCode(db: Executor, code: string, lock = false): Promise<ItemRecord | null> {
  if (lock) await sql`select code from assistance_items where code = ${code} for update`.execute(db);
  return (await catalogueItems(db, [code]))[0] ?? null;
}

/**
 * Holds these entries against edits until the transaction ends, as a round is submitted with
 * them: a kit's contents change either before the submit, or not at all while it is submitted.
 */
export async function shareItems(db: Executor, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  await sql`select code from assistance_items where code in (${sql.join(codes)}) order by code for share`.execute(db);
}

export interface ItemValues {
  sector: string; labels: Labels; unit: string; unitValueIqd: number | null; active: boolean; position: number;
}

export async function insertItem(db: Executor, v: ItemValues & { code: string; kind: string }): Promise<void> {
  await db.insertInto('assistance_items').values({
    code: v.code, kind: v.kind, sector_code: v.sector, name_en: v.labels.en, name_ar: v.labels.ar, name_ckb: v.labels.ckb,
    unit: v.unit, unit_value_iqd: v.unitValueIqd, active: v.active, position: v.position,
  }).execute();
}

/** Writes the new values if the version still matches; false when someone else wrote first. */
export async function updateItem(db: Executor, code: string, v: ItemValues, expectedVersion: number): Promise<boolean> {
  const r = await db.updateTable('assistance_items').set({
    sector_code: v.sector, name_en: v.labels.en, name_ar: v.labels.ar, name_ckb: v.labels.ckb, unit: v.unit,
    unit_value_iqd: v.unitValueIqd, active: v.active, position: v.position, version: expectedVersion + 1,
  }).where('code', '=', code).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function replaceComponents(db: Executor, kitCode: string, components: readonly { code: string; quantity: number }[]): Promise<void> {
  await db.deleteFrom('kit_components').where('kit_code', '=', kitCode).execute();
  if (components.length) {
    await db.insertInto('kit_components').values(components.map((c) => ({ kit_code: kitCode, item_code: c.code, quantity: c.quantity }))).execute();
  }
}

/** The place after the last entry: a new one is listed last. */
export async function nextPosition(db: Executor): Promise<number> {
  const r = await sql<{ n: number }>`select coalesce(max(position), 0)::int + 1 as n from assistance_items`.execute(db);
  return r.rows[0].n;
}

/** The active kits that hold this item, by code. */
export async function activeKitsHolding(db: Executor, itemCode: string): Promise<string[]> {
  const r = await db.selectFrom('kit_components as k').innerJoin('assistance_items as i', 'i.code', 'k.kit_code')
    .select('k.kit_code').where('k.item_code', '=', itemCode).where('i.active', '=', true).orderBy('k.kit_code').execute();
  return r.map((x) => x.kit_code);
}

export interface RoundUsing { programmeCode: string; number: number; organizationId: string }

/**
 * The rounds submitted, approved or issued whose formula hands out this code (a draft may still
 * change; a closed round hands out nothing more). Reads the rounds of every organisation.
 */
export async function roundsHandingOut(db: Executor, code: string): Promise<RoundUsing[]> {
  const r = await sql<{ programme_code: string; number: number; organization_id: string }>`
    select p.code as programme_code, r.number, p.organization_id
    from distribution_rounds r join programmes p on p.id = r.programme_id
    where r.status in ('submitted', 'approved', 'issued')
      and jsonb_path_exists(r.formula, 'lax $.**.code ? (@ == $code)', jsonb_build_object('code', ${code}::text))
    order by p.code, r.number`.execute(db);
  return r.rows.map((x) => ({ programmeCode: x.programme_code, number: x.number, organizationId: x.organization_id }));
}

// ------------------------------------------------------------------------------ weights

export type WeightRow = Awaited<ReturnType<typeof weights>>[number];

export async function weights(db: Executor) {
  return db.selectFrom('vulnerability_weights').selectAll().orderBy('criterion').execute();
}

export async function weightOf(db: Executor, criterion: string) {
  return (await db.selectFrom('vulnerability_weights').selectAll().where('criterion', '=', criterion).executeTakeFirst()) ?? null;
}

export async function insertWeight(db: Executor, w: { criterion: string; weight: number; labels: Labels }): Promise<void> {
  await db.insertInto('vulnerability_weights').values({
    criterion: w.criterion, weight: w.weight, name_en: w.labels.en, name_ar: w.labels.ar, name_ckb: w.labels.ckb,
  }).execute();
}

/** Writes the new weight and names if the version still matches; false when someone else wrote first. */
export async function updateWeight(db: Executor, criterion: string, w: { weight: number; labels: Labels }, expectedVersion: number): Promise<boolean> {
  const r = await db.updateTable('vulnerability_weights').set({
    weight: w.weight, name_en: w.labels.en, name_ar: w.labels.ar, name_ckb: w.labels.ckb, version: expectedVersion + 1,
  }).where('criterion', '=', criterion).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Removes the weight if the version still matches; false when someone else wrote first. */
export async function deleteWeight(db: Executor, criterion: string, expectedVersion: number): Promise<boolean> {
  const r = await db.deleteFrom('vulnerability_weights').where('criterion', '=', criterion).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
