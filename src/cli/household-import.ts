import { basename } from 'node:path';
import { detectHeader, rowsToHouseholds, type RowError } from '#domain/registry/csv-format';
import { translateError } from '#domain/i18n/errors';
import type { Ctx } from '#server/context';
import { requirePermission } from '#server/identity/policy';
import { importHouseholds, validateForImport, type ImportHousehold } from '#server/registry/import';
import { cliActor } from './context.ts';
import { progress } from './progress.ts';
import { openTable, readTable } from './spreadsheet.ts';

export interface ImportCommandOptions { as: string; skipInvalid?: boolean; report?: string }

/** An error report line in English, as a clerk reads it next to the file. */
export function reportMessage(key: string, params: Record<string, unknown> = {}): string {
  // Keys whose numbers the file reader does not keep would read "(minimum )": drop the empty brackets.
  return translateError('en', key, params).replace(/ \(\w+ \)/, '');
}

interface ReadFile { households: ImportHousehold[]; errors: RowError[]; dataRows: number; missing: string[] }

/** Reads and checks the file's shape; the raw rows are dropped before the database work. */
async function readFile(file: string): Promise<ReadFile> {
  const rows = await readTable(file);
  const header = detectHeader(rows);
  const start = 'dataStart' in header ? header.dataStart : rows.length;
  const dataRows = rows.slice(start).filter((r) => r.some((c) => c.trim() !== '')).length;
  const { households, errors } = rowsToHouseholds(rows);
  return { households, errors, dataRows, missing: 'columns' in header ? header.columns ?? [] : [] };
}

async function writeReport(path: string, errors: RowError[], missing: string[]): Promise<void> {
  const out = openTable(path, 'csv');
  await out.write(['row', 'column', 'message']);
  for (const e of errors) await out.write([String(e.row), e.column ?? '', reportMessage(e.message, { columns: missing.join(', ') })]);
  await out.close();
}

const seconds = (from: number, to = performance.now()) => ((to - from) / 1000).toFixed(1);

/**
 * `amina households import`: a file is imported whole or not at all. With problems and without
 * `--skip-invalid` nothing is imported and the row-by-row report says why (exit code 1); with
 * it the valid households are imported and the report lists the rest. Returns the exit code.
 */
export async function importFile(ctx: Ctx, file: string, o: ImportCommandOptions): Promise<number> {
  const started = performance.now();
  const actor = await cliActor(ctx, o.as);
  requirePermission(actor, 'households.import');
  process.stderr.write(`reading ${file}\n`);
  const read = await readFile(file);
  const checking = performance.now();
  const checked = await validateForImport(ctx, actor, read.households);
  const errors = [...read.errors, ...checked.errors].sort((a, b) => a.row - b.row);
  const report = o.report ?? `${file}.errors.csv`;
  if (errors.length) await writeReport(report, errors, read.missing);
  const rejected = read.dataRows - checked.valid.reduce((n, h) => n + h.rows.length, 0);
  if (errors.length && !o.skipInvalid) {
    console.error(`${errors.length} problems in ${rejected} rows: nothing was imported. Report: ${report}`);
    console.error(`Correct the file, or import the ${checked.valid.length} valid households with --skip-invalid.`);
    return 1;
  }
  if (checked.valid.length === 0) {
    console.error(errors.length ? `No valid household to import. Report: ${report}` : 'The file has no households.');
    return errors.length ? 1 : 0;
  }
  const writing = performance.now();
  const bar = progress('importing');
  const result = await importHouseholds(ctx, actor, checked.valid, { file: basename(file), onProgress: (d, t) => bar.update(d, t) });
  bar.stop();
  console.log(`Imported ${result.imported} households (${result.individuals} individuals) into ${actor.organizationCode} as ${actor.username}.`);
  console.log(`Rejected rows: ${rejected}${errors.length ? ` (report: ${report})` : ''}. Time: ${seconds(started)} s `
    + `(reading ${seconds(started, checking)} s, checking ${seconds(checking, writing)} s, writing ${seconds(writing)} s).`);
  return 0;
}
