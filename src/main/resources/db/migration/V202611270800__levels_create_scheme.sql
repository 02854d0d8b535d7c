-- The level scheme, versioned: each version applies from its date; a version is never changed
-- or deleted, a change is a new version. Until a program publishes one, the built-in default applies.
create table levels_scheme_version (
    id              uuid        primary key,
    program_id      uuid        not null references platform_program (id),
    effective_from  date        not null,
    document        jsonb       not null,
    note            text        check (length(note) <= 2000),
    published_by    text        not null,
    published_at    timestamptz not null,
    unique (program_id, effective_from)
);

-- A clinician's adaptation of one criterion for one resident (another window or threshold), or a
-- waiver of a waivable criterion, always with a reason. Ended, never deleted.
create table levels_criterion_adjustment (
    id             uuid        primary key,
    program_id     uuid        not null references platform_program (id),
    resident_id    uuid        not null references residents_resident (id),
    to_level       smallint    not null check (to_level between 2 and 4),
    criterion_key  text        not null,
    kind           text        not null check (kind in ('ADAPT', 'WAIVE')),
    window_days    integer     check (window_days between 1 and 365),
    threshold      numeric(8, 2),
    reason         text        not null check (length(trim(reason)) between 1 and 2000),
    made_by        text        not null,
    made_at        timestamptz not null,
    ended_by       text,
    ended_at       timestamptz,
    end_reason     text        check (length(end_reason) <= 2000),
    check (kind = 'WAIVE' or window_days is not null or threshold is not null)
);
create unique index levels_criterion_adjustment_active_idx
    on levels_criterion_adjustment (resident_id, to_level, criterion_key) where ended_at is null;

create function levels_scheme_version_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'a level scheme version is never changed or deleted; publish a new version';
end
$$;
create trigger levels_scheme_version_immutable before update or delete on levels_scheme_version
    for each row execute function levels_scheme_version_immutable();
