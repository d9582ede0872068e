import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { v7 as uuidv7 } from 'uuid';
import type { Model } from '#domain/dedup/scoring';
import type { Actor, Ctx } from '#server/context';
import { householdsToIndex } from '#server/registry/merge';
import { queuePairs, type FoundPair } from '#server/dedup/queue';
import { reachableRegistries } from '#server/dedup/store';
import { createJob, unfinishedJob, updateJob, type Job } from '#server/dedup/jobs';
import { audit, inTransaction } from '#server/shared/tx';
import { dedupFile } from './engine.ts';
import { csvField, parseCsv, PEOPLE_COLUMNS } from './people-file.ts';

/**
 * `amina dedup run`: the batch engine over the registry, as a job in three stages, each of which
 * leaves a file (or a count) behind so that a stopped run resumes at the stage it stopped in:
 * export (every person of every household not merged away, as a people file), match (the engine
 * over that file; pairs at or above the possible threshold), queue (household pairs into the
 * review queue, a chunk per transaction, the count of person pairs handed over kept in the job).
 */
export interface RunOptions {
  registry?: string;
  restart?: boolean;
  workers?: number;
}

export interface RunSummary {
  job: string;
  resumedAt: Job['stage'] | null;
  records: number;
  pairsFound: number;
  householdsQueued: number;
  seconds: number;
}

const QUEUE_CHUNK = 2000;
const PAGE = 1000;

type Log = (line: string) => void;

export async function runDedup(ctx: Ctx, actor: Actor, options: RunOptions, log: Log): Promise<RunSummary> {
  const started = performance.now();
  const registry = options.registry?.toUpperCase() ?? null;
  let job = await unfinishedJob(ctx.db.kysely, registry);
  if (job && options.restart) {
    await updateJob(ctx.db.kysely, job.id, { stage: 'failed', error: 'restarted' });
    job = null;
  }
  const resumedAt = job?.stage ?? null;
  if (job) log(`resuming job ${job.id} at ${job.stage}`);
  else {
    const id = uuidv7();
    job = await createJob(ctx.db.kysely, { id, registry, dir: join(ctx.config.dataDir, 'dedup', id), startedBy: actor.userId });
    await inTransaction(ctx, (trx) => audit(trx, actor, 'dedup.run_started', 'dedup_job', id, { registry }));
    log(`job ${job.id}`);
  }
  mkdirSync(job.dir, { recursive: true });
  const files = { people: join(job.dir, 'people.csv'), pairs: join(job.dir, 'pairs.csv'), model: join(job.dir, 'model.json') };
  try {
    if (job.stage === 'export') {
      const records = await exportPeople(ctx, registry, files.people, log);
      await updateJob(ctx.db.kysely, job.id, { stage: 'match', records });
      job = { ...job, stage: 'match', records };
    }
    if (job.stage === 'match') {
      const pairsFound = await matchPeople(files, registry, options.workers, log);
      await updateJob(ctx.db.kysely, job.id, { stage: 'queue', pairsFound });
      job = { ...job, stage: 'queue', pairsFound };
    }
    if (job.stage === 'queue') job = await queueFound(ctx, actor, job, files, log);
    await updateJob(ctx.db.kysely, job.id, { stage: 'done' });
    await inTransaction(ctx, (trx) => audit(trx, actor, 'dedup.run_finished', 'dedup_job', job!.id, {
      registry, records: job!.records, pairsFound: job!.pairsFound, householdsQueued: job!.householdsQueued,
    }));
  } catch (error) {
    // Left at its stage: the next run resumes there (or --restart starts over).
    log(`stopped at ${job.stage}: ${error instanceof Error ? error.message : error}`);
    throw error;
  }
  return {
    job: job.id, resumedAt, records: job.records ?? 0, pairsFound: job.pairsFound ?? 0, householdsQueued: job.householdsQueued,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Writes every person of the registries in play as a people file (written aside, then renamed). */
async function exportPeople(ctx: Ctx, registry: string | null, path: string, log: Log): Promise<number> {
  const registries = registry ? new Set(await reachableRegistries(ctx.db.kysely, registry)) : null;
  const part = `${path}.part`;
  const out = createWriteStream(part, { encoding: 'utf8' });
  out.write(`${PEOPLE_COLUMNS.join(',')}\n`);
  let after: string | null = null;
  let records = 0;
  for (;;) {
    const page = await householdsToIndex(ctx.db.kysely, after, PAGE);
    if (page.length === 0) break;
    after = page[page.length - 1].id;
    let chunk = '';
    for (const h of page) {
      if (registries && !registries.has(h.registry)) continue;
      for (const m of h.members) {
        chunk += `${[m.id, h.registry, h.id, m.givenName, m.fatherName, m.grandfatherName, m.familyName, m.sex, m.birthDate, h.phone,
          m.documents[0]?.number, h.originPcode, ''].map(csvField).join(',')}\n`;
        records++;
      }
    }
    if (!out.write(chunk)) await once(out, 'drain');
    log(`export: ${records.toLocaleString('en')} people`);
  }
  out.end();
  await once(out, 'finish');
  renameSync(part, path);
  return records;
}

/** Runs the engine over the exported people; keeps the pairs that involve the registry (all without one). */
async function matchPeople(files: { people: string; pairs: string; model: string }, registry: string | null, workers: number | undefined, log: Log): Promise<number> {
  const result = await dedupFile({ file: files.people, workers, onProgress: (stage, done) => log(`match: ${stage} ${done.toLocaleString('en')}`) });
  const ours = registry ? registryRows(files.people, registry) : null;
  const part = `${files.pairs}.part`;
  const out = createWriteStream(part, { encoding: 'utf8' });
  out.write('individual_a,individual_b,probability\n');
  let kept = 0;
  const { left, right, probability } = result.pairs;
  let chunk = '';
  for (let k = 0; k < left.length; k++) {
    if (probability[k] < result.model.thresholds.possible) continue;
    if (ours && !ours.has(left[k]) && !ours.has(right[k])) continue;
    chunk += `${result.ids[left[k]]},${result.ids[right[k]]},${probability[k]}\n`;
    kept++;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  writeFileSync(files.model, JSON.stringify(result.model));
  renameSync(part, files.pairs);
  log(`match: ${result.ids.length.toLocaleString('en')} people, ${result.candidates.toLocaleString('en')} candidate pairs, ${kept.toLocaleString('en')} possible duplicates, ${result.seconds.toFixed(1)} s`);
  return kept;
}

/** Rows (0-based, in file order) of the people file that belong to the registry. */
function registryRows(path: string, registry: string): Set<number> {
  const rows = new Set<number>();
  let at = -1;
  let row = -1;
  parseCsv(readFileSync(path, 'utf8'), (fields) => {
    if (row++ < 0) at = fields.indexOf('registry');
    else if (fields[at] === registry) rows.add(row - 1);
  });
  return rows;
}

/** Hands the pairs to the review queue, a chunk at a time, skipping those a previous run handed over. */
async function queueFound(ctx: Ctx, actor: Actor, job: Job, files: { pairs: string; model: string }, log: Log): Promise<Job> {
  const model = existsSync(files.model) ? (JSON.parse(readFileSync(files.model, 'utf8')) as Model) : undefined;
  const lines = createInterface({ input: createReadStream(files.pairs, 'utf8'), crlfDelay: Infinity });
  let seen = -1;
  let chunk: FoundPair[] = [];
  let current = job;
  const flush = async () => {
    if (chunk.length === 0) return;
    const result = await queuePairs(ctx, chunk, { actor, model });
    current = { ...current, pairsQueued: current.pairsQueued + chunk.length, householdsQueued: current.householdsQueued + result.queued };
    await updateJob(ctx.db.kysely, current.id, { pairsQueued: current.pairsQueued, householdsQueued: current.householdsQueued });
    log(`queue: ${current.pairsQueued.toLocaleString('en')} of ${(current.pairsFound ?? 0).toLocaleString('en')} person pairs, ${current.householdsQueued.toLocaleString('en')} household pairs queued`);
    chunk = [];
  };
  for await (const line of lines) {
    if (seen++ < 0 || line.length === 0) continue;
    if (seen <= job.pairsQueued) continue;
    const [individualA, individualB, p] = line.split(',');
    chunk.push({ individualA, individualB, probability: Number(p) });
    if (chunk.length >= QUEUE_CHUNK) await flush();
  }
  await flush();
  return current;
}
