import { type ColumnSpec, type DynamicColumns, type Tag } from './hxl-header.ts';

/**
 * The DTM master list: one row per location and round, HXL-tagged. Fixed columns, then one
 * column of IDP families per governorate of origin, per displacement wave and per shelter type
 * (from the configured lists), then the priority needs and, for those who may see them, the key
 * informant. DTM's own HDX names (`admin1Pcode`, `numPresentIdpInd`, `reportingDate`,
 * `roundNumber`...) are read as the columns they mean.
 */
export const MASTER_LIST_COLUMNS: readonly ColumnSpec[] = [
  { key: 'round_number', header: 'round_number', hxl: '#meta+round', aliases: ['round'] },
  { key: 'location_code', header: 'location_code', hxl: '#loc+code', aliases: ['location_id', 'place_id', 'place_code'] },
  { key: 'location_name', header: 'location_name', hxl: '#loc+name', aliases: ['location', 'place_name'] },
  { key: 'location_name_ar', header: 'location_name_ar', hxl: '#loc+name+i_ar' },
  { key: 'location_name_ckb', header: 'location_name_ckb', hxl: '#loc+name+i_ckb' },
  { key: 'location_kind', header: 'location_kind', hxl: '#loc+type', aliases: ['location_type'] },
  { key: 'admin1_pcode', header: 'admin1_pcode', hxl: '#adm1+code', aliases: ['governorate_pcode'] },
  { key: 'admin1_name', header: 'admin1_name', hxl: '#adm1+name', aliases: ['governorate'] },
  { key: 'admin2_pcode', header: 'admin2_pcode', hxl: '#adm2+code', aliases: ['district_pcode'] },
  { key: 'admin2_name', header: 'admin2_name', hxl: '#adm2+name', aliases: ['district'] },
  { key: 'admin3_pcode', header: 'admin3_pcode', hxl: '#adm3+code', aliases: ['subdistrict_pcode'] },
  { key: 'admin3_name', header: 'admin3_name', hxl: '#adm3+name', aliases: ['subdistrict'] },
  { key: 'latitude', header: 'latitude', hxl: '#geo+lat', aliases: ['lat'] },
  { key: 'longitude', header: 'longitude', hxl: '#geo+lon', aliases: ['lon', 'long', 'lng'] },
  { key: 'reporting_date', header: 'reporting_date', hxl: '#date+reported' },
  { key: 'assessed_on', header: 'assessed_on', hxl: '#date+assessed', aliases: ['assessment_date', 'assessed_date'] },
  { key: 'idp_families', header: 'idp_families', hxl: '#affected+idps+hh', aliases: ['num_present_idp_hh', 'idp_households'] },
  { key: 'idp_individuals', header: 'idp_individuals', hxl: '#affected+idps+ind', aliases: ['num_present_idp_ind'] },
  { key: 'idp_individuals_estimated', header: 'idp_individuals_estimated', hxl: '#meta+idps+estimated' },
  { key: 'returnee_families', header: 'returnee_families', hxl: '#affected+returnees+hh', aliases: ['num_returnee_hh', 'returnee_households'] },
  { key: 'returnee_individuals', header: 'returnee_individuals', hxl: '#affected+returnees+ind', aliases: ['num_returnee_ind', 'num_returnees_ind'] },
  { key: 'returnee_individuals_estimated', header: 'returnee_individuals_estimated', hxl: '#meta+returnees+estimated' },
  { key: 'need_1', header: 'need_1', hxl: '#need+priority+first', aliases: ['priority_need_1'] },
  { key: 'need_2', header: 'need_2', hxl: '#need+priority+second', aliases: ['priority_need_2'] },
  { key: 'need_3', header: 'need_3', hxl: '#need+priority+third', aliases: ['priority_need_3'] },
  { key: 'informant_name', header: 'informant_name', hxl: '#contact+name+informant', aliases: ['key_informant_name'] },
  { key: 'informant_role', header: 'informant_role', hxl: '#contact+role+informant', aliases: ['key_informant_role'] },
  { key: 'informant_phone', header: 'informant_phone', hxl: '#contact+phone+informant', aliases: ['key_informant_phone'] },
  { key: 'notes', header: 'notes', hxl: '#meta+notes', aliases: ['comments'] },
];

export const NEED_COLUMNS = ['need_1', 'need_2', 'need_3'] as const;
export const INFORMANT_COLUMNS = ['informant_name', 'informant_role', 'informant_phone'] as const;
/** Written for the reader; an import takes these from the data, not the file. */
export const EXPORT_ONLY = new Set(['admin1_name', 'admin2_name', 'admin3_name']);

/** The breakdowns, each a column of IDP families per code. */
export const SPLITS = [
  { name: 'byOrigin', word: 'origin' },
  { name: 'byWave', word: 'wave' },
  { name: 'byShelter', word: 'shelter' },
] as const;
export type SplitWord = (typeof SPLITS)[number]['word'];

/** `idp_families_origin_IQG15`, `idp_families_wave_august_2014`, `idp_families_shelter_camp`. */
export function splitColumn(word: SplitWord, code: string): ColumnSpec {
  const header = `idp_families_${word}_${word === 'origin' ? code.toUpperCase() : code}`;
  return { key: header, header, hxl: `#affected+idps+hh+${word}+${code.toLowerCase()}` };
}

const SPLIT_HEADER = /^idp_families_(origin|wave|shelter)_([a-z0-9_]{2,40})$/i;

/** The code a split column is for, from its key. */
export function splitOf(key: string): { word: SplitWord; code: string } | null {
  const m = SPLIT_HEADER.exec(key);
  if (!m) return null;
  const word = m[1].toLowerCase() as SplitWord;
  return { word, code: word === 'origin' ? m[2].toUpperCase() : m[2].toLowerCase() };
}

/** Recognises split columns by name (`idp_families_wave_august_2014`) or tag (`#affected+idps+hh+wave+august_2014`). */
export const splitColumns: DynamicColumns = (plain: string | null, tag: Tag | null) => {
  if (tag) {
    if (tag.tag !== '#affected' || !tag.attrs.has('idps') || !tag.attrs.has('hh')) return null;
    const word = SPLITS.map((s) => s.word).find((w) => tag.attrs.has(w));
    const rest = [...tag.attrs].filter((a) => !['idps', 'hh', word].includes(a));
    return word && rest.length === 1 ? splitColumn(word, rest[0]).key : null;
  }
  const name = (plain ?? '').replace(/^\uFEFF/, '').trim().replace(/[\s-]+/g, '_');
  const split = splitOf(name);
  return split ? splitColumn(split.word, split.code).key : null;
};

/** The configured lists the split columns follow on export. */
export interface SplitLists { governorates: readonly string[]; waves: readonly string[]; shelters: readonly string[] }

/** The export's columns in order; the key informant's only for those who may see it. */
export function exportColumns(lists: SplitLists, o: { informants: boolean }): ColumnSpec[] {
  const fixed = MASTER_LIST_COLUMNS.filter((c) => o.informants || !(INFORMANT_COLUMNS as readonly string[]).includes(c.key));
  const needsAt = fixed.findIndex((c) => c.key === 'need_1');
  const splits = [
    ...lists.governorates.map((g) => splitColumn('origin', g)),
    ...lists.waves.map((w) => splitColumn('wave', w)),
    ...lists.shelters.map((s) => splitColumn('shelter', s)),
  ];
  return [...fixed.slice(0, needsAt), ...splits, ...fixed.slice(needsAt)];
}

/** The two header rows of an export: plain names, then HXL hashtags. */
export function exportHeader(columns: readonly ColumnSpec[]): string[][] {
  return [columns.map((c) => c.header), columns.map((c) => c.hxl)];
}
