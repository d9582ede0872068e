import { headerRows, householdToRows } from '#domain/registry/csv-format';
import { PCODE } from '#domain/places/pcode';
import type { Ctx } from '#server/context';
import { exportHouseholds } from '#server/registry/export';
import { cliActor } from './context.ts';
import { progress } from './progress.ts';
import { formatOf, openTable, type TableFormat } from './spreadsheet.ts';

export interface ExportCommandOptions { as: string; format?: string; out?: string; area?: string }

function target(o: ExportCommandOptions): { format: TableFormat; out: string } {
  const format = (o.format ?? (o.out ? formatOf(o.out) : 'csv')).toLowerCase();
  if (format !== 'csv' && format !== 'xlsx') throw new Error(`unknown format ${o.format}: use csv or xlsx`);
  const out = o.out ?? `households-${new Date().toISOString().slice(0, 10)}.${format}`;
  return { format, out };
}

/**
 * `amina households export`: every household the user may see, one row per person with the HXL
 * row under the header, written page by page so that memory stays flat.
 */
export async function exportFile(ctx: Ctx, o: ExportCommandOptions): Promise<void> {
  const started = performance.now();
  const { format, out } = target(o);
  const actor = await cliActor(ctx, o.as);
  const area = o.area?.trim().toUpperCase();
  if (area !== undefined && !PCODE.test(area)) throw new Error(`not a P-code: ${o.area} (for example IQG15 or IQG15Q05)`);
  const { total, pages } = await exportHouseholds(ctx, actor, { area, format });
  const table = openTable(out, format);
  const bar = progress('exporting');
  let households = 0;
  let rows = 0;
  try {
    for (const row of headerRows()) await table.write(row);
    for await (const page of pages) {
      for (const h of page) {
        for (const row of householdToRows(h, h.registry)) await table.write(row);
        rows += h.members.length;
      }
      households += page.length;
      bar.update(households, Math.max(total, households));
    }
  } finally {
    bar.stop();
    await table.close();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Exported ${households} households (${rows} individuals) to ${out} in ${seconds} s.`);
}
