import { HouseholdInput, type Household } from './household.ts';
import { asciiDigits } from '../shared/partial-date.ts';
import { normalizePhone } from '../shared/phone.ts';

/**
 * The household table that ministries exchange as CSV or spreadsheet: one row per individual,
 * rows of one household grouped by `household_ref`, household-level columns repeated on each row.
 * Headers are plain names, HXL hashtags, or both (plain row then tag row).
 */
export const HOUSEHOLD_COLUMNS: readonly { header: string; hxl: string; householdLevel: boolean }[] = [
  { header: 'household_ref', hxl: '#household+id', householdLevel: true },
  { header: 'registry', hxl: '#org+registry', householdLevel: true },
  { header: 'relationship', hxl: '#member+relationship', householdLevel: false },
  { header: 'given_name', hxl: '#beneficiary+name+given', householdLevel: false },
  { header: 'father_name', hxl: '#beneficiary+name+father', householdLevel: false },
  { header: 'grandfather_name', hxl: '#beneficiary+name+grandfather', householdLevel: false },
  { header: 'family_name', hxl: '#beneficiary+name+family', householdLevel: false },
  { header: 'sex', hxl: '#beneficiary+sex', householdLevel: false },
  { header: 'birth_date', hxl: '#beneficiary+birth+date', householdLevel: false },
  { header: 'document_type', hxl: '#beneficiary+doc+type', householdLevel: false },
  { header: 'document_number', hxl: '#beneficiary+doc+id', householdLevel: false },
  { header: 'specific_needs', hxl: '#beneficiary+needs', householdLevel: false },
  { header: 'origin_pcode', hxl: '#adm2+code+origin', householdLevel: true },
  { header: 'origin_place', hxl: '#loc+origin', householdLevel: true },
  { header: 'displaced_on', hxl: '#date+displaced', householdLevel: true },
  { header: 'current_pcode', hxl: '#adm2+code+current', householdLevel: true },
  { header: 'site_id', hxl: '#loc+site+id', householdLevel: true },
  { header: 'address', hxl: '#loc+address', householdLevel: true },
  { header: 'shelter', hxl: '#shelter+type', householdLevel: true },
  { header: 'phone', hxl: '#contact+phone', householdLevel: true },
  { header: 'legal_basis', hxl: '#meta+legal_basis', householdLevel: true },
  { header: 'consent_given', hxl: '#meta+consent', householdLevel: true },
  { header: 'consent_date', hxl: '#date+consent', householdLevel: true },
  { header: 'consent_scope', hxl: '#meta+consent+scope', householdLevel: true },
  { header: 'registered_on', hxl: '#date+registered', householdLevel: true },
  { header: 'registration_number', hxl: '#meta+registration', householdLevel: true },
];

/** Columns without which a file cannot describe a household at all. */
const REQUIRED_COLUMNS = [
  'household_ref', 'relationship', 'given_name', 'sex', 'origin_pcode', 'current_pcode', 'shelter', 'legal_basis',
];
/** Written on export for reference; a file cannot set the registration number. */
const EXPORT_ONLY = new Set(['registration_number']);
/** HXL allows title rows above the hashtag row; the standard looks in the first 25. */
const TAG_ROW_SEARCH = 25;
/** `document_type` value for a member recorded as having no documents. */
const NO_DOCUMENTS = 'none';

/**
 * A problem at a file row (1-based: `rows` index + 1, the line number unless a quoted cell spans
 * lines) and column (plain header name, null for the whole row); `message` is an error-catalogue key.
 */
export interface RowError { row: number; column: string | null; message: string }

export type HeaderResult = { columnIndex: Map<string, number>; dataStart: number } | { error: string; columns?: string[] };

// ---------------------------------------------------------------- header detection

const TAG_SYNTAX = /^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/;

function parseTag(cell: string): { tag: string; attrs: Set<string> } | null {
  const text = cell.replace(/\s+/g, '').toLowerCase();
  if (!TAG_SYNTAX.test(text)) return null;
  const [tag, ...attrs] = text.split('+');
  return { tag, attrs: new Set(attrs) };
}

const SPEC_TAGS = HOUSEHOLD_COLUMNS.map((c) => ({ header: c.header, ...parseTag(c.hxl)! }));

/** The column a hashtag names: same tag, all of the column's attributes, the most specific wins. */
function matchTag(cell: string): string | null {
  const parsed = parseTag(cell);
  if (!parsed) return null;
  const fits = SPEC_TAGS.filter((s) => s.tag === parsed.tag && [...s.attrs].every((a) => parsed.attrs.has(a)));
  const best = Math.max(...fits.map((s) => s.attrs.size));
  const winners = fits.filter((s) => s.attrs.size === best);
  return winners.length === 1 ? winners[0].header : null;
}

function matchPlain(cell: string): string | null {
  const name = cell.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
  return HOUSEHOLD_COLUMNS.some((c) => c.header === name) ? name : null;
}

function isTagRow(row: string[] | undefined): boolean {
  const cells = (row ?? []).map((c) => c.replace(/^\uFEFF/, '').trim()).filter((c) => c !== '');
  return cells.length > 0 && cells.every((c) => c.startsWith('#')) && cells.some((c) => parseTag(c) !== null);
}

function isBlank(row: string[] | undefined): boolean {
  return !row || row.every((c) => c.trim() === '');
}

/** Maps each column position to a known column; a tag wins over the plain header above it. */
function indexColumns(plain: string[] | null, tags: string[] | null): Map<string, number> | { error: string } {
  const index = new Map<string, number>();
  const width = Math.max(plain?.length ?? 0, tags?.length ?? 0);
  for (let i = 0; i < width; i++) {
    const tagCell = tags?.[i]?.replace(/^\uFEFF/, '').trim();
    const name = (tagCell ? matchTag(tagCell) : null) ?? (plain?.[i] ? matchPlain(plain[i]) : null);
    if (!name) continue;
    if (index.has(name)) return { error: 'csv.duplicate_column' };
    index.set(name, i);
  }
  return index;
}

/**
 * Finds the header: a plain header row, an HXL hashtag row, or a plain row followed by a tag row.
 * Tags may carry extra attributes in any order. Fails when required columns are missing.
 */
export function detectHeader(rows: string[][]): HeaderResult {
  let first = 0;
  while (first < rows.length && isBlank(rows[first])) first++;
  if (first === rows.length) return { error: 'csv.empty' };
  const limit = Math.min(rows.length, first + TAG_ROW_SEARCH);
  let tagRow = -1;
  for (let i = first; i < limit && tagRow < 0; i++) if (isTagRow(rows[i])) tagRow = i;
  const indexed = tagRow >= 0
    ? indexColumns(tagRow > first ? rows[tagRow - 1] : null, rows[tagRow])
    : indexColumns(rows[first], null);
  if (!(indexed instanceof Map)) return indexed;
  if (indexed.size === 0) return { error: 'csv.no_header' };
  const missing = REQUIRED_COLUMNS.filter((c) => !indexed.has(c));
  if (missing.length > 0) return { error: 'csv.missing_columns', columns: missing };
  return { columnIndex: indexed, dataStart: (tagRow >= 0 ? tagRow : first) + 1 };
}

// ---------------------------------------------------------------- cell values

type Cells = (column: string) => string;

function cellReader(row: string[], index: Map<string, number>): Cells {
  return (column) => {
    const i = index.get(column);
    return i === undefined ? '' : unguardCell((row[i] ?? '').trim()).trim();
  };
}

// ---------------------------------------------------------------- formula injection

/** What a spreadsheet program may run as a formula when a cell starts with it. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A phone number in international form is data, not a formula, and is written as it is. */
const PHONE_NUMBER = /^\+\d+$/;

/**
 * A cell as written to CSV or XLSX: a value that a spreadsheet would take for a formula
 * (starting with = + - @ tab or CR) gets a leading apostrophe, except `+9647501234567`.
 */
export function guardCell(value: string): string {
  return FORMULA_START.test(value) && !PHONE_NUMBER.test(value) ? `'${value}` : value;
}

/** Undoes `guardCell` on import: an apostrophe before a formula character is dropped. */
export function unguardCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

const orUndefined = (v: string) => (v === '' ? undefined : v);
const code = (v: string) => v.toLowerCase().replace(/[\s-]+/g, '_');
const tokens = (v: string) => v.split(/[;,\s]+/).filter((t) => t !== '');

const SEX_WORDS: Record<string, string> = {
  male: 'm', female: 'f', 'ذكر': 'm', 'انثى': 'f', 'أنثى': 'f', 'نێر': 'm', 'مێ': 'f', 'پیاو': 'm', 'ئافرەت': 'f',
};
const YES = new Set(['yes', 'y', 'true', '1', 'نعم', 'بەڵێ', 'erê']);
const NO = new Set(['no', 'n', 'false', '0', 'لا', 'نەخێر', 'na']);

const RELATIONSHIP_WORDS: Record<string, string> = {
  head_of_household: 'head', hoh: 'head', wife: 'spouse', husband: 'spouse',
};

function relationshipCode(v: string): string {
  const c = code(v);
  return RELATIONSHIP_WORDS[c] ?? c;
}

function sexCode(v: string): string | undefined {
  if (v === '') return undefined;
  return SEX_WORDS[v.toLowerCase()] ?? v.toLowerCase();
}

/** Accepts the schema's forms, and `DD/MM/YYYY` as written in Iraq, in any digits. */
function dateText(v: string): string | undefined {
  if (v === '') return undefined;
  const dmy = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(asciiDigits(v));
  if (!dmy) return v;
  return `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}`;
}

function yesNo(v: string): boolean | null {
  const word = v.toLowerCase();
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  return null;
}

// ---------------------------------------------------------------- import

interface Group { ref: string; rows: number[]; cells: Cells[] }
interface Collected { errors: RowError[]; add: (row: number, column: string | null, message: string) => void }

function collector(): Collected {
  const errors: RowError[] = [];
  const seen = new Set<string>();
  return {
    errors,
    add(row, column, message) {
      const key = `${row}|${column}|${message}`;
      if (!seen.has(key)) errors.push({ row, column, message });
      seen.add(key);
    },
  };
}

function groupRows(rows: string[][], index: Map<string, number>, start: number, out: Collected): Group[] {
  const groups = new Map<string, Group>();
  for (let i = start; i < rows.length; i++) {
    if (isBlank(rows[i])) continue;
    const cells = cellReader(rows[i], index);
    const ref = cells('household_ref');
    if (ref === '') {
      out.add(i + 1, 'household_ref', 'required');
      continue;
    }
    const group = groups.get(ref) ?? { ref, rows: [], cells: [] };
    group.rows.push(i + 1);
    group.cells.push(cells);
    groups.set(ref, group);
  }
  return [...groups.values()];
}

const HOUSEHOLD_LEVEL = HOUSEHOLD_COLUMNS
  .filter((c) => c.householdLevel && c.header !== 'household_ref' && !EXPORT_ONLY.has(c.header))
  .map((c) => c.header);

/** Digits, case, spacing and phone formatting do not make two household values different. */
function comparable(column: string, v: string): string {
  const text = asciiDigits(v).toLowerCase().replace(/\s+/g, ' ');
  return column === 'phone' ? normalizePhone(text) ?? text : text;
}

/**
 * Household-level values come from the head's row (else the first row); a blank cell on another row
 * is taken as "same", a different value is an error on that row. Returns each value and its row.
 */
function householdValues(g: Group, head: number, out: Collected): Map<string, { value: string; row: number }> {
  const values = new Map<string, { value: string; row: number }>();
  const order = [head, ...g.rows.keys()].filter((k, i, all) => all.indexOf(k) === i);
  for (const column of HOUSEHOLD_LEVEL) {
    for (const k of order) {
      const value = g.cells[k](column);
      const held = values.get(column);
      if (value === '') continue;
      if (!held) values.set(column, { value, row: g.rows[k] });
      else if (held.value !== value && comparable(column, held.value) !== comparable(column, value)) {
        out.add(g.rows[k], column, 'csv.household_mismatch');
      }
    }
  }
  return values;
}

function documentsOf(cells: Cells, row: number, out: Collected): { documents: unknown[]; noDocuments: boolean } {
  const types = cells('document_type').split(';').map((t) => t.trim());
  const numbersCell = cells('document_number');
  const numbers = numbersCell === '' ? [] : numbersCell.split(';').map((n) => n.trim());
  if (types.length === 1 && types[0] === '') {
    if (numbers.length > 0) out.add(row, 'document_type', 'required');
    return { documents: [], noDocuments: false };
  }
  if (numbers.length > 0 && numbers.length !== types.length) {
    out.add(row, 'document_number', 'csv.document_count');
    return { documents: [], noDocuments: false };
  }
  let noDocuments = false;
  const documents: unknown[] = [];
  types.forEach((t, i) => {
    if (code(t) === NO_DOCUMENTS) noDocuments = true;
    else documents.push({ type: code(t), number: numbers[i] ?? '' });
  });
  return { documents, noDocuments };
}

function memberOf(cells: Cells, row: number, out: Collected): unknown {
  return {
    relationship: orUndefined(relationshipCode(cells('relationship'))),
    givenName: orUndefined(cells('given_name')),
    fatherName: orUndefined(cells('father_name')),
    grandfatherName: orUndefined(cells('grandfather_name')),
    familyName: orUndefined(cells('family_name')),
    sex: sexCode(cells('sex')),
    birthDate: dateText(cells('birth_date')),
    ...documentsOf(cells, row, out),
    specificNeeds: tokens(cells('specific_needs')),
  };
}

function consentOf(v: (c: string) => string, row: (c: string) => number, out: Collected): unknown {
  const [given, date, scope] = [v('consent_given'), v('consent_date'), v('consent_scope')];
  if (given === '' && date === '' && scope === '') return undefined;
  const flag = given === '' ? false : yesNo(given);
  if (flag === null) out.add(row('consent_given'), 'consent_given', 'csv.boolean');
  return { given: flag ?? false, date: dateText(date), scope: tokens(scope).map(code) };
}

/** Builds the raw input the schema validates; `rowOf` tells which file row a household value came from. */
function rawHousehold(g: Group, head: number, out: Collected) {
  const values = householdValues(g, head, out);
  const v = (c: string) => values.get(c)?.value ?? '';
  const rowOf = (c: string) => values.get(c)?.row ?? g.rows[head];
  const input = {
    registry: orUndefined(v('registry')),
    origin: { pcode: orUndefined(v('origin_pcode')), place: orUndefined(v('origin_place')) },
    displacedOn: dateText(v('displaced_on')),
    current: { pcode: orUndefined(v('current_pcode')), siteId: orUndefined(v('site_id')), address: orUndefined(v('address')) },
    shelter: orUndefined(code(v('shelter'))),
    phone: orUndefined(v('phone')),
    legalBasis: orUndefined(code(v('legal_basis'))),
    consent: consentOf(v, rowOf, out),
    registeredOn: orUndefined(v('registered_on')),
    members: g.cells.map((cells, k) => memberOf(cells, g.rows[k], out)),
  };
  return { input, rowOf };
}

/** Reported here as well as by the schema, whose household rules do not run while a field is invalid. */
function checkHeads(g: Group, out: Collected): number {
  const heads = g.cells.flatMap((cells, k) => (relationshipCode(cells('relationship')) === 'head' ? [k] : []));
  if (heads.length === 0) out.add(g.rows[0], 'relationship', 'members.no_head');
  if (heads.length > 1) for (const k of heads) out.add(g.rows[k], 'relationship', 'members.two_heads');
  return heads[0] ?? 0;
}

const HOUSEHOLD_PATHS: Record<string, string> = {
  registry: 'registry', origin: 'origin_pcode', 'origin.pcode': 'origin_pcode', 'origin.place': 'origin_place',
  displacedOn: 'displaced_on', current: 'current_pcode', 'current.pcode': 'current_pcode',
  'current.siteId': 'site_id', 'current.address': 'address', shelter: 'shelter', phone: 'phone',
  legalBasis: 'legal_basis', consent: 'consent_given', 'consent.given': 'consent_given',
  'consent.date': 'consent_date', 'consent.scope': 'consent_scope', registeredOn: 'registered_on',
};
const MEMBER_PATHS: Record<string, string> = {
  relationship: 'relationship', givenName: 'given_name', fatherName: 'father_name',
  grandfatherName: 'grandfather_name', familyName: 'family_name', sex: 'sex', birthDate: 'birth_date',
  documents: 'document_type', 'documents.type': 'document_type', 'documents.number': 'document_number',
  noDocuments: 'document_type', specificNeeds: 'specific_needs',
};

const fieldPath = (path: PropertyKey[]) => path.filter((p) => typeof p === 'string').join('.');

/** Puts a schema issue on the file row and column it came from. */
function placeIssue(issue: { path: PropertyKey[]; message: string; code: string }, g: Group, head: number,
  rowOf: (c: string) => number, out: Collected): void {
  const message = issueKey(issue);
  const [first, second] = issue.path;
  if (first === 'members' && typeof second === 'number') {
    const column = MEMBER_PATHS[fieldPath(issue.path.slice(2))] ?? null;
    out.add(g.rows[second], column, message);
    return;
  }
  if (first === 'members') {
    out.add(g.rows[head], message.startsWith('members.') ? 'relationship' : null, message);
    return;
  }
  const column = HOUSEHOLD_PATHS[fieldPath(issue.path)] ?? null;
  out.add(column ? rowOf(column) : g.rows[head], column, message);
}

/** Our schemas carry catalogue keys as messages; zod's own messages fall back to a generic key. */
function issueKey(issue: { message: string; code: string }): string {
  if (/^[a-z_]+(\.[a-z_]+)?$/.test(issue.message)) return issue.message;
  if (issue.code === 'invalid_type') return 'required';
  return ['too_small', 'too_big', 'invalid_value'].includes(issue.code) ? issue.code : 'invalid';
}

/**
 * Reads a household table: groups rows by `household_ref`, validates each household with the
 * registration schema, and reports every problem at its file row (1-based) and column.
 * A household with any problem is left out. `registration_number` is ignored.
 */
export function rowsToHouseholds(rows: string[][]): {
  households: { ref: string; rows: number[]; input: HouseholdInput }[]; errors: RowError[];
} {
  const header = detectHeader(rows);
  if ('error' in header) return { households: [], errors: [{ row: 1, column: null, message: header.error }] };
  const out = collector();
  const households: { ref: string; rows: number[]; input: HouseholdInput }[] = [];
  for (const g of groupRows(rows, header.columnIndex, header.dataStart, out)) {
    const before = out.errors.length;
    const head = checkHeads(g, out);
    const { input, rowOf } = rawHousehold(g, head, out);
    const parsed = HouseholdInput.safeParse(input);
    if (!parsed.success) for (const issue of parsed.error.issues) placeIssue(issue, g, head, rowOf, out);
    if (parsed.success && out.errors.length === before) households.push({ ref: g.ref, rows: g.rows, input: parsed.data });
  }
  out.errors.sort((a, b) => a.row - b.row);
  return { households, errors: out.errors };
}

// ---------------------------------------------------------------- export

/** What export needs of a member: a stored one or a validated input. */
export interface ExportMember {
  relationship: string; givenName: string; fatherName: string | null; grandfatherName: string | null;
  familyName: string | null; sex: string; birthDate: string | null;
  documents: { type: string; number: string }[]; noDocuments: boolean; specificNeeds: string[];
}

/** What export needs of a household: a stored one or a validated input. */
export interface ExportableHousehold {
  registry?: string;
  origin: { pcode: string; place: string | null };
  displacedOn: string | null;
  current: { pcode: string; siteId: string | null; address: string | null };
  shelter: string;
  phone: string | null;
  legalBasis: string;
  consent: { given: boolean; date: string | null; scope: string[] };
  registeredOn?: string;
  members: ExportMember[];
}

interface ExportContext { ref: string; registry: string; registrationNumber: string }
type Cell = (h: ExportableHousehold, m: ExportMember, x: ExportContext) => string;

function documentNumbers(m: ExportMember): string {
  const numbers = [...(m.noDocuments ? [''] : []), ...m.documents.map((d) => d.number)];
  return numbers.some((n) => n !== '') ? numbers.join(';') : '';
}

/** How each column is written; several documents or codes share a cell, separated by `;`. */
const CELLS: Record<string, Cell> = {
  household_ref: (_h, _m, x) => x.ref,
  registry: (_h, _m, x) => x.registry,
  relationship: (_h, m) => m.relationship,
  given_name: (_h, m) => m.givenName,
  father_name: (_h, m) => m.fatherName ?? '',
  grandfather_name: (_h, m) => m.grandfatherName ?? '',
  family_name: (_h, m) => m.familyName ?? '',
  sex: (_h, m) => m.sex,
  birth_date: (_h, m) => m.birthDate ?? '',
  document_type: (_h, m) => [...(m.noDocuments ? [NO_DOCUMENTS] : []), ...m.documents.map((d) => d.type)].join(';'),
  document_number: (_h, m) => documentNumbers(m),
  specific_needs: (_h, m) => m.specificNeeds.join(';'),
  origin_pcode: (h) => h.origin.pcode,
  origin_place: (h) => h.origin.place ?? '',
  displaced_on: (h) => h.displacedOn ?? '',
  current_pcode: (h) => h.current.pcode,
  site_id: (h) => h.current.siteId ?? '',
  address: (h) => h.current.address ?? '',
  shelter: (h) => h.shelter,
  phone: (h) => h.phone ?? '',
  legal_basis: (h) => h.legalBasis,
  consent_given: (h) => (h.consent.given ? 'yes' : 'no'),
  consent_date: (h) => h.consent.date ?? '',
  consent_scope: (h) => h.consent.scope.join(';'),
  registered_on: (h) => h.registeredOn ?? '',
  registration_number: (_h, _m, x) => x.registrationNumber,
};
const CELLS_IN_ORDER = HOUSEHOLD_COLUMNS.map((c) => CELLS[c.header]);

/** Rows (no header) for any household shape; household-level values repeat on every member's row. */
export function householdInputToRows(ref: string, h: ExportableHousehold, registrationNumber = ''): string[][] {
  const x = { ref, registry: h.registry ?? '', registrationNumber };
  return h.members.map((m) => CELLS_IN_ORDER.map((cell) => cell(h, m, x)));
}

/** Export rows (no header) for a stored household, in column order; `household_ref` is its id. */
export function householdToRows(h: Household, registry: string): string[][] {
  return householdInputToRows(h.id, { ...h, registry }, h.registrationNumber);
}

/** The two header rows of an export: plain column names, then HXL hashtags. */
export function headerRows(): string[][] {
  return [HOUSEHOLD_COLUMNS.map((c) => c.header), HOUSEHOLD_COLUMNS.map((c) => c.hxl)];
}
