-- Therapeutic sessions: the kinds of session a program holds (the techniques of the model), and the
-- sessions themselves, one-off or recurring by an RFC 5545 rule, with their facilitators, attendees
-- and the exceptions of single occurrences. Times are local to the program's time zone (a weekly
-- group at 10:00 stays at 10:00 across a change of daylight saving time). An occurrence is named by
-- its session and the date its rule gives it (occurs_on), kept even when the occurrence is moved:
-- attendance and notes refer to that pair.

-- A kind of session. The six techniques are the defaults (code set, words from the application in
-- every language until the director names one); the director adds kinds of their own (code null).
-- Retired, never deleted: sessions of a retired kind keep it.
create table sessions_type (
    id                  uuid primary key,
    program_id          uuid not null,
    code                varchar(40),
    name                varchar(120),
    duration_minutes    integer not null check (duration_minutes between 5 and 480),
    facilitator_roles   varchar(100) not null,
    minimum_level       integer check (minimum_level between 1 and 9),
    mandatory_levels    integer[] not null default '{}',
    family              boolean not null default false,
    position            integer not null,
    retired_at          timestamptz,
    revision            integer not null default 0,
    created_at          timestamptz not null,
    check (code is not null or name is not null)
);

create unique index sessions_type_code on sessions_type (program_id, code) where code is not null;
create unique index sessions_type_name on sessions_type (program_id, lower(name)) where name is not null;

-- A session: one occurrence (rrule null) or a series by its rule from first_on. The attendees are a
-- house's residents on the day, an approved small group's members on the day, or named residents.
create table sessions_session (
    id                  uuid primary key,
    program_id          uuid not null,
    type_id             uuid not null references sessions_type (id),
    title               varchar(200) not null,
    house_id            uuid,
    room                varchar(120),
    first_on            date not null,
    starts_at           time not null,
    duration_minutes    integer not null check (duration_minutes between 5 and 480),
    rrule               varchar(500),
    last_on             date,
    attendee_kind       varchar(12) not null check (attendee_kind in ('HOUSE', 'GROUP', 'RESIDENTS')),
    attendee_house_id   uuid,
    attendee_group_id   uuid,
    cancelled_at        timestamptz,
    cancelled_reason    varchar(500),
    version             integer not null default 0,
    created_by          uuid not null,
    created_by_name     varchar(200) not null,
    created_at          timestamptz not null,
    check (attendee_kind <> 'HOUSE' or attendee_house_id is not null),
    check (attendee_kind <> 'GROUP' or attendee_group_id is not null)
);

-- last_on is the rule's last date when it has one (UNTIL or COUNT), null for an open series
create index sessions_session_program on sessions_session (program_id, first_on, last_on);
create index sessions_session_house on sessions_session (attendee_house_id) where attendee_house_id is not null;
create index sessions_session_group on sessions_session (attendee_group_id) where attendee_group_id is not null;

create table sessions_facilitator (
    session_id  uuid not null references sessions_session (id),
    account_id  uuid not null,
    name        varchar(200) not null,
    primary key (session_id, account_id)
);

create index sessions_facilitator_account on sessions_facilitator (account_id);

create table sessions_attendee (
    session_id  uuid not null references sessions_session (id),
    resident_id uuid not null references residents_resident (id),
    removed_on  date,
    primary key (session_id, resident_id)
);

create index sessions_attendee_resident on sessions_attendee (resident_id);

-- One occurrence changed: cancelled (an EXDATE of the series) or moved to another day, time or room.
create table sessions_exception (
    session_id  uuid not null references sessions_session (id),
    occurs_on   date not null,
    kind        varchar(10) not null check (kind in ('CANCELLED', 'MOVED')),
    moved_on    date,
    moved_at    time,
    room        varchar(120),
    reason      varchar(500),
    recorded_by uuid not null,
    recorded_by_name varchar(200) not null,
    recorded_at timestamptz not null,
    primary key (session_id, occurs_on),
    check (kind <> 'MOVED' or (moved_on is not null and moved_at is not null))
);

-- The roll call of an occurrence: one row per resident, present, late, left early, absent or excused
-- (with a reason), and whether they came without being expected (a walk-in). The attendance module's
-- services write it; the level evidence and the group note read it.
create table sessions_attendance (
    session_id  uuid not null references sessions_session (id),
    occurs_on   date not null,
    resident_id uuid not null references residents_resident (id),
    program_id  uuid not null,
    status      varchar(12) not null check (status in ('PRESENT', 'LATE', 'LEFT_EARLY', 'ABSENT', 'EXCUSED')),
    reason      varchar(500),
    walk_in     boolean not null default false,
    recorded_by uuid not null,
    recorded_by_name varchar(200) not null,
    recorded_at timestamptz not null,
    primary key (session_id, occurs_on, resident_id),
    check (status <> 'EXCUSED' or reason is not null)
);

create index sessions_attendance_resident on sessions_attendance (resident_id, occurs_on);
create index sessions_attendance_program on sessions_attendance (program_id, occurs_on);
