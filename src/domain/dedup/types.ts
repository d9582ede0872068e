/**
 * Types of the deduplication matching model: the person record as matched, its prepared
 * (normalised once) form, the comparison levels per field and the comparison of two records.
 */

/** A person as the matcher sees them; names are raw strings, other values already normalised. */
export interface PersonRecord {
  id: string;
  householdId: string;
  registry: string;
  names: { given: string | null; father: string | null; grandfather: string | null; family: string | null };
  sex: 'm' | 'f' | null;
  /** Partial date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  birthDate: string | null;
  /** E.164, e.g. `+9647501234567`. */
  phone: string | null;
  /** Normalised document numbers (see normalizeDocumentNumber). */
  documents: string[];
  /** P-code of origin: governorate `IQG01`, district `IQG01Q01` or finer. */
  originPcode: string | null;
  /** Given names of the other members of the household, raw. */
  householdMembers?: string[];
}

/** Name functions injected into preparation, so that matching does not depend on one folding. */
export interface NameFunctions {
  /** Same-script normalisation (case, hamza, ta marbuta, spacing...). */
  normalize(s: string): string;
  /** Cross-script key: equal for spellings of the same name in Arabic, Kurdish or Latin script. */
  key(s: string): string;
  /** Optional similarity in [0, 1] replacing Jaro-Winkler for the `close` level. */
  similarity?(a: string, b: string): number;
  /** Optional: whether a key names a known name (two different known names are never `close`). */
  known?(key: string): boolean;
}

/** Script class of a normalised name: 0 Latin or other, 1 Arabic script (Arabic, Sorani). */
export type Script = 0 | 1;

/** One name part, normalised once. */
export interface PreparedName {
  norm: string;
  key: string;
  /** A number standing for `key` (equal keys, equal numbers) within this process, for blocking. */
  keyId: number;
  /** A number standing for `norm` within this process, for remembering comparisons. */
  normId: number;
  script: Script;
  /** The key names a known name (variant table), so a near spelling of another known name is a different name. */
  known: boolean;
}

/** A partial birth date split into numbers; month and day are 0 when not given. */
export interface PreparedDate {
  value: string;
  year: number;
  month: number;
  day: number;
}

/** A person with every value matching needs computed once. */
export interface PreparedPerson {
  id: string;
  householdId: string;
  registry: string;
  /** Given, father, grandfather, family; null when missing. */
  parts: readonly [PreparedName | null, PreparedName | null, PreparedName | null, PreparedName | null];
  sex: 'm' | 'f' | null;
  birth: PreparedDate | null;
  phone: string | null;
  /** Sorted, unique. */
  documents: readonly string[];
  district: string | null;
  governorate: string | null;
  /** Sorted, unique keys of the other members' given names. */
  memberKeys: readonly string[];
}

/** Every comparison outcome; each field uses a subset (FIELD_LEVELS). */
export type Level = 'exact' | 'close' | 'crossScript' | 'shifted' | 'different' | 'missing';

/** Level of one name part. */
export type NameLevel = 'exact' | 'close' | 'crossScript' | 'different' | 'missing';

/** Whether the name parts were compared in place (`exact`) or re-aligned (`shifted`). */
export type NameOrderLevel = 'exact' | 'shifted';

/** Level of birth date, origin and household members. */
export type GradedLevel = 'exact' | 'close' | 'different' | 'missing';

/** Level of sex, documents and phone. */
export type BinaryLevel = 'exact' | 'different' | 'missing';

/** The compared fields, in explanation order. */
export const FIELDS = [
  'given', 'father', 'grandfather', 'family', 'nameOrder',
  'sex', 'birthDate', 'documents', 'phone', 'origin', 'members',
] as const;

/** A compared field. */
export type Field = (typeof FIELDS)[number];

/**
 * Fields whose agreement is adjusted by term frequency: the four name parts, and the birth date
 * (sharing a birth year, or the 1 January default, is common; sharing a full date is not).
 */
export type TfField = 'given' | 'father' | 'grandfather' | 'family' | 'birthDate';

/** The term-frequency fields. */
export const TF_FIELDS: readonly TfField[] = ['given', 'father', 'grandfather', 'family', 'birthDate'];

const NAME_LEVELS: readonly Level[] = ['exact', 'close', 'crossScript', 'different', 'missing'];
const GRADED_LEVELS: readonly Level[] = ['exact', 'close', 'different', 'missing'];
const BINARY_LEVELS: readonly Level[] = ['exact', 'different', 'missing'];

/** The levels each field can take, strongest agreement first, `missing` last when possible. */
export const FIELD_LEVELS: Readonly<Record<Field, readonly Level[]>> = {
  given: NAME_LEVELS,
  father: NAME_LEVELS,
  grandfather: NAME_LEVELS,
  family: NAME_LEVELS,
  nameOrder: ['exact', 'shifted'],
  sex: BINARY_LEVELS,
  birthDate: GRADED_LEVELS,
  documents: BINARY_LEVELS,
  phone: BINARY_LEVELS,
  origin: GRADED_LEVELS,
  members: GRADED_LEVELS,
};

/**
 * The comparison of two records: a level per field, plus, for each name part on which both agree
 * with the same cross-script key (compared in place), that key, and the exactly shared birth date,
 * for term-frequency adjustment (null otherwise).
 */
export type Comparison = Record<Field, Level> & {
  givenValue: string | null;
  fatherValue: string | null;
  grandfatherValue: string | null;
  familyValue: string | null;
  /** The birth date both give exactly, at its precision. */
  birthDateValue: string | null;
};
