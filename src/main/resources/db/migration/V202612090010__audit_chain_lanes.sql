-- The audit chain in sixteen lanes, so audited transactions stop waiting for each other's commits.
--
-- Every transaction that wrote an audit row locked the one chain head from its first audit row
-- until its commit, the disk flush included: audited transactions committed one at a time, and the
-- database's group commit (many transactions flushed together) never happened. 50 clients inserting
-- one audit row each reached about 250 transactions a second; the same inserts into a table without
-- the chain about 6,500.
--
-- Now the chain has sixteen lanes, each with a head of its own (audit_chain_head, one row per lane).
-- A transaction's first audit statement takes the first lane no other transaction holds (starting
-- from one picked by its backend, so writers spread out), and only waits when all sixteen are held;
-- its later audit statements stay in that lane. A row records its lane; each lane is a chain exactly
-- as the one chain was: a row's hash covers its content and the hash of the lane's row before it, its
-- lane's head counts the rows and names the last one. The rows written before are lane 0, whose head
-- is the former head: their hashes are unchanged.
--
-- Verification walks each lane in id order (ids are taken under the lane's lock, so they grow within a
-- lane in commit order). Tampering shows as before: an edited row fails its own hash, a removed or
-- reordered row fails the link of the next row of its lane, a cut tail disagrees with its lane's head,
-- and a row moved to another lane fails both lanes' links. The row's content and hash formula are
-- unchanged (the lane is not in the content; moving a row between lanes is caught by the links).
--
-- A transaction holding a lane never waits for another (it prefers its own), so lanes cannot deadlock.
-- The tail's hash comes from the lane's head row, read under its lock, instead of from the newest row
-- of the current or previous month's partition.

alter table audit_chain_head add column lane smallint;
update audit_chain_head set lane = 0;
alter table audit_chain_head drop column singleton;
alter table audit_chain_head alter column lane set not null;
alter table audit_chain_head add primary key (lane);
alter table audit_chain_head add constraint audit_chain_head_lane_check check (lane between 0 and 15);
insert into audit_chain_head (lane, last_id, last_hash, row_count)
select l, 0, '', 0 from generate_series(1, 15) l;

create function audit_lanes() returns integer language sql immutable as $$ select 16 $$;

alter table audit_event add column lane smallint;

create or replace view audit_record as
select e.id, e.occurred_at,
       coalesce(e.program_id, a.program_id) as program_id,
       coalesce(e.account_id, a.account_id) as account_id,
       coalesce(e.username, a.username) as username,
       coalesce(e.role, a.role) as role,
       e.resident_id,
       coalesce(e.categories, audit_category_names(e.cats)) as categories,
       coalesce(e.resource_types, audit_resource_types(e.resources)) as resource_types,
       coalesce(e.resource_ids, audit_resource_ids(e.resources, e.resident_id)) as resource_ids,
       coalesce(e.action, audit_what_action(e.what)) as action,
       coalesce(e.purpose, audit_what_purpose(e.what)) as purpose,
       coalesce(e.client_ip, a.client_ip) as client_ip,
       coalesce(e.user_agent, a.user_agent) as user_agent,
       coalesce(e.outcome, audit_what_outcome(e.what)) as outcome,
       e.detail,
       coalesce(e.hash, encode(e.digest, 'hex')) as hash,
       e.actor, e.what,
       coalesce(e.lane, 0::smallint) as lane
  from audit_event e left join audit_actor a on a.id = e.actor;

-- Before a statement's first row: the lane this transaction holds, or a free one, locked, and its
-- tail's hash for the rows of the statement to chain to.
create or replace function audit_event_lock_head() returns trigger
language plpgsql security definer set search_path = public as $$
declare
    held      text := current_setting('milieu.audit_lane', true);
    taken     smallint;
    tail_hash text;
    lanes     integer := audit_lanes();
begin
    if held is not null and held <> '' then
        select h.lane, h.last_hash into taken, tail_hash from audit_chain_head h where h.lane = held::smallint for update;
    end if;
    if taken is null then
        select h.lane, h.last_hash into taken, tail_hash from audit_chain_head h
         order by (h.lane + lanes - pg_backend_pid() % lanes) % lanes
         for update skip locked limit 1;
    end if;
    if taken is null then
        -- every lane is held by another transaction: wait for this backend's own
        select h.lane, h.last_hash into taken, tail_hash from audit_chain_head h
         where h.lane = pg_backend_pid() % lanes for update;
    end if;
    perform set_config('milieu.audit_lane', taken::text, true);
    perform set_config('milieu.audit_tail', tail_hash, true);
    return null;
end
$$;

create or replace function audit_event_chain() returns trigger
language plpgsql security definer set search_path = public as $$
declare
    stamp          timestamptz := clock_timestamp();
    all_categories text[] := audit_categories();
    given          text[] := new.categories;
    category       text;
begin
    -- the lane is locked and its tail read: audit_event_lock_head ran before this statement's first row
    if date_trunc('month', stamp at time zone 'UTC') <> date_trunc('month', new.occurred_at at time zone 'UTC') then
        raise exception 'audit row routed to the month before the clock turned; retry' using errcode = 'serialization_failure';
    end if;
    new.id := nextval('audit_event_id_seq');
    new.occurred_at := stamp;
    new.lane := current_setting('milieu.audit_lane')::smallint;
    -- categories in the fixed order when every one is known (the hash covers that order)
    if new.categories is not null and new.categories <@ all_categories then
        new.categories := array[]::text[];
        foreach category in array all_categories loop
            if category = any(given) then
                new.categories := new.categories || category;
            end if;
        end loop;
    end if;
    new.prev_hash := current_setting('milieu.audit_tail');
    new.hash := audit_event_digest(new.prev_hash, new);
    perform set_config('milieu.audit_tail', new.hash, true);
    return audit_event_compact(new);
end
$$;

-- the lane's head advances to the statement's last row (all rows of a statement are in one lane)
create or replace function audit_event_advance_head() returns trigger
language plpgsql security definer set search_path = public as $$
declare
    added bigint;
begin
    select count(*) into added from new_rows;
    if added > 0 then
        update audit_chain_head h
           set last_id = t.id, last_hash = t.hash, row_count = h.row_count + added
          from (select r.id, r.lane, coalesce(r.hash, encode(r.digest, 'hex')) as hash
                  from new_rows r order by r.id desc limit 1) t
         where h.lane = t.lane;
    end if;
    return null;
end
$$;

-- A checkpoint holds every lane's head (lane, last id, last hash, row count) as well, signed with the
-- rest; a checkpoint taken before the lanes has none and stands for lane 0 alone.
alter table audit_checkpoint add column lanes text;
