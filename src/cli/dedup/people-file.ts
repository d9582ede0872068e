import { readFileSync } from 'node:fs';
import { normalizePhone } from '#domain/shared/phone';
import { parsePartialDate } from '#domain/shared/partial-date';
import { normalizeDocumentNumber } from '#domain/registry/search-terms';
import { preparePerson } from '#domain/dedup/compare';
import type { NameFunctions, PersonRecord, PreparedPerson } from '#domain/dedup/types';

/**
 * The people file of `amina dedup file`: UTF-8 CSV with a header row naming the columns below (any
 * order; any may be empty; other columns are ignored, e.g. a benchmark's truth). A million rows
 * must parse in a few seconds on one core, which csv-parse does not (about ten times slower), so
 * this reader is hand-written: RFC 4180 quoting ("" escapes, quoted commas and line breaks), LF or
 * CRLF, a leading BOM skipped.
 */
export const PEOPLE_COLUMNS = [
  'record_id', 'registry', 'household_id', 'given_name', 'father_name', 'grandfather_name', 'family_name',
  'sex', 'birth_date', 'phone', 'document_number', 'origin_pcode', 'address',
] as const;

/** A value as a CSV field, quoted when it needs to be; null and undefined are empty. */
export function csvField(value: string | null | undefined): string {
  if (value == null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Splits CSV text into rows of fields. */
export function parseCsv(text: string, onRow: (fields: string[]) => void): void {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const end = text.length;
  let row: string[] = [];
  while (pos < end) {
    let value: string;
    if (text.charCodeAt(pos) === QUOTE) {
      value = '';
      pos++;
      for (;;) {
        const close = text.indexOf('"', pos);
        if (close < 0) throw new Error('unterminated quoted field');
        value += text.slice(pos, close);
        pos = close + 1;
        if (text.charCodeAt(pos) !== QUOTE) break;
        value += '"';
        pos++;
      }
    } else {
      const start = pos;
      let c = 0;
      while (pos < end && (c = text.charCodeAt(pos)) !== COMMA && c !== LF && c !== CR) pos++;
      value = text.slice(start, pos);
    }
    row.push(value);
    const c = pos < end ? text.charCodeAt(pos) : LF;
    pos++;
    if (c === COMMA) {
      if (pos === end) row.push('');
      continue;
    }
    if (c === CR && text.charCodeAt(pos) === LF) pos++;
    if (!(row.length === 1 && row[0] === '')) onRow(row);
    row = [];
  }
  if (row.length > 0) onRow(row);
}

function sexOf(raw: string): 'm' | 'f' | null | undefined {
  const s = raw.trim().toLowerCase();
  if (s === '') return null;
  if (s === 'm' || s === 'male' || s === 'ذكر' || s === 'نێر') return 'm';
  if (s === 'f' || s === 'female' || s === 'انثى' || s === 'أنثى' || s === 'مێ') return 'f';
  return undefined;
}

/** Memoises a normaliser: a file repeats its phones (per household) and dates many times. */
function memo<T>(f: (raw: string) => T): (raw: string) => T {
  const cache = new Map<string, T>();
  return (raw) => {
    let v = cache.get(raw);
    if (v === undefined && !cache.has(raw)) {
      v = f(raw);
      if (cache.size > 500_000) cache.clear();
      cache.set(raw, v);
    }
    return v as T;
  };
}

/** Document numbers are mostly ASCII digits already: skip the Unicode-aware normaliser for them. */
function documentNumber(raw: string): string {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) return normalizeDocumentNumber(raw);
  }
  return raw;
}

type Columns = Record<(typeof PEOPLE_COLUMNS)[number], number>;

/** The position of each known column (-1 when absent). */
function columnIndexes(header: string[]): Columns {
  const names = header.map((h) => h.trim().toLowerCase());
  const columns = Object.fromEntries(PEOPLE_COLUMNS.map((c) => [c, names.indexOf(c)])) as Columns;
  if (columns.record_id < 0) throw new Error('the header has no record_id column');
  return columns;
}

const field = (fields: string[], i: number) => (i < 0 ? '' : (fields[i] ?? '').trim());
const orNull = (v: string) => (v === '' ? null : v);

/**
 * Reads a people file straight into prepared persons (household members' given-name keys filled
 * in), without keeping the raw records: a million of them would double the memory of a dedup
 * worker. Returns the record ids in file order.
 */
export function readPreparedPeople(path: string, names: NameFunctions): {
  people: PreparedPerson[];
  ids: string[];
  /** Values that could not be read and were treated as empty, per column. */
  unreadable: Record<string, number>;
} {
  const people: PreparedPerson[] = [];
  const ids: string[] = [];
  const { unreadable } = forEachPerson(path, (r) => {
    ids.push(r.id);
    people.push(preparePerson(r, names));
  });
  addMemberKeys(people);
  return { people, ids, unreadable };
}

/** Rows grouped by household, in file order. */
function byHousehold<T extends { householdId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const members = groups.get(r.householdId);
    if (members) members.push(r);
    else groups.set(r.householdId, [r]);
  }
  return groups;
}

/** Each person gets the given-name keys of the other members of their household (as preparePerson would). */
function addMemberKeys(people: PreparedPerson[]): void {
  for (const members of byHousehold(people).values()) {
    if (members.length < 2) continue;
    for (const p of members) {
      const keys = new Set<string>();
      for (const other of members) if (other !== p && other.parts[0]?.key) keys.add(other.parts[0].key);
      p.memberKeys = [...keys].sort();
    }
  }
}

function forEachPerson(path: string, onRecord: (r: PersonRecord) => void): { unreadable: Record<string, number> } {
  const text = readFileSync(path, 'utf8');
  let columns: Columns | null = null;
  let count = 0;
  const unreadable: Record<string, number> = {};
  const bad = (column: string) => { unreadable[column] = (unreadable[column] ?? 0) + 1; };
  const phoneOf = memo(normalizePhone);
  const dateOf = memo(parsePartialDate);
  parseCsv(text, (fields) => {
    if (columns === null) {
      columns = columnIndexes(fields);
      return;
    }
    const c = columns;
    const id = field(fields, c.record_id) || `row-${count + 2}`;
    count++;
    const sex = sexOf(field(fields, c.sex));
    if (sex === undefined) bad('sex');
    const birth = field(fields, c.birth_date);
    const date = birth === '' ? null : dateOf(birth);
    if (birth !== '' && date === null) bad('birth_date');
    const phoneText = field(fields, c.phone);
    const phone = phoneText === '' ? null : phoneOf(phoneText);
    if (phoneText !== '' && phone === null) bad('phone');
    const document = documentNumber(field(fields, c.document_number));
    const origin = field(fields, c.origin_pcode);
    onRecord({
      id, householdId: field(fields, c.household_id) || id, registry: field(fields, c.registry),
      names: {
        given: orNull(field(fields, c.given_name)), father: orNull(field(fields, c.father_name)),
        grandfather: orNull(field(fields, c.grandfather_name)), family: orNull(field(fields, c.family_name)),
      },
      sex: sex ?? null, birthDate: date?.value ?? null, phone, documents: document === '' ? [] : [document],
      originPcode: origin === '' ? null : origin.toUpperCase(),
    });
  });
  if (columns === null) throw new Error('the file is empty');
  return { unreadable };
}

