import { i18next } from '#web/i18n/index.ts';

/** Catalogue keys naming each field a change can touch. */
const FIELD_LABELS: Record<string, string> = {
  'registry': 'household.registry',
  'origin.pcode': 'register.origin',
  'origin.place': 'register.originPlace',
  'displacedOn': 'register.displacedOn',
  'current.pcode': 'register.current',
  'current.siteId': 'register.site',
  'current.address': 'register.address',
  'shelter': 'register.shelter',
  'phone': 'register.phone',
  'legalBasis': 'register.legalBasis',
  'consent.given': 'register.consentGiven',
  'consent.date': 'register.consentDate',
  'consent.scope': 'register.consentScope',
  'consent': 'household.consent',
  'notes': 'register.notes',
  'status': 'household.status',
  'size': 'household.size',
  'members': 'household.members',
  'relationship': 'member.relationship',
  'givenName': 'member.givenName',
  'fatherName': 'member.fatherName',
  'grandfatherName': 'member.grandfatherName',
  'familyName': 'member.familyName',
  'sex': 'member.sex',
  'birthDate': 'member.birthDate',
  'documents': 'member.documents',
  'noDocuments': 'member.noDocuments',
  'specificNeeds': 'member.specificNeeds',
  'type': 'member.documentType',
  'number': 'member.documentNumber',
};

const label = (key: string) => i18next.t(key as never);

/** Current members by id, so a change path that names a member by id can say who it is. */
export type MemberIndex = Map<string, { n: number; name: string }>;

/**
 * `members.<id>.documents.0.number` -> "Member 2 (Nadia) · Document 1 · Document number".
 * A member is named by id (or by position in older entries); a removed member by its id's start.
 */
export function describePath(path: string, members: MemberIndex = new Map()): string {
  const whole = FIELD_LABELS[path];
  if (whole) return label(whole);
  const parts = path.split('.');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i];
    const next = parts[i + 1];
    if (part === 'members' && next !== undefined) {
      const known = members.get(next);
      const index = Number(next);
      if (known) out.push(`${i18next.t('history.memberPath', { n: known.n })} (${known.name})`);
      else if (Number.isInteger(index)) out.push(i18next.t('history.memberPath', { n: index + 1 }));
      else out.push(`${label('household.members')} (${next.slice(0, 8)}…)`);
      i += 1;
    } else if (part === 'documents' && Number.isInteger(Number(next))) {
      out.push(i18next.t('history.documentPath', { n: Number(next) + 1 }));
      i += 1;
    } else {
      const joined = parts.slice(i).join('.');
      out.push(FIELD_LABELS[joined] ? label(FIELD_LABELS[joined]) : FIELD_LABELS[part] ? label(FIELD_LABELS[part]) : part);
      if (FIELD_LABELS[joined]) break;
    }
  }
  return out.join(' · ');
}

/** A changed value as text: names for members, lists joined, yes/no for flags. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? i18next.t('common.yes') : i18next.t('common.no');
  if (Array.isArray(value)) return value.length ? value.map(describeValue).join(', ') : '—';
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.givenName === 'string') {
      return [v.givenName, v.fatherName, v.grandfatherName, v.familyName].filter(Boolean).join(' ');
    }
    if (typeof v.type === 'string' && typeof v.number === 'string') return `${v.type}: ${v.number}`;
    return JSON.stringify(value);
  }
  return String(value);
}
