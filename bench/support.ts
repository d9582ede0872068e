import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scratchDatabase } from '../test/postgres.ts';

/** What the benchmarks share: the real `amina` command in a child process, fresh databases, figures. */

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const ADMIN_PASSWORD = 'bench-admin-password';

export interface Store { engine: 'pglite' | 'postgres'; env: Record<string, string>; drop(): Promise<void> }

/** A new directory in the temp folder. */
export const tempDir = () => mkdtempSync(join(tmpdir(), 'amina-bench-'));

/** An empty PGlite data directory in the temp folder. */
export function freshPglite(): Store {
  const dir = tempDir();
  return { engine: 'pglite', env: { AMINA_DATA_DIR: dir, DATABASE_URL: '' }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A new database on the server of `url` (dropped by `drop`), with a temp directory for the data key. */
export async function freshPostgres(url: string): Promise<Store> {
  const scratch = await scratchDatabase(url, 'amina_bench');
  const keyDir = tempDir();
  const drop = async () => {
    rmSync(keyDir, { recursive: true, force: true });
    await scratch.drop();
  };
  return { engine: 'postgres', env: { AMINA_DATA_DIR: keyDir, DATABASE_URL: scratch.url }, drop };
}

/** Starts `node bin/amina.js ...args` as a user would, with the store's settings. */
export function startAmina(env: Record<string, string>, args: string[], inherit = false): ChildProcess {
  return spawn(process.execPath, ['bin/amina.js', ...args], {
    cwd: ROOT, env: { ...process.env, AMINA_ADMIN_PASSWORD: ADMIN_PASSWORD, ...env },
    stdio: inherit ? ['ignore', 'pipe', 'inherit'] : 'pipe',
  });
}

/** Runs an `amina` command to its end: exit code, stdout, stderr, wall-clock seconds. */
export function runAmina(env: Record<string, string>, args: string[], inherit = false) {
  const started = performance.now();
  return new Promise<{ code: number | null; stdout: string; stderr: string; seconds: number }>((resolve, reject) => {
    const child = startAmina(env, args, inherit);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => { stdout += d; });
    child.stderr?.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, seconds: (performance.now() - started) / 1000 }));
  });
}

/** The value below which `p` of the sorted samples lie. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export const fixed = (n: number, digits = 1) => n.toFixed(digits);

/** The machine, and how busy it was: figures from a loaded machine are not comparable. */
export function machine(): string {
  const cores = cpus();
  return `${cores.length} x ${cores[0]?.model ?? 'cpu'}, node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`;
}
