-- Individualized treatment plans: one plan per resident of a program, kept as versions. A version
-- is a DRAFT while the team and the resident write it, IN_FORCE once the clinician has signed and
-- the resident has signed or declined, SUPERSEDED when a later version comes into force, ENDED when
-- a draft is closed without coming into force (a discharge). Signed versions never change: their
-- signatures in sig_signature name the hash of their content.
create table plans_plan (
    id          uuid primary key,
    program_id  uuid not null,
    resident_id uuid not null references residents_resident (id),
    created_at  timestamptz not null,
    unique (program_id, resident_id)
);

create table plans_version (
    plan_id         uuid not null references plans_plan (id),
    number          integer not null check (number >= 1),
    program_id      uuid not null,
    status          varchar(20) not null check (status in ('DRAFT', 'IN_FORCE', 'SUPERSEDED', 'ENDED')),
    starts_on       date not null,
    revision        integer not null default 0,
    created_by      uuid not null,
    created_by_name varchar(200) not null,
    created_at      timestamptz not null,
    first_signed_at timestamptz,
    clinician_signed_at timestamptz,
    resident_answered_at timestamptz,
    resident_declined boolean not null default false,
    in_force_at     timestamptz,
    ended_at        timestamptz,
    ended_reason    varchar(500),
    primary key (plan_id, number)
);

create index plans_version_status on plans_version (program_id, status);

-- The parts of a version, one row each, in the order written; every row says who wrote it and in
-- which role, and whether the words are the resident's own.
create table plans_item (
    id              uuid primary key,
    plan_id         uuid not null,
    version_number  integer not null,
    program_id      uuid not null,
    position        integer not null,
    kind            varchar(20) not null check (kind in ('PROBLEM', 'STRENGTH', 'NEED', 'ABILITY', 'PREFERENCE',
                        'GOAL', 'OBJECTIVE', 'INTERVENTION', 'COMMENT')),
    area            varchar(80),
    text            varchar(2000) not null,
    clinical_text   varchar(2000),
    measure         varchar(1000),
    target_date     date,
    responsible     varchar(200),
    frequency       varchar(200),
    author_account_id uuid not null,
    author_name     varchar(200) not null,
    author_role     varchar(20) not null,
    residents_words boolean not null default false,
    foreign key (plan_id, version_number) references plans_version (plan_id, number),
    check (kind <> 'OBJECTIVE' or (measure is not null and target_date is not null))
);

create index plans_item_version on plans_item (plan_id, version_number, position);
