import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { headerRows, householdInputToRows } from '#domain/registry/csv-format';
import { syntheticHouseholds } from '#domain/demo/synthetic';
import { cliStores } from '../../../test/cli.ts';

// `amina dedup run` on a real database (PGlite, or PostgreSQL when DATABASE_URL is set).
const work = mkdtempSync(join(tmpdir(), 'amina-dedup-run-'));
const { freshStore, amina, dropAll } = cliStores(work);
afterAll(async () => {
  await dropAll();
  rmSync(work, { recursive: true, force: true });
});

/** 1,500 synthetic households into MoMD's registry, some registered twice; returns the file and how many are copies. */
function householdsFile(): { file: string; copies: number } {
  const rows = [...headerRows()];
  let n = 0;
  let copies = 0;
  for (const h of syntheticHouseholds({ seed: 21, households: 1500, overlap: 0.3 })) {
    rows.push(...householdInputToRows(`H${++n}`, { ...h.input, registry: undefined }));
    if (h.duplicateOf) copies++;
  }
  const file = join(work, 'households.csv');
  writeFileSync(file, stringify(rows));
  return { file, copies };
}

describe('amina dedup run', () => {
  it('queues the families registered twice for review, and resumes a job stopped half way', async () => {
    const store = await freshStore('run');
    const { file, copies } = householdsFile();
    const imported = await amina(store.env, 'households', 'import', file);
    expect(imported.code, imported.stderr).toBe(0);

    const run = await amina(store.env, 'dedup', 'run');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/records \d+, possible duplicate pairs \d+, household pairs queued \d+/);
    expect(run.stderr).toContain('export:');
    const queued = Number(/household pairs queued (\d+)/.exec(run.stdout)![1]);
    // Most copies found, and not a flood of pairs that are not copies.
    expect(copies).toBeGreaterThan(100);
    expect(queued).toBeGreaterThan(copies * 0.85);
    expect(queued).toBeLessThan(copies * 1.2);

    const db = await store.open();
    try {
      const pairs = await db.kysely.selectFrom('dedup_pairs').select(['status', 'source', 'band']).execute();
      expect(pairs.length).toBe(queued);
      expect(pairs.every((p) => p.status === 'open' && p.source === 'batch')).toBe(true);
      const jobs = await db.kysely.selectFrom('dedup_jobs').selectAll().execute();
      expect(jobs.map((j) => j.stage)).toEqual(['done']);
      // A job stopped while queueing: its people and pairs files are there, half the pairs handed over.
      const done = jobs[0];
      await db.kysely.updateTable('dedup_jobs').set({ stage: 'queue', pairs_queued: 0, households_queued: 0, finished_at: null }).where('id', '=', done.id).execute();
    } finally {
      await db.close();
    }
    const resumed = await amina(store.env, 'dedup', 'run');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain('resuming job');
    expect(resumed.stdout).toContain('(resumed at queue)');
    expect(resumed.stderr).not.toContain('export:');
    const again = await store.open();
    try {
      // Re-queueing refreshes the open pairs: none is added twice.
      const count = await again.kysely.selectFrom('dedup_pairs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(queued);
      const audit = await again.kysely.selectFrom('audit_log').select('action').where('action', 'like', 'dedup.run%').execute();
      expect(audit.map((a) => a.action)).toEqual(['dedup.run_started', 'dedup.run_finished', 'dedup.run_finished']);
    } finally {
      await again.close();
    }
  }, 240_000);
});
