-- Every lane in use, so a verification from a checkpoint starts near the checkpoint.
--
-- A transaction looked for a free lane starting from one picked by its backend's process id. The
-- pool keeps the same ten or so backends for hours, so only their lanes were used and the others
-- stayed empty; a walk from a checkpoint starts after the lowest last id of any lane, and an empty
-- lane's is 0, so it walked the whole trail (0.45 s instead of 0.18 s at a million rows, growing
-- with the trail). Now the search starts from a lane picked by a hash of the transaction's own id
-- (a hash, since a request's transactions often take ids two or three apart, which alone would use
-- half the lanes or fewer), so successive transactions, even on one backend, spread over all sixteen
-- lanes, and the lowest last id of any lane stays a few transactions behind the newest row.
create or replace function audit_event_lock_head() returns trigger
language plpgsql security definer set search_path = public as $$
declare
    held      text := current_setting('milieu.audit_lane', true);
    taken     smallint;
    tail_hash text;
    lanes     integer := audit_lanes();
    start     integer;
begin
    if held is not null and held <> '' then
        select h.lane, h.last_hash into taken, tail_hash from audit_chain_head h where h.lane = held::smallint for update;
    end if;
    if taken is null then
        -- the inserting transaction has its id already (it writes); its lane is where the search starts
        start := ((hashint8(txid_current()) % lanes) + lanes) % lanes;
        select h.lane, h.last_hash into taken, tail_hash from audit_chain_head h
         order by (h.lane + lanes - start) % lanes
         for update skip locked limit 1;
        if taken is null then
            -- every lane is held by another transaction: wait for the one the search started from
            select h.lane, h.last_hash into taken, tail_hash from audit_chain_head h where h.lane = start for update;
        end if;
    end if;
    perform set_config('milieu.audit_lane', taken::text, true);
    perform set_config('milieu.audit_tail', tail_hash, true);
    return null;
end
$$;
