-- Group notes: one note per occurrence of a session (session_id, occurs_on), its shared part written
-- once (topic, interventions used, materials), and one individual entry per resident who attended
-- (participation on a four-step scale, progress on each linked objective of the resident's plan, a
-- short observation of their own). Signed through the signature component (kind "group-note"):
-- signed_at and late are set in the transaction that stores the signature, after which the note
-- and its entries never change (a trigger refuses it); addenda are added after signing, never changed.
create table sessions_note (
    id                  uuid primary key,
    program_id          uuid not null,
    session_id          uuid not null references sessions_session (id),
    occurs_on           date not null,
    topic               varchar(300),
    interventions       varchar(2000),
    materials           varchar(1000),
    revision            integer not null default 0,
    created_by          uuid not null,
    created_by_name     varchar(200) not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    ends_at             timestamptz,
    signed_at           timestamptz,
    signed_by           uuid,
    signed_by_name      varchar(200),
    late                boolean not null default false,
    unique (session_id, occurs_on)
);

create index sessions_note_program on sessions_note (program_id, occurs_on);

create table sessions_note_entry (
    note_id             uuid not null references sessions_note (id),
    resident_id         uuid not null references residents_resident (id),
    program_id          uuid not null,
    participation       varchar(12) check (participation in ('MINIMAL', 'PROMPTED', 'ACTIVE', 'LEADING')),
    observation         varchar(1000),
    written_by          uuid not null,
    written_by_name     varchar(200) not null,
    written_at          timestamptz not null,
    primary key (note_id, resident_id)
);

create index sessions_note_entry_resident on sessions_note_entry (resident_id);

-- Progress on one objective (a plans_item of kind OBJECTIVE of the version in force) in the session;
-- its words are kept as they were, so the signed note reads the same after the plan changes.
create table sessions_note_progress (
    note_id             uuid not null,
    resident_id         uuid not null,
    objective_id        uuid not null,
    objective_text      varchar(2000) not null,
    progress            varchar(20) not null check (progress in ('MET', 'PROGRESSING', 'NOT_PROGRESSING')),
    primary key (note_id, resident_id, objective_id),
    foreign key (note_id, resident_id) references sessions_note_entry (note_id, resident_id)
);

create table sessions_note_addendum (
    id                  uuid primary key,
    note_id             uuid not null references sessions_note (id),
    program_id          uuid not null,
    text                varchar(2000) not null,
    author_account_id   uuid not null,
    author_name         varchar(200) not null,
    written_at          timestamptz not null
);

create index sessions_note_addendum_note on sessions_note_addendum (note_id, written_at);

-- A signed note never changes: its shared part, entries and progress are refused any change; the
-- signing itself (signed_at from null) is the one update allowed.
create function sessions_note_immutable() returns trigger language plpgsql as $$
declare
    signed boolean;
begin
    if tg_table_name = 'sessions_note' then
        if old.signed_at is not null then
            raise exception 'a signed group note never changes';
        end if;
        return new;
    end if;
    select n.signed_at is not null into signed from sessions_note n
     where n.id = (case when tg_op = 'INSERT' then new.note_id else old.note_id end);
    if signed then
        raise exception 'a signed group note never changes';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end;
$$;

create trigger sessions_note_signed before update or delete on sessions_note
    for each row execute function sessions_note_immutable();
create trigger sessions_note_entry_signed before insert or update or delete on sessions_note_entry
    for each row execute function sessions_note_immutable();
create trigger sessions_note_progress_signed before insert or update or delete on sessions_note_progress
    for each row execute function sessions_note_immutable();
