-- The trail of a distribution round (issue 5, after 006): who issued its entitlements, and when
-- and by whom it was closed. Rounds issued or closed before this migration take them from the
-- audit log, which recorded each step with its actor.
alter table distribution_rounds
  add column issued_by uuid references users (id),
  add column closed_at timestamptz,
  add column closed_by uuid references users (id);

update distribution_rounds r set issued_by = a.actor_id
  from (select distinct on (entity_id) entity_id, actor_id from audit_log
        where entity = 'distribution_round' and action = 'distribution_round.issue' order by entity_id, seq) a
  where a.entity_id = r.id::text and r.status in ('issued', 'closed') and a.actor_id in (select id from users);

update distribution_rounds r set closed_at = a.at, closed_by = case when a.actor_id in (select id from users) then a.actor_id end
  from (select distinct on (entity_id) entity_id, actor_id, at from audit_log
        where entity = 'distribution_round' and action = 'distribution_round.close' order by entity_id, seq) a
  where a.entity_id = r.id::text and r.status = 'closed';
-- Nothing changes a closed round, so its last change was its closing.
update distribution_rounds set closed_at = updated_at where status = 'closed' and closed_at is null;

alter table distribution_rounds add constraint distribution_rounds_closed_trail check ((status = 'closed') = (closed_at is not null));
