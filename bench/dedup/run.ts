/**
 * The dedup benchmark: Amina's offline file mode and the HOPE baseline on the same labelled
 * synthetic registry. For a size and seed it generates (or reuses) bench/out/dedup-people-N-seedS.csv,
 * runs `node bin/amina.js dedup file` and bench/dedup/hope.ts as child processes (wall seconds and
 * peak memory of each), and reports blocking recall (in-process, src/domain/dedup/blocking.ts),
 * pairwise precision, recall and F1 of the clusters, cluster-level figures, comparisons made, and
 * the same from each pairs file at a range of thresholds. With --tune-seed, both systems' thresholds
 * are chosen on that seed (best clustered F1) and reported on --seed; HOPE is also reported at its
 * own default (score 6). Prints a table and writes bench/out/dedup-run-N-seedS.json.
 *   npx tsx bench/dedup/run.ts --people 100000 --seed 2 --tune-seed 1 [--skip-amina] [--skip-hope] [--workers 2]
 * HOPE runs by default up to 100,000 people (--hope to force it beyond, --skip-hope to leave it out).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_MODEL } from '../../src/domain/dedup/default-model.ts';
import { machine, ROOT } from '../support.ts';
import { generatePeople, peopleFile } from './generate.ts';
import { DUPLICATE_SCORE } from './hope.ts';
import { measure, summaryNumbers, type Measured } from './measure.ts';
import {
  bestThreshold, clusterFigures, loadTruth, pairwiseFromClusters, readClusters, readPairs, sweep, type ThresholdRow, type Truth,
} from './metrics.ts';
import { blockingRecall } from './recall.ts';
import { sideBySide, sweepTable, type SystemFigures } from './report.ts';

const AMINA_THRESHOLDS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.999];
/** Amina's pairs are written from this probability, so thresholds below its possible band can be swept too. */
const AMINA_MIN_PROBABILITY = 0.05;
const HOPE_THRESHOLDS = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17];
/** HOPE pairs are written from this score, so thresholds below its default can be swept too. */
const HOPE_MIN_SCORE = 5.5;

function options() {
  const { values } = parseArgs({
    options: {
      people: { type: 'string', default: '10000' }, seed: { type: 'string', default: '2' }, 'tune-seed': { type: 'string' },
      'skip-amina': { type: 'boolean', default: false }, 'skip-hope': { type: 'boolean', default: false },
      hope: { type: 'boolean', default: false }, workers: { type: 'string' },
    },
  });
  const people = Number(values.people);
  const seed = Number(values.seed);
  const tuneSeed = values['tune-seed'] === undefined ? null : Number(values['tune-seed']);
  if (!Number.isInteger(people) || people < 2) throw new Error('--people must be an integer of at least 2');
  if (!Number.isInteger(seed) || (tuneSeed !== null && !Number.isInteger(tuneSeed))) throw new Error('seeds are integers');
  const hope = !values['skip-hope'] && (values.hope || people <= 100000);
  return { people, seed, tuneSeed: tuneSeed === seed ? null : tuneSeed, amina: !values['skip-amina'], hope, workers: values.workers };
}

async function ensureFile(people: number, seed: number): Promise<string> {
  const file = peopleFile(people, seed);
  if (existsSync(`${ROOT}${file}`)) return file;
  const s = await generatePeople({ people, seed, out: `${ROOT}${file}` });
  console.log(`generated ${file}: ${s.records} records, ${s.persons} true persons, ${s.duplicatePairs} true duplicate pairs, ${s.seconds.toFixed(1)} s`);
  return file;
}

interface Outputs { clusters: string; pairs: string }

const outputs = (system: string, file: string): Outputs => {
  const stem = file.replace(/\.csv$/, '').replace('dedup-people-', `dedup-${system}-`);
  return { clusters: `${stem}-clusters.csv`, pairs: `${stem}-pairs.csv` };
};

async function runAmina(file: string, threshold: number | null, workers?: string): Promise<Measured & Outputs> {
  const out = outputs('amina', file);
  const args = ['bin/amina.js', 'dedup', 'file', file, '--out', out.clusters, '--pairs', out.pairs, '--possible', String(AMINA_MIN_PROBABILITY)];
  if (threshold !== null) args.push('--threshold', String(threshold));
  if (workers) args.push('--workers', workers);
  const run = await measure(process.execPath, args, ROOT);
  if (run.code !== 0) throw new Error(`amina dedup file exited with ${run.code}`);
  process.stdout.write(`amina: ${run.stdout}`);
  return { ...run, ...out };
}

async function runHope(file: string, threshold: number): Promise<Measured & Outputs> {
  const out = outputs('hope', file);
  const args = ['--import', 'tsx', 'bench/dedup/hope.ts', file, '--out', out.clusters, '--pairs', out.pairs,
    '--threshold', String(threshold), '--min-score', String(HOPE_MIN_SCORE)];
  const run = await measure(process.execPath, args, ROOT);
  if (run.code !== 0) throw new Error(`hope.ts exited with ${run.code}`);
  process.stdout.write(run.stdout);
  return { ...run, ...out };
}

/** Whether the `amina dedup file` command exists yet. */
async function aminaHasFileMode(): Promise<boolean> {
  const run = await measure(process.execPath, ['bin/amina.js', 'dedup', 'file', '--help'], ROOT);
  return run.code === 0 && run.stdout.includes('--out');
}

function figures(label: string, threshold: number, truth: Truth, cluster: ArrayLike<number>, run: Measured, comparisons: string): SystemFigures {
  return {
    label, threshold, pairwise: pairwiseFromClusters(truth, cluster), clusters: clusterFigures(truth, cluster),
    comparisons: summaryNumbers(run.stdout)[comparisons] ?? null, seconds: run.seconds, peakMb: run.peakMb,
  };
}

/** The threshold with the best clustered F1 on the tuning seed's file. */
async function tune(file: string, run: () => Promise<Outputs>, thresholds: number[]): Promise<{ threshold: number; rows: ThresholdRow[] }> {
  const truth = loadTruth(`${ROOT}${file}`);
  const out = await run();
  const rows = sweep(truth, readPairs(`${ROOT}${out.pairs}`, truth), thresholds);
  return { threshold: bestThreshold(rows), rows };
}

async function main(): Promise<void> {
  const o = options();
  console.log(`dedup benchmark, ${o.people} people, seed ${o.seed}${o.tuneSeed === null ? '' : `, thresholds tuned on seed ${o.tuneSeed}`}; ${machine()}`);
  const file = await ensureFile(o.people, o.seed);
  const tuneFile = o.tuneSeed === null ? null : await ensureFile(o.people, o.tuneSeed);
  const amina = o.amina && (await aminaHasFileMode());
  if (o.amina && !amina) console.log('`amina dedup file` is not available: Amina is left out');
  const tuning: Record<string, { threshold: number; rows: ThresholdRow[] }> = {};
  if (tuneFile && amina) tuning.amina = await tune(tuneFile, () => runAmina(tuneFile, null, o.workers), AMINA_THRESHOLDS);
  if (tuneFile && o.hope) tuning.hope = await tune(tuneFile, () => runHope(tuneFile, DUPLICATE_SCORE), HOPE_THRESHOLDS);

  const truth = loadTruth(`${ROOT}${file}`);
  const result: Record<string, unknown> = { people: o.people, seed: o.seed, tuneSeed: o.tuneSeed, machine: machine(), persons: truth.persons, truePairs: truth.truePairs };
  let aminaFigures: SystemFigures | null = null;
  const hopeFigures: SystemFigures[] = [];
  const sweeps: Record<string, ThresholdRow[]> = {};
  if (amina) {
    const run = await runAmina(file, tuning.amina?.threshold ?? null, o.workers);
    const threshold = tuning.amina?.threshold ?? DEFAULT_MODEL.thresholds.possible;
    aminaFigures = figures('Amina', threshold, truth, readClusters(`${ROOT}${run.clusters}`, truth), run, 'pairs scored');
    sweeps.amina = sweep(truth, readPairs(`${ROOT}${run.pairs}`, truth), AMINA_THRESHOLDS);
    result.amina = { ...aminaFigures, summary: run.stdout.trim(), sweep: sweeps.amina, tuning: tuning.amina };
  }
  if (o.hope) {
    const run = await runHope(file, DUPLICATE_SCORE);
    hopeFigures.push(figures('HOPE', DUPLICATE_SCORE, truth, readClusters(`${ROOT}${run.clusters}`, truth), run, 'persons scored'));
    sweeps.hope = sweep(truth, readPairs(`${ROOT}${run.pairs}`, truth), HOPE_THRESHOLDS);
    const tuned = sweeps.hope.find((r) => r.threshold === tuning.hope?.threshold);
    if (tuned) hopeFigures.push({ ...hopeFigures[0], label: 'HOPE tuned', threshold: tuned.threshold, pairwise: tuned.clustered, clusters: tuned.clusters });
    result.hope = { default: hopeFigures[0], tuned: hopeFigures[1] ?? null, summary: run.stdout.trim(), sweep: sweeps.hope, tuning: tuning.hope };
  }
  const blocking = blockingRecall(`${ROOT}${file}`, truth);
  result.blocking = blocking;

  console.log(`\n${truth.ids.length} records, ${truth.persons} true persons, ${truth.truePairs} true duplicate pairs`);
  console.log(`blocking recall ${blocking.recall.toFixed(4)} (${blocking.kept} of ${blocking.truePairs}) with ${blocking.candidates} candidate pairs, ${blocking.skippedBlocks} blocks skipped, ${blocking.seconds.toFixed(1)} s in-process`);
  if (blocking.missed.length) console.log(`some true pairs no rule brings together (name keys | birth date | document | phone):\n${blocking.missed.join('\n')}`);
  console.log('');
  if (aminaFigures || hopeFigures.length) console.log(`${sideBySide(aminaFigures, hopeFigures)}\n`);
  for (const [system, rows] of Object.entries(sweeps)) console.log(`${system} on seed ${o.seed}, by threshold:\n${sweepTable(rows)}\n`);
  for (const [system, t] of Object.entries(tuning)) console.log(`${system} on tuning seed ${o.tuneSeed}: best threshold ${t.threshold}\n${sweepTable(t.rows)}\n`);
  const json = `bench/out/dedup-run-${o.people}-seed${o.seed}.json`;
  writeFileSync(`${ROOT}${json}`, JSON.stringify(result, null, 2));
  console.log(`written ${json}`);
}

await main();
