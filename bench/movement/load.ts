import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { mulberry32, syntheticHouseholds } from '../../src/domain/demo/synthetic.ts';
import type { HouseholdInput } from '../../src/domain/registry/household.ts';
import { registeredAfterFlight } from '../../src/cli/demo-movements.ts';
import type { Actor, Ctx } from '../../src/server/context.ts';
import { importHouseholds, type ImportHousehold } from '../../src/server/registry/import.ts';
import { householdPage } from '../../src/server/registry/bulk-store.ts';
import { syncTimelines } from '../../src/server/registry/timeline.ts';

/**
 * Loads the figures benchmark's registry: synthetic MoMD and BMD households registered over the
 * years after they fled, imported through the registry's own import; then movements for about a
 * third of them (relocations, moves to Baghdad, returns home from 2016 on), written in bulk and
 * applied with the same `syncTimelines` every registration and movement goes through.
 */

const DAY = 86_400_000;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const today = new Date().toISOString().slice(0, 10);

export async function loadHouseholds(ctx: Ctx, importers: Record<'MOMD' | 'BMD', Actor>, households: number, seed: number) {
  const r = mulberry32(seed + 3);
  const shares: Record<'MOMD' | 'BMD', ImportHousehold[]> = { MOMD: [], BMD: [] };
  for (const h of syntheticHouseholds({ seed, households })) {
    const input: HouseholdInput = { ...h.input, registry: undefined, id: uuidv7(), registeredOn: registeredAfterFlight(h.input, r) };
    shares[h.registry as 'MOMD' | 'BMD'].push({ ref: h.ref, rows: [], input });
  }
  let individuals = 0;
  for (const registry of ['MOMD', 'BMD'] as const) {
    const share = shares[registry];
    for (let i = 0; i < share.length; i += 20_000) {
      const result = await importHouseholds(ctx, importers[registry], share.slice(i, i + 20_000), { file: 'bench' });
      individuals += result.individuals;
      process.stdout.write(`\r  imported ${registry} ${Math.min(i + 20_000, share.length)}/${share.length}`);
    }
    process.stdout.write('\n');
  }
  return individuals;
}

interface Planned { householdId: string; type: string; to: string; shelter: string | null; date: string }

function plan(h: { id: string; registeredOn: string; originPcode: string; currentPcode: string }, r: () => number): Planned[] {
  const moves: Planned[] = [];
  let last = h.registeredOn;
  const after = (from: string, min: number, span: number) => {
    const day = addDays(from, min + Math.floor(r() * span));
    return day < today ? day : today;
  };
  const x = r();
  if (x < 0.15) moves.push({ householdId: h.id, type: 'relocation', to: h.currentPcode, shelter: 'camp', date: (last = after(last, 30, 400)) });
  else if (x < 0.2) moves.push({ householdId: h.id, type: 'secondary_displacement', to: 'IQG08Q03', shelter: 'rented_house', date: (last = after(last, 60, 500)) });
  if (r() < 0.25) moves.push({ householdId: h.id, type: 'return', to: h.originPcode, shelter: null, date: after(last < '2016-06-01' ? '2016-06-01' : last, 30, 1200) });
  return moves.filter((m) => m.date > h.registeredOn);
}

/** Movements for about a third of the households of one registry, applied a page at a time. */
export async function loadMovements(ctx: Ctx, actor: Actor, seed: number): Promise<number> {
  const r = mulberry32(seed + 4);
  const filter = { organizationId: actor.organizationId, scope: [] };
  let after: string | null = null;
  let count = 0;
  for (;;) {
    const page = await householdPage(ctx.db.kysely, filter, after, 2000);
    if (page.length === 0) return count;
    after = page[page.length - 1].id;
    const moves = page.flatMap((h) => plan(h, r));
    if (moves.length === 0) continue;
    await ctx.db.kysely.transaction().execute(async (trx) => {
      const values = moves.map((m) => sql`(${uuidv7()}::uuid, ${m.householdId}::uuid, ${m.type}, ${m.to}, ${m.shelter}, ${m.date}, ${actor.userId}::uuid)`);
      await sql`insert into household_movements (id, household_id, type, to_pcode, to_shelter, moved_on, recorded_by)
        values ${sql.join(values)}`.execute(trx);
      const moved = new Set(moves.map((m) => m.householdId));
      await syncTimelines(trx, page.filter((h) => moved.has(h.id)));
    });
    count += moves.length;
    process.stdout.write(`\r  movements ${actor.organizationCode} ${count}`);
  }
}
