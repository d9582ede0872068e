-- The assistance catalogue, the vulnerability weights and the stock reasons become configurable
-- (issue 5, after 006 and 007): who may change them, a version on each row for edits at the
-- version read, and the weights a round's score counted, kept when its maker submits it.

-- Configuring the catalogue (items, kits, cash), the weights and the stock reasons: shared by
-- every organisation, so given to administrators and programme managers.
update roles set permissions = permissions || '{assistance.configure}'::text[]
  where code in ('administrator', 'programme_manager') and not ('assistance.configure' = any (permissions));

alter table assistance_items add column version integer not null default 1;
alter table vulnerability_weights add column version integer not null default 1;
alter table stock_reasons add column version integer not null default 1;

-- The weights counted by the round's score, as they were when it was submitted (null while a
-- draft): what the checker approves is what is issued, whatever the weights become meanwhile.
-- [{ "criterion": "need:SM", "weight": 3 }, ...]
alter table distribution_rounds add column scored_weights jsonb;

-- Rounds already submitted or approved keep the weights of today, which they were checked with.
update distribution_rounds set scored_weights = (
    select coalesce(jsonb_agg(jsonb_build_object('criterion', criterion, 'weight', weight) order by criterion), '[]'::jsonb)
    from vulnerability_weights)
  where status in ('submitted', 'approved');
