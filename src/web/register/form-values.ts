import type { Household, RELATIONSHIPS } from '#domain/registry/household';
import { todayIso } from '#web/i18n/format.ts';
import { uuidv7 } from '#web/lib/uuid.ts';
import type { FieldErrors } from '#web/lib/problems.ts';

/**
 * The registration form's values: the HouseholdInput shape with text fields as strings, so a
 * validation path (`members.1.givenName`) from zod or from the server names a form field.
 */
export type Relationship = (typeof RELATIONSHIPS)[number];

export interface DocumentValues {
  key: string;
  type: string | null;
  number: string;
}

export interface MemberValues {
  key: string;
  id?: string;
  relationship: Relationship | null;
  givenName: string;
  fatherName: string;
  grandfatherName: string;
  familyName: string;
  sex: '' | 'm' | 'f';
  birthDate: string;
  documents: DocumentValues[];
  noDocuments: boolean;
  specificNeeds: string[];
}

export interface HouseholdValues {
  id?: string;
  registry: string;
  origin: { pcode: string | null; place: string };
  displacedOn: string;
  current: { pcode: string | null; siteId: string | null; address: string };
  shelter: string | null;
  phone: string;
  legalBasis: string | null;
  consent: { given: boolean; date: string; scope: string[] };
  notes: string;
  members: MemberValues[];
}

const key = () => Math.random().toString(36).slice(2, 10);

export function emptyDocument(): DocumentValues {
  return { key: key(), type: 'national_id', number: '' };
}

export function emptyMember(relationship: Relationship | null): MemberValues {
  return {
    key: key(),
    relationship,
    givenName: '',
    fatherName: '',
    grandfatherName: '',
    familyName: '',
    sex: '',
    birthDate: '',
    documents: [emptyDocument()],
    noDocuments: false,
    specificNeeds: [],
  };
}

/** A new registration: the clerk's registry, vital interest, host family, consent given today. */
export function newHousehold(registry: string, keep?: Partial<HouseholdValues>): HouseholdValues {
  return {
    id: uuidv7(),
    registry,
    origin: { pcode: null, place: '' },
    displacedOn: '',
    current: { pcode: null, siteId: null, address: '' },
    shelter: 'host_family',
    phone: '',
    legalBasis: 'vital_interest',
    consent: { given: true, date: todayIso(), scope: ['registration', 'assistance'] },
    notes: '',
    members: [emptyMember('head')],
    ...keep,
  };
}

/** The form values of a stored household, for editing. */
export function householdValues(h: Household): HouseholdValues {
  return {
    registry: h.registry,
    origin: { pcode: h.origin.pcode, place: h.origin.place ?? '' },
    displacedOn: h.displacedOn ?? '',
    current: { pcode: h.current.pcode, siteId: h.current.siteId, address: h.current.address ?? '' },
    shelter: h.shelter,
    phone: h.phone ?? '',
    legalBasis: h.legalBasis,
    consent: { given: h.consent.given, date: h.consent.date ?? '', scope: [...h.consent.scope] },
    notes: h.notes ?? '',
    members: h.members.map((m) => ({
      key: key(),
      id: m.id,
      relationship: m.relationship,
      givenName: m.givenName,
      fatherName: m.fatherName ?? '',
      grandfatherName: m.grandfatherName ?? '',
      familyName: m.familyName ?? '',
      sex: m.sex,
      birthDate: m.birthDate ?? '',
      documents: m.documents.length ? m.documents.map((d) => ({ key: key(), ...d })) : m.noDocuments ? [] : [emptyDocument()],
      noDocuments: m.noDocuments,
      specificNeeds: [...m.specificNeeds],
    })),
  };
}

const blank = (text: string) => (text.trim() ? text : null);

/**
 * The values as the HouseholdInput schema reads them: empty text is null, a document row with
 * no number is dropped, documents are dropped when "no documents" is ticked. Array positions
 * are kept so error paths still point at the right member.
 */
export function toInput(v: HouseholdValues): Record<string, unknown> {
  return {
    ...(v.id ? { id: v.id } : {}),
    registry: v.registry || undefined,
    origin: { pcode: v.origin.pcode ?? '', place: blank(v.origin.place) },
    displacedOn: blank(v.displacedOn),
    current: { pcode: v.current.pcode ?? '', siteId: v.current.siteId, address: blank(v.current.address) },
    shelter: v.shelter ?? '',
    phone: blank(v.phone),
    legalBasis: v.legalBasis ?? '',
    consent: { given: v.consent.given, date: blank(v.consent.date), scope: v.consent.scope },
    notes: blank(v.notes),
    members: v.members.map((m) => ({
      ...(m.id ? { id: m.id } : {}),
      relationship: m.relationship ?? '',
      givenName: m.givenName,
      fatherName: blank(m.fatherName),
      grandfatherName: blank(m.grandfatherName),
      familyName: blank(m.familyName),
      sex: m.sex,
      birthDate: blank(m.birthDate),
      // Keep positions so `members.0.documents.1.number` still names the second row.
      documents: m.noDocuments ? [] : m.documents.filter((d, i, all) => d.number.trim() || i < lastFilled(all)).map(({ type, number }) => ({ type: type ?? '', number })),
      noDocuments: m.noDocuments,
      specificNeeds: m.specificNeeds,
    })),
  };
}

function lastFilled(documents: DocumentValues[]): number {
  for (let i = documents.length - 1; i >= 0; i -= 1) if (documents[i].number.trim()) return i;
  return -1;
}

const FIELD = /^(registry|origin\.(pcode|place)|displacedOn|current\.(pcode|siteId|address)|shelter|phone|legalBasis|consent\.(given|date|scope)|notes|members|members\.\d+\.(relationship|givenName|fatherName|grandfatherName|familyName|sex|birthDate|noDocuments|specificNeeds|documents)|members\.\d+\.documents\.\d+\.(type|number))$/;

/**
 * Splits error paths into those a field shows and the rest (shown above the form). Deeper
 * paths are shortened to their field: `members.0.specificNeeds.2` -> `members.0.specificNeeds`.
 */
export function placeErrors(errors: FieldErrors): { fields: FieldErrors; other: string[] } {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const [path, message] of Object.entries(errors)) {
    let p = path === 'origin' ? 'origin.pcode' : path === 'current' ? 'current.pcode' : path === 'consent' ? 'consent.given' : path;
    while (p && !FIELD.test(p) && p.includes('.')) p = p.slice(0, p.lastIndexOf('.'));
    if (FIELD.test(p)) fields[p] ??= message;
    else other.push(message);
  }
  return { fields, other };
}

/** Names a child or sibling usually shares with the head of household (Iraqi naming). */
export function inheritedNames(head: MemberValues, relationship: Relationship): Partial<MemberValues> {
  if ((relationship === 'son' || relationship === 'daughter') && head.sex !== 'f') {
    return { fatherName: head.givenName, grandfatherName: head.fatherName, familyName: head.familyName };
  }
  if (relationship === 'brother' || relationship === 'sister') {
    return { fatherName: head.fatherName, grandfatherName: head.grandfatherName, familyName: head.familyName };
  }
  return {};
}
