import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { clusterIds } from '#domain/dedup/cluster';
import { estimateFromSessions, type Session } from '#domain/dedup/em';
import { decodePattern, mergeCounts, PATTERN_SPAN } from '#domain/dedup/patterns';
import { BLOCKED_COMPARISONS, DEFAULT_RULES } from '#domain/dedup/blocking';
import { DEFAULT_MODEL, priorFor } from '#domain/dedup/default-model';
import type { Model, Thresholds } from '#domain/dedup/scoring';
import type { Field } from '#domain/dedup/types';
import type { LevelTable } from '#domain/dedup/scoring';
import type { FromWorker, WorkerJob } from './messages.ts';

/**
 * The batch deduplication engine over a people file: worker threads read, prepare, block and
 * compare (see worker.ts); this thread merges the agreement-pattern counts, estimates the model by
 * EM over them (u from random pairs), sends it back, and clusters the returned pairs with
 * union-find. Memory stays flat in the pairs: 4 bytes of pattern per compared pair.
 */
export interface DedupOptions {
  file: string;
  workers?: number;
  /** Probability from which two records are the same person in the clusters (default: the possible threshold). */
  clusterThreshold?: number;
  thresholds?: Thresholds;
  seed?: number;
  maxBlock?: number;
  training?: Partial<Training>;
  onProgress?(stage: string, done: number, total: number): void;
}

export interface DedupResult {
  ids: string[];
  /** Scored pairs at or above the possible threshold, as indexes into `ids`. */
  pairs: { left: Uint32Array; right: Uint32Array; probability: Float32Array };
  /** Cluster number of each record. */
  clusters: Uint32Array;
  clusterCount: number;
  model: Model;
  candidates: number;
  scored: number;
  skipped: { rule: string; size: number }[];
  unreadable: Record<string, number>;
  seconds: number;
}

/**
 * How the model is learnt from the file: m by EM per training blocking rule, with DEFAULT_MODEL's
 * m as a Dirichlet prior worth `priorStrength` pairs (plain EM on a registry finds "same family"
 * rather than "same person": see docs/decisions/003-matching-model.md); u from random pairs; the
 * random-pair prior by EM over all candidates (estimateFromSessions).
 */
export interface Training {
  priorStrength: number;
}

export const DEFAULT_TRAINING: Training = { priorStrength: 2000 };

/** Fewer compared pairs than this and the model is not estimated from the file. */
const MIN_PAIRS_FOR_EM = 5000;

type Patterns = Extract<FromWorker, { type: 'patterns' }>;
type Pairs = Extract<FromWorker, { type: 'pairs' }>;

function startWorker(job: WorkerJob, onProgress: DedupOptions['onProgress']) {
  // A larger young generation: reading a million rows allocates many short-lived strings.
  const worker = new Worker(new URL('./worker-entry.js', import.meta.url), { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 256 } });
  let patterns: (value: Patterns) => void;
  let pairs: (value: Pairs) => void;
  let fail: (error: Error) => void;
  const failed = new Promise<never>((_, reject) => { fail = reject; });
  const patternsReady = new Promise<Patterns>((resolve) => { patterns = resolve; });
  const pairsReady = new Promise<Pairs>((resolve) => { pairs = resolve; });
  worker.on('message', (m: FromWorker) => {
    if (m.type === 'progress') onProgress?.(m.stage, m.done, m.total);
    else if (m.type === 'patterns') patterns(m);
    else if (m.type === 'error') fail(new Error(m.message));
    else pairs(m);
  });
  worker.on('error', (e) => fail(e));
  worker.on('exit', (code) => { if (code !== 0) fail(new Error(`dedup worker stopped with code ${code}`)); });
  const both = { patterns: Promise.race([patternsReady, failed]), pairs: Promise.race([pairsReady, failed]) };
  // Awaited later, or never when another worker failed first: no unhandled rejection meanwhile.
  for (const p of [failed, both.patterns, both.pairs]) p.catch(() => {});
  return { worker, ...both };
}

/** Runs the whole batch over a people file. */
export async function dedupFile(options: DedupOptions): Promise<DedupResult> {
  const started = performance.now();
  const count = Math.max(1, options.workers ?? availableParallelism());
  const seed = options.seed ?? 1;
  const workers = Array.from({ length: count }, (_, worker) =>
    startWorker({ file: options.file, worker, workers: count, seed, maxBlock: options.maxBlock }, worker === 0 ? options.onProgress : undefined));
  try {
    const found = await Promise.all(workers.map((w) => w.patterns));
    const counts = new Map<number, number>();
    for (const f of found) mergeCounts(counts, f.counts);
    const thresholds = options.thresholds ?? DEFAULT_MODEL.thresholds;
    const scored = found.reduce((n, f) => n + f.scored, 0);
    // EM needs enough pairs to tell matches from non-matches; a small file uses the default model.
    const training = { ...DEFAULT_TRAINING, ...options.training };
    const records = found[0].records;
    const totalPairs = (records * (records - 1)) / 2;
    const byRule = sessions(counts);
    const model = scored < MIN_PAIRS_FOR_EM ? { ...DEFAULT_MODEL, prior: priorFor(records), thresholds }
      : estimateFromSessions(byRule.filter((_, r) => DEFAULT_RULES[r].train !== false), {
        patterns: byRule.flatMap((s) => s.patterns), counts: byRule.flatMap((s) => s.counts),
      }, found[0].u as Record<Field, LevelTable>, DEFAULT_MODEL, totalPairs, { priorStrength: training.priorStrength, thresholds });
    options.onProgress?.('model', 1, 1);
    const minProbability = Math.min(thresholds.possible, options.clusterThreshold ?? thresholds.possible);
    for (const w of workers) w.worker.postMessage({ model, minProbability });
    const parts = await Promise.all(workers.map((w) => w.pairs));
    const pairs = concatPairs(parts);
    const clusterThreshold = options.clusterThreshold ?? thresholds.possible;
    const linked = pairs.probability.reduce((n, p) => n + (p >= clusterThreshold ? 1 : 0), 0);
    const left = new Uint32Array(linked);
    const right = new Uint32Array(linked);
    for (let k = 0, at = 0; k < pairs.probability.length; k++) {
      if (pairs.probability[k] < clusterThreshold) continue;
      left[at] = pairs.left[k];
      right[at++] = pairs.right[k];
    }
    const ids = found[0].ids;
    const clusters = clusterIds(ids.length, left, right);
    const clusterCount = clusters.reduce((max, c) => Math.max(max, c + 1), 0);
    return {
      ids, pairs, clusters, clusterCount, model, candidates: found[0].candidates,
      scored, skipped: found[0].skipped, unreadable: found[0].unreadable,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}

/** Training sessions from pattern counts keyed by pattern + rule * PATTERN_SPAN. */
function sessions(counts: Map<number, number>): Session[] {
  const byRule = DEFAULT_RULES.map((rule) => ({
    blockedFields: [...new Set(rule.fields.flatMap((f) => BLOCKED_COMPARISONS[f]))], patterns: [] as ReturnType<typeof decodePattern>[], counts: [] as number[],
  }));
  for (const [key, n] of counts) {
    const session = byRule[Math.floor(key / PATTERN_SPAN)];
    session.patterns.push(decodePattern(key % PATTERN_SPAN));
    session.counts.push(n);
  }
  return byRule;
}

function concatPairs(parts: Pairs[]) {
  const total = parts.reduce((n, p) => n + p.left.length, 0);
  const left = new Uint32Array(total);
  const right = new Uint32Array(total);
  const probability = new Float32Array(total);
  let at = 0;
  for (const p of parts) {
    left.set(p.left, at);
    right.set(p.right, at);
    probability.set(p.probability, at);
    at += p.left.length;
  }
  return { left, right, probability };
}
