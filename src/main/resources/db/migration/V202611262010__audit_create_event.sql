-- The audit trail: append-only and hash-chained. Each row's hash is SHA-256 over the previous
-- row's hash and the row's own content, so editing, deleting or reordering rows breaks the
-- chain; audit_chain_head remembers the last row, so cutting the tail is seen as well.
create table audit_event (
    id             bigint      primary key,
    occurred_at    timestamptz not null,
    program_id     uuid,
    account_id     uuid,
    username       text,
    role           text,
    resident_id    uuid,
    category       text,
    resource_type  text,
    resource_id    text,
    action         text        not null,
    purpose        text        not null default 'NORMAL' check (purpose in ('NORMAL', 'EMERGENCY')),
    client_ip      text,
    user_agent     text,
    outcome        text        not null check (outcome in ('SUCCESS', 'DENIED', 'FAILURE')),
    detail         text,
    prev_hash      text        not null,
    hash           text        not null
);
create sequence audit_event_id_seq owned by audit_event.id;
-- ids follow commit order, so every filter pages by id: newest first is a backward index scan
create index audit_event_program_idx on audit_event (program_id, id);
create index audit_event_time_idx on audit_event (occurred_at);
create index audit_event_resident_idx on audit_event (resident_id, id) where resident_id is not null;
create index audit_event_account_idx on audit_event (account_id, id) where account_id is not null;
create index audit_event_action_idx on audit_event (action, id);
create index audit_event_username_idx on audit_event (username, id);

create table audit_chain_head (
    singleton  boolean primary key default true check (singleton),
    last_id    bigint  not null,
    last_hash  text    not null,
    row_count  bigint  not null
);
insert into audit_chain_head (last_id, last_hash, row_count) values (0, '', 0);

-- The content a row's hash covers, in one fixed textual form.
create function audit_event_content(e audit_event) returns text
language sql stable as $$
    select concat_ws(E'\x1f', e.id::text,
        to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        coalesce(e.program_id::text, ''), coalesce(e.account_id::text, ''), coalesce(e.username, ''),
        coalesce(e.role, ''), coalesce(e.resident_id::text, ''), coalesce(e.category, ''),
        coalesce(e.resource_type, ''), coalesce(e.resource_id, ''), e.action, e.purpose,
        coalesce(e.client_ip, ''), coalesce(e.user_agent, ''), e.outcome, coalesce(e.detail, ''))
$$;

create function audit_event_digest(prev_hash text, e audit_event) returns text
language sql stable as $$
    select encode(sha256(convert_to(prev_hash || E'\x1e' || audit_event_content(e), 'UTF8')), 'hex')
$$;

-- Chains each new row under one lock (the head row's), so 16 concurrent writers still make one
-- chain; it runs with the owner's rights, so the application's role cannot touch the head itself.
-- The id, the time and the previous hash are all taken while the lock is held.
create function audit_event_chain() returns trigger
language plpgsql security definer set search_path = public as $$
declare
    head audit_chain_head%rowtype;
begin
    select * into head from audit_chain_head where singleton for update;
    new.id := nextval('audit_event_id_seq');
    new.occurred_at := clock_timestamp();
    new.prev_hash := head.last_hash;
    new.hash := audit_event_digest(head.last_hash, new);
    update audit_chain_head set last_id = new.id, last_hash = new.hash, row_count = row_count + 1 where singleton;
    return new;
end
$$;

create function audit_event_refuse_change() returns trigger
language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_event_chain before insert on audit_event for each row execute function audit_event_chain();
create trigger audit_event_no_update before update or delete on audit_event for each row execute function audit_event_refuse_change();
create trigger audit_event_no_truncate before truncate on audit_event for each statement execute function audit_event_refuse_change();

-- The application's role may only add to the trail and read it.
do $$
begin
    if exists (select from pg_roles where rolname = '${appRole}') and '${appRole}' <> current_user then
        execute format('revoke update, delete, truncate on audit_event from %I', '${appRole}');
        execute format('grant select, insert on audit_event to %I', '${appRole}');
        execute format('revoke insert, update, delete, truncate on audit_chain_head from %I', '${appRole}');
        execute format('grant select on audit_chain_head to %I', '${appRole}');
    end if;
end
$$;
