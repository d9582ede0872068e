import type { CSSProperties } from 'react';
import type { FIELDS } from '#domain/dedup/types';
import { i18next } from '#web/i18n/index.ts';

/**
 * How a field's comparison level is shown: a colour (agreement in another script is blue, a near
 * spelling yellow, a disagreement red, a value missing on one side grey) and readable words.
 */
export type Field = (typeof FIELDS)[number];
export type Level = 'exact' | 'close' | 'crossScript' | 'shifted' | 'different' | 'missing';
export type Explanations = Partial<Record<Field, { level: string; weight: number }>>;

/** The compared fields shown in a person's row, with the person property each one shows. */
export const PERSON_FIELDS = [
  ['given', 'givenName'], ['father', 'fatherName'], ['grandfather', 'grandfatherName'], ['family', 'familyName'],
  ['sex', 'sex'], ['birthDate', 'birthDate'],
] as const;

/** Fields with no value to show (documents and phones are never sent): only their level. */
const EVIDENCE_FIELDS: readonly Field[] = ['documents', 'phone', 'origin', 'members'];

const COLORS: Record<Level, string | null> = {
  exact: null, close: 'yellow', crossScript: 'blue', shifted: 'yellow', different: 'red', missing: 'gray',
};

export function isLevel(level: string | undefined): level is Level {
  return !!level && level in COLORS;
}

/** The highlight colour of a level (null for exact agreement: nothing to point at). */
export function levelColor(level: string | undefined): string | null {
  return isLevel(level) ? COLORS[level] : null;
}

/** A light background in a colour, with the matching readable text colour. */
export function tint(color: string): CSSProperties {
  return { background: `var(--mantine-color-${color}-light)`, color: `var(--mantine-color-${color}-light-color)`, borderRadius: 4, paddingInline: 4 };
}

/** The inline highlight of a value at a level (none for exact agreement). */
export function highlightStyle(level: string | undefined): CSSProperties | undefined {
  const color = levelColor(level);
  return color ? tint(color) : undefined;
}

/** The colour of a level in the list of reasons, where agreement on evidence is green. */
export function reasonColor(level: string): string {
  return level === 'exact' ? 'teal' : levelColor(level) ?? 'gray';
}

/** "same name in another script", "near date"... for a field at a level. */
export function levelWords(field: Field, level: string): string {
  if (level === 'close' && (field === 'given' || field === 'father' || field === 'grandfather' || field === 'family')) {
    return i18next.t('dedup.level.closeName');
  }
  if (level === 'close' && field === 'birthDate') return i18next.t('dedup.level.closeDate');
  return isLevel(level) ? i18next.t(`dedup.level.${level}`) : level;
}

/** The field's name as a clerk reads it. */
export function fieldLabel(field: Field): string {
  return i18next.t(`dedup.field.${field}`);
}

export interface Reason {
  field: Field;
  level: string;
  weight: number;
}

/**
 * The comparisons worth reading: shown fields that do not agree exactly, a shifted name order,
 * and documents, phone, origin and other members whenever both sides had them.
 */
export function reasons(fields: Explanations): Reason[] {
  const out: Reason[] = [];
  for (const [field] of PERSON_FIELDS) {
    const e = fields[field];
    if (e && e.level !== 'exact') out.push({ field, ...e });
  }
  if (fields.nameOrder?.level === 'shifted') out.push({ field: 'nameOrder', ...fields.nameOrder });
  for (const field of EVIDENCE_FIELDS) {
    const e = fields[field];
    if (e && e.level !== 'missing') out.push({ field, ...e });
  }
  return out;
}
