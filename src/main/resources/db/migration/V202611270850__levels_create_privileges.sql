-- Privileges of the levels of responsibility: each program's catalogue (which freedom comes with
-- which level), its history, and individual grants and restrictions for one resident.

-- The catalogue, one row per privilege of a program, as it stands now. The default privileges
-- (custom = false) take their name and description from the message bundles by code; the
-- director may add custom ones with a name and description of their own. A privilege is never
-- deleted, only made inactive; every version is copied to levels_privilege_change below.
create table levels_privilege (
    id           uuid        primary key,
    program_id   uuid        not null references platform_program (id),
    code         text        not null check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name         text        check (name is null or length(trim(name)) between 1 and 120),
    description  text        check (description is null or length(trim(description)) between 1 and 500),
    min_level    smallint    not null check (min_level between 1 and 4),
    active       boolean     not null,
    custom       boolean     not null,
    version      integer     not null check (version >= 1),
    changed_by   text        not null,
    changed_at   timestamptz not null,
    unique (program_id, code),
    check (custom = (name is not null)),
    check (custom or description is null)
);

-- Every version of every privilege, from the first, append-only: the catalogue's history.
create table levels_privilege_change (
    id            uuid        primary key,
    program_id    uuid        not null references platform_program (id),
    privilege_id  uuid        not null references levels_privilege (id),
    version       integer     not null,
    name          text,
    description   text,
    min_level     smallint    not null check (min_level between 1 and 4),
    active        boolean     not null,
    reason        text        check (reason is null or length(trim(reason)) between 1 and 500),
    changed_by    text        not null,
    changed_at    timestamptz not null,
    unique (privilege_id, version)
);

create function levels_privilege_never_deleted() returns trigger language plpgsql as $$
begin
    raise exception 'privileges are never deleted; make them inactive instead';
end
$$;
create trigger levels_privilege_never_deleted before delete on levels_privilege
    for each row execute function levels_privilege_never_deleted();

create function levels_privilege_change_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the history of the privilege catalogue is append-only';
end
$$;
create trigger levels_privilege_change_append_only before update or delete on levels_privilege_change
    for each row execute function levels_privilege_change_append_only();

-- An individual grant (allowed below the privilege's level) or restriction (refused whatever
-- the level) of one privilege for one resident, from starts_at until ends_at (null: until
-- someone ends it), always with a reason. Never deleted: ending one early sets ended_by,
-- ended_at and end_reason once, and nothing else of a row ever changes.
create table levels_privilege_adjustment (
    id            uuid        primary key,
    program_id    uuid        not null references platform_program (id),
    resident_id   uuid        not null references residents_resident (id),
    privilege_id  uuid        not null references levels_privilege (id),
    kind          text        not null check (kind in ('GRANT', 'RESTRICT')),
    starts_at     timestamptz not null,
    ends_at       timestamptz,
    reason        text        not null check (length(trim(reason)) between 1 and 2000),
    decided_by    text        not null,
    decided_at    timestamptz not null,
    ended_by      text,
    ended_at      timestamptz,
    end_reason    text        check (end_reason is null or length(trim(end_reason)) between 1 and 2000),
    check (ends_at is null or ends_at > starts_at),
    check ((ended_by is null) = (ended_at is null) and (ended_at is null) = (end_reason is null))
);
create index levels_privilege_adjustment_resident_idx on levels_privilege_adjustment (resident_id, starts_at desc);

create function levels_privilege_adjustment_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'privilege grants and restrictions are never deleted; end them instead';
    end if;
    if old.ended_at is not null or new.ended_at is null
       or (to_jsonb(new) - 'ended_by' - 'ended_at' - 'end_reason')
          <> (to_jsonb(old) - 'ended_by' - 'ended_at' - 'end_reason') then
        raise exception 'privilege grants and restrictions are append-only; only ending one, once, changes it';
    end if;
    return new;
end
$$;
create trigger levels_privilege_adjustment_append_only before update or delete on levels_privilege_adjustment
    for each row execute function levels_privilege_adjustment_append_only();
