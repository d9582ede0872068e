import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Table types for Kysely: snake_case as in the migrations; stores map them to camelCase. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrganizationsTable {
  id: string; code: string; name: string; name_ar: string | null; name_ckb: string | null;
  kind: string; created_at: Timestamp;
}
export interface RolesTable {
  code: string; name_en: string; name_ar: string; name_ckb: string; permissions: string[];
}
export interface UsersTable {
  id: string; username: string; display_name: string; password_hash: string;
  organization_id: string; role: string; scope: string[]; locale: string; active: boolean;
  mfa_secret: string | null; mfa_enabled: boolean; mfa_required: boolean;
  failed_logins: number; locked_until: Date | null; version: number;
  created_at: Timestamp; updated_at: Timestamp;
}
export interface SessionsTable {
  id: string; user_id: string; csrf_token: string; created_at: Timestamp; last_seen_at: Timestamp;
  expires_at: Timestamp; ip: string | null; user_agent: string | null;
}
export interface ApiTokensTable {
  id: string; user_id: string; name: string; token_hash: string; created_at: Timestamp;
  last_used_at: Timestamp | null; revoked_at: Timestamp | null;
}
export interface AdminAreasTable {
  pcode: string; level: number; parent_pcode: string | null; name_en: string; name_ar: string;
  name_ckb: string | null; legacy_code: string | null; search_text: string;
  boundary: unknown | null; valid_on: string | null;
  latitude: ColumnType<number | null, number | null | undefined, number | null>;
  longitude: ColumnType<number | null, number | null | undefined, number | null>;
}
export interface SitesTable {
  id: string; name: string; name_ar: string | null; name_ckb: string | null; kind: string;
  pcode: string; latitude: number | null; longitude: number | null; capacity: number | null;
  managing_organization_id: string | null; created_at: Timestamp;
  shelter: ColumnType<string | null, string | null | undefined, string | null>;
  transit_type: ColumnType<string | null, string | null | undefined, string | null>;
  active: ColumnType<boolean, boolean | undefined, boolean>; version: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
}
export interface ShelterTypesTable {
  code: string; category: string; name_en: string; name_ar: string; name_ckb: string; position: number;
}
export interface SpecificNeedsTable {
  code: string; name_en: string; name_ar: string; name_ckb: string; sensitive: boolean; position: number;
}
export interface RegistrationCountersTable { registry: string; governorate: string; last_value: number }
export interface HouseholdsTable {
  id: string; registry_organization_id: string; registration_number: string;
  origin_pcode: string; origin_place: string | null; displaced_on: string | null;
  current_pcode: string; current_site_id: string | null; current_address: string | null;
  shelter: string; phone: string | null; legal_basis: string; consent: unknown; notes: string | null;
  status: string; size: number; search_text: string; version: number;
  created_at: Timestamp; created_by: string | null; updated_at: Timestamp; updated_by: string | null;
  merged_into: ColumnType<string | null, string | null | undefined, string | null>;
  merged_numbers: ColumnType<string[], string[] | undefined, string[]>;
  also_registries: ColumnType<string[], string[] | undefined, string[]>;
  registered_on: ColumnType<string, string | undefined, string>;
  registered_pcode: string; registered_site_id: string | null; registered_address: string | null; registered_shelter: string;
  displacement_status: ColumnType<string, string | undefined, string>;
  status_since: ColumnType<string | null, string | null | undefined, string | null>;
  last_movement_id: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface IndividualsTable {
  id: string; household_id: string; position: number; relationship: string; given_name: string;
  father_name: string | null; grandfather_name: string | null; family_name: string | null;
  sex: string; birth_date: string | null; no_documents: boolean; specific_needs: string[];
  sensitive_needs: string | null; created_at: Timestamp;
  same_as: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface IdentityDocumentsTable {
  individual_id: string; position: number; type: string; number: string; number_norm: string;
}
export interface HouseholdHistoryTable {
  id: Generated<number>; household_id: string; version: number; action: string; changes: unknown;
  actor_id: string | null; at: Timestamp;
}
export interface IdempotencyKeysTable {
  user_id: string; key: string; request_hash: string; status_code: number; response: unknown;
  created_at: Timestamp;
}
export interface AuditLogTable {
  seq: number; at: Timestamp; actor_id: string | null; actor_name: string | null;
  organization_code: string | null; action: string; entity: string | null; entity_id: string | null;
  details: unknown; ip: string | null; prev_hash: string; hash: string;
}
export interface AuditHeadTable { id: boolean; seq: number; hash: string }
/** A column with a default: optional when inserting. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
export interface DedupPairsTable {
  id: string; household_a: string; household_b: string; score: number; band: string; reason: string;
  members: unknown; status: Defaulted<string>; source: string; duplicate_reason: Defaulted<string | null>; note: Defaulted<string | null>;
  decided_by: Defaulted<string | null>; decided_at: Defaulted<Date | string | null>; created_at: Timestamp; updated_at: Timestamp;
  kind: Defaulted<string>; individual_a: Defaulted<string | null>; individual_b: Defaulted<string | null>;
}
export interface DedupMergesTable {
  id: string; pair_id: string; survivor_id: string; merged_id: string; snapshot: unknown; note: Defaulted<string | null>;
  merged_by: Defaulted<string | null>; merged_at: Timestamp; undone_by: Defaulted<string | null>; undone_at: Defaulted<Date | string | null>;
}
export interface DedupSharingTable { organization_code: string; registry_code: string }
export interface DedupJobsTable {
  id: string; registry: string | null; stage: string; dir: string; records: Defaulted<number | null>; pairs_found: Defaulted<number | null>;
  pairs_queued: Defaulted<number>; households_queued: Defaulted<number>; started_by: string | null; started_at: Timestamp;
  updated_at: Timestamp; finished_at: Defaulted<Date | string | null>; error: Defaulted<string | null>;
}

// Movement (issue 4) ----------------------------------------------------------------------------
export interface DisplacementWavesTable {
  code: string; starts_on: string; ends_on: string | null; name_en: string; name_ar: string; name_ckb: string; position: Defaulted<number>;
}
export interface SectorsTable { code: string; number: number; name_en: string; name_ar: string; name_ckb: string }
export interface PriorityNeedsTable { code: string; sector_code: string; name_en: string; name_ar: string; name_ckb: string; position: Defaulted<number> }
export interface HouseholdMovementsTable {
  id: string; household_id: string; type: string;
  from_pcode: string | null; from_site_id: string | null; from_place: string | null;
  to_pcode: string | null; to_site_id: string | null; to_place: string | null; to_shelter: string | null;
  moved_on: string; note: string | null; recorded_by: string | null; recorded_at: Timestamp;
  withdrawn_at: Defaulted<Date | string | null>; withdrawn_by: Defaulted<string | null>; withdrawn_reason: Defaulted<string | null>;
}
export interface HouseholdStaysTable {
  household_id: string; seq: number; from_day: string; to_day: string | null; pcode: string; site_id: string | null;
  status: string; shelter: string; origin: string; wave: string; families: number; individuals: number;
}
export interface FigureMonthsTable { month: string; built_at: Timestamp }
export interface FigureSnapshotsTable {
  month: string; pcode: string; origin: string; wave: string; shelter: string; status: string; families: number; individuals: number;
}
export interface FigureMonthTotalsTable {
  month: string; governorate: string; wave: string; shelter: string; status: string; families: number; individuals: number;
}
export interface DtmLocationsTable {
  id: string; code: string; name: string; name_ar: string | null; name_ckb: string | null; kind: Defaulted<string>; pcode: string;
  site_id: string | null; latitude: number | null; longitude: number | null; version: Defaulted<number>;
  created_at: Timestamp; updated_at: Timestamp;
}
export interface AssessmentRoundsTable {
  id: string; number: number; name: string | null; organization_id: string; starts_on: string; ends_on: string; reported_on: string;
  status: Defaulted<string>; closed_at: Defaulted<Date | string | null>; closed_by: Defaulted<string | null>;
  aggregated_at: Defaulted<Date | string | null>; created_by: string | null; created_at: Timestamp;
}
export interface LocationAssessmentsTable {
  id: string; round_id: string; location_id: string; assessed_on: string;
  idp_families: number; idp_individuals: number; idp_individuals_estimated: Defaulted<boolean>;
  returnee_families: Defaulted<number>; returnee_individuals: Defaulted<number>; returnee_individuals_estimated: Defaulted<boolean>;
  by_origin: Defaulted<unknown>; by_wave: Defaulted<unknown>; by_shelter: Defaulted<unknown>; priority_needs: Defaulted<string[]>;
  informant: string | null; notes: string | null; recorded_by: string | null; version: Defaulted<number>;
  created_at: Timestamp; updated_at: Timestamp;
}
export interface AssessmentTotalsTable {
  round_id: string; pcode: string; locations: number; idp_families: number; idp_individuals: number;
  returnee_families: number; returnee_individuals: number; estimated: boolean; by_origin: unknown; by_wave: unknown; by_shelter: unknown;
  origin_reported: number; wave_reported: number; shelter_reported: number;
}
export interface FlowCountsTable {
  id: string; point_id: string; counted_on: string; direction: string; organization_id: string;
  male_children: Defaulted<number>; male_adults: Defaulted<number>; male_elderly: Defaulted<number>;
  female_children: Defaulted<number>; female_adults: Defaulted<number>; female_elderly: Defaulted<number>;
  note: string | null; recorded_by: string | null; version: Defaulted<number>; created_at: Timestamp; updated_at: Timestamp;
}

// Assistance (issue 5) --------------------------------------------------------------------------
export interface AssistanceItemsTable {
  code: string; kind: string; sector_code: string; name_en: string; name_ar: string; name_ckb: string; unit: Defaulted<string>;
  unit_value_iqd: number | null; active: Defaulted<boolean>; position: Defaulted<number>; version: Defaulted<number>;
}
export interface KitComponentsTable { kit_code: string; item_code: string; quantity: number }
export interface VulnerabilityWeightsTable { criterion: string; weight: number; name_en: string; name_ar: string; name_ckb: string; version: Defaulted<number> }
export interface StockLocationsTable {
  id: string; code: string; kind: string; name: string; name_ar: string | null; name_ckb: string | null; pcode: string;
  site_id: string | null; organization_id: string; active: Defaulted<boolean>; version: Defaulted<number>; created_at: Timestamp;
}
export interface ProgrammesTable {
  id: string; code: string; name: string; name_ar: string | null; name_ckb: string | null; organization_id: string; sector_code: string;
  areas: Defaulted<string[]>; starts_on: string; ends_on: string | null; status: Defaulted<string>; version: Defaulted<number>;
  created_by: string | null; created_at: Timestamp;
}
export interface DistributionRoundsTable {
  id: string; programme_id: string; number: number; name: string | null; starts_on: string; ends_on: string;
  rules: Defaulted<unknown>; formula: Defaulted<unknown>; status: Defaulted<string>;
  submitted_by: Defaulted<string | null>; submitted_at: Defaulted<Date | string | null>;
  approved_by: Defaulted<string | null>; approved_at: Defaulted<Date | string | null>; issued_at: Defaulted<Date | string | null>;
  targeted_households: Defaulted<number | null>; targeted_people: Defaulted<number | null>;
  authors: Defaulted<string[]>; rejected_reason: Defaulted<string | null>; rejected_by: Defaulted<string | null>;
  rejected_at: Defaulted<Date | string | null>;
  issued_by: Defaulted<string | null>; closed_at: Defaulted<Date | string | null>; closed_by: Defaulted<string | null>;
  version: Defaulted<number>; created_by: string | null; created_at: Timestamp; updated_at: Timestamp;
  scored_weights: Defaulted<unknown>;
}
export interface RoundPointsTable { round_id: string; point_id: string }
export interface EntitlementsTable {
  id: string; round_id: string; household_id: string; point_id: string | null; contents: unknown; people: number;
  score: Defaulted<number>; status: Defaulted<string>; pcode: string;
  female_children: Defaulted<number>; female_adults: Defaulted<number>; female_elderly: Defaulted<number>;
  male_children: Defaulted<number>; male_adults: Defaulted<number>; male_elderly: Defaulted<number>; age_unknown: Defaulted<number>;
  created_at: Timestamp;
}
export interface HouseholdCardsTable {
  id: string; household_id: string; serial: number; issued_at: Timestamp; expires_on: string; issued_by: string | null;
  revoked_at: Defaulted<Date | string | null>; revoked_by: Defaulted<string | null>; revoked_reason: Defaulted<string | null>;
}
export interface SigningKeysTable {
  id: string; algorithm: string; public_key: string; private_key_sealed: string; created_at: Timestamp; retired_at: Defaulted<Date | string | null>;
}
export interface RedemptionsTable {
  id: string; entitlement_id: string; point_id: string; card_id: string | null; collected_by: string; collector_name: string | null;
  collector_document: string | null; redeemed_at: Date | string; recorded_at: Timestamp; recorded_by: string | null; via: string; device_id: string | null;
  sync_key: Defaulted<string | null>;
}
export interface RedemptionConflictsTable {
  id: string; entitlement_id: string; point_id: string; collected_by: string; collector_name: string | null; redeemed_at: Date | string;
  reported_at: Timestamp; reported_by: string | null; device_id: string | null; sync_key: Defaulted<string | null>;
  status: Defaulted<string>; resolution: Defaulted<string | null>; note: Defaulted<string | null>;
  resolved_by: Defaulted<string | null>; resolved_at: Defaulted<Date | string | null>;
}
export interface StockLevelsTable {
  location_id: string; item_code: string; quantity: number; low_level: Defaulted<number | null>; shortfall: Defaulted<number>;
}
export interface StockReasonsTable {
  code: string; direction: string; name_en: string; name_ar: string; name_ckb: string; active: Defaulted<boolean>; position: Defaulted<number>;
  version: Defaulted<number>;
}
export interface StockReceiptsTable {
  id: string; location_id: string; lines: unknown; supplier: string | null; reference: string | null; note: string | null;
  received_on: string; recorded_by: string | null; recorded_at: Timestamp;
}
export interface StockCountsTable {
  id: string; location_id: string; lines: unknown; counted_on: string; note: string | null; recorded_by: string | null; recorded_at: Timestamp;
}
export interface DispatchesTable {
  id: string; from_location: string; to_location: string; lines: unknown; waybill: string | null; status: Defaulted<string>;
  sent_by: string | null; sent_at: Timestamp; note: string | null; received_by: Defaulted<string | null>;
  received_at: Defaulted<Date | string | null>; received_lines: Defaulted<unknown>; received_note: Defaulted<string | null>;
}
export interface StockLedgerTable {
  id: Generated<number>; location_id: string; item_code: string; change: number; balance: number; missing: Defaulted<number | null>;
  kind: string; reason: string | null; note: Defaulted<string | null>; reference_id: string | null; recorded_by: string | null; recorded_at: Timestamp;
}

export interface Database {
  organizations: OrganizationsTable;
  roles: RolesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  admin_areas: AdminAreasTable;
  sites: SitesTable;
  shelter_types: ShelterTypesTable;
  specific_needs: SpecificNeedsTable;
  registration_counters: RegistrationCountersTable;
  households: HouseholdsTable;
  individuals: IndividualsTable;
  identity_documents: IdentityDocumentsTable;
  household_history: HouseholdHistoryTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  dedup_pairs: DedupPairsTable;
  dedup_merges: DedupMergesTable;
  dedup_sharing: DedupSharingTable;
  dedup_jobs: DedupJobsTable;
  displacement_waves: DisplacementWavesTable;
  sectors: SectorsTable;
  priority_needs: PriorityNeedsTable;
  household_movements: HouseholdMovementsTable;
  household_stays: HouseholdStaysTable;
  figure_months: FigureMonthsTable;
  figure_snapshots: FigureSnapshotsTable;
  figure_month_totals: FigureMonthTotalsTable;
  dtm_locations: DtmLocationsTable;
  assessment_rounds: AssessmentRoundsTable;
  location_assessments: LocationAssessmentsTable;
  assessment_totals: AssessmentTotalsTable;
  flow_counts: FlowCountsTable;
  assistance_items: AssistanceItemsTable;
  kit_components: KitComponentsTable;
  vulnerability_weights: VulnerabilityWeightsTable;
  stock_locations: StockLocationsTable;
  programmes: ProgrammesTable;
  distribution_rounds: DistributionRoundsTable;
  round_points: RoundPointsTable;
  entitlements: EntitlementsTable;
  household_cards: HouseholdCardsTable;
  signing_keys: SigningKeysTable;
  redemptions: RedemptionsTable;
  redemption_conflicts: RedemptionConflictsTable;
  stock_levels: StockLevelsTable;
  dispatches: DispatchesTable;
  stock_ledger: StockLedgerTable;
  stock_reasons: StockReasonsTable;
  stock_receipts: StockReceiptsTable;
  stock_counts: StockCountsTable;
}

export type UserRow = Selectable<UsersTable>;
export type HouseholdRow = Selectable<HouseholdsTable>;
export type IndividualRow = Selectable<IndividualsTable>;
export type NewAuditRow = Insertable<AuditLogTable>;
