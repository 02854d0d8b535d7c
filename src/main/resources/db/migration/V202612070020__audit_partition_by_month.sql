-- The audit trail partitioned by month, with indexes that cost little for append-only, time-ordered
-- data.
--
-- audit_event becomes a table partitioned by range of occurred_at, one partition per calendar month
-- in UTC (audit_event_y2026m12 and so on), plus a default partition that only ever receives rows if
-- the months ahead were not prepared in time (nothing is refused for want of a partition). Old months
-- can later be detached to an archive and still be verified and searched (docs/OPERATIONS.md).
--
-- Indexes: the id (with occurred_at, as a partitioned table's unique key must include it) for the
-- chain's order and paging; program, resident, account and user name followed by the id, for the
-- audit report's filters; a BRIN index on occurred_at for time ranges, a few kilobytes where a
-- B-tree took about 22 bytes a row. The index on the action alone is gone: the report never filters
-- by action without the program, whose index serves it.
--
-- The chain is unchanged: same content, same hashes, same lock. Two details change with
-- partitions. The row trigger no longer moves occurred_at (a BEFORE ROW trigger may not move a row
-- to another partition): the insert sends clock_timestamp(), taken after the chain head's lock, and
-- the trigger sets it again to its own clock_timestamp() only within the same month, refusing the
-- row as a serialization failure (the caller retries) in the microseconds around a month's turn.
-- And the chain's tail is looked up in the current and the previous month's partitions (the
-- newest row is always there unless the trail was idle for over a month, when the whole table is
-- searched once).
--
-- Every existing row is copied with its id, time and hashes, so the chain verifies as before.

alter sequence audit_event_id_seq owned by none;
alter table audit_event rename to audit_event_unpartitioned;

create table audit_event (
    id             bigint      not null,
    occurred_at    timestamptz not null,
    program_id     uuid,
    account_id     uuid,
    username       text,
    role           text,
    resident_id    uuid,
    action         text        not null,
    purpose        text        not null default 'NORMAL' check (purpose in ('NORMAL', 'EMERGENCY')),
    client_ip      text,
    user_agent     text,
    outcome        text        not null check (outcome in ('SUCCESS', 'DENIED', 'FAILURE')),
    detail         text,
    prev_hash      text        not null,
    hash           text        not null,
    categories     text[],
    resource_types text[],
    resource_ids   text[]
) partition by range (occurred_at);

create table audit_event_default partition of audit_event default;

-- Creates the month partitions from the month of `since` to `ahead` months after the current one
-- (those that do not exist yet), each refusing TRUNCATE like the parent and readable or writable only
-- through the parent. Runs with the owner's rights; the application calls it every day.
create function audit_event_prepare_months(since timestamptz, ahead integer) returns integer
language plpgsql security definer set search_path = public as $$
declare
    month timestamp := date_trunc('month', since at time zone 'UTC');
    last  timestamp := date_trunc('month', clock_timestamp() at time zone 'UTC') + make_interval(months => ahead);
    part  text;
    grantee text;
    made  integer := 0;
begin
    while month <= last loop
        part := format('audit_event_y%sm%s', to_char(month, 'YYYY'), to_char(month, 'MM'));
        if to_regclass(part) is null then
            execute format('create table %I partition of audit_event for values from (%L) to (%L)', part,
                           (month at time zone 'UTC')::text, ((month + interval '1 month') at time zone 'UTC')::text);
            execute format('create trigger audit_event_no_truncate before truncate on %I '
                           'for each statement execute function audit_event_refuse_change()', part);
            for grantee in select distinct g.grantee from information_schema.role_table_grants g
                            where g.table_name = part and g.grantee <> current_user loop
                execute format('revoke all on %I from %I', part, grantee);
            end loop;
            made := made + 1;
        end if;
        month := month + interval '1 month';
    end loop;
    return made;
end
$$;

select audit_event_prepare_months(coalesce((select min(occurred_at) from audit_event_unpartitioned), clock_timestamp()), 3);

insert into audit_event (id, occurred_at, program_id, account_id, username, role, resident_id, action, purpose,
                         client_ip, user_agent, outcome, detail, prev_hash, hash, categories, resource_types, resource_ids)
select id, occurred_at, program_id, account_id, username, role, resident_id, action, purpose,
       client_ip, user_agent, outcome, detail, prev_hash, hash, categories, resource_types, resource_ids
  from audit_event_unpartitioned;

-- the content and digest functions take the table's row type: drop them with the old table, then
-- define them again, the same, on the new one
drop function audit_event_digest(text, audit_event_unpartitioned);
drop function audit_event_content(audit_event_unpartitioned);
drop table audit_event_unpartitioned;
alter sequence audit_event_id_seq owned by audit_event.id;

create function audit_event_content(e audit_event) returns text
language sql stable as $$
    select concat_ws(E'\x1f', e.id::text,
        to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        coalesce(e.program_id::text, ''), coalesce(e.account_id::text, ''), coalesce(e.username, ''),
        coalesce(e.role, ''), coalesce(e.resident_id::text, ''),
        coalesce(array_to_string(e.categories, E'\x1d', ''), ''),
        coalesce(array_to_string(e.resource_types, E'\x1d', ''), ''),
        coalesce(array_to_string(e.resource_ids, E'\x1d', ''), ''), e.action, e.purpose,
        coalesce(e.client_ip, ''), coalesce(e.user_agent, ''), e.outcome, coalesce(e.detail, ''))
$$;

create function audit_event_digest(prev_hash text, e audit_event) returns text
language sql stable as $$
    select encode(sha256(convert_to(prev_hash || E'\x1e' || audit_event_content(e), 'UTF8')), 'hex')
$$;

alter table audit_event add primary key (id, occurred_at);
create index audit_event_program_idx on audit_event (program_id, id);
create index audit_event_resident_idx on audit_event (resident_id, id) where resident_id is not null;
create index audit_event_account_idx on audit_event (account_id, id) where account_id is not null;
create index audit_event_username_idx on audit_event (username, id);
create index audit_event_time_brin on audit_event using brin (occurred_at);

create or replace function audit_event_chain() returns trigger
language plpgsql security definer set search_path = public as $$
declare
    tail_hash text;
    stamp     timestamptz := clock_timestamp();
begin
    -- the head is locked: audit_event_lock_head ran before this statement's first row
    if date_trunc('month', stamp at time zone 'UTC') <> date_trunc('month', new.occurred_at at time zone 'UTC') then
        raise exception 'audit row routed to the month before the clock turned; retry' using errcode = 'serialization_failure';
    end if;
    select e.hash into tail_hash from audit_event e
     where e.occurred_at >= ((date_trunc('month', stamp at time zone 'UTC') - interval '1 month') at time zone 'UTC')
     order by e.id desc limit 1;
    if tail_hash is null then
        select e.hash into tail_hash from audit_event e order by e.id desc limit 1;
    end if;
    new.id := nextval('audit_event_id_seq');
    new.occurred_at := stamp;
    new.prev_hash := coalesce(tail_hash, '');
    new.hash := audit_event_digest(new.prev_hash, new);
    return new;
end
$$;

create or replace function audit_event_advance_head() returns trigger
language plpgsql security definer set search_path = public as $$
declare
    added bigint;
begin
    select count(*) into added from new_rows;
    if added > 0 then
        update audit_chain_head h
           set last_id = t.id, last_hash = t.hash, row_count = h.row_count + added
          from (select r.id, r.hash from new_rows r order by r.id desc limit 1) t
         where h.singleton;
    end if;
    return null;
end
$$;

create trigger audit_event_lock_head before insert on audit_event
    for each statement execute function audit_event_lock_head();
create trigger audit_event_chain before insert on audit_event for each row execute function audit_event_chain();
create trigger audit_event_advance_head after insert on audit_event
    referencing new table as new_rows for each statement execute function audit_event_advance_head();
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_refuse_change();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_refuse_change();

-- The application's role may only add to the trail and read it, through the parent table.
do $$
begin
    if exists (select from pg_roles where rolname = '${appRole}') and '${appRole}' <> current_user then
        execute format('revoke all on audit_event from %I', '${appRole}');
        execute format('grant select, insert on audit_event to %I', '${appRole}');
        execute format('revoke all on audit_event_default from %I', '${appRole}');
        execute format('grant execute on function audit_event_prepare_months(timestamptz, integer) to %I', '${appRole}');
    end if;
end
$$;
