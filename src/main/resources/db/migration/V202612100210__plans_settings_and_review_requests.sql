-- A program's terms for treatment plans: how many days after admission the first plan must be in
-- force, and how many days apart its reviews fall. A program without a row has the defaults (7, 30).
create table plans_settings (
    program_id          uuid primary key,
    initial_plan_days   integer not null check (initial_plan_days between 1 and 365),
    review_interval_days integer not null check (review_interval_days between 1 and 365),
    revision            integer not null default 0,
    updated_by          uuid not null,
    updated_by_name     varchar(200) not null,
    updated_at          timestamptz not null
);

-- The areas a problem of a plan belongs to, the director's list per program. The six ASAM dimensions
-- are the first ones (their words are the application's, in every language, until the director gives
-- one a name of their own). An area is retired, never deleted: parts written in it keep it.
create table plans_area (
    program_id  uuid not null,
    code        varchar(80) not null,
    name        varchar(200),
    position    integer not null,
    retired_at  timestamptz,
    created_at  timestamptz not null,
    primary key (program_id, code)
);

create unique index plans_area_name on plans_area (program_id, lower(name)) where name is not null;

-- A resident's own review interval, set by their clinician with a reason; the newest row holds
-- (interval_days null: back to the program's interval). Kept as a history, never changed.
create table plans_review_interval (
    id              uuid primary key,
    program_id      uuid not null,
    resident_id     uuid not null references residents_resident (id),
    interval_days   integer check (interval_days between 1 and 365),
    reason          varchar(500) not null,
    set_by          uuid not null,
    set_by_name     varchar(200) not null,
    set_at          timestamptz not null
);

create index plans_review_interval_resident on plans_review_interval (program_id, resident_id, set_at);

-- A review asked for by an event in the resident's stay: a level change, a major incident, a
-- readmission. It is open until a review of the plan is signed after it was asked for.
create table plans_review_request (
    id              uuid primary key,
    program_id      uuid not null,
    resident_id     uuid not null references residents_resident (id),
    plan_id         uuid not null references plans_plan (id),
    reason          varchar(20) not null check (reason in ('LEVEL_CHANGE', 'MAJOR_INCIDENT', 'READMISSION')),
    requested_at    timestamptz not null,
    event_id        uuid not null,
    unique (reason, event_id)
);

create index plans_review_request_plan on plans_review_request (program_id, plan_id, requested_at);
