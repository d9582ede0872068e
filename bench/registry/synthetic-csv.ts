import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname } from 'node:path';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { syntheticHouseholds, type SyntheticOptions } from '../../src/domain/demo/synthetic.ts';
import { headerRows, householdInputToRows } from '../../src/domain/registry/csv-format.ts';

export interface CsvOptions extends SyntheticOptions {
  out: string;
  /** The answer key for deduplication benchmarks: ref, registry, script, duplicate_of. */
  truth?: string;
  /** Leave the registry column empty, so that one user imports every household into their registry. */
  blankRegistry?: boolean;
}

async function openFile(path: string): Promise<WriteStream> {
  await mkdir(dirname(path), { recursive: true });
  // Large buffers: a row is a small chunk, and 600,000 of them otherwise mean 600,000 small writes.
  return createWriteStream(path, { highWaterMark: 1 << 20 });
}

/**
 * Writes synthetic households as the registry import table (plain header row, HXL row, one row
 * per person), streaming so that any size fits in memory. Returns the number of person rows.
 */
export async function writeSyntheticCsv(opts: CsvOptions): Promise<number> {
  const file = await openFile(opts.out);
  const truth = opts.truth ? await openFile(opts.truth) : null;
  // A byte-order mark so that spreadsheet programs open the Arabic and Kurdish text as UTF-8.
  const csv = stringify({ bom: true });
  csv.pipe(file);
  for (const row of headerRows()) csv.write(row);
  truth?.write('household_ref,registry,script,duplicate_of\n');
  let rows = 0;
  for (const h of syntheticHouseholds(opts)) {
    const input = opts.blankRegistry ? { ...h.input, registry: undefined } : h.input;
    for (const row of householdInputToRows(h.ref, input)) {
      rows++;
      if (!csv.write(row)) await once(csv, 'drain');
    }
    if (truth && !truth.write(`${h.ref},${h.registry},${h.script},${h.duplicateOf ?? ''}\n`)) await once(truth, 'drain');
  }
  csv.end();
  truth?.end();
  await Promise.all([finished(file), truth ? finished(truth) : null]);
  return rows;
}
