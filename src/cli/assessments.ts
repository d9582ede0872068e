import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { pickLocale, translateError } from '#domain/i18n/errors';
import type { Actor, Ctx } from '#server/context';
import { Problem } from '#server/http/problem';
import { exportMasterList, importMasterList } from '#server/assessments/master-list';
import { findRound } from '#server/assessments/rounds';
import { readSheet, writeSheet } from '#server/assessments/sheets';
import { cliActor } from './context.ts';
import { runCommand } from './households.ts';
import { openTable } from './spreadsheet.ts';

interface ImportOptions { round: string; as: string; report?: string }
interface ExportOptions { round: string; as: string; format?: string; out?: string }

async function roundOf(ctx: Ctx, number: string) {
  if (!/^\d+$/.test(number)) throw new Error(`not a round number: ${number}`);
  const round = await findRound(ctx.db.kysely, number);
  if (!round) throw new Error(`there is no round ${number}`);
  return round;
}

/** The file's problems, row by row, in the language of the user the command acts as. */
async function writeReport(path: string, actor: Actor, problem: Problem): Promise<number> {
  const locale = pickLocale(actor.locale);
  const out = openTable(path, 'csv');
  await out.write(['row', 'column', 'message']);
  const rows = new Set<string>();
  for (const e of problem.options.errors ?? []) {
    const [, row = '', column = ''] = e.path.split('.');
    rows.add(row);
    await out.write([row, column, translateError(locale, e.key, e.params)]);
  }
  await out.close();
  return rows.size;
}

/**
 * `amina assessments import`: a DTM master list (CSV or XLSX) into an open round, all or
 * nothing. With problems nothing is imported and a row-by-row report is written (exit code 1).
 */
export async function importFile(ctx: Ctx, file: string, o: ImportOptions): Promise<number> {
  const actor = await cliActor(ctx, o.as);
  const round = await roundOf(ctx, o.round);
  const rows = await readSheet(readFileSync(file));
  try {
    const s = await importMasterList(ctx, actor, round.id, rows, { file: basename(file) });
    console.log(`Imported ${s.rows} locations into round ${s.round} as ${actor.username}: `
      + `${s.locationsCreated} new locations, ${s.locationsUpdated} updated; ${s.assessmentsCreated} new assessments, ${s.assessmentsUpdated} replaced.`);
    return 0;
  } catch (error) {
    if (!(error instanceof Problem) || error.status !== 422 || !error.options.errors?.length) throw error;
    const report = o.report ?? `${file}.errors.csv`;
    const bad = await writeReport(report, actor, error);
    console.error(`${error.options.errors.length} problems in ${bad} rows: nothing was imported. Report: ${report}`);
    return 1;
  }
}

/** `amina assessments export`: a round's master list, HXL-tagged, as CSV or a right-to-left XLSX. */
export async function exportFile(ctx: Ctx, o: ExportOptions): Promise<void> {
  const format = (o.format ?? (o.out?.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv')).toLowerCase();
  if (format !== 'csv' && format !== 'xlsx') throw new Error(`unknown format ${o.format}: use csv or xlsx`);
  const actor = await cliActor(ctx, o.as);
  const round = await roundOf(ctx, o.round);
  const { number, rows } = await exportMasterList(ctx, actor, round.id, format);
  const out = o.out ?? `dtm-master-list-round-${number}.${format}`;
  writeFileSync(out, await writeSheet(rows, format, `round ${number}`));
  console.log(`Exported ${rows.length - 2} locations of round ${number} to ${out}.`);
}

/** `amina assessments import` and `amina assessments export`. */
export function registerAssessmentCommands(program: Command) {
  const assessments = program.command('assessments').description('import and export DTM master lists of location assessments');
  assessments.command('import').description('import a DTM master list (CSV or XLSX, one row per location) into an open round: all or nothing')
    .argument('<file>', 'file.csv or file.xlsx')
    .requiredOption('--round <number>', 'the round to import into')
    .option('--as <user>', 'import as this user (their organisation, scope and language for the report)', 'admin')
    .option('--report <file>', 'where to write the row-by-row error report (default: <file>.errors.csv)')
    .action((file: string, o: ImportOptions) => runCommand((ctx) => importFile(ctx, file, o)));
  assessments.command('export').description('export a round\'s DTM master list with HXL tags')
    .requiredOption('--round <number>', 'the round to export')
    .option('--format <format>', 'csv or xlsx (default: from --out, else csv)')
    .option('--out <file>', 'output file (default: dtm-master-list-round-<number>.<format>)')
    .option('--as <user>', 'export as this user (key informants only if they may see them)', 'admin')
    .action((o: ExportOptions) => runCommand((ctx) => exportFile(ctx, o)));
}
