import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './connect.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));
const FILE = /^(\d{3,})-([a-z0-9-]+)\.sql$/;

export interface Migration { version: number; name: string; script: string }

/** The numbered SQL files in `migrations/`, in order. */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .map((file) => ({ file, m: FILE.exec(file) }))
    .filter((f): f is { file: string; m: RegExpExecArray } => f.m !== null)
    .map(({ file, m }) => ({ version: Number(m[1]), name: m[2], script: readFileSync(`${dir}/${file}`, 'utf8') }))
    .sort((a, b) => a.version - b.version);
}

/**
 * Applies the migrations not yet recorded, each in one transaction with its record, so a failed
 * migration leaves nothing half done. Forward-only. Returns the versions applied. On PostgreSQL
 * an advisory lock makes servers that start together apply them once.
 */
export async function migrate(db: Db, migrations = listMigrations()): Promise<number[]> {
  const postgres = db.kind === 'postgres';
  return db.session(async (run) => {
    if (postgres) await run('select pg_advisory_lock(727100)');
    try {
      await run(`create table if not exists schema_migrations (
        version integer primary key, name text not null, applied_at timestamptz not null default now())`);
      const done = await run('select version from schema_migrations');
      const applied = new Set(done.map((r) => Number(r.version)));
      const fresh = migrations.filter((m) => !applied.has(m.version));
      for (const m of fresh) {
        await run(`begin;\n${m.script}\n;\ninsert into schema_migrations (version, name) values (${m.version}, '${m.name}');\ncommit;`);
      }
      return fresh.map((m) => m.version);
    } finally {
      if (postgres) await run('select pg_advisory_unlock(727100)');
    }
  });
}
