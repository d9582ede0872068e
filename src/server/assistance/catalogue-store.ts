import type { CatalogueItem } from '#domain/assistance/catalogue';
import type { Executor } from '../audit/store.ts';

/** SQL of the catalogue (items, kits and their components, cash) and the vulnerability weights. */

export type ItemRecord = CatalogueItem & { active: boolean };

/** Every item, kit and cash transfer, in the catalogue's order, kits with their components. */
export async function catalogueItems(db: Executor): Promise<ItemRecord[]> {
  const [items, components] = await Promise.all([
    db.selectFrom('assistance_items').selectAll().orderBy('position').orderBy('code').execute(),
    db.selectFrom('kit_components').selectAll().orderBy('kit_code').orderBy('item_code').execute(),
  ]);
  return items.map((i) => ({
    code: i.code, kind: i.kind as ItemRecord['kind'], sector: i.sector_code, labels: { en: i.name_en, ar: i.name_ar, ckb: i.name_ckb },
    unit: i.unit, unitValueIqd: i.unit_value_iqd === null ? null : Number(i.unit_value_iqd), active: i.active,
    components: components.filter((c) => c.kit_code === i.code).map((c) => ({ code: c.item_code, quantity: c.quantity })),
  }));
}

export async function weights(db: Executor) {
  return db.selectFrom('vulnerability_weights').selectAll().orderBy('criterion').execute();
}
