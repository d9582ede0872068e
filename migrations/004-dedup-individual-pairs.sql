-- Individual pairs (issue 3, "move an individual"): the same person registered in two households
-- that are not the same family (a son with his parents by MoMD, then as head of his own household
-- by BMD). Such a pair names the two individuals; its households are theirs (a < b as before).
-- Deciding it "same" links the later registration of the person to the earlier (`same_as`).
alter table dedup_pairs add column kind text not null default 'household' check (kind in ('household', 'individual'));
alter table dedup_pairs add column individual_a uuid references individuals (id);
alter table dedup_pairs add column individual_b uuid references individuals (id);
alter table dedup_pairs add constraint dedup_pairs_individuals_check
  check ((kind = 'individual') = (individual_a is not null and individual_b is not null));
alter table dedup_pairs drop constraint dedup_pairs_reason_check;
alter table dedup_pairs add constraint dedup_pairs_reason_check check (reason in ('head', 'members', 'person'));

-- One household pair per unordered household pair, one individual pair per unordered person pair:
-- a household pair and an individual pair of the same two households may coexist.
alter table dedup_pairs drop constraint dedup_pairs_household_a_household_b_key;
create unique index dedup_pairs_household_key on dedup_pairs (household_a, household_b) where kind = 'household';
create unique index dedup_pairs_individual_key on dedup_pairs (least(individual_a, individual_b), greatest(individual_a, individual_b))
  where kind = 'individual';
