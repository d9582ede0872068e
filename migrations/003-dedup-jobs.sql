-- Batch deduplication jobs (`amina dedup run`): one row per run, so that a run stopped half way
-- (a crash, a closed terminal) resumes where it stopped instead of starting over. Its files (the
-- people exported, the pairs found) live in the data directory under `dedup/<job id>/`.
create table dedup_jobs (
  id uuid primary key,
  -- Registry whose duplicates are sought (its households against those it may check against);
  -- null for every registry.
  registry text,
  stage text not null check (stage in ('export', 'match', 'queue', 'done', 'failed')),
  dir text not null,
  records integer,
  pairs_found integer,
  -- Person pairs already handed to the review queue: resuming skips them.
  pairs_queued integer not null default 0,
  households_queued integer not null default 0,
  started_by uuid references users (id),
  started_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  finished_at timestamptz,
  error text
);
create index dedup_jobs_unfinished_idx on dedup_jobs (registry) where stage not in ('done', 'failed');
