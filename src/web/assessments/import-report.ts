/**
 * The row-by-row report of a master list that was refused: each problem with the file row
 * (1-based, as the spreadsheet shows it) and the column. Problems come as `errors` of the
 * problem+json answer, with `row` and `column`, or with a path such as `rows.12.idp_families`.
 */
export interface RowProblem {
  row: number | null;
  column: string | null;
  message: string;
}

interface RawProblem {
  row?: unknown;
  column?: unknown;
  path?: unknown;
  message?: unknown;
}

function fromPath(path: string): { row: number | null; column: string | null } {
  const m = /^rows?\.(\d+)(?:\.(.+))?$/.exec(path);
  return m ? { row: Number(m[1]), column: m[2] ?? null } : { row: null, column: path || null };
}

/** The report's rows, sorted by row then column; empty when the answer has none. */
export function importOutcome(problem: { errors?: unknown; rows?: unknown }): RowProblem[] {
  const raw = (Array.isArray(problem.errors) ? problem.errors : Array.isArray(problem.rows) ? problem.rows : []) as RawProblem[];
  return raw
    .map((e) => {
      const at = typeof e.row === 'number' ? { row: e.row, column: typeof e.column === 'string' ? e.column : null } : fromPath(String(e.path ?? ''));
      return { ...at, message: String(e.message ?? '') };
    })
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.column ?? '').localeCompare(b.column ?? ''));
}

const cell = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  // Quoted when needed; a leading formula character is neutralised for spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The report as a CSV file (with a byte-order mark, so spreadsheets read Arabic and Kurdish right). */
export function reportCsv(rows: readonly RowProblem[], header: [string, string, string]): string {
  const lines = [header, ...rows.map((r) => [r.row, r.column, r.message] as const)].map((line) => line.map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
