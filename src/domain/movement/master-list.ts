import { z } from 'zod';
import { unguardCell } from '../registry/csv-format.ts';
import { asciiDigits } from '../shared/partial-date.ts';
import { estimateIndividuals } from './figures.ts';
import {
  AssessmentFields, LocationFields, assessmentIssues, coordinateIssues,
  type AssessmentContent, type BreakdownName, type KeyInformant, type LocationKind,
} from './assessments.ts';
import type { Shares } from './assessment-figures.ts';
import { detectHeader, isBlankRow, type ColumnSpec } from './hxl-header.ts';
import { EXPORT_ONLY, MASTER_LIST_COLUMNS, NEED_COLUMNS, SPLITS, splitColumns, splitOf } from './master-list-columns.ts';

/**
 * Reading and writing the DTM master list (columns in master-list-columns.ts). Every row is
 * checked and every problem reported at its file row (1-based) and column; what the data must
 * confirm (codes, P-codes, the round) the server checks next. Without a `location_code` column
 * (DTM's HDX figures per area) each row's area is its own location, coded by its P-code; without
 * families, they are the individuals / 6.
 */
export interface RowError { row: number; column: string | null; message: string; params?: Record<string, unknown> }

/** What an import did. */
export const ImportSummary = z.object({
  round: z.number().int(), rows: z.number().int(), locationsCreated: z.number().int(), locationsUpdated: z.number().int(),
  assessmentsCreated: z.number().int(), assessmentsUpdated: z.number().int(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

/** What a row says about its location: the code, and the fields it gives (others stay as stored). */
export interface ListedLocation {
  code: string; name?: string; nameAr?: string | null; nameCkb?: string | null; kind?: LocationKind; pcode?: string;
  latitude?: number | null; longitude?: number | null;
}

/** A row as read: its location and assessment, each null when its fields could not be read at all. */
export interface MasterListRow {
  row: number;
  roundNumber: number | null;
  location: ListedLocation | null;
  /** The column the P-code came from, to report data errors at. */
  pcodeColumn: string | null;
  /** Null when a field could not be read (reported); read even when fields break a rule across them (reported too). */
  assessment: AssessmentContent | null;
  /** What could be read of the assessment, so that the data can check its date and codes whatever else is wrong. */
  readable: Partial<AssessmentContent>;
  /** The column of each breakdown share and each priority need, in order. */
  columns: Record<BreakdownName | 'priorityNeeds', string[]>;
  /** The column the assessment date came from (`assessed_on`, else DTM's `reporting_date`). */
  dateColumn: string;
}

type Cells = (key: string) => string;
const YES = new Set(['yes', 'y', 'true', '1', 'نعم', 'بەڵێ']);

/** A whole number as typed (Eastern Arabic digits, thousands separators); '' when blank, NaN when not one. */
function wholeNumber(text: string): number | '' {
  const t = asciiDigits(text).replace(/[\s,٬']/g, '');
  if (t === '') return '';
  return /^\d+(\.0+)?$/.test(t) ? Number(t) : Number.NaN;
}

function decimal(text: string): number | '' {
  const t = asciiDigits(text).replace('٫', '.').trim();
  if (t === '') return '';
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** `YYYY-MM-DD`, or `DD/MM/YYYY` as written in Iraq. */
function dayText(text: string): string {
  const dmy = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(asciiDigits(text));
  return dmy ? `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}` : text;
}

/** Errors once per row and column: the first problem found there is the one reported. */
function collector() {
  const errors: RowError[] = [];
  const taken = new Set<string>();
  const add = (row: number, column: string | null, message: string, params?: Record<string, unknown>) => {
    const key = `${row}|${column}`;
    if (taken.has(key)) return;
    taken.add(key);
    errors.push({ row, column, message, ...(params ? { params } : {}) });
  };
  return { errors, add };
}
type Add = ReturnType<typeof collector>['add'];

function numberCell(cells: Cells, key: string, row: number, add: Add, read = wholeNumber): number | undefined {
  const v = read(cells(key));
  if (v === '') return undefined;
  if (Number.isNaN(v)) add(row, key, 'number.invalid');
  return Number.isNaN(v) ? undefined : v;
}

/** The most specific P-code given; an inner one must lie inside the outer ones. */
function pcodeOf(cells: Cells, row: number, add: Add): { pcode?: string; column: string | null } {
  const given = (['admin1_pcode', 'admin2_pcode', 'admin3_pcode'] as const)
    .map((column) => ({ column, value: cells(column).toUpperCase() })).filter((c) => c.value !== '');
  for (let i = 1; i < given.length; i++) {
    if (!given[i].value.startsWith(given[i - 1].value)) add(row, given[i].column, 'pcode.mismatch');
  }
  const inner = given.at(-1);
  return inner ? { pcode: inner.value, column: inner.column } : { column: null };
}

function locationOf(cells: Cells, has: (k: string) => boolean, row: number, add: Add) {
  const { pcode, column } = pcodeOf(cells, row, add);
  const code = has('location_code') ? cells('location_code') : (pcode ?? '');
  if (code === '') add(row, has('location_code') ? 'location_code' : 'admin1_pcode', 'required');
  const raw: Record<string, unknown> = { code, pcode };
  const text = (key: string, field: string) => { if (cells(key) !== '') raw[field] = cells(key); };
  text('location_name', 'name');
  text('location_name_ar', 'nameAr');
  text('location_name_ckb', 'nameCkb');
  if (cells('location_kind') !== '') raw.kind = cells('location_kind').toLowerCase().replace(/[\s-]+/g, '_');
  raw.latitude = numberCell(cells, 'latitude', row, add, decimal);
  raw.longitude = numberCell(cells, 'longitude', row, add, decimal);
  const parsed = LocationFields.partial().required({ code: true }).safeParse(raw);
  const columnOf: Record<string, string | null> = {
    code: has('location_code') ? 'location_code' : column, name: 'location_name', nameAr: 'location_name_ar',
    nameCkb: 'location_name_ckb', kind: 'location_kind', pcode: column, latitude: 'latitude', longitude: 'longitude',
  };
  if (!parsed.success) for (const i of parsed.error.issues) add(row, columnOf[String(i.path[0])] ?? null, i.message.includes(' ') ? 'invalid' : i.message);
  for (const i of coordinateIssues(raw as { latitude?: number; longitude?: number })) add(row, columnOf[String(i.path[0])], i.message);
  const location = parsed.success ? Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as unknown as ListedLocation : null;
  return { location, pcodeColumn: column };
}

/** Families of one breakdown from its columns (blank cells left out), and which column each share came from. */
function sharesOf(cells: Cells, keys: string[], row: number, add: Add) {
  const shares: { code: string; families: number | undefined }[] = [];
  const columns: string[] = [];
  for (const key of keys) {
    if (cells(key) === '') continue;
    shares.push({ code: splitOf(key)!.code, families: numberCell(cells, key, row, add) });
    columns.push(key);
  }
  return { shares, columns };
}

/** Individuals given, none (families x 6), or marked as estimated in an earlier export (so estimated again). */
function peopleOf(cells: Cells, prefix: 'idp' | 'returnee', row: number, add: Add) {
  const individuals = numberCell(cells, `${prefix}_individuals`, row, add);
  const estimated = YES.has(cells(`${prefix}_individuals_estimated`).toLowerCase());
  let families = numberCell(cells, `${prefix}_families`, row, add);
  // DTM's HDX figures give individuals only: families are then individuals / 6.
  if (families === undefined && individuals !== undefined && cells(`${prefix}_families`) === '') families = Math.round(individuals / estimateIndividuals(1));
  return { families, individuals: estimated ? null : individuals ?? null };
}

const INFORMANT_PATHS: Record<string, string> = { name: 'informant_name', role: 'informant_role', phone: 'informant_phone' };

/** The assessment a row describes, validated as the API validates one; problems go to their columns. */
function assessmentOf(cells: Cells, has: (k: string) => boolean, splits: Record<BreakdownName, string[]>, row: number, add: Add) {
  const dateColumn = has('assessed_on') && cells('assessed_on') !== '' ? 'assessed_on' : 'reporting_date';
  const idp = peopleOf(cells, 'idp', row, add);
  const returnees = peopleOf(cells, 'returnee', row, add);
  const breakdowns = Object.fromEntries(SPLITS.map((s) => [s.name, sharesOf(cells, splits[s.name], row, add)])) as Record<BreakdownName, ReturnType<typeof sharesOf>>;
  const needColumns = NEED_COLUMNS.filter((k) => cells(k) !== '');
  const informant = has('informant_name') && Object.values(INFORMANT_PATHS).some((k) => cells(k) !== '')
    ? { name: cells('informant_name'), role: cells('informant_role') || null, phone: cells('informant_phone') || null } : undefined;
  const raw = {
    assessedOn: dayText(cells(dateColumn)) || undefined,
    idpFamilies: idp.families, idpIndividuals: idp.individuals,
    returneeFamilies: returnees.families ?? 0, returneeIndividuals: returnees.individuals,
    byOrigin: breakdowns.byOrigin.shares, byWave: breakdowns.byWave.shares, byShelter: breakdowns.byShelter.shares,
    priorityNeeds: needColumns.map((k) => cells(k)), keyInformant: informant, notes: cells('notes') || null,
  };
  const columns = { ...Object.fromEntries(SPLITS.map((s) => [s.name, breakdowns[s.name].columns])), priorityNeeds: [...needColumns] } as MasterListRow['columns'];
  const parsed = AssessmentFields.safeParse(raw);
  const issues = parsed.success
    ? assessmentIssues(parsed.data).map((i) => ({ path: i.path, message: i.message, ...i.params }))
    : parsed.error.issues;
  for (const issue of issues) {
    const [field, index] = issue.path as (string | number)[];
    const column = columnOfIssue(String(field), index, columns, dateColumn);
    const params = issue as unknown as Record<string, unknown>;
    add(row, column, issue.message.includes(' ') ? 'invalid' : issue.message,
      'sum' in params ? { sum: params.sum, total: params.total } : undefined);
  }
  return { assessment: parsed.success ? parsed.data : null, readable: parsed.success ? parsed.data : salvage(raw, issues), columns, dateColumn };
}

/** The fields that can be read on their own once those with problems are left out. */
function salvage(raw: Record<string, unknown>, issues: readonly { path: PropertyKey[] }[]): Partial<AssessmentContent> {
  const broken = new Set(issues.map((i) => String(i.path[0])));
  const parsed = AssessmentFields.partial().safeParse(Object.fromEntries(Object.entries(raw).filter(([k]) => !broken.has(k))));
  return parsed.success ? parsed.data : {};
}

function columnOfIssue(field: string, index: string | number | undefined, columns: MasterListRow['columns'], dateColumn: string): string | null {
  if (field === 'assessedOn') return dateColumn;
  if (field === 'keyInformant') return INFORMANT_PATHS[String(index)] ?? 'informant_name';
  if (field in columns) return columns[field as keyof MasterListRow['columns']][typeof index === 'number' ? index : 0] ?? 'idp_families';
  const plain: Record<string, string> = {
    idpFamilies: 'idp_families', idpIndividuals: 'idp_individuals', returneeFamilies: 'returnee_families',
    returneeIndividuals: 'returnee_individuals', notes: 'notes',
  };
  return plain[field] ?? null;
}

/**
 * Reads a master list (rows of text, header included): each location row with its location,
 * its assessment and the columns things came from, and every problem at its row and column.
 * A location listed twice is an error on the later row. Rows come back even with problems (what
 * could be read of them), so that the data can be checked too; a file with any error is not imported.
 */
export function readMasterList(rows: string[][]): { rows: MasterListRow[]; errors: RowError[] } {
  const header = detectHeader(rows, MASTER_LIST_COLUMNS, {
    dynamic: splitColumns,
    required: [['location_code', 'admin1_pcode', 'admin2_pcode', 'admin3_pcode'], ['idp_families', 'idp_individuals'], ['assessed_on', 'reporting_date']],
  });
  if ('error' in header) return { rows: [], errors: [{ row: 1, column: null, message: header.error, params: { columns: (header.missing ?? []).join(', ') } }] };
  const { columns, dataStart } = header;
  const has = (k: string) => columns.has(k) && !EXPORT_ONLY.has(k);
  const splitKeys = [...columns.keys()].filter((k) => splitOf(k));
  const splits = Object.fromEntries(SPLITS.map((s) => [s.name, splitKeys.filter((k) => splitOf(k)!.word === s.word)])) as Record<BreakdownName, string[]>;
  const { errors, add } = collector();
  const out: MasterListRow[] = [];
  const seen = new Map<string, number>();
  for (let i = dataStart; i < rows.length; i++) {
    if (isBlankRow(rows[i])) continue;
    const row = i + 1;
    const cells: Cells = (key) => {
      const at = has(key) ? columns.get(key) : undefined;
      return at === undefined ? '' : unguardCell(String(rows[i][at] ?? '').trim()).trim();
    };
    const roundNumber = numberCell(cells, 'round_number', row, add) ?? null;
    const { location, pcodeColumn } = locationOf(cells, has, row, add);
    const { assessment, readable, columns: at, dateColumn } = assessmentOf(cells, has, splits, row, add);
    if (location) {
      const earlier = seen.get(location.code);
      if (earlier) add(row, has('location_code') ? 'location_code' : pcodeColumn, 'import.duplicate_location', { row: earlier });
      else seen.set(location.code, row);
    }
    out.push({ row, roundNumber, location, pcodeColumn, assessment, readable, columns: at, dateColumn });
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows: out, errors };
}

// ------------------------------------------------------------------------------ export

/** One location's row of an export. */
export interface MasterListRecord {
  roundNumber: number;
  reportedOn: string;
  location: { code: string; name: string; nameAr: string | null; nameCkb: string | null; kind: string; pcode: string; latitude: number | null; longitude: number | null };
  /** The location's governorate, district and sub-district, as known. */
  areas: Partial<Record<1 | 2 | 3, { pcode: string; name: string }>>;
  assessment: {
    assessedOn: string; idpFamilies: number; idpIndividuals: number; idpIndividualsEstimated: boolean;
    returneeFamilies: number; returneeIndividuals: number; returneeIndividualsEstimated: boolean;
    byOrigin: Shares; byWave: Shares; byShelter: Shares; priorityNeeds: string[]; keyInformant: KeyInformant | null; notes: string | null;
  };
}

const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
const yesNo = (v: boolean) => (v ? 'yes' : 'no');

const CELLS: Record<string, (r: MasterListRecord) => string> = {
  round_number: (r) => text(r.roundNumber),
  location_code: (r) => r.location.code,
  location_name: (r) => r.location.name,
  location_name_ar: (r) => text(r.location.nameAr),
  location_name_ckb: (r) => text(r.location.nameCkb),
  location_kind: (r) => r.location.kind,
  admin1_pcode: (r) => text(r.areas[1]?.pcode), admin1_name: (r) => text(r.areas[1]?.name),
  admin2_pcode: (r) => text(r.areas[2]?.pcode), admin2_name: (r) => text(r.areas[2]?.name),
  admin3_pcode: (r) => text(r.areas[3]?.pcode), admin3_name: (r) => text(r.areas[3]?.name),
  latitude: (r) => text(r.location.latitude),
  longitude: (r) => text(r.location.longitude),
  reporting_date: (r) => r.reportedOn,
  assessed_on: (r) => r.assessment.assessedOn,
  idp_families: (r) => text(r.assessment.idpFamilies),
  idp_individuals: (r) => text(r.assessment.idpIndividuals),
  idp_individuals_estimated: (r) => yesNo(r.assessment.idpIndividualsEstimated),
  returnee_families: (r) => text(r.assessment.returneeFamilies),
  returnee_individuals: (r) => text(r.assessment.returneeIndividuals),
  returnee_individuals_estimated: (r) => yesNo(r.assessment.returneeIndividualsEstimated),
  need_1: (r) => text(r.assessment.priorityNeeds[0]),
  need_2: (r) => text(r.assessment.priorityNeeds[1]),
  need_3: (r) => text(r.assessment.priorityNeeds[2]),
  informant_name: (r) => text(r.assessment.keyInformant?.name),
  informant_role: (r) => text(r.assessment.keyInformant?.role),
  informant_phone: (r) => text(r.assessment.keyInformant?.phone),
  notes: (r) => text(r.assessment.notes),
};

/** A location's export row, in the columns' order (cells are guarded against formulas when written). */
export function masterListRow(columns: readonly ColumnSpec[], r: MasterListRecord): string[] {
  return columns.map((c) => {
    const split = splitOf(c.key);
    if (!split) return CELLS[c.key]?.(r) ?? '';
    const shares = { origin: r.assessment.byOrigin, wave: r.assessment.byWave, shelter: r.assessment.byShelter }[split.word];
    return text(shares[split.code]);
  });
}
