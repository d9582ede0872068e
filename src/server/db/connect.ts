import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import type { Database } from './schema.ts';
import { pgliteDialect } from './pglite-dialect.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** One handle on the database, whichever engine is behind it. */
export interface Db {
  kysely: Kysely<Database>;
  /** The PGlite instance, for snapshots; absent on PostgreSQL. */
  client?: PGlite;
  kind: DatabaseKind;
  /** Runs a script of several statements (migrations) on a connection of its own. */
  exec(script: string): Promise<void>;
  /** Runs `work` on one dedicated connection: session-level locks hold across its scripts. */
  session<T>(work: (run: (script: string) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  databaseUrl?: string;
  /** PGlite data directory; `memory://` or undefined for an in-memory database. */
  dataDir?: string;
  /** A PGlite snapshot (from `dumpDataDir`) to start from, for fast test databases. */
  loadDataDir?: Blob;
}

/** Opens PostgreSQL when a URL is given, else the embedded PGlite. */
export async function connect(options: ConnectOptions): Promise<Db> {
  if (options.databaseUrl) return connectPostgres(options.databaseUrl);
  return connectPglite(options.dataDir, options.loadDataDir);
}

async function connectPostgres(url: string): Promise<Db> {
  // Dates stay text (partial dates are text anyway), bigint counts become numbers.
  pg.types.setTypeParser(20, (v) => Number(v));
  pg.types.setTypeParser(1082, (v) => v);
  // No JIT: Amina's queries are short or set-based over indexes, where compiling costs more than it saves
  // (0.9 s of one issue's plan at 200,000 households).
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.AMINA_DB_POOL ?? 10), options: '-c jit=off' });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await sql`select 1`.execute(kysely);
  const session: Db['session'] = async (work) => {
    const client = await pool.connect();
    let broken = false;
    try {
      return await work(async (script) => {
        try {
          const result = await client.query(script);
          const last = Array.isArray(result) ? result[result.length - 1] : result;
          return (last?.rows ?? []) as Record<string, unknown>[];
        } catch (error) {
          // A failed script may leave its transaction open: close it before the client goes back.
          await client.query('rollback').catch(() => { broken = true; });
          throw error;
        }
      });
    } finally {
      client.release(broken);
    }
  };
  return {
    kysely,
    kind: 'postgres',
    exec: async (script) => { await session((run) => run(script)); },
    session,
    close: () => kysely.destroy(),
  };
}

async function connectPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const { fuzzystrmatch } = await import('@electric-sql/pglite/contrib/fuzzystrmatch');
  const inMemory = !dataDir || dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(inMemory ? undefined : dataDir, {
    extensions: { pg_trgm, unaccent, fuzzystrmatch },
    loadDataDir,
  });
  const kysely = new Kysely<Database>({ dialect: pgliteDialect(client) });
  // Scripts run on the connection the dialect guards, so they never interleave with a transaction.
  const session: Db['session'] = (work) => kysely.connection().execute(() => work(async (script) => {
    try {
      const results = await client.exec(script);
      return (results[results.length - 1]?.rows ?? []) as Record<string, unknown>[];
    } catch (error) {
      await client.exec('rollback').catch(() => undefined);
      throw error;
    }
  }));
  return {
    kysely,
    client,
    kind: 'pglite',
    exec: async (script) => { await session((run) => run(script)); },
    session,
    close: () => kysely.destroy(),
  };
}
