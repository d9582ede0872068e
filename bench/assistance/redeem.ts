/**
 * Issuing entitlements for a large round and redeeming them concurrently (issue 5), on PostgreSQL:
 *   DATABASE_URL=postgres://... npx tsx bench/assistance/redeem.ts [--households 200000] [--redeem 10000]
 *     [--clients 20] [--points 20] [--duplicates 0.1] [--seed 1] [--keep] [--url postgres://.../kept_db]
 * Imports the households into MoMD's registry (the registry's own import), then, over the HTTP API of
 * `amina start` in a child process: 20 distribution points stocked by receipts, a programme and a
 * round for every displaced household (a food parcel, a hygiene kit and 150,000 IQD each), previewed,
 * submitted, approved by a second manager and issued. Then `--clients` officers redeem `--redeem`
 * entitlements at once, and a share (`--duplicates`) is sent a second time at another point while
 * the first is under way, as a family trying twice would. Prints issue time, throughput, latency and
 * checks in the database that no entitlement was redeemed twice and the stock fell by exactly what
 * was handed over.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { connect, type Db } from '../../src/server/db/connect.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createSealer } from '../../src/server/shared/crypto.ts';
import { bootstrap } from '../../src/server/bootstrap.ts';
import type { Ctx } from '../../src/server/context.ts';
import { createUser } from '../../src/server/identity/users.ts';
import { organizationByCode } from '../../src/server/identity/users-store.ts';
import { actorByUserId } from '../../src/server/identity/store.ts';
import { createApiToken } from '../../src/server/identity/sessions.ts';
import { scratchDatabase } from '../../test/postgres.ts';
import { startServer } from '../server.ts';
import { fixed, machine, percentile } from '../support.ts';
import { loadHouseholds } from '../movement/load.ts';

const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '200000' }, redeem: { type: 'string', default: '10000' }, clients: { type: 'string', default: '20' },
    points: { type: 'string', default: '20' }, duplicates: { type: 'string', default: '0.1' }, seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false }, url: { type: 'string' },
  },
});
const o = {
  households: Number(values.households), redeem: Number(values.redeem), clients: Number(values.clients), points: Number(values.points),
  duplicates: Number(values.duplicates), seed: Number(values.seed), keep: values.keep, url: values.url,
};
if (!process.env.DATABASE_URL && !o.url) throw new Error('set DATABASE_URL (PostgreSQL) or --url');

const log = (...a: unknown[]) => console.log(...a);
const dataKey = randomBytes(32);
const DISTRICTS = ['IQG11Q01', 'IQG11Q02', 'IQG11Q04', 'IQG09Q01', 'IQG09Q02', 'IQG09Q03', 'IQG09Q04', 'IQG06Q01', 'IQG13Q04', 'IQG08Q03',
  'IQG08Q06', 'IQG01Q01', 'IQG01Q03', 'IQG15Q05', 'IQG15Q03', 'IQG15Q01', 'IQG18Q02', 'IQG07Q02', 'IQG10Q04', 'IQG14Q01'];

async function user(ctx: Ctx, username: string, role: string) {
  const org = (await organizationByCode(ctx.db.kysely, 'MOMD'))!;
  const existing = await ctx.db.kysely.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  const id = existing?.id ?? (await createUser(ctx, null, {
    username, displayName: username, password: 'bench-password-2014', organizationId: org.id, role, scope: [], locale: 'en', mfaRequired: false,
  })).id;
  const actor = (await actorByUserId(ctx.db.kysely, id))!;
  return { actor, token: (await createApiToken(ctx, actor, 'bench')).token };
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, (performance.now() - started) / 1000];
}

function api(base: string, token: string) {
  return async (method: string, path: string, body?: unknown, key?: string) => {
    const started = performance.now();
    const res = await fetch(base + path, {
      method, body: body === undefined ? undefined : JSON.stringify(body),
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(key ? { 'idempotency-key': key } : {}) },
    });
    const json = await res.json() as any;
    return { status: res.status, body: json, ms: performance.now() - started };
  };
}

async function open(): Promise<{ db: Db; url: string; drop: () => Promise<void>; fresh: boolean }> {
  if (o.url) return { db: await connect({ databaseUrl: o.url }), url: o.url, drop: async () => {}, fresh: false };
  const scratch = await scratchDatabase(process.env.DATABASE_URL!, 'amina_redeem');
  return { db: await connect({ databaseUrl: scratch.url }), url: scratch.url, drop: scratch.drop, fresh: true };
}

async function main() {
  log(`machine: ${machine()}`);
  const { db, url, drop, fresh } = await open();
  await migrate(db);
  const ctx: Ctx = { db, config: { ...loadConfig({}), adminPassword: 'bench-admin' }, sealer: createSealer(dataKey), log: { info() {}, warn() {}, error: console.error } };
  await bootstrap(ctx);
  const importer = await user(ctx, 'bench.importer', 'data_manager');
  if (fresh) {
    const [individuals, seconds] = await timed(() => loadHouseholds(ctx, { MOMD: importer.actor, BMD: importer.actor }, o.households, o.seed));
    log(`registry: ${o.households} households, ${individuals} individuals imported in ${fixed(seconds)} s`);
    await db.exec('analyze');
  }
  const [maker, checker, keeper] = [await user(ctx, 'bench.maker', 'programme_manager'), await user(ctx, 'bench.checker', 'programme_manager'), await user(ctx, 'bench.keeper', 'programme_manager')];
  const officers = [];
  for (let i = 0; i < o.clients; i++) officers.push(await user(ctx, `bench.officer${i}`, 'distribution_officer'));

  const server = await startServer({ DATABASE_URL: url, AMINA_DATA_KEY: dataKey.toString('base64'), AMINA_DATA_DIR: '/tmp' });
  const as = (t: { token: string }) => api(server.url, t.token);
  try {
    const make = as(maker);
    const points: { id: string }[] = [];
    for (let i = 0; i < o.points; i++) {
      const p = await make('POST', '/api/stock/locations', { kind: 'point', code: `BP-${o.seed}-${i}-${uuidv7().slice(-4)}`.toUpperCase(), name: `Point ${i}`, pcode: DISTRICTS[i % DISTRICTS.length] });
      if (p.status !== 201) throw new Error(`point: ${JSON.stringify(p.body)}`);
      points.push(p.body);
    }
    const programme = (await make('POST', '/api/programmes', { code: `WINTER-${uuidv7().slice(-6)}`.toUpperCase(), name: 'Winter response', sector: 'shelter_nfi', startsOn: '2014-09-01' })).body;
    const round = await make('POST', `/api/programmes/${programme.id}/rounds`, {
      startsOn: new Date().toISOString().slice(0, 10), endsOn: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
      rules: { statuses: ['displaced'], exclude: { servedInSector: false, openDuplicates: true } },
      formula: { parts: [{ per: 'household', lines: [{ code: 'food_parcel', quantity: 1 }, { code: 'hygiene_kit', quantity: 1 }, { code: 'cash_grant', quantity: 150000 }] }] },
      pointIds: points.map((p) => p.id),
    });
    if (round.status !== 201) throw new Error(`round: ${JSON.stringify(round.body)}`);
    const id = round.body.id;
    const preview = await make('POST', `/api/distribution-rounds/${id}/preview`, {});
    log(`preview: ${preview.body.households ?? preview.body.totals?.households} households in ${fixed(preview.ms)} ms`);
    const submitted = await make('POST', `/api/distribution-rounds/${id}/submit`, { version: round.body.version });
    const approved = await as(checker)('POST', `/api/distribution-rounds/${id}/approve`, { version: submitted.body.version });
    if (approved.status !== 200) throw new Error(`approve: ${JSON.stringify(approved.body)}`);
    const issued = await make('POST', `/api/distribution-rounds/${id}/issue`, { version: approved.body.version });
    if (issued.status !== 200) throw new Error(`issue: ${JSON.stringify(issued.body)}`);
    log(`issued: ${issued.body.created ?? issued.body.round?.targetedHouseholds} entitlements in ${fixed(issued.ms / 1000, 2)} s (over HTTP, one transaction)`);

    // The server loads its duplicate index in the background at start; measure once it has.
    const clerk = as(await user(ctx, 'bench.clerk', 'registration_officer'));
    const waited = performance.now();
    for (;;) {
      const ready = await clerk('POST', '/api/dedup/check', { members: [{ relationship: 'head', givenName: 'x', sex: 'm' }] });
      if (ready.body.indexReady) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    log(`duplicate index ready after another ${fixed((performance.now() - waited) / 1000)} s`);
    const rows = (await sql<{ id: string; point_id: string | null }>`select id, point_id from entitlements where round_id = ${id} order by id limit ${o.redeem}`.execute(db.kysely)).rows;
    const pointOf = (e: { point_id: string | null }, k: number) => e.point_id ?? points[k % points.length].id;
    const work = rows.map((e, k) => ({ entitlementId: e.id, pointId: pointOf(e, k), duplicate: false }));
    const extra = Math.floor(rows.length * o.duplicates);
    for (let k = 0; k < extra; k++) {
      const at = Math.floor((k * rows.length) / extra);
      const e = rows[at];
      // A second scan: at another point when the family may collect anywhere, else at its own point.
      const second = e.point_id ?? points.find((p) => p.id !== pointOf(e, at))!.id;
      work.splice(Math.floor((k * work.length) / extra) + 1, 0, { entitlementId: e.id, pointId: second, duplicate: true });
    }
    // Each point receives what its families will collect (and a tenth more): a food parcel and a hygiene kit each.
    const demand = new Map<string, number>();
    for (const w of work) demand.set(w.pointId, (demand.get(w.pointId) ?? 0) + 1);
    for (const [pointId, n] of demand) {
      const q = Math.ceil(n * 1.1);
      const r = await as(keeper)('POST', '/api/stock/receipts', { locationId: pointId, lines: [
        { item: 'food_parcel', quantity: q }, { item: 'jerrycan', quantity: q }, { item: 'soap', quantity: q * 10 }, { item: 'sanitary_pads', quantity: q * 4 },
      ] });
      if (r.status !== 201) throw new Error(`receipt: ${JSON.stringify(r.body)}`);
    }
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const started = performance.now();
    await Promise.all(officers.map(async (officer) => {
      const call = as(officer);
      while (next < work.length) {
        const w = work[next++];
        const r = await call('POST', '/api/redemptions', { entitlementId: w.entitlementId, pointId: w.pointId });
        latencies.push(r.ms);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      }
    }));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const ok = statuses.get(201) ?? 0;
    log(`redeemed: ${ok} of ${rows.length} entitlements by ${o.clients} clients in ${fixed(seconds)} s: ${fixed(ok / seconds)} redemptions/s;`
      + ` ${work.length} requests (${extra} second attempts), ${fixed(work.length / seconds)} requests/s`);
    log(`latency: p50 ${fixed(percentile(latencies, 0.5))} ms, p95 ${fixed(percentile(latencies, 0.95))} ms, max ${fixed(latencies[latencies.length - 1])} ms`);
    log(`answers: ${[...statuses].map(([s, n]) => `${s} x ${n}`).join(', ')}`);
    const twice = (await sql<{ n: number }>`select count(*)::int as n from (select entitlement_id from redemptions group by entitlement_id having count(*) > 1) x`.execute(db.kysely)).rows[0].n;
    const recorded = (await sql<{ n: number }>`select count(*)::int as n from redemptions r join entitlements e on e.id = r.entitlement_id where e.round_id = ${id}`.execute(db.kysely)).rows[0].n;
    const issuedParcels = (await sql<{ n: number }>`select coalesce(-sum(change), 0)::int as n from stock_ledger where kind = 'issue' and item_code = 'food_parcel'`.execute(db.kysely)).rows[0].n;
    log(`check: ${recorded} redemptions recorded, ${twice} entitlements redeemed twice, ${issuedParcels} food parcels out of stock`);
  } finally {
    await server.stop();
    if (o.keep) log(`kept: --url ${url}`);
    await db.close();
    if (!o.keep) await drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
