-- The chain head is locked once per statement instead of once per row.
--
-- Before: every audit row's trigger began by locking the chain head (select ... for update). A
-- transaction that already holds the lock pays little for it, but still one query per row: about
-- a tenth of the cost of inserting 1,500 audit rows in one statement (measured with psql as the
-- backend's CPU time, about 8 ms of 80 ms).
--
-- Now a statement-level trigger, audit_event_lock_head, takes the same lock before an insert into
-- audit_event touches its first row, and holds it, like before, until the transaction ends. Row
-- triggers only ever run inside a statement whose statement-level BEFORE triggers have already run,
-- so every row is still chained under the lock: the row trigger reads the chain's tail (the row with
-- the highest id, committed or written earlier by this transaction) and draws the id under it, so id
-- order is still chain order and concurrent writers still make one chain. The lock is taken with
-- the same query as before, so a REPEATABLE READ transaction whose snapshot predates another
-- writer's commit still fails with a serialization error rather than fork the chain. An insert that
-- adds no row (insert ... select with nothing to select) now takes the lock as well.
--
-- Nothing else changes: the same columns, the same hash over the same content
-- (audit_event_digest), the head brought up to the tail once per statement
-- (audit_event_advance_head). Nothing is remembered between rows outside the table itself, so a
-- savepoint rolled back takes its rows with it and the next row chains to the row before them.

create function audit_event_lock_head() returns trigger
language plpgsql security definer set search_path = public as $$
begin
    perform 1 from audit_chain_head where singleton for update;
    return null;
end
$$;

create trigger audit_event_lock_head before insert on audit_event
    for each statement execute function audit_event_lock_head();

create or replace function audit_event_chain() returns trigger
language plpgsql security definer set search_path = public as $$
declare
    tail_hash text;
begin
    -- the head is locked: audit_event_lock_head ran before this statement's first row
    select e.hash into tail_hash from audit_event e order by e.id desc limit 1;
    new.id := nextval('audit_event_id_seq');
    new.occurred_at := clock_timestamp();
    new.prev_hash := coalesce(tail_hash, '');
    new.hash := audit_event_digest(new.prev_hash, new);
    return new;
end
$$;
