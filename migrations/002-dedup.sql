-- Deduplication (issue 3): duplicate pairs and their review, merges that can be undone, and which
-- registries each organisation checks against. PostgreSQL 15 and PGlite alike.

-- Merges --------------------------------------------------------------------------------------
-- A merged household stays, with its own history, status 'merged' and a pointer to the survivor.
-- The survivor carries the registration numbers and registries of every household merged into it,
-- so that it is found by either number and seen by either registry.
alter table households add column merged_into uuid references households (id);
alter table households add column merged_numbers text[] not null default '{}';
alter table households add column also_registries text[] not null default '{}';
create index households_merged_into_idx on households (merged_into) where merged_into is not null;
create index households_also_registries_idx on households using gin (also_registries);

-- A member of a merged household who is the same person as a member of the survivor is linked to
-- that member (and stays in the merged record); the other members move into the survivor.
alter table individuals add column same_as uuid references individuals (id);
create index individuals_same_as_idx on individuals (same_as) where same_as is not null;

-- Pairs ---------------------------------------------------------------------------------------
-- One row per unordered household pair (household_a < household_b). `members` holds the member
-- pairs behind the score with each field's level and weight: no names, no sensitive codes.
-- A pair decided 'different' stays, so the same two households are never proposed again.
create table dedup_pairs (
  id uuid primary key,
  household_a uuid not null references households (id),
  household_b uuid not null references households (id),
  score double precision not null check (score >= 0 and score <= 1),
  band text not null check (band in ('likely', 'possible')),
  reason text not null default 'head' check (reason in ('head', 'members')),
  members jsonb not null default '[]',
  status text not null default 'open' check (status in ('open', 'same', 'different', 'superseded')),
  source text not null check (source in ('registration', 'batch')),
  duplicate_reason text,
  note text,
  decided_by uuid references users (id),
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (household_a < household_b),
  unique (household_a, household_b)
);
create index dedup_pairs_queue_idx on dedup_pairs (status, score desc, id);
create index dedup_pairs_b_idx on dedup_pairs (household_b);

-- `snapshot` holds what undoing needs: the survivor's numbers and registries before the merge,
-- the members moved (with their place in the merged household), the members linked, and the
-- pairs the merge superseded or opened.
create table dedup_merges (
  id uuid primary key,
  pair_id uuid not null references dedup_pairs (id),
  survivor_id uuid not null references households (id),
  merged_id uuid not null references households (id),
  snapshot jsonb not null,
  note text,
  merged_by uuid references users (id),
  merged_at timestamptz not null default now(),
  undone_by uuid references users (id),
  undone_at timestamptz
);
create index dedup_merges_pair_idx on dedup_merges (pair_id);
create index dedup_merges_households_idx on dedup_merges (survivor_id, merged_id);

-- Sharing -------------------------------------------------------------------------------------
-- Which other registries an organisation's duplicate check and review reach (its own always).
-- Codes, not ids: organisations are created after the migrations. MoMD and BMD check against each
-- other; a partner checks only its own registry until an administrator adds a row here.
create table dedup_sharing (
  organization_code text not null,
  registry_code text not null,
  primary key (organization_code, registry_code),
  check (organization_code <> registry_code)
);
insert into dedup_sharing (organization_code, registry_code) values ('MOMD', 'BMD'), ('BMD', 'MOMD');

-- Permissions -----------------------------------------------------------------------------------
update roles set permissions = array_append(permissions, 'dedup.check')
  where code in ('administrator', 'data_manager', 'registration_officer') and not ('dedup.check' = any (permissions));
update roles set permissions = array_append(permissions, 'dedup.review')
  where code in ('administrator', 'data_manager') and not ('dedup.review' = any (permissions));
