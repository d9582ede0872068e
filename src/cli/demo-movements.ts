import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32, type Rng } from '#domain/demo/synthetic';
import type { MovementInput } from '#domain/movement/schemas';
import { parseCodAbGeoJson } from '#domain/places/boundary-import';
import type { HouseholdInput } from '#domain/registry/household';
import { earliestDay } from '#domain/shared/partial-date';
import type { Actor, Ctx } from '#server/context';
import { recordMovement } from '#server/movement/service';
import { importAreas } from '#server/places/service';
import { progress } from './progress.ts';

/**
 * The demo's timelines: households registered some weeks after they fled, then some moved on to
 * a camp, some went home from 2016 on (Mosul was retaken in 2017), a few went abroad; and the
 * COD-AB boundaries, so the dashboard has its map.
 */

const DAY = 86_400_000;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const today = () => new Date().toISOString().slice(0, 10);
const earlier = (a: string, b: string) => (a < b ? a : b);

/** The day the household was registered: two weeks to seven months after it fled, never after today. */
export function registeredAfterFlight(input: HouseholdInput, r: Rng): string {
  const fled = earliestDay(input.displacedOn ?? '2014-08');
  return earlier(addDays(fled, 14 + Math.floor(r() * 200)), today());
}

export interface DemoHousehold { id: string; input: HouseholdInput; registeredOn: string }
interface Site { id: string; pcode: string; kind: string }

/** What happened to a household after its registration (nothing, most often). */
function movementsOf(h: DemoHousehold, camps: Site[], elsewhere: string, r: Rng): MovementInput[] {
  const x = r();
  const after = (from: string, min: number, span: number) => earlier(addDays(from, min + Math.floor(r() * span)), today());
  const moves: MovementInput[] = [];
  let last = h.registeredOn;
  const nearby = camps.filter((c) => c.pcode.slice(0, 5) === h.input.current.pcode.slice(0, 5) && c.id !== h.input.current.siteId);
  if (x < 0.2 && nearby.length) {
    const camp = nearby[Math.floor(r() * nearby.length)];
    last = after(last, 30, 400);
    moves.push({ type: 'relocation', from: null, to: { pcode: camp.pcode, siteId: camp.id, place: null }, shelter: null, date: last, note: null });
  } else if (x < 0.24) {
    last = after(last, 60, 500);
    moves.push({ type: 'secondary_displacement', from: null, to: { pcode: elsewhere, siteId: null, place: null }, shelter: 'rented_house', date: last, note: null });
  } else if (x < 0.25) {
    moves.push({ type: 'departure_abroad', from: null, to: { pcode: null, siteId: null, place: r() < 0.5 ? 'Germany' : 'Turkey' }, shelter: null, date: after(last, 90, 700), note: null });
    return moves;
  }
  if (r() < 0.3) {
    const home = last < '2016-06-01' ? '2016-06-01' : last;
    moves.push({ type: 'return', from: null, to: { pcode: h.input.origin.pcode, siteId: null, place: h.input.origin.place }, shelter: null, date: after(home, 30, 1200), note: null });
  }
  return moves.filter((m) => m.date > h.registeredOn);
}

/** Records the demo movements through the movement service, as each registry's data manager. */
export async function recordDemoMovements(ctx: Ctx, byRegistry: Map<Actor, DemoHousehold[]>, sites: Site[], seed: number) {
  const r = mulberry32(seed + 4);
  const camps = sites.filter((s) => s.kind === 'camp');
  // Families move on inside the area of the registry's clerks: Baghdad for MoMD, Sulaymaniyah for BMD.
  const elsewhere = (actor: Actor) => (actor.scope.length && !actor.scope.includes('IQG08') ? 'IQG06Q01' : 'IQG08Q03');
  const planned = [...byRegistry].flatMap(([actor, households]) => households.map((h) => ({ actor, h, moves: movementsOf(h, camps, elsewhere(actor), r) })))
    .filter((p) => p.moves.length);
  const bar = progress('recording movements');
  let done = 0;
  for (const { actor, h, moves } of planned) {
    for (const m of moves) await recordMovement(ctx, actor, h.id, m);
    bar.update(++done, planned.length);
  }
  bar.stop();
  console.log(`${planned.length} households moved on, went home or abroad`);
}

/** Imports the COD-AB boundaries (governorates, districts) when the shared data folder is there. */
export async function importDemoBoundaries(ctx: Ctx, admin: Actor, dir: string): Promise<boolean> {
  const files = ['irq_admbnda_adm1_cso_20190603.geojson', 'irq_admbnda_adm2_cso_20190603.geojson'].map((f) => join(dir, f));
  if (!files.every(existsSync)) {
    console.log(`No boundaries in ${dir}: the maps stay empty until \`amina areas import\` loads them.`);
    return false;
  }
  for (const file of files) await importAreas(ctx, admin, parseCodAbGeoJson(JSON.parse(readFileSync(file, 'utf8'))).areas);
  console.log(`Boundaries imported from ${dir}`);
  return true;
}
