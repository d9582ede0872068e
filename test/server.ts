import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { connect, type Db } from '../src/server/db/connect.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { loadTemplate } from '../src/server/db/template.ts';
import { loadConfig } from '../src/server/config.ts';
import { createSealer } from '../src/server/shared/crypto.ts';
import { bootstrap } from '../src/server/bootstrap.ts';
import { buildApp } from '../src/server/http/app.ts';
import type { Ctx } from '../src/server/context.ts';
import { Client } from './client.ts';

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
  const name = `amina_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await connect({ databaseUrl: target.toString() });
  return {
    db,
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Starts Amina on a random port over a fresh database, seeded as on a first start. */
export async function startTestServer(options: { serveWeb?: boolean } = {}): Promise<TestServer> {
  const { db, drop } = await freshDatabase();
  await migrate(db);
  const config = { ...loadConfig({}), adminPassword: ADMIN_PASSWORD, databaseUrl: undefined, dataDir: '/nonexistent' };
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
