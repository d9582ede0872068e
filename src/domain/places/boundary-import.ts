import type { AreaRecord } from './iraq-areas.ts';
import { pcodeLevel, type AreaLevel } from './pcode.ts';

/** An area read from a boundary file, with its geometry and the date the boundaries are valid from. */
export interface ImportedArea extends AreaRecord {
  geometry: unknown | null;
  validOn: string | null;
}

/** Areas read from a file and the rows that could not be read, by 1-based row or feature number. */
export interface AreaImportResult {
  areas: ImportedArea[];
  errors: { row: number; message: string }[];
}

interface AreaFields {
  level: AreaLevel;
  pcode: string;
  parentPcode: string;
  nameEn: string;
  nameAr: string;
  nameCkb: string;
}

type Props = Record<string, unknown>;

const LEVELS: readonly AreaLevel[] = [3, 2, 1];

function isObject(value: unknown): value is Props {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/** Checks one area's fields and builds it, or returns the reason it cannot be imported. */
function toArea(f: AreaFields, geometry: unknown, validOn: string | null): ImportedArea | string {
  if (pcodeLevel(f.pcode) !== f.level) return `invalid admin ${f.level} P-code "${f.pcode}"`;
  if (!f.nameEn) return `${f.pcode}: missing English name`;
  if (!f.nameAr) return `${f.pcode}: missing Arabic name`;
  const impliedParent = f.level === 1 ? null : f.pcode.slice(0, -3);
  const parentPcode = f.parentPcode || impliedParent;
  if (parentPcode !== impliedParent) return `${f.pcode}: parent P-code "${parentPcode}" does not contain it`;
  const { pcode, level, nameEn, nameAr } = f;
  const nameCkb = f.nameCkb || null;
  return { pcode, level, parentPcode, nameEn, nameAr, nameCkb, legacyCode: null, geometry, validOn };
}

/** Adds an area unless its P-code was already taken, recording the duplicate as an error. */
function collect(result: AreaImportResult, seen: Set<string>, row: number, area: ImportedArea | string): void {
  if (typeof area === 'string') {
    result.errors.push({ row, message: area });
  } else if (seen.has(area.pcode)) {
    result.errors.push({ row, message: `${area.pcode}: duplicate P-code` });
  } else {
    seen.add(area.pcode);
    result.areas.push(area);
  }
}

function featureFields(props: Props): AreaFields | string {
  const level = LEVELS.find((n) => text(props[`ADM${n}_PCODE`]) !== '');
  if (!level) return 'no ADM1_PCODE, ADM2_PCODE or ADM3_PCODE property';
  const p = (suffix: string) => text(props[`ADM${level}_${suffix}`]);
  return {
    level,
    pcode: p('PCODE').toUpperCase(),
    parentPcode: level === 1 ? '' : text(props[`ADM${level - 1}_PCODE`]).toUpperCase(),
    nameEn: p('EN'),
    nameAr: p('AR'),
    nameCkb: p('KU') || p('CKB'),
  };
}

function validOnOf(props: Props): string | null {
  const value = text(props.validOn).slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

/**
 * Reads an OCHA COD-AB FeatureCollection: each feature is an area at the deepest ADMn level it
 * carries, named from ADMn_EN / ADMn_AR / ADMn_KU (or ADMn_CKB), with its geometry kept as-is.
 */
export function parseCodAbGeoJson(json: unknown): AreaImportResult {
  const result: AreaImportResult = { areas: [], errors: [] };
  if (!isObject(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    result.errors.push({ row: 0, message: 'not a GeoJSON FeatureCollection' });
    return result;
  }
  const seen = new Set<string>();
  json.features.forEach((feature: unknown, index: number) => {
    const props = isObject(feature) ? feature.properties : undefined;
    if (!isObject(feature) || !isObject(props)) {
      result.errors.push({ row: index + 1, message: 'feature has no properties' });
      return;
    }
    const fields = featureFields(props);
    const area = typeof fields === 'string' ? fields : toArea(fields, feature.geometry ?? null, validOnOf(props));
    collect(result, seen, index + 1, area);
  });
  return result;
}

type Column = 'code' | 'en' | 'ar' | 'ckb';
type ColumnKey = `${1 | 2}.${Column}`;

const LANGUAGES: Record<string, Column> = { en: 'en', ar: 'ar', ckb: 'ckb', ku: 'ckb' };

/** Reads an HXL hashtag such as `#adm2+name+i_ar` into the column it names. */
function tagColumn(tag: string): ColumnKey | null {
  const [base, ...attrs] = tag.toLowerCase().replace(/\s+/g, '').split('+');
  const level = /^#adm([12])$/.exec(base ?? '')?.[1];
  if (!level) return null;
  if (attrs.includes('code')) return `${level as '1' | '2'}.code`;
  if (!attrs.includes('name')) return null;
  const lang = attrs.map((a) => /^i_(\w+)$/.exec(a)?.[1]).find((l) => l && LANGUAGES[l]);
  return `${level as '1' | '2'}.${lang ? LANGUAGES[lang] : 'en'}`;
}

/** Reads a plain header such as `admin1Pcode`, `ADM1_PCODE`, `admin2Name_ar` or `ADM2_EN`. */
function headerColumn(header: string): ColumnKey | null {
  const key = header.toLowerCase().replace(/[^a-z0-9]/g, '');
  const match = /^adm(?:in)?([12])(p?code|name|nameen|namear|nameckb|nameku|en|ar|ckb|ku)$/.exec(key);
  if (!match) return null;
  const level = match[1] as '1' | '2';
  const rest = match[2]!;
  if (rest.endsWith('code')) return `${level}.code`;
  const lang = rest.replace(/^name/, '') || 'en';
  return `${level}.${LANGUAGES[lang] ?? 'en'}`;
}

function isTagRow(row: readonly string[] | undefined): boolean {
  return !!row && row.some((cell) => cell.trim().startsWith('#'));
}

/** Finds the columns and the first data row from a header row, an HXL tag row, or both. */
function readHeader(rows: string[][]): { columns: (ColumnKey | null)[]; start: number } {
  const first = (rows[0] ?? []).map((cell, i) => (i === 0 ? cell.replace(/^\uFEFF/, '') : cell));
  if (isTagRow(first)) return { columns: first.map(tagColumn), start: 1 };
  const headers = first.map(headerColumn);
  if (!isTagRow(rows[1])) return { columns: headers, start: 1 };
  const tags = rows[1]!.map(tagColumn);
  return { columns: headers.map((h, i) => tags[i] ?? h), start: 2 };
}

function rowFields(row: string[], columns: (ColumnKey | null)[], level: 1 | 2): AreaFields {
  const cell = (column: Column) => {
    const index = columns.indexOf(`${level}.${column}`);
    return index < 0 ? '' : text(row[index]);
  };
  const parentPcode = level === 2 ? rowFields(row, columns, 1).pcode : '';
  const names = { nameEn: cell('en'), nameAr: cell('ar'), nameCkb: cell('ckb') };
  return { level, pcode: cell('code').toUpperCase(), parentPcode, ...names };
}

/**
 * Reads an HXL or plain-header CSV with one row per district and its governorate repeated:
 * governorates (once each, when the file names them) then districts; rows count from 1.
 */
export function parseHxlAreasCsv(rows: string[][]): AreaImportResult {
  const { columns, start } = readHeader(rows);
  const result: AreaImportResult = { areas: [], errors: [] };
  if (!columns.includes('1.code') && !columns.includes('2.code')) {
    result.errors.push({ row: 1, message: 'no admin 1 or admin 2 P-code column found' });
    return result;
  }
  const hasGovernorateNames = columns.includes('1.en') || columns.includes('1.ar');
  const seen = new Set<string>();
  const governorates = new Set<string>();
  for (let i = start; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.every((cell) => cell.trim() === '')) continue;
    const gov = rowFields(row, columns, 1);
    const dist = rowFields(row, columns, 2);
    if (!gov.pcode && !dist.pcode) result.errors.push({ row: i + 1, message: 'no P-code' });
    if (hasGovernorateNames && gov.pcode && !governorates.has(gov.pcode)) {
      governorates.add(gov.pcode);
      collect(result, seen, i + 1, toArea(gov, null, null));
    }
    if (dist.pcode) collect(result, seen, i + 1, toArea(dist, null, null));
  }
  result.areas.sort((a, b) => a.level - b.level || a.pcode.localeCompare(b.pcode));
  return result;
}
