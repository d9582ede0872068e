import type { Command } from 'commander';
import { translateError } from '#domain/i18n/errors';
import type { Ctx } from '#server/context';
import { Problem } from '#server/http/problem';
import { withContext } from './context.ts';
import { exportFile } from './household-export.ts';
import { importFile } from './household-import.ts';

/** Runs a command on the database; a refusal by the server's rules is reported in plain English. */
export async function runCommand(work: (ctx: Ctx) => Promise<number | void>): Promise<void> {
  try {
    const code = await withContext(work);
    if (code) process.exitCode = code;
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    const fields = (error.options.errors ?? []).map((e) => `${e.path}: ${translateError('en', e.key, e.params)}`);
    throw new Error([translateError('en', error.key, error.options.params), ...fields].join('\n'));
  }
}

/** `amina households import` and `amina households export`. */
export function registerHouseholdCommands(program: Command) {
  const households = program.command('households').description('import and export the household registry');
  households.command('import').description('import households from a CSV or XLSX file (all or nothing, unless --skip-invalid)')
    .argument('<file>', 'file.csv or file.xlsx in the household table format')
    .option('--as <user>', 'import as this user (their organisation\'s registry and scope)', 'admin')
    .option('--skip-invalid', 'import the valid households and report the others')
    .option('--report <file>', 'where to write the row-by-row error report (default: <file>.errors.csv)')
    .action((file: string, o) => runCommand((ctx) => importFile(ctx, file, o)));
  households.command('export').description('export every household you may see, one row per person, with HXL tags')
    .option('--format <format>', 'csv or xlsx (default: from --out, else csv)')
    .option('--out <file>', 'output file (default: households-<date>.<format>)')
    .option('--as <user>', 'export as this user (their registry and scope)', 'admin')
    .option('--area <pcode>', 'only households currently in or coming from this area')
    .action((o) => runCommand((ctx) => exportFile(ctx, o)));
}
