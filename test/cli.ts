import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { connect } from '../src/server/db/connect.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface CliStore {
  env: Record<string, string>;
  open: () => ReturnType<typeof connect>;
}

/**
 * Stores for the real `amina` command in child processes, under `work`: a PGlite directory, or a
 * new PostgreSQL database when DATABASE_URL is set (dropped by dropAll).
 */
export function cliStores(work: string) {
  const databases: (() => Promise<void>)[] = [];

  async function freshStore(name: string): Promise<CliStore> {
    const dataDir = join(work, name);
    const url = process.env.DATABASE_URL;
    if (!url) return { env: { AMINA_DATA_DIR: dataDir, DATABASE_URL: '' }, open: () => connect({ dataDir }) };
    const db = `amina_cli_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${db}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${db}`;
    databases.push(async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${db} with (force)`);
      await c.end();
    });
    return { env: { AMINA_DATA_DIR: dataDir, DATABASE_URL: target.toString() }, open: () => connect({ databaseUrl: target.toString() }) };
  }

  function amina(env: Record<string, string>, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['bin/amina.js', ...args], {
        cwd: ROOT, env: { ...process.env, AMINA_ADMIN_PASSWORD: 'cli-test-admin-password', ...env },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => { stdout += d; });
      child.stderr.on('data', (d) => { stderr += d; });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  async function dropAll(): Promise<void> {
    for (const drop of databases) await drop();
  }

  return { freshStore, amina, dropAll };
}
