import { parentPort, workerData } from 'node:worker_threads';
import { compareRecords, emptyComparison, jaroWinkler, termValues } from '#domain/dedup/compare';
import { IRAQI_NAMES } from '#domain/dedup/iraqi-names';
import { forEachCandidate, indexBlocks } from '#domain/dedup/blocking';
import { estimateU } from '#domain/dedup/em';
import { compileModel, encodePattern, PATTERN_SPAN } from '#domain/dedup/patterns';
import { termFrequenciesOf, weightToProbability } from '#domain/dedup/scoring';
import type { Model } from '#domain/dedup/scoring';
import { mulberry32 } from '#domain/demo/synthetic';
import type { Comparison, Field, PreparedPerson } from '#domain/dedup/types';
import { readPreparedPeople } from './people-file.ts';
import type { FromWorker, ToWorker, WorkerJob } from './messages.ts';

/**
 * One dedup worker. Every worker reads and prepares the whole file and builds the same blocks
 * (cheap next to scoring, and it spares copying a million prepared persons between threads), then
 * compares only its share of the blocks (block number modulo the number of workers), keeping each
 * pair's agreement pattern. The main thread estimates the model from all workers' pattern counts;
 * each worker then turns its patterns into probabilities and returns the pairs above the threshold.
 */

const job = workerData as WorkerJob;
const port = parentPort!;
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

const RANDOM_PAIRS = 200_000;

function randomComparisons(people: readonly PreparedPerson[], seed: number): Comparison[] {
  const r = mulberry32(seed);
  const out: Comparison[] = [];
  if (people.length < 2) return out;
  for (let k = 0; k < RANDOM_PAIRS; k++) {
    const i = Math.floor(r() * people.length);
    const j = Math.floor(r() * people.length);
    if (i !== j && people[i].householdId !== people[j].householdId) out.push(compareRecords(people[i], people[j]));
  }
  return out;
}

function main(): void {
  const started = performance.now();
  const read = readPreparedPeople(job.file, IRAQI_NAMES);
  const { people, unreadable } = read;
  const ids = job.worker === 0 ? read.ids : [];
  send({ type: 'progress', stage: 'read', done: people.length, total: people.length });
  const tf = termFrequenciesOf(people.map(termValues));
  const u = estimateU(randomComparisons(people, job.seed));
  // m cancels out of the term-frequency correction, so u alone is enough before EM.
  const provisional = compileModel({ prior: 0.5, thresholds: { likely: 1, possible: 1 }, fields: Object.fromEntries(Object.entries(u).map(([f, t]) => [f, { m: t, u: t }])) as Model['fields'] });
  const index = indexBlocks(people, { maxBlock: job.maxBlock, sameHousehold: false });
  send({ type: 'progress', stage: 'blocked', done: people.length, total: people.length });

  let n = 0;
  let left = new Uint32Array(1 << 20);
  let right = new Uint32Array(1 << 20);
  let codes = new Int32Array(1 << 20);
  let corrections = new Float32Array(1 << 20);
  const counts = new Map<number, number>();
  const scratch = emptyComparison();
  const stats = forEachCandidate(index, (i, j, block, rule) => {
    if (block % job.workers !== job.worker) return;
    if (n === left.length) {
      left = grow(left, new Uint32Array(n * 2));
      right = grow(right, new Uint32Array(n * 2));
      codes = grow(codes, new Int32Array(n * 2));
      corrections = grow(corrections, new Float32Array(n * 2));
    }
    const c = compareRecords(people[i], people[j], jaroWinkler, scratch);
    const code = encodePattern(c);
    left[n] = i;
    right[n] = j;
    codes[n] = code;
    corrections[n] = provisional.tfCorrection(c, tf);
    // Counted per rule: the model is trained one blocking rule at a time (estimateFromSessions).
    const key = code + rule * PATTERN_SPAN;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    n++;
    if ((n & 0xfffff) === 0) send({ type: 'progress', stage: 'scoring', done: n, total: 0 });
  });
  send({
    type: 'patterns', counts: [...counts], scored: n, candidates: stats.candidates, skipped: stats.skipped, records: people.length,
    u: job.worker === 0 ? (u as Record<Field, Record<string, number>>) : null, unreadable, ids, seconds: (performance.now() - started) / 1000,
  });

  port.once('message', (message: ToWorker) => {
    const compiled = compileModel(message.model);
    const threshold = message.minProbability;
    let kept = 0;
    const outLeft = new Uint32Array(n);
    const outRight = new Uint32Array(n);
    const outProbability = new Float32Array(n);
    for (let k = 0; k < n; k++) {
      const p = weightToProbability(compiled.weight(codes[k]) + corrections[k]);
      if (p < threshold) continue;
      outLeft[kept] = left[k];
      outRight[kept] = right[k];
      outProbability[kept++] = p;
    }
    const result = { left: outLeft.slice(0, kept), right: outRight.slice(0, kept), probability: outProbability.slice(0, kept) };
    send({ type: 'pairs', ...result }, [result.left.buffer, result.right.buffer, result.probability.buffer]);
  });
}

function grow<T extends Uint32Array | Int32Array | Float32Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}

try {
  main();
} catch (error) {
  // A file that cannot be read is the user's to fix: the message, not a worker's stack trace.
  send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
