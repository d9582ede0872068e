/**
 * Displacement figures by governorate and district over a large registry and many DTM rounds,
 * through the HTTP API (target: p95 <= 50 ms on PostgreSQL), and whether they are current right
 * after each registration and movement:
 *   DATABASE_URL=postgres://... npx tsx bench/movement/figures.ts [--households 170000] [--locations 4000] [--rounds 24]
 *     [--queries 300] [--seed 1] [--keep] [--url postgres://.../kept_db]
 * Loads the registry (synthetic households imported, movements for about a third, see load.ts)
 * and the assessments, then starts the server in this process and asks, one at a time after a
 * warm-up: registry figures at level 1 and 2 today and on random days of the last two years,
 * with and without a wave filter; assessment figures likewise; trends; origins. Then it registers
 * households and records movements while another client keeps asking for figures, and checks
 * after each write that the figures moved by exactly that household.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { connect, type Db } from '../../src/server/db/connect.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createSealer } from '../../src/server/shared/crypto.ts';
import { bootstrap } from '../../src/server/bootstrap.ts';
import { buildApp } from '../../src/server/http/app.ts';
import type { Ctx } from '../../src/server/context.ts';
import { createUser } from '../../src/server/identity/users.ts';
import { organizationByCode } from '../../src/server/identity/users-store.ts';
import { actorByUserId } from '../../src/server/identity/store.ts';
import { createApiToken } from '../../src/server/identity/sessions.ts';
import { householdInput } from '../../test/factories.ts';
import { scratchDatabase } from '../../test/postgres.ts';
import { fixed, machine, percentile } from '../support.ts';
import { loadHouseholds, loadMovements } from './load.ts';
import { loadAssessments } from '../assessments/load.ts';

const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '170000' }, locations: { type: 'string', default: '4000' },
    rounds: { type: 'string', default: '24' }, queries: { type: 'string', default: '300' }, seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false }, url: { type: 'string' },
  },
});
const o = {
  households: Number(values.households), locations: Number(values.locations), rounds: Number(values.rounds),
  queries: Number(values.queries), seed: Number(values.seed), keep: values.keep, url: values.url,
};
if (!process.env.DATABASE_URL && !o.url) throw new Error('set DATABASE_URL (PostgreSQL) or --url');

const PASSWORD = 'bench-password-2014';
const log = (...a: unknown[]) => console.log(...a);

async function user(ctx: Ctx, username: string, org: string, role: string) {
  const organization = (await organizationByCode(ctx.db.kysely, org))!;
  const existing = await ctx.db.kysely.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  const id = existing?.id ?? (await createUser(ctx, null, {
    username, displayName: username, password: PASSWORD, organizationId: organization.id, role, scope: [], locale: 'en', mfaRequired: false,
  })).id;
  return (await actorByUserId(ctx.db.kysely, id))!;
}

async function open(): Promise<{ db: Db; url: string; drop: () => Promise<void>; fresh: boolean }> {
  if (o.url) return { db: await connect({ databaseUrl: o.url }), url: o.url, drop: async () => {}, fresh: false };
  const scratch = await scratchDatabase(process.env.DATABASE_URL!, 'amina_figures');
  return { db: await connect({ databaseUrl: scratch.url }), url: scratch.url, drop: scratch.drop, fresh: true };
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, (performance.now() - started) / 1000];
}

const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return `p50 ${fixed(percentile(sorted, 0.5))} ms, p95 ${fixed(percentile(sorted, 0.95))} ms, max ${fixed(sorted[sorted.length - 1])} ms (${samples.length})`;
};

async function main() {
  log(`machine: ${machine()}`);
  const { db, url, drop, fresh } = await open();
  await migrate(db);
  const ctx: Ctx = { db, config: { ...loadConfig({}), adminPassword: 'bench-admin' }, sealer: createSealer(randomBytes(32)), log: { info() {}, warn() {}, error: console.error } };
  await bootstrap(ctx);
  const importers = { MOMD: await user(ctx, 'bench.momd', 'MOMD', 'data_manager'), BMD: await user(ctx, 'bench.bmd', 'BMD', 'data_manager') };
  if (fresh) {
    const [individuals, importSeconds] = await timed(() => loadHouseholds(ctx, importers, o.households, o.seed));
    const [moves, moveSeconds] = await timed(async () => (await loadMovements(ctx, importers.MOMD, o.seed)) + (await loadMovements(ctx, importers.BMD, o.seed + 1)));
    log(`\nregistry: ${o.households} households, ${individuals} individuals imported in ${fixed(importSeconds)} s; ${moves} movements applied in ${fixed(moveSeconds)} s`);
    const [assessments, assessSeconds] = await timed(() => loadAssessments(ctx, importers.MOMD, o.locations, o.rounds, o.seed));
    log(`assessments: ${o.locations} locations x ${o.rounds} rounds = ${assessments} assessments in ${fixed(assessSeconds)} s`);
    await db.exec('analyze');
  }
  const counts = await db.kysely.selectFrom('household_stays').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  log(`stays: ${counts.n}`);

  const app = await buildApp(ctx, { serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const coordinator = await user(ctx, 'bench.coordinator', 'MOMD', 'coordinator');
  const { token } = await createApiToken(ctx, coordinator, 'bench');
  const clerk = await user(ctx, 'bench.clerk', 'MOMD', 'registration_officer');
  const clerkToken = (await createApiToken(ctx, clerk, 'bench')).token;
  const get = async (path: string) => {
    const started = performance.now();
    const res = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.json();
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
    return { ms: performance.now() - started, body };
  };

  // The server builds its duplicate index of the whole registry in the background at start: wait for
  // it, as figures are measured on a server that has started, not while it loads a million persons.
  const started = performance.now();
  for (;;) {
    const res = await fetch(`${base}/api/dedup/check`, {
      method: 'POST', headers: { authorization: `Bearer ${clerkToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ members: householdInput().members }),
    });
    if (((await res.json()) as { indexReady?: boolean }).indexReady) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  log(`duplicate index ready after ${fixed((performance.now() - started) / 1000)} s`);

  const days: string[] = [];
  for (let i = 0; i < 24; i++) days.push(new Date(Date.now() - i * 30.4 * 86_400_000).toISOString().slice(0, 10));
  const monthsBack = (n: number) => new Date(Date.now() - n * 30.4 * 86_400_000).toISOString().slice(0, 10);
  const kinds: [string, (i: number) => string][] = [
    ['registry, governorates, today', () => '/api/figures/displacement?level=1'],
    ['registry, districts, today', () => '/api/figures/displacement?level=2'],
    ['registry, districts, a day in the last 2 years', (i) => `/api/figures/displacement?level=2&date=${days[i % days.length]}`],
    ['registry, governorates, a day in 2015-2017', (i) => `/api/figures/displacement?level=1&date=${2015 + (i % 3)}-${String(1 + (i % 12)).padStart(2, '0')}-15`],
    ['registry, districts, wave august 2014', () => '/api/figures/displacement?level=2&wave=august_2014'],
    ['assessments, governorates, latest round', () => '/api/figures/displacement?level=1&source=assessments'],
    ['assessments, districts, a day in the rounds', (i) => `/api/figures/displacement?level=2&source=assessments&date=${days[i % days.length]}`],
    ['assessments, districts, wave filter', () => '/api/figures/displacement?level=2&source=assessments&wave=august_2014'],
    ['registry, origins today', () => '/api/figures/origins'],
    ['assessments, origins', () => '/api/figures/origins?source=assessments'],
    ['registry, trend of 24 months', () => `/api/figures/trends?from=${monthsBack(23)}`],
    ['assessments, trend of all rounds', () => `/api/figures/trends?source=assessments&from=${monthsBack(30)}`],
  ];
  // Warm-up: every month asked for is built once (a month's snapshot is built on first use).
  for (const [, path] of kinds) for (let i = 0; i < 24; i++) await get(path(i));
  const first = (await get('/api/figures/displacement?level=1')).body;
  log(`registry today: ${first.totals.families} families, ${first.totals.individuals} individuals, ${first.totals.returnees} returnees, ${first.rows.length} governorates`);
  const assessed = (await get('/api/figures/displacement?level=1&source=assessments')).body;
  log(`assessments today: round ${assessed.round?.number}, ${assessed.totals.families} families, ${assessed.totals.individuals} individuals`);
  log('\nlatency, one request at a time:');
  for (const [name, path] of kinds) {
    const samples: number[] = [];
    for (let i = 0; i < o.queries; i++) samples.push((await get(path(i))).ms);
    log(`  ${name.padEnd(48)} ${summary(samples)}`);
  }

  log('\nwhile a clerk registers and moves households (figures checked after each write):');
  const write = async (path: string, body: unknown) => {
    const started = performance.now();
    const res = await fetch(base + path, { method: 'POST', headers: { authorization: `Bearer ${clerkToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const json = await res.json();
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
    return { ms: performance.now() - started, body: json };
  };
  const district = async (pcode: string) => ((await get('/api/figures/displacement?level=2')).body.rows.find((r: { pcode: string }) => r.pcode === pcode)?.families ?? 0);
  const writes: number[] = [];
  const reads: number[] = [];
  let stale = 0;
  let stop = false;
  const reader = (async () => {
    let i = 0;
    while (!stop) reads.push((await get(i++ % 2 ? '/api/figures/displacement?level=2' : '/api/figures/displacement?level=1')).ms);
  })();
  for (let i = 0; i < 100; i++) {
    const before = await district('IQG11Q01');
    const h = await write('/api/households', householdInput({ current: { pcode: 'IQG11Q01', siteId: null, address: null } }));
    writes.push(h.ms);
    if ((await district('IQG11Q01')) !== before + 1) stale++;
    const there = await district('IQG08Q03');
    const m = await write(`/api/households/${h.body.id}/movements`, { type: 'secondary_displacement', to: { pcode: 'IQG08Q03' }, shelter: 'rented_house', date: new Date().toISOString().slice(0, 10) });
    writes.push(m.ms);
    if ((await district('IQG08Q03')) !== there + 1 || (await district('IQG11Q01')) !== before) stale++;
  }
  stop = true;
  await reader;
  log(`  registration + movement writes: ${summary(writes)}`);
  log(`  figures read meanwhile:           ${summary(reads)}`);
  log(`  figures not current after a write: ${stale} of 200`);

  await app.close();
  if (o.keep) log(`\nkept: --url ${url}`);
  await db.close();
  if (!o.keep) await drop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
