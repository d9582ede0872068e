/**
 * Corruptions the dedup benchmark adds on top of the synthetic households (which already drift
 * in script, transliteration, dropped grandfather or family names, year-only dates, phone formats
 * and lost documents): keyboard typos, shifted name parts, birth-date errors, missing documents,
 * and a whole household registered again. Every draw comes from the generator's own RNG, never
 * from the synthetic households' stream. Measures nothing.
 */
import { normalizePhone } from '../../src/domain/shared/phone.ts';
import { keyboardTypo } from './keyboards.ts';
import { PHONE_FORMATS } from '../../src/domain/demo/synthetic.ts';

type Rng = () => number;

/** One person as written to the benchmark file. */
export interface PersonRow {
  recordId: string;
  registry: string;
  householdId: string;
  given: string;
  father: string;
  grandfather: string;
  family: string;
  sex: string;
  birthDate: string;
  phone: string;
  document: string;
  originPcode: string;
  address: string;
  trueId: string;
  relationship: string;
}

/** Share of name parts with a keyboard typo, of records with shifted parts, a wrong date, no document. */
export const RATES = { typo: 0.015, shift: 0.02, dateError: 0.03, missingDocument: 0.04 };

const NAME_PARTS = ['given', 'father', 'grandfather', 'family'] as const;

/** Applies the record-level corruptions at RATES, in place. */
export function corruptRecord(row: PersonRow, r: Rng): void {
  for (const part of NAME_PARTS) if (row[part] && r() < RATES.typo) row[part] = keyboardTypo(row[part], r);
  if (r() < RATES.shift) shiftNames(row, r);
  if (row.birthDate && r() < RATES.dateError) row.birthDate = wrongDate(row.birthDate, r);
  if (row.document && r() < RATES.missingDocument) row.document = '';
}

/**
 * Name parts in the wrong slots: the father left out, so the grandfather moves into the father's
 * slot and the family name into the grandfather's; or the tribal name typed as grandfather.
 */
export function shiftNames(row: PersonRow, r: Rng): void {
  if (r() < 0.5 && row.father && row.grandfather) {
    [row.father, row.grandfather, row.family] = [row.grandfather, row.family, ''];
  } else if (row.family) {
    [row.grandfather, row.family] = [row.family, ''];
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A day-month swap (when the day could be a month), a year off by one, or a date cut short. */
export function wrongDate(date: string, r: Rng): string {
  const [year, month, day] = date.split('-').map(Number);
  const x = r();
  if (x < 1 / 3 && day && day <= 12 && day !== month) return `${year}-${pad(day)}-${pad(month)}`;
  if (x < 2 / 3 || !month) {
    const shifted = [year + (r() < 0.5 ? -1 : 1), ...date.split('-').slice(1)].join('-');
    return shifted.endsWith('-02-29') ? `${shifted.slice(0, -2)}28` : shifted;
  }
  return day && r() < 0.5 ? `${year}-${pad(month)}` : `${year}`;
}

/** The same mobile number typed in one of the six formats clerks use (maybe Eastern Arabic digits). */
export function retypePhone(phone: string, r: Rng): string {
  const e164 = normalizePhone(phone);
  if (e164 === null || !e164.startsWith('+964')) return phone;
  return PHONE_FORMATS[Math.floor(r() * PHONE_FORMATS.length)](e164.slice(4));
}

/**
 * The household registered once more by another clerk, from the rows of an earlier registration:
 * members missed, dates cut to the year, grandfather or family names left out, documents not
 * recorded, the phone retyped or not taken, the address not written.
 */
export function registerAgain(rows: readonly PersonRow[], r: Rng): PersonRow[] {
  const dropGrandfather = r() < 0.12;
  const dropFamily = r() < 0.12;
  const retype = r() < 0.6;
  const noPhone = r() < 0.1;
  const noAddress = r() < 0.3;
  const phone = noPhone || !rows[0]?.phone ? '' : retype ? retypePhone(rows[0].phone, r) : rows[0].phone;
  return rows.filter((row, i) => i === 0 || r() >= 0.06).map((row) => ({
    ...row,
    birthDate: r() < 0.3 ? row.birthDate.slice(0, 4) : row.birthDate,
    grandfather: dropGrandfather ? '' : row.grandfather,
    family: dropFamily ? '' : row.family,
    document: r() < 0.2 ? '' : row.document,
    phone,
    address: noAddress ? '' : row.address,
  }));
}
