-- Observation rounds: a clinician's order of how often a resident is checked, the checks staff
-- record on their rounds, and the documented hand-overs of one-to-one observation.

-- One row per order. An order is never deleted: it ends at its planned end (ends_at) or early,
-- when someone ends it (ended_by, ended_at, end_reason).
create table levels_observation_order (
    id           uuid        primary key,
    program_id   uuid        not null references platform_program (id),
    resident_id  uuid        not null references residents_resident (id),
    frequency    text        not null check (frequency in ('EVERY_15', 'EVERY_30', 'EVERY_60', 'ONE_TO_ONE')),
    reason       text        not null check (length(trim(reason)) between 1 and 2000),
    starts_at    timestamptz not null,
    ends_at      timestamptz,
    ordered_by   text        not null,
    ordered_at   timestamptz not null,
    ended_by     text,
    ended_at     timestamptz,
    end_reason   text,
    check (ends_at is null or ends_at > starts_at),
    check ((ended_by is null) = (ended_at is null))
);
create index levels_observation_order_resident_idx on levels_observation_order (resident_id, starts_at desc);
create index levels_observation_order_open_idx on levels_observation_order (program_id) where ended_at is null;

-- One row per check, append-only: high volume, read by resident and time.
create table levels_observation (
    id              uuid        primary key,
    program_id      uuid        not null references platform_program (id),
    resident_id     uuid        not null references residents_resident (id),
    house_id        uuid        not null references residents_house (id),
    order_id        uuid        not null references levels_observation_order (id),
    observed_at     timestamptz not null,
    location        text        not null check (length(trim(location)) between 1 and 120),
    activity        text        not null check (length(trim(activity)) between 1 and 120),
    mood_behaviour  text        check (mood_behaviour is null or length(trim(mood_behaviour)) between 1 and 500),
    safety_concern  boolean     not null default false,
    safety_note     text        check (safety_note is null or length(trim(safety_note)) between 1 and 2000),
    observed_by     text        not null,
    recorded_at     timestamptz not null
);
create index levels_observation_resident_idx on levels_observation (resident_id, observed_at);
create index levels_observation_order_idx on levels_observation (order_id, observed_at desc);

-- One-to-one observation passes from one staff member to the next, each hand-over documented.
create table levels_observation_handover (
    id           uuid        primary key,
    program_id   uuid        not null references platform_program (id),
    order_id     uuid        not null references levels_observation_order (id),
    from_staff   text        not null,
    to_staff     text        not null check (length(trim(to_staff)) between 1 and 120),
    handed_at    timestamptz not null,
    note         text        check (note is null or length(trim(note)) between 1 and 2000),
    recorded_by  text        not null,
    recorded_at  timestamptz not null
);
create index levels_observation_handover_order_idx on levels_observation_handover (order_id, handed_at desc);
