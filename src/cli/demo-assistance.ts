import { RedemptionInput } from '#domain/assistance/distribution';
import { ProgrammeInput } from '#domain/assistance/programmes';
import { RoundInput } from '#domain/assistance/rounds';
import { DispatchInput, ReceiptInput, ReceiveInput, StockLocationInput } from '#domain/assistance/stock';
import { mulberry32 } from '#domain/demo/synthetic';
import type { Actor, Ctx } from '#server/context';
import { approveRound, submitRound } from '#server/assistance/approval';
import { issueEntitlements } from '#server/assistance/issue';
import { createProgramme } from '#server/assistance/programmes';
import { createRound } from '#server/assistance/rounds';
import { printCard } from '#server/distribution/cards';
import { redeem } from '#server/distribution/redeem';
import { dispatchStock, receiveDispatch } from '#server/stock/dispatches';
import { registerStockLocation } from '#server/stock/locations';
import { recordReceipt } from '#server/stock/service';

/**
 * The demo's assistance, done as each person would: MoMD's warehouse in Erbil receives food parcels
 * and kits and sends them to three points; a winter programme's round for displaced families in
 * Erbil is drafted by the data manager, approved by the programme manager and issued; cards are
 * printed for the first families, and a third of them have collected.
 */

interface People { clerk: Actor; maker: Actor; checker: Actor; officer: Actor }

const POINTS = [
  { code: 'ERB-BAHARKA', name: 'Baharka distribution point', nameAr: 'نقطة توزيع بحركة', nameCkb: 'خاڵی دابەشکردنی بەحرکە', pcode: 'IQG11Q02' },
  { code: 'ERB-ANKAWA', name: 'Ankawa distribution point', nameAr: 'نقطة توزيع عنكاوا', nameCkb: 'خاڵی دابەشکردنی عەنکاوە', pcode: 'IQG11Q01' },
  { code: 'ERB-DEBAGA', name: 'Debaga distribution point', nameAr: 'نقطة توزيع ديبكة', nameCkb: 'خاڵی دابەشکردنی دیبەگە', pcode: 'IQG11Q04' },
];
const STOCK = [['food_parcel', 3000], ['blanket', 6000], ['mattress', 3000], ['tarpaulin', 1500], ['soap', 20000], ['sanitary_pads', 8000], ['jerrycan', 2000]] as const;
const today = () => new Date().toISOString().slice(0, 10);

async function stock(ctx: Ctx, keeper: Actor) {
  const warehouse = (await registerStockLocation(ctx, keeper, StockLocationInput.parse({ kind: 'warehouse', code: 'ERB-WH1', name: 'Erbil warehouse', nameAr: 'مخزن أربيل', nameCkb: 'کۆگای هەولێر', pcode: 'IQG11Q02' }))).body;
  await recordReceipt(ctx, keeper, ReceiptInput.parse({ locationId: warehouse.id, lines: STOCK.map(([item, quantity]) => ({ item, quantity })), supplier: 'WFP / UNHCR pipeline', reference: 'WB-2014-0091' }));
  const points = [];
  for (const p of POINTS) {
    const point = (await registerStockLocation(ctx, keeper, StockLocationInput.parse({ kind: 'point', ...p }))).body;
    const lines = STOCK.map(([item, quantity]) => ({ item, quantity: Math.floor(quantity / 4) }));
    const sent = (await dispatchStock(ctx, keeper, DispatchInput.parse({ fromLocationId: warehouse.id, toLocationId: point.id, lines, waybill: `DS-${p.code}` }))).body;
    await receiveDispatch(ctx, keeper, sent.id, ReceiveInput.parse({ lines }));
    points.push(point);
  }
  return points;
}

/** Loads the demo's assistance; returns how many families collected. */
export async function loadDemoAssistance(ctx: Ctx, people: People, seed: number) {
  const points = await stock(ctx, people.maker);
  const programme = (await createProgramme(ctx, people.maker, ProgrammeInput.parse({
    code: 'WINTER-ERBIL', name: 'Winter response, Erbil', nameAr: 'الاستجابة الشتوية، أربيل', nameCkb: 'وەڵامدانەوەی زستان، هەولێر',
    sector: 'shelter_nfi', areas: ['IQG11'], startsOn: '2014-10-01',
  }))).body;
  const start = today();
  const end = new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10);
  const round = (await createRound(ctx, people.maker, programme.id, RoundInput.parse({
    name: 'Winter kits', startsOn: start, endsOn: end, pointIds: points.map((p) => p.id),
    rules: { statuses: ['displaced'], areas: ['IQG11'] },
    formula: { parts: [
      { per: 'household', lines: [{ code: 'winter_kit', quantity: 1 }] },
      { per: 'band', bands: [{ from: 1, to: 3, lines: [{ code: 'food_parcel', quantity: 1 }] }, { from: 4, to: null, lines: [{ code: 'food_parcel', quantity: 2 }] }] },
    ] },
  }))).body;
  const submitted = await submitRound(ctx, people.maker, round.id, round.version);
  const approved = await approveRound(ctx, people.checker, round.id, submitted.version);
  const { created } = await issueEntitlements(ctx, people.checker, round.id, approved.version);
  const entitlements = await ctx.db.kysely.selectFrom('entitlements').select(['id', 'household_id', 'point_id']).where('round_id', '=', round.id).orderBy('id').limit(60).execute();
  const r = mulberry32(seed + 6);
  let collected = 0;
  for (const e of entitlements) {
    await printCard(ctx, people.clerk, e.household_id, null).catch(() => null);
    if (r() < 0.35) {
      await redeem(ctx, people.officer, RedemptionInput.parse({ entitlementId: e.id, pointId: e.point_id ?? points[0].id }));
      collected++;
    }
  }
  console.log(`Assistance: a warehouse and ${points.length} points stocked, round "Winter kits" issued to ${created} families, ${collected} collected`);
}
