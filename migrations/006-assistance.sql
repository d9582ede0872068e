-- Assistance distribution (issue 5): catalogue, programmes and distribution rounds with targeting
-- rules and entitlement formulas (maker-checker), entitlements, household cards with signed tokens,
-- redemption exactly once (the database decides), offline conflicts, stock at warehouses and
-- distribution points. PostgreSQL 15 and PGlite alike.

-- Catalogue (configurable) -----------------------------------------------------------------------
-- An item is counted in stock (a food parcel, a blanket, a litre of fuel); a kit is a set of items
-- handed out as one (a hygiene kit); cash is a transfer in IQD, never in stock.
create table assistance_items (
  code text primary key check (code ~ '^[a-z0-9_]{2,40}$'),
  kind text not null check (kind in ('item', 'kit', 'cash')),
  sector_code text not null references sectors (code),
  name_en text not null, name_ar text not null, name_ckb text not null,
  unit text not null default 'piece',
  -- Value of one unit in IQD (cash: the transfer; items: for reports), optional for items.
  unit_value_iqd bigint check (unit_value_iqd >= 0),
  active boolean not null default true,
  position integer not null default 0,
  check (kind <> 'cash' or unit = 'iqd')
);
create table kit_components (
  kit_code text not null references assistance_items (code),
  item_code text not null references assistance_items (code),
  quantity integer not null check (quantity > 0),
  primary key (kit_code, item_code),
  check (kit_code <> item_code)
);

insert into assistance_items (code, kind, sector_code, name_en, name_ar, name_ckb, unit, unit_value_iqd, position) values
  ('food_parcel', 'item', 'shelter_nfi', 'Family food parcel (one month)', 'سلة غذائية عائلية (شهر واحد)', 'سەبەتەی خۆراکی خێزان (یەک مانگ)', 'parcel', 85000, 1),
  ('blanket', 'item', 'shelter_nfi', 'Blanket', 'بطانية', 'بەتانی', 'piece', 15000, 2),
  ('mattress', 'item', 'shelter_nfi', 'Mattress', 'فراش', 'دۆشەک', 'piece', 25000, 3),
  ('jerrycan', 'item', 'shelter_nfi', 'Jerrycan (20 L)', 'جركن (20 لتر)', 'دەبە (20 لیتر)', 'piece', 6000, 4),
  ('kitchen_set', 'item', 'shelter_nfi', 'Kitchen set', 'عدة مطبخ', 'کەرەستەی چێشتخانە', 'set', 40000, 5),
  ('soap', 'item', 'health', 'Soap bar', 'قطعة صابون', 'پارچە سابوون', 'piece', 500, 6),
  ('sanitary_pads', 'item', 'health', 'Sanitary pads (pack)', 'فوط صحية (علبة)', 'پاکی ئافرەتان (پاکەت)', 'pack', 2000, 7),
  ('tarpaulin', 'item', 'shelter_nfi', 'Plastic sheet (4 x 6 m)', 'شادر بلاستيكي (4 × 6 م)', 'چادری پلاستیکی (4 × 6 م)', 'piece', 20000, 8),
  ('kerosene', 'item', 'shelter_nfi', 'Kerosene', 'نفط أبيض', 'نەوتی سپی', 'litre', 500, 9),
  ('hygiene_kit', 'kit', 'health', 'Family hygiene kit', 'حقيبة النظافة العائلية', 'کیتی پاکوخاوێنی خێزان', 'kit', null, 10),
  ('winter_kit', 'kit', 'shelter_nfi', 'Winterisation kit', 'حقيبة الشتاء', 'کیتی زستان', 'kit', null, 11),
  ('cash_grant', 'cash', 'shelter_nfi', 'Cash grant', 'منحة نقدية', 'بەخشینی پارە', 'iqd', 1, 12);
insert into kit_components (kit_code, item_code, quantity) values
  ('hygiene_kit', 'soap', 10), ('hygiene_kit', 'sanitary_pads', 4), ('hygiene_kit', 'jerrycan', 1),
  ('winter_kit', 'blanket', 4), ('winter_kit', 'mattress', 2), ('winter_kit', 'tarpaulin', 1);

-- Vulnerability: weights of what a household has (configurable), summed into a score for targeting.
create table vulnerability_weights (
  criterion text primary key check (criterion ~ '^[a-z]+:[A-Za-z0-9_+-]{1,40}$'),
  weight integer not null check (weight between -100 and 100),
  name_en text not null, name_ar text not null, name_ckb text not null
);
insert into vulnerability_weights (criterion, weight, name_en, name_ar, name_ckb) values
  ('need:SM', 3, 'A member with a serious medical condition', 'فرد بحالة طبية خطيرة', 'ئەندامێک بە نەخۆشی سەخت'),
  ('need:DS', 3, 'A member with a disability', 'فرد من ذوي الإعاقة', 'ئەندامێکی کەمئەندام'),
  ('need:ER', 2, 'An older person at risk', 'مسن معرض للخطر', 'بەتەمەنێکی لە مەترسیدا'),
  ('need:SP', 3, 'Single parent or caregiver', 'معيل وحيد', 'دایک یان باوکی تەنها'),
  ('need:PL', 2, 'Pregnant or lactating woman', 'امرأة حامل أو مرضع', 'ئافرەتی دووگیان یان شیردەر'),
  ('need:WR', 3, 'Woman at risk', 'امرأة معرضة للخطر', 'ئافرەتی لە مەترسیدا'),
  ('need:CR', 2, 'Child at risk', 'طفل معرض للخطر', 'منداڵی لە مەترسیدا'),
  ('need:SC-CH', 4, 'Child-headed household', 'أسرة يعيلها طفل', 'خێزانێک منداڵ سەرپەرشتی دەکات'),
  ('need:LP-ND', 1, 'No legal documents', 'لا يملك وثائق', 'بێ بەڵگەنامە'),
  ('size:7+', 2, 'Seven people or more', 'سبعة أفراد أو أكثر', 'حەوت کەس یان زیاتر'),
  ('shelter:critical', 3, 'Critical shelter', 'مأوى حرج', 'پەناگەی مەترسیدار'),
  ('shelter:camp', 1, 'Lives in a camp', 'يسكن في مخيم', 'لە کەمپ دەژی'),
  ('head:female', 2, 'Woman-headed household', 'أسرة ترأسها امرأة', 'خێزانێک ئافرەت سەرۆکیەتی'),
  ('head:elderly', 2, 'Head aged 60 or more', 'رب أسرة عمره 60 أو أكثر', 'سەرۆکی خێزان 60 ساڵ یان زیاتر');

-- Places of stock: warehouses, and distribution points where families collect --------------------
create table stock_locations (
  id uuid primary key,
  code text not null unique check (code ~ '^[A-Z0-9_-]{2,30}$'),
  kind text not null check (kind in ('warehouse', 'point')),
  name text not null, name_ar text, name_ckb text,
  pcode text not null references admin_areas (pcode),
  site_id uuid references sites (id),
  organization_id uuid not null references organizations (id),
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now()
);
create index stock_locations_org_idx on stock_locations (organization_id, kind);

-- Programmes and distribution rounds ---------------------------------------------------------------
create table programmes (
  id uuid primary key,
  code text not null unique check (code ~ '^[A-Z0-9_-]{2,30}$'),
  name text not null, name_ar text, name_ckb text,
  organization_id uuid not null references organizations (id),
  sector_code text not null references sectors (code),
  -- P-code prefixes the programme works in (empty: the whole country).
  areas text[] not null default '{}',
  starts_on date not null,
  ends_on date,
  status text not null default 'active' check (status in ('active', 'closed')),
  version integer not null default 1,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  check (ends_on is null or ends_on >= starts_on)
);
create index programmes_org_idx on programmes (organization_id, sector_code);

-- A round: who is targeted (rules, data) and what each household gets (formula, data); drafted,
-- submitted, approved by someone else (maker-checker), then its entitlements are issued.
create table distribution_rounds (
  id uuid primary key,
  programme_id uuid not null references programmes (id),
  number integer not null check (number > 0),
  name text,
  starts_on date not null,
  ends_on date not null,
  rules jsonb not null default '{}',
  formula jsonb not null default '{}',
  status text not null default 'draft' check (status in ('draft', 'submitted', 'approved', 'issued', 'closed')),
  submitted_by uuid references users (id),
  submitted_at timestamptz,
  approved_by uuid references users (id),
  approved_at timestamptz,
  issued_at timestamptz,
  -- What was targeted when issued: households and people.
  targeted_households integer,
  targeted_people integer,
  -- Everyone who created or edited the draft: none of them, nor the submitter, may approve it.
  authors uuid[] not null default '{}',
  -- The last time a checker sent it back to draft, and why.
  rejected_reason text,
  rejected_by uuid references users (id),
  rejected_at timestamptz,
  version integer not null default 1,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (programme_id, number),
  check (ends_on >= starts_on),
  check (approved_by is null or (approved_by <> submitted_by and not (approved_by = any (authors))))
);
create index distribution_rounds_programme_idx on distribution_rounds (programme_id, status);
create table round_points (
  round_id uuid not null references distribution_rounds (id),
  point_id uuid not null references stock_locations (id),
  primary key (round_id, point_id)
);

-- Entitlements: what one household is to collect in one round (items, kits, cash), once.
create table entitlements (
  id uuid primary key,
  round_id uuid not null references distribution_rounds (id),
  household_id uuid not null references households (id),
  -- Where the household is expected to collect (null: any point of the round).
  point_id uuid references stock_locations (id),
  -- [{ "code": "food_parcel", "quantity": 1 }, { "code": "cash_grant", "quantity": 150000 }]
  contents jsonb not null,
  people integer not null,
  score integer not null default 0,
  status text not null default 'issued' check (status in ('issued', 'redeemed', 'cancelled')),
  -- Where the household was when issued (reports count it there), and its people by sex and age
  -- group on the round's first day (children 0-17, adults 18-59, elderly 60+; no birth year: unknown).
  pcode text not null,
  female_children smallint not null default 0, female_adults smallint not null default 0, female_elderly smallint not null default 0,
  male_children smallint not null default 0, male_adults smallint not null default 0, male_elderly smallint not null default 0,
  age_unknown smallint not null default 0,
  created_at timestamptz not null default now(),
  unique (round_id, household_id)
);
create index entitlements_household_idx on entitlements (household_id);
create index entitlements_point_idx on entitlements (round_id, point_id);
create index entitlements_area_idx on entitlements (round_id, pcode text_pattern_ops);

-- Household cards ----------------------------------------------------------------------------------
-- The QR code holds a token signed by the server (Ed25519) naming the card, not the household;
-- printing a new card revokes the old one, so a photocopy of the old card is refused.
create table household_cards (
  id uuid primary key,
  household_id uuid not null references households (id),
  serial integer not null,
  issued_at timestamptz not null default now(),
  expires_on date not null,
  issued_by uuid references users (id),
  revoked_at timestamptz,
  revoked_by uuid references users (id),
  revoked_reason text,
  unique (household_id, serial)
);
create unique index household_cards_one_valid on household_cards (household_id) where revoked_at is null;

-- The server's signing key for card tokens: the private half sealed with the data key.
create table signing_keys (
  id text primary key,
  algorithm text not null check (algorithm = 'ed25519'),
  public_key text not null,
  private_key_sealed text not null,
  created_at timestamptz not null default now(),
  retired_at timestamptz
);

-- Redemptions: the unique entitlement_id is what makes a second collection impossible, whatever
-- the timing of two points.
create table redemptions (
  id uuid primary key,
  entitlement_id uuid not null unique references entitlements (id),
  point_id uuid not null references stock_locations (id),
  card_id uuid references household_cards (id),
  collected_by text not null check (collected_by in ('head', 'alternate')),
  collector_name text,
  collector_document text,
  -- When it was handed over (an offline point syncs later) and when the server recorded it.
  redeemed_at timestamptz not null,
  recorded_at timestamptz not null default now(),
  recorded_by uuid references users (id),
  via text not null check (via in ('scan', 'search', 'offline')),
  device_id text,
  -- The key an offline device gave the redemption: a second sync of it records nothing more.
  sync_key text unique
);
create index redemptions_point_day_idx on redemptions (point_id, redeemed_at);

-- Two offline points that both handed out one entitlement: the second is kept here to resolve.
create table redemption_conflicts (
  id uuid primary key,
  entitlement_id uuid not null references entitlements (id),
  point_id uuid not null references stock_locations (id),
  collected_by text not null,
  collector_name text,
  redeemed_at timestamptz not null,
  reported_at timestamptz not null default now(),
  reported_by uuid references users (id),
  device_id text,
  sync_key text unique,
  status text not null default 'open' check (status in ('open', 'resolved')),
  resolution text check (resolution in ('double_collection', 'recording_error')),
  note text,
  resolved_by uuid references users (id),
  resolved_at timestamptz
);
create index redemption_conflicts_open_idx on redemption_conflicts (status, reported_at);

-- Stock ---------------------------------------------------------------------------------------------
-- Levels per place and item, never below zero (the check refuses it); every change is a row of
-- the ledger, written in the same transaction. Kits are kept as their items; cash is never stock.
-- `shortfall`: what an offline point handed over beyond the recorded stock (the level went to
-- zero and no further); it stays open, in the alerts, until a count of the item settles it.
create table stock_levels (
  location_id uuid not null references stock_locations (id),
  item_code text not null references assistance_items (code),
  quantity bigint not null check (quantity >= 0),
  low_level bigint check (low_level >= 0),
  shortfall bigint not null default 0 check (shortfall >= 0),
  primary key (location_id, item_code)
);

-- Why stock changes other than by receipts, dispatches and issues (configurable): a count's
-- difference or an adjustment gives one. `direction`: out (only takes away), in (only adds), both.
create table stock_reasons (
  code text primary key check (code ~ '^[a-z0-9_]{2,40}$'),
  direction text not null check (direction in ('in', 'out', 'both')),
  name_en text not null, name_ar text not null, name_ckb text not null,
  active boolean not null default true,
  position integer not null default 0
);
insert into stock_reasons (code, direction, name_en, name_ar, name_ckb, position) values
  ('damaged', 'out', 'Damaged', 'تالف', 'تێکچوو', 1),
  ('expired', 'out', 'Expired', 'منتهي الصلاحية', 'بەسەرچوو', 2),
  ('lost', 'out', 'Lost', 'مفقود', 'ونبوو', 3),
  ('stolen', 'out', 'Stolen', 'مسروق', 'دزراو', 4),
  ('spoiled', 'out', 'Spoiled (pests, water, heat)', 'فاسد (آفات، ماء، حرارة)', 'خراپبوو (مێروو، ئاو، گەرما)', 5),
  ('found', 'in', 'Found', 'وُجد', 'دۆزرایەوە', 6),
  ('returned', 'in', 'Returned by a family', 'أعادته أسرة', 'خێزانێک گەڕاندییەوە', 7),
  ('unrecorded_distribution', 'out', 'Handed out without a record', 'وُزّع دون تسجيل', 'بەبێ تۆمار دابەشکرا', 8),
  ('unrecorded_receipt', 'in', 'Received without a record', 'استُلم دون تسجيل', 'بەبێ تۆمار وەرگیرا', 9),
  ('correction', 'both', 'Correction of a recording error', 'تصحيح خطأ في التسجيل', 'ڕاستکردنەوەی هەڵەی تۆمار', 10),
  ('unexplained', 'both', 'Unexplained difference', 'فرق غير مفسَّر', 'جیاوازیی ڕوون نەکراوە', 11);

-- Goods arriving at a place from outside (a supplier, a donor, a partner's convoy).
create table stock_receipts (
  id uuid primary key,
  location_id uuid not null references stock_locations (id),
  lines jsonb not null,
  supplier text,
  reference text,
  note text,
  received_on date not null,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now()
);
create index stock_receipts_location_idx on stock_receipts (location_id, recorded_at);

create table dispatches (
  id uuid primary key,
  from_location uuid not null references stock_locations (id),
  to_location uuid not null references stock_locations (id),
  -- [{ "item": "blanket", "quantity": 200 }]
  lines jsonb not null,
  waybill text,
  status text not null default 'in_transit' check (status in ('in_transit', 'received')),
  sent_by uuid references users (id),
  sent_at timestamptz not null default now(),
  note text,
  received_by uuid references users (id),
  received_at timestamptz,
  -- [{ "item": "blanket", "sent": 200, "received": 195, "reason": "damaged" }]
  received_lines jsonb,
  received_note text,
  check (from_location <> to_location),
  check ((status = 'received') = (received_at is not null))
);
create index dispatches_from_idx on dispatches (from_location, status, sent_at);
create index dispatches_to_idx on dispatches (to_location, status, sent_at);

-- A physical count of some items at a place: the level becomes what was counted.
create table stock_counts (
  id uuid primary key,
  location_id uuid not null references stock_locations (id),
  -- [{ "item": "soap", "expected": 120, "counted": 110, "difference": -10, "reason": "damaged", "settled": 0 }]
  lines jsonb not null,
  counted_on date not null,
  note text,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now()
);
create index stock_counts_location_idx on stock_counts (location_id, recorded_at);

-- Every change of a level: `change` moved it to `balance`. A `shortfall` row changes nothing
-- (the level was already zero) and says how much was handed over beyond it (`missing`).
-- `reference_id`: the receipt, dispatch, redemption, count or adjustment.
create table stock_ledger (
  id bigserial primary key,
  location_id uuid not null references stock_locations (id),
  item_code text not null references assistance_items (code),
  change bigint not null,
  balance bigint not null check (balance >= 0),
  missing bigint check (missing > 0),
  kind text not null check (kind in ('receipt', 'dispatch', 'dispatch_received', 'issue', 'shortfall', 'count', 'adjustment')),
  reason text references stock_reasons (code),
  note text,
  reference_id uuid,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  check ((kind = 'shortfall') = (missing is not null)),
  -- An adjustment always has a reason; so has every count that found a difference.
  check (kind <> 'adjustment' or reason is not null),
  check (kind <> 'count' or change = 0 or reason is not null)
);
create index stock_ledger_location_idx on stock_ledger (location_id, item_code, id);
create index stock_ledger_newest_idx on stock_ledger (location_id, id);
create index stock_ledger_reference_idx on stock_ledger (reference_id);

-- Those who keep a warehouse or a point's store: receipts, dispatches, counts, adjustments.
insert into roles (code, name_en, name_ar, name_ckb, permissions) values
  ('warehouse_keeper', 'Warehouse keeper', 'أمين المخزن', 'کۆگاوان', '{assistance.read,stock.read,stock.manage}');

-- Roles and permissions -------------------------------------------------------------------------------
insert into roles (code, name_en, name_ar, name_ckb, permissions) values
  ('distribution_officer', 'Distribution officer', 'موظف التوزيع', 'فەرمانبەری دابەشکردن',
   '{households.read,assistance.read,assistance.distribute,cards.print,stock.read}'),
  ('programme_manager', 'Programme manager', 'مدير البرنامج', 'بەڕێوەبەری بەرنامە',
   '{households.read,figures.read,assistance.read,assistance.manage,assistance.approve,stock.read,stock.manage}');
update roles set permissions = permissions || '{assistance.read,assistance.manage,assistance.approve,assistance.distribute,cards.print,stock.read,stock.manage}'::text[]
  where code = 'administrator';
update roles set permissions = permissions || '{assistance.read,assistance.manage,cards.print,stock.read,stock.manage}'::text[]
  where code = 'data_manager';
update roles set permissions = permissions || '{cards.print}'::text[] where code = 'registration_officer';
update roles set permissions = permissions || '{assistance.read}'::text[] where code in ('coordinator', 'viewer');
