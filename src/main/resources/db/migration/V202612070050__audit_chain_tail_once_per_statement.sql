-- The chain's tail is read once per statement instead of once per row.
--
-- With the trail partitioned by month, each row's lookup of the newest row scanned the index of the
-- current, previous, future and default partitions: about 29 ms of the 124 ms that 1,500 audit rows
-- (a census page's view) took to insert. Now the statement-level trigger that locks the chain head
-- also reads the tail once, under that lock, and keeps its hash in a transaction-local setting
-- (milieu.audit_tail); each row chains to it and leaves its own hash there for the next row of the
-- same statement. The next statement reads the tail from the table again, so a savepoint rolled
-- back between statements takes its rows out of the chain as before, and a setting changed by
-- anything else between statements is overwritten before it is used.
--
-- Within a statement, a value forged into the setting by the inserting session itself would make a
-- row claim a predecessor it does not have: the verification names that row, as it names any broken
-- link. The chain's content, hashes and order are unchanged.

create or replace function audit_event_lock_head() returns trigger
language plpgsql security definer set search_path = public as $$
declare
    tail_hash text;
begin
    perform 1 from audit_chain_head where singleton for update;
    select e.hash into tail_hash from audit_event e
     where e.occurred_at >= ((date_trunc('month', clock_timestamp() at time zone 'UTC') - interval '1 month') at time zone 'UTC')
     order by e.id desc limit 1;
    if tail_hash is null then
        select e.hash into tail_hash from audit_event e order by e.id desc limit 1;
    end if;
    perform set_config('milieu.audit_tail', coalesce(tail_hash, ''), true);
    return null;
end
$$;

create or replace function audit_event_chain() returns trigger
language plpgsql security definer set search_path = public as $$
declare
    stamp timestamptz := clock_timestamp();
begin
    -- the head is locked and the tail read: audit_event_lock_head ran before this statement's first row
    if date_trunc('month', stamp at time zone 'UTC') <> date_trunc('month', new.occurred_at at time zone 'UTC') then
        raise exception 'audit row routed to the month before the clock turned; retry' using errcode = 'serialization_failure';
    end if;
    new.id := nextval('audit_event_id_seq');
    new.occurred_at := stamp;
    new.prev_hash := current_setting('milieu.audit_tail');
    new.hash := audit_event_digest(new.prev_hash, new);
    perform set_config('milieu.audit_tail', new.hash, true);
    return new;
end
$$;
