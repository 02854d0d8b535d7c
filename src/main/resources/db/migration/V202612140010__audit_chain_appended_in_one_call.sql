-- The audit chain appended by one function call instead of three triggers on every insert.
--
-- An audited transaction wrote its records with one INSERT, on which three triggers ran: one before
-- the statement (a lane's head row locked FOR UPDATE SKIP LOCKED after sorting the sixteen heads, its
-- tail and lane kept in two settings), one before each row (the hash over the row's wide form, then a
-- second function moving the row to its compact form, each function with its own settings to save
-- and restore) and one after the statement (the rows counted from a transition table to advance the
-- head). Measured on the demo's audited reads, these made up most of what auditing cost a read in
-- the database: a plain insert of the same compact row costs half as much as the chained one.
--
-- Now audit_append(...) takes the records as one text array per column (as the insert did), and in
-- one call: takes the transaction's lane (an advisory lock per lane, tried from a lane picked by a
-- hash of the transaction's id, so writers spread over the sixteen lanes and none waits while a lane
-- is free; the lane is kept for the transaction's later records), reads the lane's head, computes
-- each record's hash over its wide form exactly as before, writes the record in its compact form,
-- and advances the head once. The content, the hash formula, the compact form, the lanes and their
-- heads are unchanged, so every row written before verifies as it did, and verification is
-- unchanged. Ids are still taken under the lane's lock, so they grow within a lane in commit order.
--
-- The lane's head is read without a row lock: the lane's advisory lock is held until this
-- transaction ends, and the previous holder released it only after its commit was visible, so in a
-- read-committed transaction (every audited one in Milieu) the read sees the lane's latest head. A
-- transaction with a snapshot of its own (repeatable read, serializable) reads it FOR UPDATE instead,
-- which fails as a serialization failure, for the caller to retry, if the head moved since its
-- snapshot, rather than chain to a stale tail.
--
-- The application's role may no longer insert into audit_event at all: its rows go through the
-- function, which runs with the owner's rights. A row inserted some other way (by the owner, with
-- the guards removed) is not chained and fails verification, as a forged row did before.
--
-- The indexes on the wide program, account, user name and action columns are dropped: every row
-- keeps those in its actor and code since the compact form (ADR 0019), the report never read them,
-- and each insert paid for opening and checking them.

drop trigger audit_event_lock_head on audit_event;
drop trigger audit_event_chain on audit_event;
drop trigger audit_event_advance_head on audit_event;
drop function audit_event_lock_head();
drop function audit_event_chain();
drop function audit_event_advance_head();
drop function audit_event_compact(audit_event);
drop function audit_event_digest(text, audit_event);
drop function audit_event_content(audit_event);

drop index audit_event_program_idx;
drop index audit_event_account_idx;
drop index audit_event_username_idx;
drop index audit_event_action_idx;

-- The class of the lanes' advisory locks (two-key form; the application's other advisory locks use
-- the one-key form, which never conflicts with it).
create function audit_lane_lock_class() returns integer language sql immutable as $$ select 16708 $$;

-- Appends records to the chain: element i of every array is record i. Returns how many were written.
create function audit_append(p_program text[], p_account text[], p_username text[], p_role text[],
                             p_resident text[], p_categories text[], p_types text[], p_ids text[],
                             p_action text[], p_purpose text[], p_ip text[], p_agent text[], p_outcome text[],
                             p_detail text[])
returns integer language plpgsql security definer set search_path = public as $$
declare
    lanes      constant integer := audit_lanes();
    lock_class constant integer := audit_lane_lock_class();
    all_cats   constant text[] := audit_categories();
    records    integer := coalesce(cardinality(p_action), 0);
    held       text := current_setting('milieu.audit_lane', true);
    taken      integer;
    start      integer;
    tail       text;
    newest     bigint;
    stamp      timestamptz;
    i          integer;
    j          integer;
    resident   uuid;
    given      text[];
    categories text[];
    cats       integer;
    types      text[];
    ids        text[];
    packed     text;
    element    text;
    what       smallint;
begin
    if records = 0 then
        return 0;
    end if;
    if held is not null and held <> '' then
        taken := held::integer;
    else
        -- the inserting transaction has its id already (it writes); its lane is where the search starts
        start := ((hashint8(txid_current()) % lanes) + lanes) % lanes;
        for j in 0 .. lanes - 1 loop
            if pg_try_advisory_xact_lock(lock_class, (start + j) % lanes) then
                taken := (start + j) % lanes;
                exit;
            end if;
        end loop;
        if taken is null then
            -- every lane is held by another transaction: wait for the one the search started from
            perform pg_advisory_xact_lock(lock_class, start);
            taken := start;
        end if;
        perform set_config('milieu.audit_lane', taken::text, true);
    end if;
    if current_setting('transaction_isolation') = 'read committed' then
        select h.last_hash into tail from audit_chain_head h where h.lane = taken;
    else
        select h.last_hash into tail from audit_chain_head h where h.lane = taken for update;
    end if;
    for i in 1 .. records loop
        stamp := clock_timestamp();
        newest := nextval('audit_event_id_seq');
        resident := p_resident[i]::uuid;
        -- categories in the fixed order, and as a bit set, when every one is known (the hash covers that order)
        given := string_to_array(p_categories[i], E'\x1d', E'\x1c');
        categories := given;
        cats := null;
        if given is not null and cardinality(given) > 0 and given <@ all_cats then
            categories := array[]::text[];
            cats := 0;
            for j in 1 .. cardinality(all_cats) loop
                if all_cats[j] = any(given) then
                    categories := categories || all_cats[j];
                    cats := cats | (1 << (j - 1));
                end if;
            end loop;
        end if;
        types := string_to_array(p_types[i], E'\x1d', E'\x1c');
        ids := string_to_array(p_ids[i], E'\x1d', E'\x1c');
        -- the hash over the wide form, as audit_record_content and audit_record_digest compute it
        tail := encode(sha256(convert_to(tail || E'\x1e' || concat_ws(E'\x1f', newest::text,
                    to_char(stamp at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                    coalesce(p_program[i]::uuid::text, ''), coalesce(p_account[i]::uuid::text, ''),
                    coalesce(p_username[i], ''), coalesce(p_role[i], ''), coalesce(resident::text, ''),
                    coalesce(array_to_string(categories, E'\x1d', ''), ''),
                    coalesce(array_to_string(types, E'\x1d', ''), ''), coalesce(array_to_string(ids, E'\x1d', ''), ''),
                    p_action[i], p_purpose[i], coalesce(p_ip[i], ''), coalesce(p_agent[i], ''), p_outcome[i],
                    coalesce(p_detail[i], '')), 'UTF8')), 'hex');
        what := audit_pack_what(p_action[i], p_outcome[i], p_purpose[i]);
        -- records: the type alone where the id is the resident's own; kept wide if a separator character occurs
        packed := null;
        if types is not null and cardinality(types) > 0 and cardinality(types) = cardinality(ids) then
            for j in 1 .. cardinality(types) loop
                if coalesce(types[j], '') ~ E'[\x1c-\x1f]' or coalesce(ids[j], '') ~ E'[\x1c-\x1f]' then
                    packed := null;
                    exit;
                end if;
                element := coalesce(types[j], '')
                    || case when resident is not null and ids[j] = resident::text then '' else E'\x1f' || coalesce(ids[j], '') end;
                packed := case when j = 1 then element else packed || E'\x1d' || element end;
            end loop;
        end if;
        insert into audit_event (id, occurred_at, lane, actor, resident_id, what, action, outcome, purpose, cats,
                                 categories, resources, resource_types, resource_ids, detail, digest)
        values (newest, stamp, taken,
                audit_actor_id(p_program[i]::uuid, p_account[i]::uuid, p_username[i], p_role[i], p_ip[i], p_agent[i]),
                resident, what,
                case when what is null then p_action[i] end, case when what is null then p_outcome[i] end,
                case when what is null then p_purpose[i] end,
                cats, case when cats is null then categories end,
                packed, case when packed is null then types end, case when packed is null then ids end,
                p_detail[i], decode(tail, 'hex'));
    end loop;
    update audit_chain_head h set last_id = newest, last_hash = tail, row_count = h.row_count + records
     where h.lane = taken;
    return records;
end
$$;

do $$
begin
    if exists (select from pg_roles where rolname = '${appRole}') and '${appRole}' <> current_user then
        execute format('revoke insert on audit_event from %I', '${appRole}');
        execute format('revoke all on function audit_append(text[], text[], text[], text[], text[], text[], text[], '
                       'text[], text[], text[], text[], text[], text[], text[]) from public');
        execute format('grant execute on function audit_append(text[], text[], text[], text[], text[], text[], text[], '
                       'text[], text[], text[], text[], text[], text[], text[]) to %I', '${appRole}');
    end if;
end
$$;
