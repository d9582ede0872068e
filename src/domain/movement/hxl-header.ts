/**
 * Finding the columns of an exchanged table whose header row holds plain names, HXL hashtags, or
 * both (names, then tags). Plain names match whatever their case, spaces, dashes and underscores
 * (`admin1_pcode` is DTM's `admin1Pcode`); a tag matches the column whose attributes it carries,
 * the most specific one winning, in any order and with extra attributes.
 */
export interface ColumnSpec { key: string; header: string; hxl: string; aliases?: readonly string[] }

export interface Tag { tag: string; attrs: Set<string> }

/** Columns whose name carries a code (one per governorate, wave...): the key for a cell, or null. */
export type DynamicColumns = (plain: string | null, tag: Tag | null) => string | null;

export type HeaderResult = { columns: Map<string, number>; dataStart: number } | { error: string; missing?: string[] };

const TAG_SYNTAX = /^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/;
/** HXL allows title rows above the hashtag row; the standard looks in the first 25. */
const TAG_ROW_SEARCH = 25;

const clean = (cell: string) => cell.replace(/^\uFEFF/, '').trim();

export function parseTag(cell: string): Tag | null {
  const text = clean(cell).replace(/\s+/g, '').toLowerCase();
  if (!TAG_SYNTAX.test(text)) return null;
  const [tag, ...attrs] = text.split('+');
  return { tag, attrs: new Set(attrs) };
}

/** A plain name reduced to letters and digits, lower case. */
export const plainKey = (cell: string) => clean(cell).toLowerCase().replace(/[^a-z0-9]/g, '');

export function isBlankRow(row: readonly string[] | undefined): boolean {
  return !row || row.every((c) => String(c ?? '').trim() === '');
}

function isTagRow(row: readonly string[] | undefined): boolean {
  const cells = (row ?? []).map(clean).filter((c) => c !== '');
  return cells.length > 0 && cells.every((c) => c.startsWith('#')) && cells.some((c) => parseTag(c) !== null);
}

function matcher(specs: readonly ColumnSpec[], dynamic: DynamicColumns | undefined) {
  const plain = new Map<string, string>();
  for (const s of specs) for (const name of [s.header, ...(s.aliases ?? [])]) plain.set(plainKey(name), s.key);
  const tags = specs.map((s) => ({ key: s.key, ...parseTag(s.hxl)! }));
  const byTag = (t: Tag) => {
    const fits = tags.filter((s) => s.tag === t.tag && [...s.attrs].every((a) => t.attrs.has(a)));
    const best = Math.max(...fits.map((s) => s.attrs.size));
    const winners = fits.filter((s) => s.attrs.size === best);
    return winners.length === 1 ? winners[0].key : null;
  };
  return (plainCell: string | null, tagCell: string | null): string | null => {
    const tag = tagCell ? parseTag(tagCell) : null;
    const name = plainCell && clean(plainCell) !== '' ? plainCell : null;
    if (tag) return dynamic?.(null, tag) ?? byTag(tag) ?? (name ? dynamic?.(name, null) ?? plain.get(plainKey(name)) ?? null : null);
    return name ? dynamic?.(name, null) ?? plain.get(plainKey(name)) ?? null : null;
  };
}

/**
 * Finds the header (a plain row, a tag row, or a plain row then a tag row, after any title rows)
 * and which column each key is in. Fails when a column is named twice or a required one is missing.
 */
export function detectHeader(rows: readonly string[][], specs: readonly ColumnSpec[], o: { required?: readonly string[][]; dynamic?: DynamicColumns } = {}): HeaderResult {
  let first = 0;
  while (first < rows.length && isBlankRow(rows[first])) first++;
  if (first === rows.length) return { error: 'csv.empty' };
  let tagRow = -1;
  for (let i = first; i < Math.min(rows.length, first + TAG_ROW_SEARCH) && tagRow < 0; i++) if (isTagRow(rows[i])) tagRow = i;
  const plain = tagRow >= 0 ? (tagRow > first ? rows[tagRow - 1] : null) : rows[first];
  const tags = tagRow >= 0 ? rows[tagRow] : null;
  const match = matcher(specs, o.dynamic);
  const columns = new Map<string, number>();
  for (let i = 0; i < Math.max(plain?.length ?? 0, tags?.length ?? 0); i++) {
    const key = match(plain?.[i] ?? null, tags?.[i] ?? null);
    if (!key) continue;
    if (columns.has(key)) return { error: 'csv.duplicate_column' };
    columns.set(key, i);
  }
  if (columns.size === 0) return { error: 'csv.no_header' };
  // Each requirement is a list of alternatives: one of them is enough.
  const missing = (o.required ?? []).filter((any) => !any.some((k) => columns.has(k))).map((any) => any[0]);
  if (missing.length) return { error: 'csv.missing_columns', missing };
  return { columns, dataStart: (tagRow >= 0 ? tagRow : first) + 1 };
}
