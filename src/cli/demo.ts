import type { Command } from 'commander';
import { v7 as uuidv7 } from 'uuid';
import { mulberry32, syntheticHouseholds, type SyntheticHousehold } from '#domain/demo/synthetic';
import type { HouseholdInput } from '#domain/registry/household';
import type { Actor, Ctx } from '#server/context';
import { createUser } from '#server/identity/users';
import { userByUsername } from '#server/identity/store';
import { organizationByCode } from '#server/identity/users-store';
import { createSite } from '#server/places/service';
import { importHouseholds, validateForImport, type ImportHousehold } from '#server/registry/import';
import { cliActor } from './context.ts';
import { DEMO_IMPORTERS, DEMO_SITES, DEMO_USERS } from './demo-data.ts';
import { loadDemoAssistance } from './demo-assistance.ts';
import { loadDemoTracking } from './demo-dtm.ts';
import { importDemoBoundaries, recordDemoMovements, registeredAfterFlight, type DemoHousehold } from './demo-movements.ts';
import { runCommand } from './households.ts';
import { progress } from './progress.ts';

const DEFAULT_PASSWORD = 'amina-demo-2014';

interface DemoOptions { households: number; seed: number; boundaries: string }
interface PlacedSite { id: string; pcode: string; kind: string; names: string[] }

async function createDemoUsers(ctx: Ctx, admin: Actor, password: string): Promise<void> {
  for (const u of DEMO_USERS) {
    const org = await organizationByCode(ctx.db.kysely, u.org);
    if (!org) throw new Error(`no organisation with code ${u.org}`);
    await createUser(ctx, admin, {
      username: u.username, displayName: u.username, password, organizationId: org.id, role: u.role,
      scope: u.scope, locale: u.org === 'BMD' ? 'ckb' : 'ar', mfaRequired: false,
    });
  }
}

async function createDemoSites(ctx: Ctx, admin: Actor): Promise<PlacedSite[]> {
  const placed: PlacedSite[] = [];
  for (const { managedBy, ...s } of DEMO_SITES) {
    const org = await organizationByCode(ctx.db.kysely, managedBy);
    const site = await createSite(ctx, admin, { ...s, shelter: null, transitType: null, managingOrganizationId: org?.id ?? null });
    placed.push({ id: site.id, pcode: s.pcode, kind: s.kind, names: [s.name, s.nameAr, s.nameCkb] });
  }
  return placed;
}

/** A family in a camp lives at the camp its address names; one in a collective centre, at its district's centre. */
function placeAtSite(input: HouseholdInput, sites: PlacedSite[]): HouseholdInput {
  const inDistrict = sites.filter((s) => s.pcode === input.current.pcode && s.kind === input.shelter);
  const site = input.shelter === 'camp'
    ? inDistrict.find((s) => input.current.address !== null && s.names.includes(input.current.address))
    : inDistrict[0];
  return site ? { ...input, current: { ...input.current, siteId: site.id } } : input;
}

async function importShare(ctx: Ctx, actor: Actor, share: ImportHousehold[]): Promise<DemoHousehold[]> {
  const { valid, errors } = await validateForImport(ctx, actor, share);
  if (errors.length) console.warn(`${actor.organizationCode}: ${share.length - valid.length} generated households left out (${errors[0].message} ...)`);
  const bar = progress(`importing ${actor.organizationCode}`);
  const result = await importHouseholds(ctx, actor, valid, { file: 'amina demo', onProgress: (d, t) => bar.update(d, t) });
  bar.stop();
  console.log(`${actor.organizationCode}: ${result.imported} households (${result.individuals} individuals) imported as ${actor.username}`);
  return valid.map((h) => ({ id: h.input.id!, input: h.input, registeredOn: h.input.registeredOn! }));
}

function printUsers(password: string): void {
  console.log('\nDemo users (password for all of them):', password);
  for (const u of DEMO_USERS) {
    console.log(`  ${u.username.padEnd(18)} ${u.org.padEnd(5)} ${u.role.padEnd(21)} ${u.scope.length ? u.scope.join(',') : 'all of Iraq'}`);
  }
}

/**
 * Loads the demonstration: a user per role in MoMD and BMD, camps and collective centres, and
 * synthetic households imported into each ministry's registry by its data manager. Runs once:
 * when the demo users exist it changes nothing.
 */
export async function loadDemo(ctx: Ctx, opts: DemoOptions): Promise<void> {
  const present = [];
  for (const u of DEMO_USERS) if (await userByUsername(ctx.db.kysely, u.username)) present.push(u.username);
  if (present.length) {
    console.log(`The demo is already loaded (${present.join(', ')} exist): nothing was changed.`);
    return;
  }
  const password = process.env.AMINA_DEMO_PASSWORD || DEFAULT_PASSWORD;
  const admin = await cliActor(ctx);
  await createDemoUsers(ctx, admin, password);
  const sites = await createDemoSites(ctx, admin);
  console.log(`${sites.length} sites created (camps and collective centres)`);
  await importDemoBoundaries(ctx, admin, opts.boundaries);
  const generated: SyntheticHousehold[] = [...syntheticHouseholds({ seed: opts.seed, households: opts.households })];
  const r = mulberry32(opts.seed + 3);
  const imported = new Map<Actor, DemoHousehold[]>();
  for (const registry of ['MOMD', 'BMD'] as const) {
    const actor = await cliActor(ctx, DEMO_IMPORTERS[registry]);
    const share = generated.filter((h) => h.registry === registry).map((h) => ({
      ref: h.ref, rows: [], input: { ...placeAtSite(h.input, sites), id: uuidv7(), registeredOn: registeredAfterFlight(h.input, r) },
    }));
    imported.set(actor, await importShare(ctx, actor, share));
  }
  await recordDemoMovements(ctx, imported, sites, opts.seed);
  const camps = sites.filter((s) => s.kind === 'camp').map((s) => ({ id: s.id, pcode: s.pcode, name: s.names[0] }));
  await loadDemoTracking(ctx, await cliActor(ctx, DEMO_IMPORTERS.MOMD), camps, opts.seed);
  await loadDemoAssistance(ctx, {
    clerk: await cliActor(ctx, 'momd.registrar'), maker: await cliActor(ctx, DEMO_IMPORTERS.MOMD),
    checker: await cliActor(ctx, 'momd.programme'), officer: await cliActor(ctx, 'momd.distribution'),
  }, opts.seed);
  printUsers(password);
}

function integer(name: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer of at least ${min}`);
  return n;
}

/** `amina demo [--households N] [--seed S]`. */
export function registerDemoCommand(program: Command) {
  program.command('demo').description('load demo users, camps and synthetic households into the MoMD and BMD registries')
    .option('--households <n>', 'how many households to generate', '3000')
    .option('--seed <s>', 'seed of the generator (same seed, same households)', '2014')
    .option('--boundaries <dir>', 'folder with the COD-AB GeoJSON files of Iraq (maps)', '../shared/data/iraq')
    .action((o) => runCommand((ctx) => loadDemo(ctx, {
      households: integer('--households', o.households, 1), seed: integer('--seed', o.seed, 0), boundaries: o.boundaries,
    })));
}
