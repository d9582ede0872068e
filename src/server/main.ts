import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from './config.ts';
import { connect, type Db } from './db/connect.ts';
import { migrate } from './db/migrate.ts';
import { isEmptyDataDir, loadTemplate } from './db/template.ts';
import { createSealer, loadDataKey } from './shared/crypto.ts';
import { bootstrap } from './bootstrap.ts';
import { buildApp } from './http/app.ts';
import type { Ctx } from './context.ts';

/** Opens the configured database; a new PGlite directory starts from the install-time template. */
export async function openDatabase(config: Config): Promise<Db> {
  if (config.databaseUrl) return connect({ databaseUrl: config.databaseUrl });
  const fresh = isEmptyDataDir(config.dataDir);
  return connect({ dataDir: config.dataDir, loadDataDir: fresh ? loadTemplate() : undefined });
}

/** Database, migrations, first-start seeding, and the service context. */
export async function openContext(config: Config, log: Ctx['log'] = console): Promise<{ ctx: Ctx; adminPassword: string | null }> {
  const db = await openDatabase(config);
  await migrate(db);
  const sealer = createSealer(loadDataKey(config.dataKey, config.dataDir));
  const ctx: Ctx = { db, config, sealer, log };
  const { adminPassword } = await bootstrap(ctx);
  return { ctx, adminPassword };
}

/** `amina start`: the API and the web app on one port. */
export async function startServer(config = loadConfig()): Promise<{ app: FastifyInstance; ctx: Ctx }> {
  const { ctx, adminPassword } = await openContext(config);
  const app = await buildApp(ctx, { logger: { level: config.logLevel } });
  ctx.log = app.log;
  await app.listen({ port: config.port, host: config.host });
  if (adminPassword) {
    process.stdout.write(`\nAmina: created administrator "admin" with password: ${adminPassword}\n(shown once; change it under Account after signing in)\n\n`);
  }
  process.stdout.write(`Amina is running on http://localhost:${config.port} (database: ${ctx.db.kind})\n`);
  const stop = async () => { await app.close(); await ctx.db.close(); process.exit(0); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { app, ctx };
}
