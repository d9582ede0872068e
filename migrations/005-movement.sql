-- Movement tracking and the displacement picture (issue 4): a household's movements, the stays
-- its timeline makes (what registry figures count), sites and transit points, DTM locations,
-- rounds of location assessments, flow counts, and the configurable lists they use.
-- PostgreSQL 15 and PGlite alike.

-- Configurable lists ---------------------------------------------------------------------------
-- Displacement waves (Iraq): a household's wave is the one its first displacement falls in.
-- Displacement before the first wave is not counted in figures (DTM counts since January 2014).
create table displacement_waves (
  code text primary key check (code ~ '^[a-z0-9_]{2,40}$'),
  starts_on date not null,
  ends_on date,                       -- inclusive; null: still open
  name_en text not null, name_ar text not null, name_ckb text not null,
  position integer not null default 0,
  check (ends_on is null or ends_on >= starts_on)
);
insert into displacement_waves (code, starts_on, ends_on, name_en, name_ar, name_ckb, position) values
  ('pre_june_2014', '2014-01-01', '2014-05-31', 'Pre-June 2014', 'قبل حزيران 2014', 'پێش حوزەیرانی 2014', 1),
  ('june_july_2014', '2014-06-01', '2014-07-31', 'June-July 2014', 'حزيران - تموز 2014', 'حوزەیران - تەمموزی 2014', 2),
  ('august_2014', '2014-08-01', '2014-08-31', 'August 2014', 'آب 2014', 'ئابی 2014', 3),
  ('post_september_2014', '2014-09-01', '2015-03-31', 'Post-September 2014', 'ما بعد أيلول 2014', 'دوای ئەیلوولی 2014', 4),
  ('post_april_2015', '2015-04-01', '2016-02-29', 'Post-April 2015', 'ما بعد نيسان 2015', 'دوای نیسانی 2015', 5),
  ('post_march_2016', '2016-03-01', null, 'Post-March 2016', 'ما بعد آذار 2016', 'دوای ئازاری 2016', 6);

-- IOM MCOF sectors of assistance (configurable; issue 5 uses them too).
create table sectors (
  code text primary key check (code ~ '^[a-z0-9_]{2,40}$'),
  number smallint not null,
  name_en text not null, name_ar text not null, name_ckb text not null
);
insert into sectors (code, number, name_en, name_ar, name_ckb) values
  ('camp_management', 1, 'Camp management and displacement tracking', 'إدارة المخيمات وتتبع النزوح', 'بەڕێوەبردنی کەمپ و بەدواداچوونی ئاوارەبوون'),
  ('shelter_nfi', 2, 'Shelter and non-food items', 'المأوى والمواد غير الغذائية', 'پەناگە و کەرەستەی ناخۆراکی'),
  ('transport', 3, 'Transport assistance for affected populations', 'المساعدة في النقل للسكان المتضررين', 'یارمەتی گواستنەوە بۆ دانیشتووانی زیانلێکەوتوو'),
  ('health', 4, 'Health support', 'الدعم الصحي', 'پشتگیری تەندروستی'),
  ('psychosocial', 5, 'Psychosocial support', 'الدعم النفسي والاجتماعي', 'پشتگیری دەروونی و کۆمەڵایەتی'),
  ('reintegration', 6, '(Re)integration assistance', 'المساعدة على (إعادة) الاندماج', 'یارمەتی (دووبارە) تێکەڵبوونەوە'),
  ('stabilization', 7, 'Community stabilization and transition', 'استقرار المجتمع والانتقال', 'سەقامگیری کۆمەڵگە و گواستنەوە'),
  ('disaster_risk_reduction', 8, 'Disaster risk reduction and resilience building', 'الحد من مخاطر الكوارث وبناء القدرة على الصمود', 'کەمکردنەوەی مەترسی کارەسات و بنیاتنانی خۆڕاگری'),
  ('land_property', 9, 'Land and property support', 'دعم الأراضي والممتلكات', 'پشتگیری زەوی و موڵک'),
  ('counter_trafficking', 10, 'Counter-trafficking and protection of vulnerable migrants', 'مكافحة الاتجار بالبشر وحماية المهاجرين المستضعفين', 'دژایەتی بازرگانی بە مرۆڤ و پاراستنی کۆچبەرانی بێدەسەڵات'),
  ('border_management', 11, 'Technical assistance for humanitarian border management', 'المساعدة الفنية للإدارة الإنسانية للحدود', 'یارمەتی تەکنیکی بۆ بەڕێوەبردنی مرۆیی سنوور'),
  ('consular', 12, 'Emergency consular assistance', 'المساعدة القنصلية الطارئة', 'یارمەتی کونسوڵی فریاگوزاری'),
  ('diaspora', 13, 'Diaspora and human resource mobilization', 'تعبئة المغتربين والموارد البشرية', 'بەگەڕخستنی دیاسپۆرا و سەرچاوەی مرۆیی'),
  ('migration_policy', 14, 'Migration policy and legislation support', 'دعم سياسات وتشريعات الهجرة', 'پشتگیری سیاسەت و یاسادانانی کۆچ'),
  ('communications', 15, 'Humanitarian communications', 'الاتصالات الإنسانية', 'پەیوەندییە مرۆییەکان');

-- Priority needs key informants name (DTM), each under the sector that answers it (configurable).
create table priority_needs (
  code text primary key check (code ~ '^[a-z0-9_]{2,40}$'),
  sector_code text not null references sectors (code),
  name_en text not null, name_ar text not null, name_ckb text not null,
  position integer not null default 0
);
insert into priority_needs (code, sector_code, name_en, name_ar, name_ckb, position) values
  ('food', 'shelter_nfi', 'Food', 'الغذاء', 'خۆراک', 1),
  ('shelter', 'shelter_nfi', 'Shelter or housing', 'المأوى أو السكن', 'پەناگە یان نیشتەجێبوون', 2),
  ('nfi', 'shelter_nfi', 'Non-food items', 'المواد غير الغذائية', 'کەرەستەی ناخۆراکی', 3),
  ('water', 'health', 'Drinking water', 'مياه الشرب', 'ئاوی خواردنەوە', 4),
  ('sanitation', 'health', 'Sanitation and hygiene', 'الصرف الصحي والنظافة', 'پاکوخاوێنی و تەندروستی گشتی', 5),
  ('health', 'health', 'Health care', 'الرعاية الصحية', 'چاودێری تەندروستی', 6),
  ('psychosocial', 'psychosocial', 'Psychosocial support', 'الدعم النفسي والاجتماعي', 'پشتگیری دەروونی و کۆمەڵایەتی', 7),
  ('livelihoods', 'reintegration', 'Work and income', 'العمل والدخل', 'کار و داهات', 8),
  ('education', 'stabilization', 'Education', 'التعليم', 'خوێندن', 9),
  ('documentation', 'land_property', 'Legal documents', 'الوثائق القانونية', 'بەڵگەنامەی یاسایی', 10),
  ('security', 'counter_trafficking', 'Safety and security', 'السلامة والأمن', 'سەلامەتی و ئاسایش', 11),
  ('transport', 'transport', 'Transport', 'النقل', 'گواستنەوە', 12),
  ('information', 'communications', 'Information', 'المعلومات', 'زانیاری', 13);

-- Places ---------------------------------------------------------------------------------------
-- A point inside each area (from its boundary), to draw a household's path between areas.
alter table admin_areas add column latitude double precision;
alter table admin_areas add column longitude double precision;

-- Sites: the shelter type of a place people live in; the kind of a transit point (flow monitoring).
alter table sites add column shelter text references shelter_types (code);
alter table sites add column transit_type text check (transit_type in ('checkpoint', 'border_crossing', 'airport', 'bus_station', 'other'));
alter table sites add column active boolean not null default true;
alter table sites add column version integer not null default 1;
alter table sites add column updated_at timestamptz not null default now();
update sites set transit_type = 'other' where kind = 'transit_point';
alter table sites add constraint sites_transit_check check ((kind = 'transit_point') = (transit_type is not null));
create index sites_kind_idx on sites (kind, pcode);

-- DTM locations: villages and urban neighbourhoods with DTM's own ids (no official list),
-- inside areas with P-codes; a location may be a site (a camp assessed as a location).
create table dtm_locations (
  id uuid primary key,
  code text not null unique check (code ~ '^[A-Za-z0-9._-]{1,40}$'),
  name text not null,
  name_ar text,
  name_ckb text,
  kind text not null default 'village' check (kind in ('village', 'neighbourhood', 'camp', 'other')),
  pcode text not null references admin_areas (pcode),
  site_id uuid references sites (id),
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index dtm_locations_pcode_idx on dtm_locations (pcode text_pattern_ops);
create index dtm_locations_site_idx on dtm_locations (site_id) where site_id is not null;

-- Households: where they were registered, and where their timeline has them now --------------
-- `current_*` and `shelter` are the place the last event of the timeline left the household in:
-- the registration (`registered_*`) or a movement (`last_movement_id`).
alter table households add column registered_on date not null default current_date;
alter table households add column registered_pcode text references admin_areas (pcode);
alter table households add column registered_site_id uuid references sites (id);
alter table households add column registered_address text;
alter table households add column registered_shelter text references shelter_types (code);
alter table households add column displacement_status text not null default 'displaced'
  check (displacement_status in ('displaced', 'returned', 'abroad'));
alter table households add column status_since text;
alter table households add column last_movement_id uuid;
update households set registered_on = created_at::date, registered_pcode = current_pcode, registered_site_id = current_site_id,
  registered_address = current_address, registered_shelter = shelter, status_since = displaced_on;
alter table households alter column registered_pcode set not null;
alter table households alter column registered_shelter set not null;
create index households_site_idx on households (current_site_id) where current_site_id is not null;

create table household_movements (
  id uuid primary key,
  household_id uuid not null references households (id) on delete cascade,
  type text not null check (type in ('displacement', 'secondary_displacement', 'relocation', 'return', 'departure_abroad')),
  from_pcode text references admin_areas (pcode),
  from_site_id uuid references sites (id),
  from_place text,
  to_pcode text references admin_areas (pcode),
  to_site_id uuid references sites (id),
  to_place text,
  -- The shelter at the destination: as reported, else the site's, else unknown; none after a return or abroad.
  to_shelter text references shelter_types (code),
  moved_on text not null check (moved_on ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
  note text,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  -- A movement recorded in error is withdrawn, with a reason; it stays for the record.
  withdrawn_at timestamptz,
  withdrawn_by uuid references users (id),
  withdrawn_reason text,
  check (to_pcode is not null or type = 'departure_abroad')
);
create index household_movements_household_idx on household_movements (household_id, recorded_at);

-- Figures from the registry ---------------------------------------------------------------------
-- A stay: where a household was, in which status, from one day (inclusive) to another (exclusive,
-- null while it is still there), with what figures count of it (its governorate of origin, wave,
-- and members counted once). Recomputed from the timeline whenever the household or its
-- movements change; merged households and those displaced before the first wave have none.
create table household_stays (
  household_id uuid not null references households (id) on delete cascade,
  seq smallint not null,
  from_day date not null,
  to_day date,
  pcode text not null,                -- '' abroad
  site_id uuid,
  status text not null check (status in ('displaced', 'returned', 'abroad')),
  shelter text not null,              -- '' when not displaced
  origin text not null,               -- governorate of origin
  wave text not null,
  families smallint not null default 1,
  individuals integer not null,
  primary key (household_id, seq),
  check (to_day is null or to_day > from_day)
);
create index household_stays_from_idx on household_stays (from_day);
create index household_stays_to_idx on household_stays (to_day) where to_day is not null;
create index household_stays_site_idx on household_stays (site_id) where site_id is not null and to_day is null;

-- The state at the start of a month (stays from before the month that had not ended), summed by
-- place, origin, wave, shelter and status. A month is built the first time figures ask for it and
-- kept current as stays change; figures for a day add the changes of its month up to that day.
create table figure_months (
  month date primary key check (extract(day from month) = 1),
  built_at timestamptz not null default now()
);
create table figure_snapshots (
  month date not null references figure_months (month) on delete cascade,
  pcode text not null,
  origin text not null,
  wave text not null,
  shelter text not null,
  status text not null,
  families integer not null,
  individuals integer not null,
  primary key (month, pcode, origin, wave, shelter, status)
);
-- The same sums by governorate, without the origin: what trends read, a month at a time.
create table figure_month_totals (
  month date not null references figure_months (month) on delete cascade,
  governorate text not null,
  wave text not null,
  shelter text not null,
  status text not null,
  families integer not null,
  individuals integer not null,
  primary key (month, governorate, wave, shelter, status)
);

-- Location assessments (DTM mobility tracking) ---------------------------------------------------
-- A round belongs to the organisation that runs it; closing it locks its assessments for good
-- (the triggers below make that hold whatever writes) and sums them into assessment_totals.
create table assessment_rounds (
  id uuid primary key,
  number integer not null unique check (number between 1 and 100000),
  name text,
  organization_id uuid not null references organizations (id),
  starts_on date not null,
  ends_on date not null,
  -- The date the round's figures describe (DTM's reportingDate).
  reported_on date not null,
  status text not null default 'open' check (status in ('open', 'closed')),
  closed_at timestamptz,
  closed_by uuid references users (id),
  -- When the round's assessments were summed into assessment_totals (at closing).
  aggregated_at timestamptz,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  check (ends_on >= starts_on),
  check ((status = 'closed') = (closed_at is not null))
);
-- Figures read "the latest closed round on or before a day".
create index assessment_rounds_closed_idx on assessment_rounds (reported_on desc, number desc) where status = 'closed';

create table location_assessments (
  id uuid primary key,
  round_id uuid not null references assessment_rounds (id),
  location_id uuid not null references dtm_locations (id),
  assessed_on date not null,
  idp_families integer not null check (idp_families >= 0),
  idp_individuals integer not null check (idp_individuals >= 0),
  idp_individuals_estimated boolean not null default false,
  returnee_families integer not null default 0 check (returnee_families >= 0),
  returnee_individuals integer not null default 0 check (returnee_individuals >= 0),
  returnee_individuals_estimated boolean not null default false,
  -- Families by governorate of origin, by wave, by shelter type: { "<code>": families }, {} when
  -- not reported (an object, so that a filter reads one key instead of scanning an array).
  by_origin jsonb not null default '{}',
  by_wave jsonb not null default '{}',
  by_shelter jsonb not null default '{}',
  -- Priority needs in order (codes of priority_needs), at most three.
  priority_needs text[] not null default '{}',
  -- Key informant (name, role, phone): personal data, sealed with the data key.
  informant text,
  notes text,
  recorded_by uuid references users (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Also "all the assessments of one round" (round_id leads).
  unique (round_id, location_id)
);
create index location_assessments_location_idx on location_assessments (location_id);

-- A closed round's assessments summed by the P-code their location had when the round closed:
-- what assessment figures, trends and origins read (a few hundred rows a round, not thousands).
create table assessment_totals (
  round_id uuid not null references assessment_rounds (id),
  pcode text not null,
  locations integer not null,
  idp_families bigint not null,
  idp_individuals bigint not null,
  returnee_families bigint not null,
  returnee_individuals bigint not null,
  -- Some individuals here are families x 6.
  estimated boolean not null,
  by_origin jsonb not null,
  by_wave jsonb not null,
  by_shelter jsonb not null,
  -- Families of the locations that gave each breakdown (to share a breakdown out by another).
  origin_reported bigint not null,
  wave_reported bigint not null,
  shelter_reported bigint not null,
  primary key (round_id, pcode)
);

-- A closed round stays closed, and nothing in it changes.
create function assessment_round_locked() returns trigger language plpgsql as $$
begin
  if old.status = 'closed' and (new.status <> 'closed' or new.starts_on <> old.starts_on or new.ends_on <> old.ends_on
      or new.reported_on <> old.reported_on or new.organization_id <> old.organization_id or new.number <> old.number) then
    raise exception 'assessment round % is closed', old.number using errcode = 'P0001';
  end if;
  return new;
end $$;
create trigger assessment_rounds_locked before update on assessment_rounds
  for each row execute function assessment_round_locked();

create function location_assessment_locked() returns trigger language plpgsql as $$
begin
  if exists (select 1 from assessment_rounds r where r.status = 'closed'
      and r.id in (case when tg_op = 'INSERT' then null else old.round_id end, case when tg_op = 'DELETE' then null else new.round_id end)) then
    raise exception 'assessment round is closed' using errcode = 'P0001';
  end if;
  return coalesce(new, old);
end $$;
create trigger location_assessments_locked before insert or update or delete on location_assessments
  for each row execute function location_assessment_locked();

-- Flow monitoring at transit points: counts per point, day and direction, by sex and age group,
-- recorded and corrected by one organisation.
create table flow_counts (
  id uuid primary key,
  point_id uuid not null references sites (id),
  counted_on date not null,
  direction text not null check (direction in ('incoming', 'outgoing')),
  organization_id uuid not null references organizations (id),
  male_children integer not null default 0 check (male_children >= 0),
  male_adults integer not null default 0 check (male_adults >= 0),
  male_elderly integer not null default 0 check (male_elderly >= 0),
  female_children integer not null default 0 check (female_children >= 0),
  female_adults integer not null default 0 check (female_adults >= 0),
  female_elderly integer not null default 0 check (female_elderly >= 0),
  note text,
  recorded_by uuid references users (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (point_id, counted_on, direction)
);
create index flow_counts_day_idx on flow_counts (counted_on);

-- Roles and permissions --------------------------------------------------------------------------
insert into roles (code, name_en, name_ar, name_ckb, permissions) values
  ('coordinator', 'Coordinator', 'منسق', 'هەماهەنگکار', '{figures.read,assessments.read}'),
  ('enumerator', 'Field enumerator', 'عدّاد ميداني', 'ژمێرەری مەیدانی',
   '{households.read,households.write,dedup.check,figures.read,assessments.read,assessments.write}');
update roles set permissions = permissions || '{figures.read,assessments.read,assessments.write,assessments.manage,assessments.informants}'::text[]
  where code in ('administrator', 'data_manager');
update roles set permissions = permissions || '{figures.read}'::text[] where code in ('registration_officer', 'viewer', 'protection_officer');
update roles set permissions = permissions || '{assessments.read}'::text[] where code = 'viewer';
