-- The chain head is written once per statement instead of once per row.
--
-- Before: each audit row's trigger locked the head, then updated it. A transaction that writes
-- many rows (the census page audits every resident it shows, in each category it shows) updated
-- the same row thousands of times; every update leaves a row version that the next lookup of the
-- head has to step over until the transaction ends, so the cost per row grew with the number of
-- rows already written: 1,500 rows in one statement took about four times as long per row as 500.
--
-- Now each row still takes the head's lock first (a transaction that already holds it pays
-- almost nothing) and chains to the chain's tail, which under that lock is the row with the
-- highest id: committed rows, and the rows this statement and this transaction wrote before it
-- (a row trigger sees the rows its statement inserted before). The head itself is brought up to
-- the tail once, when the statement ends, in the same transaction. Nothing else changes: ids
-- are still drawn under the lock, so id order is chain order; the head is still written in the
-- transaction that wrote the rows; the verification reads the same columns.

create or replace function audit_event_chain() returns trigger
language plpgsql security definer set search_path = public as $$
declare
    tail_hash text;
begin
    perform 1 from audit_chain_head where singleton for update;
    select e.hash into tail_hash from audit_event e order by e.id desc limit 1;
    new.id := nextval('audit_event_id_seq');
    new.occurred_at := clock_timestamp();
    new.prev_hash := coalesce(tail_hash, '');
    new.hash := audit_event_digest(new.prev_hash, new);
    return new;
end
$$;

create function audit_event_advance_head() returns trigger
language plpgsql security definer set search_path = public as $$
declare
    added bigint;
begin
    select count(*) into added from new_rows;
    if added > 0 then
        update audit_chain_head h
           set last_id = t.id, last_hash = t.hash, row_count = h.row_count + added
          from (select e.id, e.hash from audit_event e order by e.id desc limit 1) t
         where h.singleton;
    end if;
    return null;
end
$$;

create trigger audit_event_advance_head after insert on audit_event
    referencing new table as new_rows for each statement execute function audit_event_advance_head();
