-- Audit rows in a compact form, so years of records cost a fifth of what they did.
--
-- A row used to carry in full who acted and from where (program, account, user name, role, client
-- address, user agent: the same for every row of a session), its categories, records, action,
-- purpose and outcome as text, every record id even where it is the resident's own, and two hashes
-- as hexadecimal text: about 500 bytes and 200 more in six indexes.
--
-- Now the chain trigger, after it has computed the row's hash exactly as before, moves what it can
-- into compact columns and leaves the wide ones empty:
--   actor      the program, account, user name, role, client address and user agent, as the id of a
--              row of audit_actor (append-only, one row per distinct combination, shared by all the
--              rows of that person on that device);
--   what       action, outcome and purpose as one small number;
--   cats       the data categories as a bit set (in a fixed order, which the row's hash also uses);
--   resources  the records as one text: a type alone where the record's id is the resident's own;
--   digest     the hash as 32 bytes. The predecessor's hash is no longer stored: it is the hash of
--              the row before, which verification reads anyway.
-- A value that does not fit (an action or category this migration does not know, a record id with a
-- separator character) keeps the row's wide column instead: nothing is lost, only less compact.
--
-- audit_record shows every row, old or new, in the wide form; the hash is computed over that form,
-- so the chain, its verification and every existing row's hash are unchanged. The rows written
-- before are turned into the compact form too. Readers read audit_record (which also shows actor and
-- what, for filters that use their indexes); only the trigger writes the compact columns.
--
-- Indexes: the report's filters by program, account and user name go through the actor (a handful of
-- rows) and an index on the actor alone, which PostgreSQL stores deduplicated (a few bytes a row);
-- the resident's index also holds the resident alone, deduplicated. The old indexes stay for the old
-- rows only (partial on a wide column being present).

create table audit_actor (
    id         integer generated always as identity primary key,
    key        text not null unique,
    program_id uuid,
    account_id uuid,
    username   text,
    role       text,
    client_ip  text,
    user_agent text
);
create index audit_actor_program_idx on audit_actor (program_id);
create index audit_actor_account_idx on audit_actor (account_id);
create index audit_actor_username_idx on audit_actor (username);
create trigger audit_actor_no_update before update or delete on audit_actor
    for each row execute function audit_event_refuse_change();
create trigger audit_actor_no_truncate before truncate on audit_actor
    for each statement execute function audit_event_refuse_change();

alter table audit_event
    add column actor     integer,
    add column what      smallint,
    add column cats      integer,
    add column resources text,
    add column digest    bytea,
    alter column action drop not null,
    alter column purpose drop not null,
    alter column outcome drop not null,
    alter column prev_hash drop not null,
    alter column hash drop not null;

-- The codes. Fixed here: a new action or category is added by a later migration (until then its rows
-- keep the wide column).
create function audit_actions() returns text[] language sql immutable as $$
    select array['CREATE', 'READ', 'UPDATE', 'VOID', 'PRINT', 'EXPORT', 'DISCLOSE', 'QUERY', 'SIGN_IN',
                 'SIGN_IN_FAILED', 'SIGN_OUT', 'ACCOUNT_CHANGE', 'ROLE_CHANGE', 'ACCESS_DENIED', 'EMERGENCY_ACCESS']
$$;
create function audit_outcomes() returns text[] language sql immutable as $$
    select array['SUCCESS', 'DENIED', 'FAILURE']
$$;
create function audit_purposes() returns text[] language sql immutable as $$
    select array['NORMAL', 'EMERGENCY']
$$;
create function audit_categories() returns text[] language sql immutable as $$
    select array['DEMOGRAPHICS', 'WHEREABOUTS', 'DRUG_SCREENS', 'CLINICAL_NOTES', 'LEVELS_AND_RATINGS',
                 'WORK_AND_STIPENDS', 'GOVERNMENT', 'INCIDENTS', 'FAMILY']
$$;

-- what = action * 8 + outcome * 2 + purpose (positions counted from 1, 0 and 0)
create function audit_what_action(what smallint) returns text language sql immutable as $$
    select (audit_actions())[what / 8]
$$;
create function audit_what_outcome(what smallint) returns text language sql immutable as $$
    select (audit_outcomes())[(what % 8) / 2 + 1]
$$;
create function audit_what_purpose(what smallint) returns text language sql immutable as $$
    select (audit_purposes())[what % 2 + 1]
$$;

create function audit_category_names(cats integer) returns text[] language sql immutable as $$
    select case when cats is null then null else
           array(select c.name from unnest(audit_categories()) with ordinality as c(name, n)
                  where cats & (1 << (c.n::integer - 1)) <> 0 order by c.n) end
$$;

-- resources: elements separated by 0x1d; an element is the type alone (the record is the resident's
-- own), or the type, 0x1f and the id (empty for a record without an id); an empty type is none
create function audit_resource_types(resources text) returns text[] language sql immutable as $$
    select case when resources is null then null else
           array(select nullif(split_part(r.element, E'\x1f', 1), '')
                   from unnest(string_to_array(resources, E'\x1d')) with ordinality as r(element, n) order by r.n) end
$$;
create function audit_resource_ids(resources text, resident uuid) returns text[] language sql immutable as $$
    select case when resources is null then null else
           array(select case when strpos(r.element, E'\x1f') = 0 then resident::text
                             else nullif(substr(r.element, strpos(r.element, E'\x1f') + 1), '') end
                   from unnest(string_to_array(resources, E'\x1d')) with ordinality as r(element, n) order by r.n) end
$$;

-- The id of the actor row for these values, added when new; the last one found is remembered for
-- the rest of the transaction, so the rows of one statement look it up once.
create function audit_actor_id(p_program uuid, p_account uuid, p_username text, p_role text, p_ip text, p_agent text)
returns integer language plpgsql security definer set search_path = public as $$
declare
    k      text := md5(concat_ws(E'\x1f', coalesce(p_program::text, E'\x1c'), coalesce(p_account::text, E'\x1c'),
                                 coalesce(p_username, E'\x1c'), coalesce(p_role, E'\x1c'), coalesce(p_ip, E'\x1c'),
                                 coalesce(p_agent, E'\x1c')));
    known  text := current_setting('milieu.audit_actor', true);
    found  integer;
begin
    if known is not null and left(known, 32) = k then
        return substr(known, 34)::integer;
    end if;
    loop
        select a.id into found from audit_actor a where a.key = k;
        if found is null then
            insert into audit_actor (key, program_id, account_id, username, role, client_ip, user_agent)
            values (k, p_program, p_account, p_username, p_role, p_ip, p_agent)
            on conflict (key) do nothing returning id into found;
        end if;
        exit when found is not null;
    end loop;
    perform set_config('milieu.audit_actor', k || ' ' || found, true);
    return found;
end
$$;

create view audit_record as
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
       e.actor, e.what
  from audit_event e left join audit_actor a on a.id = e.actor;

-- The same content and digest as audit_event_content/audit_event_digest, over the wide form.
create function audit_record_content(e audit_record) returns text
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

create function audit_record_digest(prev_hash text, e audit_record) returns text
language sql stable as $$
    select encode(sha256(convert_to(prev_hash || E'\x1e' || audit_record_content(e), 'UTF8')), 'hex')
$$;

create or replace function audit_event_lock_head() returns trigger
language plpgsql security definer set search_path = public as $$
declare
    tail_hash text;
begin
    perform 1 from audit_chain_head where singleton for update;
    select coalesce(e.hash, encode(e.digest, 'hex')) into tail_hash from audit_event e
     where e.occurred_at >= ((date_trunc('month', clock_timestamp() at time zone 'UTC') - interval '1 month') at time zone 'UTC')
     order by e.id desc limit 1;
    if tail_hash is null then
        select coalesce(e.hash, encode(e.digest, 'hex')) into tail_hash from audit_event e order by e.id desc limit 1;
    end if;
    perform set_config('milieu.audit_tail', coalesce(tail_hash, ''), true);
    return null;
end
$$;

-- The compact forms of wide values, or null where a value does not fit (then the wide column stays).
create function audit_pack_what(action text, outcome text, purpose text) returns smallint
language sql immutable as $$
    select (array_position(audit_actions(), action) * 8 + (array_position(audit_outcomes(), outcome) - 1) * 2
            + (array_position(audit_purposes(), purpose) - 1))::smallint
$$;

create or replace function audit_event_chain() returns trigger
language plpgsql security definer set search_path = public as $$
declare
    stamp          timestamptz := clock_timestamp();
    all_categories text[] := audit_categories();
    given          text[] := new.categories;
    category       text;
begin
    -- the head is locked and the tail read: audit_event_lock_head ran before this statement's first row
    if date_trunc('month', stamp at time zone 'UTC') <> date_trunc('month', new.occurred_at at time zone 'UTC') then
        raise exception 'audit row routed to the month before the clock turned; retry' using errcode = 'serialization_failure';
    end if;
    new.id := nextval('audit_event_id_seq');
    new.occurred_at := stamp;
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

-- A row's compact form, from its wide values (the hash computed): what fits moves, the rest stays.
create function audit_event_compact(e audit_event) returns audit_event
language plpgsql security definer set search_path = public as $$
declare
    what     smallint := audit_pack_what(e.action, e.outcome, e.purpose);
    all_cats text[] := audit_categories();
    cats     integer := 0;
    i        integer;
    packed   text := '';
    element  text;
begin
    e.digest := decode(e.hash, 'hex');
    e.hash := null;
    e.prev_hash := null;
    e.actor := audit_actor_id(e.program_id, e.account_id, e.username, e.role, e.client_ip, e.user_agent);
    e.program_id := null;
    e.account_id := null;
    e.username := null;
    e.role := null;
    e.client_ip := null;
    e.user_agent := null;
    if what is not null then
        e.what := what;
        e.action := null;
        e.outcome := null;
        e.purpose := null;
    end if;
    -- categories: a bit set when they are known, distinct and in the fixed order (so they read back the same)
    if e.categories is not null and cardinality(e.categories) > 0 then
        i := 0;
        foreach element in array e.categories loop
            i := array_position(all_cats, element);
            if i is null or (cats >> (i - 1)) > 0 then
                cats := null;
                exit;
            end if;
            cats := cats | (1 << (i - 1));
        end loop;
        if cats is not null then
            e.cats := cats;
            e.categories := null;
        end if;
    end if;
    -- records: the type alone where the id is the resident's own; kept wide if a separator character occurs
    if e.resource_types is not null and cardinality(e.resource_types) = cardinality(e.resource_ids) then
        for i in 1 .. cardinality(e.resource_types) loop
            if coalesce(e.resource_types[i], '') ~ E'[\x1c-\x1f]' or coalesce(e.resource_ids[i], '') ~ E'[\x1c-\x1f]' then
                packed := null;
                exit;
            end if;
            element := coalesce(e.resource_types[i], '')
                || case when e.resident_id is not null and e.resource_ids[i] = e.resident_id::text then ''
                        else E'\x1f' || coalesce(e.resource_ids[i], '') end;
            packed := case when i = 1 then element else packed || E'\x1d' || element end;
        end loop;
        if packed is not null and cardinality(e.resource_types) > 0 then
            e.resources := packed;
            e.resource_types := null;
            e.resource_ids := null;
        end if;
    end if;
    return e;
end
$$;

-- the head advances to the last row's hash, in whichever form the row keeps it
create or replace function audit_event_advance_head() returns trigger
language plpgsql security definer set search_path = public as $$
declare
    added bigint;
begin
    select count(*) into added from new_rows;
    if added > 0 then
        update audit_chain_head h
           set last_id = t.id, last_hash = t.hash, row_count = h.row_count + added
          from (select r.id, coalesce(r.hash, encode(r.digest, 'hex')) as hash from new_rows r order by r.id desc limit 1) t
         where h.singleton;
    end if;
    return null;
end
$$;

-- the rows written before: the same compact form, their content and hashes unchanged
alter table audit_event disable trigger audit_event_no_update;
update audit_event e
   set (program_id, account_id, username, role, client_ip, user_agent, action, outcome, purpose, categories,
        resource_types, resource_ids, prev_hash, hash, actor, what, cats, resources, digest)
     = (select c.program_id, c.account_id, c.username, c.role, c.client_ip, c.user_agent, c.action, c.outcome,
               c.purpose, c.categories, c.resource_types, c.resource_ids, c.prev_hash, c.hash, c.actor, c.what,
               c.cats, c.resources, c.digest
          from audit_event_compact(e) c)
 where e.digest is null;
alter table audit_event enable trigger audit_event_no_update;

-- indexes: the wide ones for the old rows only, the compact ones deduplicated
drop index audit_event_program_idx;
create index audit_event_program_idx on audit_event (program_id, id) where program_id is not null;
drop index audit_event_username_idx;
create index audit_event_username_idx on audit_event (username, id) where username is not null;
drop index audit_event_action_idx;
create index audit_event_action_idx on audit_event (action, id) where action is not null and action <> 'READ';
create index audit_event_action_code_idx on audit_event ((what / 8), id) where what / 8 <> 2;
create index audit_event_actor_idx on audit_event (actor);
drop index audit_event_resident_idx;
create index audit_event_resident_idx on audit_event (resident_id) where resident_id is not null;

do $$
begin
    if exists (select from pg_roles where rolname = '${appRole}') and '${appRole}' <> current_user then
        execute format('revoke all on audit_actor from %I', '${appRole}');
        execute format('grant select on audit_actor to %I', '${appRole}');
        execute format('grant select on audit_record to %I', '${appRole}');
    end if;
end
$$;
