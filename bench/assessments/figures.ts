/**
 * Assessment figures, trends and origins over many DTM rounds (target: p95 <= 50 ms on
 * PostgreSQL with 4,000 locations x 24 rounds), called as the /api/figures routes call them:
 *   DATABASE_URL=postgres://... npx tsx bench/assessments/figures.ts [--locations 4000] [--rounds 24] [--queries 300] [--seed 1]
 * Loads the rounds through the master-list import and closes each (load.ts), then asks, one at a
 * time after a warm-up: figures at level 1 and 2 on days across the rounds, with a wave, with a
 * wave and a shelter; trends over every round, in an area; origins.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { connect } from '../../src/server/db/connect.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createSealer } from '../../src/server/shared/crypto.ts';
import { bootstrap } from '../../src/server/bootstrap.ts';
import type { Ctx } from '../../src/server/context.ts';
import { createUser } from '../../src/server/identity/users.ts';
import { organizationByCode } from '../../src/server/identity/users-store.ts';
import { actorByUserId } from '../../src/server/identity/store.ts';
import { assessmentFigures, assessmentOrigins, assessmentTrends } from '../../src/server/assessments/service.ts';
import { scratchDatabase } from '../../test/postgres.ts';
import { fixed, percentile } from '../support.ts';
import { loadAssessments } from './load.ts';

const { values } = parseArgs({
  options: {
    locations: { type: 'string', default: '4000' }, rounds: { type: 'string', default: '24' },
    queries: { type: 'string', default: '300' }, seed: { type: 'string', default: '1' },
  },
});
const o = { locations: Number(values.locations), rounds: Number(values.rounds), queries: Number(values.queries), seed: Number(values.seed) };
const url = process.env.DATABASE_URL;
if (!url) throw new Error('set DATABASE_URL (PostgreSQL)');

async function main() {
  const scratch = await scratchDatabase(url!, 'amina_dtm');
  const db = await connect({ databaseUrl: scratch.url });
  try {
    await migrate(db);
    const ctx: Ctx = { db, config: { ...loadConfig({}), adminPassword: 'bench-admin' }, sealer: createSealer(randomBytes(32)), log: { info() {}, warn() {}, error: console.error } };
    await bootstrap(ctx);
    const org = (await organizationByCode(db.kysely, 'MOMD'))!;
    const user = await createUser(ctx, null, { username: 'bench.dtm', displayName: 'bench', password: 'bench-password-2014', organizationId: org.id, role: 'data_manager', scope: [], locale: 'en', mfaRequired: false });
    const actor = (await actorByUserId(db.kysely, user.id))!;
    const started = performance.now();
    const written = await loadAssessments(ctx, actor, o.locations, o.rounds, o.seed);
    console.log(`loaded ${o.locations} locations x ${o.rounds} rounds = ${written} assessments (import and close) in ${fixed((performance.now() - started) / 1000)} s`);
    await db.exec('analyze');
    const day = (i: number) => `${2015 + Math.floor((i % o.rounds) / 12)}-${String((i % 12) + 1).padStart(2, '0')}-28`;
    const kinds: [string, (i: number) => Promise<unknown>][] = [
      ['figures, governorates', (i) => assessmentFigures(ctx, { level: 1, date: day(i) })],
      ['figures, districts', (i) => assessmentFigures(ctx, { level: 2, date: day(i) })],
      ['figures, districts, wave', (i) => assessmentFigures(ctx, { level: 2, date: day(i), wave: 'august_2014' })],
      ['figures, districts, wave and shelter', (i) => assessmentFigures(ctx, { level: 2, date: day(i), wave: 'august_2014', shelter: 'camp' })],
      ['trends, whole country, every round', () => assessmentTrends(ctx, {})],
      ['trends, Ninewa, wave', () => assessmentTrends(ctx, { area: 'IQG15', wave: 'august_2014' })],
      ['origins', (i) => assessmentOrigins(ctx, { date: day(i) })],
      ['origins, shelter', (i) => assessmentOrigins(ctx, { date: day(i), shelter: 'camp' })],
    ];
    for (const [name, ask] of kinds) {
      for (let i = 0; i < 20; i++) await ask(i);
      const samples: number[] = [];
      for (let i = 0; i < o.queries; i++) {
        const t = performance.now();
        await ask(i);
        samples.push(performance.now() - t);
      }
      samples.sort((a, b) => a - b);
      console.log(`${name.padEnd(40)} p50 ${fixed(percentile(samples, 0.5))} ms  p95 ${fixed(percentile(samples, 0.95))} ms  max ${fixed(samples[samples.length - 1])} ms`);
    }
  } finally {
    await db.close();
    await scratch.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
