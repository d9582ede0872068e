import { sql } from 'kysely';
import type { Executor } from '../audit/store.ts';

/** The rows of `dedup_jobs` (migrations/003-dedup-jobs.sql): batch runs that can be resumed. */
export type JobStage = 'export' | 'match' | 'queue' | 'done' | 'failed';

export interface Job {
  id: string;
  registry: string | null;
  stage: JobStage;
  dir: string;
  records: number | null;
  pairsFound: number | null;
  pairsQueued: number;
  householdsQueued: number;
}

const toJob = (r: any): Job => ({
  id: r.id, registry: r.registry, stage: r.stage, dir: r.dir, records: r.records, pairsFound: r.pairs_found,
  pairsQueued: r.pairs_queued, householdsQueued: r.households_queued,
});

/** The unfinished job for this registry (null: every registry), if one was stopped half way. */
export async function unfinishedJob(db: Executor, registry: string | null): Promise<Job | null> {
  const row = await db.selectFrom('dedup_jobs').selectAll()
    .where('stage', 'not in', ['done', 'failed'])
    .where(registry === null ? sql<boolean>`registry is null` : sql<boolean>`registry = ${registry}`)
    .orderBy('started_at', 'desc').executeTakeFirst();
  return row ? toJob(row) : null;
}

export async function createJob(db: Executor, job: { id: string; registry: string | null; dir: string; startedBy: string | null }): Promise<Job> {
  await db.insertInto('dedup_jobs').values({ id: job.id, registry: job.registry, stage: 'export', dir: job.dir, started_by: job.startedBy }).execute();
  return { id: job.id, registry: job.registry, stage: 'export', dir: job.dir, records: null, pairsFound: null, pairsQueued: 0, householdsQueued: 0 };
}

/** Records progress; `finished_at` is set when the job reaches done or failed. */
export async function updateJob(db: Executor, id: string, change: Partial<Pick<Job, 'stage' | 'records' | 'pairsFound' | 'pairsQueued' | 'householdsQueued'>> & { error?: string }): Promise<void> {
  await db.updateTable('dedup_jobs').set({
    ...(change.stage ? { stage: change.stage } : {}),
    ...(change.records !== undefined ? { records: change.records } : {}),
    ...(change.pairsFound !== undefined ? { pairs_found: change.pairsFound } : {}),
    ...(change.pairsQueued !== undefined ? { pairs_queued: change.pairsQueued } : {}),
    ...(change.householdsQueued !== undefined ? { households_queued: change.householdsQueued } : {}),
    ...(change.error !== undefined ? { error: change.error } : {}),
    ...(change.stage === 'done' || change.stage === 'failed' ? { finished_at: new Date() } : {}),
    updated_at: new Date(),
  }).where('id', '=', id).execute();
}
