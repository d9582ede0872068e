/**
 * Writes synthetic households as the registry import table (plain header row, HXL row, one row per
 * person), streaming so that any size fits in memory:
 *   npx tsx bench/registry/generate-csv.ts --households 100000 --seed 1 --out bench/out/households-100k.csv
 * Options: --overlap 0.08 (share registered by both registries), --truth file.csv (ref, registry,
 * script, duplicate_of: the answer key for deduplication benchmarks).
 */
import { parseArgs } from 'node:util';
import { writeSyntheticCsv } from './synthetic-csv.ts';

function options() {
  const { values } = parseArgs({
    options: {
      households: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      overlap: { type: 'string' },
      out: { type: 'string' },
      truth: { type: 'string' },
    },
  });
  const households = Number(values.households);
  const seed = Number(values.seed);
  const overlap = values.overlap === undefined ? undefined : Number(values.overlap);
  if (!Number.isInteger(households) || households < 1) throw new Error('--households must be a positive integer');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  if (overlap !== undefined && !(overlap >= 0 && overlap <= 1)) throw new Error('--overlap must be between 0 and 1');
  const out = values.out ?? `bench/out/households-${households}.csv`;
  return { households, seed, overlap, out, truth: values.truth };
}

async function main(): Promise<void> {
  const opts = options();
  const started = performance.now();
  const rows = await writeSyntheticCsv(opts);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${rows} rows (${opts.households} households) written to ${opts.out} in ${seconds} s`);
}

await main();
