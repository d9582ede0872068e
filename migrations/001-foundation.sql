-- Foundation: identity, places, registry, audit. PostgreSQL 15 and PGlite (17+) alike.
create extension if not exists pg_trgm;
create extension if not exists unaccent;
create extension if not exists fuzzystrmatch;

-- Identity -------------------------------------------------------------------------------------
create table organizations (
  id uuid primary key,
  code text not null unique check (code ~ '^[A-Z0-9_]{2,16}$'),
  name text not null,
  name_ar text,
  name_ckb text,
  kind text not null default 'government' check (kind in ('government', 'un', 'ngo', 'other')),
  created_at timestamptz not null default now()
);

-- Roles are data: an administrator can add one with its permissions.
create table roles (
  code text primary key check (code ~ '^[a-z_]{2,40}$'),
  name_en text not null,
  name_ar text not null,
  name_ckb text not null,
  permissions text[] not null default '{}'
);

create table users (
  id uuid primary key,
  username text not null,
  display_name text not null,
  password_hash text not null,
  organization_id uuid not null references organizations (id),
  role text not null references roles (code),
  scope text[] not null default '{}',
  locale text not null default 'en' check (locale in ('en', 'ar', 'ckb')),
  active boolean not null default true,
  mfa_secret text,
  mfa_enabled boolean not null default false,
  mfa_required boolean not null default false,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_username_key on users (lower(username));

create table sessions (
  id text primary key,               -- sha-256 of the cookie value; the value itself is never stored
  user_id uuid not null references users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_user_idx on sessions (user_id);

create table api_tokens (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id);

-- Places ---------------------------------------------------------------------------------------
create table admin_areas (
  pcode text primary key check (pcode ~ '^IQG[0-9]{2}(Q[0-9]{2}(N[0-9]{2})?)?$'),
  level smallint not null check (level between 1 and 3),
  parent_pcode text references admin_areas (pcode),
  name_en text not null,
  name_ar text not null,
  name_ckb text,
  legacy_code text,
  search_text text not null default '',
  boundary jsonb,
  valid_on date
);
create index admin_areas_parent_idx on admin_areas (parent_pcode);
create index admin_areas_level_idx on admin_areas (level);

create table sites (
  id uuid primary key,
  name text not null,
  name_ar text,
  name_ckb text,
  kind text not null check (kind in ('camp', 'informal_settlement', 'collective_centre', 'host_community', 'transit_point', 'other')),
  pcode text not null references admin_areas (pcode),
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  capacity integer check (capacity >= 0),
  managing_organization_id uuid references organizations (id),
  created_at timestamptz not null default now()
);
create index sites_pcode_idx on sites (pcode);

-- Configurable reference lists (DOMAIN.md): seed data an administrator may edit.
create table shelter_types (
  code text primary key,
  category text not null check (category in ('camp', 'critical', 'private', 'unknown')),
  name_en text not null, name_ar text not null, name_ckb text not null,
  position integer not null default 0
);

create table specific_needs (
  code text primary key,
  name_en text not null, name_ar text not null, name_ckb text not null,
  sensitive boolean not null default false,
  position integer not null default 0
);

-- Registry -------------------------------------------------------------------------------------
create table registration_counters (
  registry text not null,
  governorate text not null,
  last_value bigint not null,
  primary key (registry, governorate)
);

create table households (
  id uuid primary key,
  registry_organization_id uuid not null references organizations (id),
  registration_number text not null unique,
  origin_pcode text not null references admin_areas (pcode),
  origin_place text,
  displaced_on text check (displaced_on ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
  current_pcode text not null references admin_areas (pcode),
  current_site_id uuid references sites (id),
  current_address text,
  shelter text not null references shelter_types (code),
  phone text,
  legal_basis text not null,
  consent jsonb not null,
  notes text,
  status text not null default 'active' check (status in ('active', 'merged', 'closed')),
  size integer not null,
  search_text text not null default '',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid references users (id),
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id)
);
create index households_registry_idx on households (registry_organization_id, current_pcode);
create index households_current_idx on households (current_pcode text_pattern_ops);
create index households_search_idx on households using gin (search_text gin_trgm_ops);
create index households_updated_idx on households (registry_organization_id, updated_at desc);

create table individuals (
  id uuid primary key,
  household_id uuid not null references households (id) on delete cascade,
  position smallint not null,
  relationship text not null,
  given_name text not null,
  father_name text,
  grandfather_name text,
  family_name text,
  sex text not null check (sex in ('m', 'f')),
  birth_date text check (birth_date ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
  no_documents boolean not null default false,
  specific_needs text[] not null default '{}',
  created_at timestamptz not null default now()
);
create index individuals_household_idx on individuals (household_id, position);
create unique index individuals_one_head on individuals (household_id) where relationship = 'head';

create table identity_documents (
  individual_id uuid not null references individuals (id) on delete cascade,
  position smallint not null,
  type text not null,
  number text not null,
  number_norm text not null,
  primary key (individual_id, position)
);
create index identity_documents_number_idx on identity_documents (number_norm);

create table household_history (
  id bigserial primary key,
  household_id uuid not null references households (id) on delete cascade,
  version integer not null,
  action text not null,
  changes jsonb not null,
  actor_id uuid references users (id),
  at timestamptz not null default now(),
  unique (household_id, version)
);

-- Requests replayed with the same Idempotency-Key get the first response back.
create table idempotency_keys (
  user_id uuid not null references users (id) on delete cascade,
  key text not null,
  request_hash text not null,
  status_code integer not null,
  response jsonb not null,
  created_at timestamptz not null default now(),
  primary key (user_id, key)
);

-- Audit ----------------------------------------------------------------------------------------
-- Append-only and hash-chained: each row's hash covers its content and the previous row's hash;
-- audit_head holds the last link so that removing the newest rows is detected too.
create table audit_log (
  seq bigint primary key,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_name text,
  organization_code text,
  action text not null,
  entity text,
  entity_id text,
  details jsonb not null default '{}',
  ip text,
  prev_hash text not null,
  hash text not null
);
create index audit_log_entity_idx on audit_log (entity, entity_id);

create table audit_head (
  id boolean primary key default true check (id),
  seq bigint not null,
  hash text not null
);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();

-- Seed data ------------------------------------------------------------------------------------
insert into roles (code, name_en, name_ar, name_ckb, permissions) values
  ('administrator', 'Administrator', 'مسؤول النظام', 'بەڕێوەبەری سیستەم',
   '{households.read,households.write,households.import,households.export,users.manage,organizations.manage,places.manage,audit.verify}'),
  ('data_manager', 'Data manager', 'مدير البيانات', 'بەڕێوەبەری داتا',
   '{households.read,households.write,households.import,households.export,places.manage}'),
  ('registration_officer', 'Registration officer', 'موظف التسجيل', 'فەرمانبەری تۆمارکردن',
   '{households.read,households.write}'),
  ('viewer', 'Viewer', 'مطّلع', 'بینەر', '{households.read}');

insert into shelter_types (code, category, name_en, name_ar, name_ckb, position) values
  ('camp', 'camp', 'Camp', 'مخيم', 'کەمپ', 1),
  ('informal_settlement', 'critical', 'Informal settlement', 'مستوطنة غير رسمية', 'نیشتەجێبوونی نافەرمی', 2),
  ('religious_building', 'critical', 'Religious building', 'مبنى ديني', 'بینای ئایینی', 3),
  ('school', 'critical', 'School building', 'مبنى مدرسة', 'بینای قوتابخانە', 4),
  ('unfinished_building', 'critical', 'Unfinished or abandoned building', 'مبنى غير مكتمل أو مهجور', 'بینای تەواونەکراو یان چۆڵکراو', 5),
  ('collective_centre', 'critical', 'Collective centre', 'مركز جماعي', 'سەنتەری بەکۆمەڵ', 6),
  ('host_family', 'private', 'Host family', 'عائلة مضيفة', 'خێزانی میوانداری', 7),
  ('rented_house', 'private', 'Rented house', 'منزل مستأجر', 'خانووی بەکرێ', 8),
  ('hotel_motel', 'private', 'Hotel or motel', 'فندق أو نُزل', 'هوتێل یان میوانخانە', 9),
  ('unknown', 'unknown', 'Unknown', 'غير معروف', 'نەزانراو', 10);

insert into specific_needs (code, name_en, name_ar, name_ckb, sensitive, position) values
  ('CR', 'Child at risk', 'طفل معرض للخطر', 'منداڵی لە مەترسیدا', false, 1),
  ('SC-UC', 'Unaccompanied child', 'طفل غير مصحوب', 'منداڵی بێ یاوەر', false, 2),
  ('SC-SC', 'Separated child', 'طفل منفصل عن ذويه', 'منداڵی جیابووەوە', false, 3),
  ('SC-CH', 'Child-headed household', 'أسرة يعيلها طفل', 'خێزانێک منداڵ سەرپەرشتی دەکات', false, 4),
  ('WR', 'Woman at risk', 'امرأة معرضة للخطر', 'ئافرەتی لە مەترسیدا', false, 5),
  ('ER', 'Older person at risk', 'مسن معرض للخطر', 'بەتەمەنی لە مەترسیدا', false, 6),
  ('SP', 'Single parent or caregiver', 'معيل وحيد أو مقدم رعاية', 'دایک یان باوکی تەنها یان چاودێر', false, 7),
  ('DS', 'Disability', 'إعاقة', 'کەمئەندامی', false, 8),
  ('SM', 'Serious medical condition', 'حالة طبية خطيرة', 'نەخۆشی سەخت', false, 9),
  ('SV', 'Survivor of sexual and gender-based violence', 'ناجٍ من العنف الجنسي والقائم على النوع الاجتماعي', 'ڕزگاربووی توندوتیژی سێکسی و ڕەگەزی', true, 10),
  ('TR', 'Survivor of torture', 'ناجٍ من التعذيب', 'ڕزگاربووی ئەشکەنجە', true, 11),
  ('LP', 'Legal and physical protection needs', 'احتياجات الحماية القانونية والجسدية', 'پێداویستی پاراستنی یاسایی و جەستەیی', false, 12),
  ('LP-ND', 'No legal documents', 'لا يملك وثائق قانونية', 'بێ بەڵگەنامەی یاسایی', false, 13),
  ('LP-MD', 'Multiple displacement', 'نزوح متعدد', 'ئاوارەبوونی چەندبارە', false, 14),
  ('FU', 'Family unity: tracing or reunification', 'لم شمل الأسرة: البحث أو جمع الشمل', 'یەکگرتنەوەی خێزان: گەڕان یان کۆکردنەوە', false, 15),
  ('PL', 'Pregnant or lactating woman', 'امرأة حامل أو مرضع', 'ئافرەتی دووگیان یان شیردەر', false, 16);

-- Sensitive specific needs (SV, TR) are kept apart, encrypted, and shown only to protection roles.
alter table individuals add column sensitive_needs text;
insert into roles (code, name_en, name_ar, name_ckb, permissions) values
  ('protection_officer', 'Protection officer', 'موظف الحماية', 'فەرمانبەری پاراستن',
   '{households.read,protection.read,protection.write}');
