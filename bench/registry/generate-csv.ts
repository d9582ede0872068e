/**
 * Writes synthetic households as the registry import table (plain header row, HXL row, one row per
 * person), streaming so that any size fits in memory:
 *   npx tsx bench/registry/generate-csv.ts --households 100000 --seed 1 --out bench/out/households-100k.csv
 * Options: --overlap 0.08 (share registered by both registries), --truth file.csv (ref, registry,
 * script, duplicate_of: the answer key for deduplication benchmarks).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname } from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify';
import { syntheticHouseholds } from '../../src/domain/demo/synthetic.ts';
import { headerRows, householdInputToRows } from '../../src/domain/registry/csv-format.ts';

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

async function openFile(path: string): Promise<WriteStream> {
  await mkdir(dirname(path), { recursive: true });
  // Large buffers: a row is a small chunk, and 600,000 of them otherwise mean 600,000 small writes.
  return createWriteStream(path, { highWaterMark: 1 << 20 });
}

async function main(): Promise<void> {
  const opts = options();
  const started = performance.now();
  const file = await openFile(opts.out);
  const truth = opts.truth ? await openFile(opts.truth) : null;
  // A byte-order mark so that spreadsheet programs open the Arabic and Kurdish text as UTF-8.
  const csv = stringify({ bom: true });
  csv.pipe(file);
  for (const row of headerRows()) csv.write(row);
  truth?.write('household_ref,registry,script,duplicate_of\n');
  let rows = 0;
  for (const h of syntheticHouseholds(opts)) {
    for (const row of householdInputToRows(h.ref, h.input)) {
      rows++;
      if (!csv.write(row)) await once(csv, 'drain');
    }
    if (truth && !truth.write(`${h.ref},${h.registry},${h.script},${h.duplicateOf ?? ''}\n`)) await once(truth, 'drain');
  }
  csv.end();
  truth?.end();
  await Promise.all([finished(file), truth ? finished(truth) : null]);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${rows} rows (${opts.households} households) written to ${opts.out} in ${seconds} s`);
}

await main();
