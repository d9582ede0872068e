import type { Site as SiteView } from '#domain/places/schemas';
import type { Lang } from '#web/i18n/index.ts';

/** Shapes the server returns (the household shapes live in domain/registry/household.ts). */
export type Labels = Record<Lang, string>;

export interface OrganizationRef {
  id: string;
  code: string;
  name: string;
  nameAr?: string | null;
  nameCkb?: string | null;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  organization: OrganizationRef;
  role: string;
  permissions: string[];
  scope: string[];
  locale: Lang;
  mfaEnabled: boolean;
  mfaRequired: boolean;
  mfaSetupRequired: boolean;
  csrfToken: string | null;
}

export interface ShelterType {
  code: string;
  category: string;
  labels: Labels;
}

export interface SpecificNeed {
  code: string;
  labels: Labels;
  sensitive: boolean;
}

export interface Role {
  code: string;
  labels: Labels;
  permissions: string[];
}

/** A displacement wave (configurable): families belong to the wave their displacement falls in. */
export interface Wave {
  code: string;
  startsOn: string;
  endsOn: string | null;
  labels: Labels;
}

/** An MCOF sector of assistance (configurable). */
export interface Sector {
  code: string;
  number: number;
  labels: Labels;
}

/** A priority need key informants name, under the sector that answers it (configurable). */
export interface PriorityNeed {
  code: string;
  sector: string;
  labels: Labels;
}

export interface Reference {
  shelterTypes: ShelterType[];
  specificNeeds: SpecificNeed[];
  roles: Role[];
  waves: Wave[];
  sectors: Sector[];
  priorityNeeds: PriorityNeed[];
}

export interface Area {
  pcode: string;
  level: 1 | 2 | 3;
  parentPcode: string | null;
  nameEn: string;
  nameAr: string;
  nameCkb: string | null;
}

export interface AreaWithParents extends Area {
  parents: Area[];
}

/** A site as listed and read (with the registry's population there now). */
export type Site = SiteView;

export type OrganizationKind = 'government' | 'un' | 'ngo' | 'other';
export const ORGANIZATION_KINDS: readonly OrganizationKind[] = ['government', 'un', 'ngo', 'other'];

export interface Organization {
  id: string;
  code: string;
  name: string;
  nameAr: string | null;
  nameCkb: string | null;
  kind: OrganizationKind;
  createdAt: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  organization: OrganizationRef;
  role: string;
  scope: string[];
  locale: Lang;
  active: boolean;
  mfaEnabled: boolean;
  mfaRequired: boolean;
  lockedUntil: string | null;
  version: number;
}

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface HistoryChange {
  path: string;
  from: unknown;
  to: unknown;
}

export interface HistoryEntry {
  version: number;
  at: string;
  actor: { id: string; username: string };
  action: 'create' | 'update' | 'import';
  changes: HistoryChange[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Items<T> {
  items: T[];
}
