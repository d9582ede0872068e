import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { bandOf } from '#domain/dedup/scoring';
import { DEFAULT_MODEL } from '#domain/dedup/default-model';
import { dedupFile, type DedupResult } from './engine.ts';
import { csvField } from './people-file.ts';

/** `amina dedup ...`: batch deduplication of a people file (no database), and of the registry. */
export function registerDedupCommands(program: Command): void {
  const dedup = program.command('dedup').description('find the same person registered more than once');
  dedup.command('run')
    .description('find duplicates across the registry and queue them for review, as a job that resumes where it stopped')
    .option('--registry <code>', 'only duplicates involving this registry (against the registries it may check against)')
    .option('--restart', 'abandon an unfinished job and start over')
    .option('--workers <n>', 'worker threads (default: one per core)')
    .option('--as <username>', 'user the run is audited under', 'admin')
    .action(async (opts: { registry?: string; restart?: boolean; workers?: string; as: string }) => {
      const { withContext, cliActor } = await import('../context.ts');
      const { runDedup } = await import('./run.ts');
      await withContext(async (ctx) => {
        const actor = await cliActor(ctx, opts.as);
        const log = stageLogger();
        const r = await runDedup(ctx, actor, { registry: opts.registry, restart: opts.restart, workers: opts.workers ? Number(opts.workers) : undefined },
          (line) => log(line, 0));
        console.log([
          `job ${r.job}${r.resumedAt ? ` (resumed at ${r.resumedAt})` : ''}`, `records ${r.records}`, `possible duplicate pairs ${r.pairsFound}`,
          `household pairs queued ${r.householdsQueued}`, `seconds ${r.seconds.toFixed(1)}`,
        ].join(', '));
      });
    });
  dedup.command('file <people.csv>')
    .description('cluster the records of a people file (no database needed): record_id, registry, household_id, given_name, father_name, grandfather_name, family_name, sex, birth_date, phone, document_number, origin_pcode, address')
    .requiredOption('--out <clusters.csv>', 'write record_id,cluster_id for every input row')
    .option('--pairs <pairs.csv>', 'also write every pair scored at or above the possible threshold')
    .option('--threshold <probability>', 'probability from which two records are clustered as one person', String(DEFAULT_MODEL.thresholds.possible))
    .option('--possible <probability>', 'probability from which a pair is a possible duplicate', String(DEFAULT_MODEL.thresholds.possible))
    .option('--workers <n>', 'worker threads (default: one per core)')
    .option('--model <model.json>', 'write the estimated model (m, u, prior) as JSON')
    .action(async (file: string, opts: { out: string; pairs?: string; threshold: string; possible: string; workers?: string; model?: string }) => {
      const threshold = probabilityOption('--threshold', opts.threshold);
      const possible = probabilityOption('--possible', opts.possible);
      const result = await dedupFile({
        file, workers: opts.workers ? Number(opts.workers) : undefined, clusterThreshold: threshold,
        thresholds: { likely: Math.max(DEFAULT_MODEL.thresholds.likely, possible), possible }, onProgress: stageLogger(),
      });
      await writeClusters(opts.out, result);
      if (opts.pairs) await writePairs(opts.pairs, result);
      if (opts.model) await writeLines(opts.model, [JSON.stringify(result.model, null, 2)]);
      printSummary(result);
    });
}

function probabilityOption(name: string, raw: string): number {
  const value = Number(raw);
  if (!(value > 0 && value < 1)) throw new Error(`${name} must be a probability between 0 and 1`);
  return value;
}

/** One line per stage on stderr, with the seconds since start. */
function stageLogger() {
  const started = performance.now();
  let last = '';
  return (stage: string, done: number) => {
    const line = stage === 'scoring' ? `scoring: ${done.toLocaleString('en')} pairs compared` : /\s/.test(stage) ? stage : `${stage}: ${done.toLocaleString('en')}`;
    if (line === last) return;
    last = line;
    process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1)}s] ${line}\n`);
  };
}

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  let chunk = '';
  for (const line of lines) {
    chunk += `${line}\n`;
    if (chunk.length < 1 << 20) continue;
    const flowing = out.write(chunk);
    chunk = '';
    if (!flowing) await once(out, 'drain');
  }
  out.end(chunk);
  await once(out, 'finish');
}

function* clusterLines(result: DedupResult) {
  yield 'record_id,cluster_id';
  for (let i = 0; i < result.ids.length; i++) yield `${csvField(result.ids[i])},${result.clusters[i] + 1}`;
}

function* pairLines(result: DedupResult) {
  yield 'record_id_1,record_id_2,probability,band';
  const { left, right, probability } = result.pairs;
  const order = Array.from({ length: left.length }, (_, k) => k).sort((a, b) => probability[b] - probability[a]);
  for (const k of order) {
    const band = bandOf(probability[k], result.model.thresholds) ?? 'possible';
    yield `${csvField(result.ids[left[k]])},${csvField(result.ids[right[k]])},${probability[k].toFixed(4)},${band}`;
  }
}

export const writeClusters = (path: string, result: DedupResult) => writeLines(path, clusterLines(result));
export const writePairs = (path: string, result: DedupResult) => writeLines(path, pairLines(result));

function printSummary(r: DedupResult): void {
  const unreadable = Object.entries(r.unreadable).map(([c, n]) => `${c} ${n}`).join(', ');
  console.log([
    `records ${r.ids.length}`, `candidate pairs ${r.candidates}`, `pairs scored ${r.scored}`,
    `matched pairs ${r.pairs.left.length}`, `clusters ${r.clusterCount}`, `seconds ${r.seconds.toFixed(1)}`,
  ].join(', '));
  if (r.skipped.length) console.log(`blocks too large to compare: ${r.skipped.length} (largest ${Math.max(...r.skipped.map((s) => s.size))})`);
  if (unreadable) console.log(`values read as empty: ${unreadable}`);
}
