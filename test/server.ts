import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { connect, type Db } from '../src/server/db/connect.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { loadTemplate } from '../src/server/db/template.ts';
import { loadConfig, type Config } from '../src/server/config.ts';
import { createSealer } from '../src/server/shared/crypto.ts';
import { bootstrap } from '../src/server/bootstrap.ts';
import { buildApp } from '../src/server/http/app.ts';
import type { Ctx } from '../src/server/context.ts';
import { Client } from './client.ts';
import { scratchDatabase } from './postgres.ts';

export const ADMIN_PASSWORD = 'admin-password-for-tests';

export interface TestServer {
  app: FastifyInstance;
  ctx: Ctx;
  url: string;
  client(): Client;
  admin(): Promise<Client>;
  close(): Promise<void>;
}

/** A fresh database for one test file: PGlite from the template, or a new PostgreSQL database. */
async function freshDatabase(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) return { db: await connect({ loadDataDir: loadTemplate() }), drop: async () => {} };
  const scratch = await scratchDatabase(url, 'amina_test');
  return { db: await connect({ databaseUrl: scratch.url }), drop: scratch.drop };
}

/** Starts Amina on a random port over a fresh database, seeded as on a first start. */
export async function startTestServer(options: { serveWeb?: boolean; config?: Partial<Config> } = {}): Promise<TestServer> {
  const { db, drop } = await freshDatabase();
  await migrate(db);
  const config = { ...loadConfig({}), adminPassword: ADMIN_PASSWORD, databaseUrl: undefined, dataDir: '/nonexistent', ...options.config };
  const ctx: Ctx = { db, config, sealer: createSealer(randomBytes(32)), log: { info() {}, warn() {}, error: console.error } };
  await bootstrap(ctx);
  const app = await buildApp(ctx, { serveWeb: options.serveWeb ?? false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    app, ctx, url,
    client: () => new Client(url),
    admin: async () => {
      const c = new Client(url);
      await c.login('admin', ADMIN_PASSWORD);
      return c;
    },
    close: async () => {
      await app.close();
      await db.close();
      await drop();
    },
  };
}
