-- Drug screens: one row per specimen collected (or refused), with one result per substance the
-- panel tested. Screens are never deleted: a mistaken one is voided with who, when and why.
create table screening_drug_screen (
    id                  uuid        primary key,
    program_id          uuid        not null references platform_program (id),
    resident_id         uuid        not null references residents_resident (id),
    collected_at        timestamptz not null,
    specimen            text        not null check (specimen in ('URINE', 'ORAL_FLUID', 'BREATH', 'HAIR')),
    panel               text        not null check (panel in ('FIVE_PANEL', 'TEN_PANEL', 'TWELVE_PANEL', 'ALCOHOL', 'CUSTOM')),
    observed            boolean     not null,
    chain_of_custody_id text        check (chain_of_custody_id ~ '^[A-Za-z0-9-]{1,60}$'),
    collected_by        text        not null check (length(trim(collected_by)) between 1 and 120),
    refused             boolean     not null,
    outcome             text        not null check (outcome in ('NEGATIVE', 'POSITIVE', 'INVALID', 'REFUSED')),
    note                text        check (length(note) <= 2000),
    recorded_by         text        not null,
    recorded_at         timestamptz not null default now(),
    voided_at           timestamptz,
    voided_by           text,
    void_reason         text,
    check (refused = (outcome = 'REFUSED')),
    check ((voided_at is null) = (voided_by is null) and (voided_at is null) = (void_reason is null))
);
-- a chain-of-custody form is used once per program
create unique index screening_drug_screen_custody_uq on screening_drug_screen (program_id, chain_of_custody_id)
    where chain_of_custody_id is not null;
create index screening_drug_screen_resident_idx on screening_drug_screen (program_id, resident_id, collected_at desc);

create table screening_substance_result (
    screen_id  uuid not null references screening_drug_screen (id),
    program_id uuid not null references platform_program (id),
    substance  text not null,
    result     text not null check (result in ('NEGATIVE', 'POSITIVE', 'INVALID')),
    primary key (screen_id, substance)
);

-- A positive or refused screen is followed up by the resident's clinician. identity sits
-- upstream of screening, so the clinician's account may be referenced.
create table screening_follow_up (
    id                    uuid        primary key,
    program_id            uuid        not null references platform_program (id),
    screen_id             uuid        not null references screening_drug_screen (id),
    resident_id           uuid        not null references residents_resident (id),
    clinician_account_id  uuid        not null references identity_account (id),
    status                text        not null default 'OPEN' check (status in ('OPEN', 'DONE')),
    opened_at             timestamptz not null default now(),
    closed_at             timestamptz,
    closed_by             text,
    close_note            text        check (length(close_note) <= 2000),
    unique (screen_id, clinician_account_id),
    check ((status = 'DONE') = (closed_at is not null) and (closed_at is null) = (closed_by is null))
);
create index screening_follow_up_open_idx on screening_follow_up (clinician_account_id) where status = 'OPEN';
create index screening_follow_up_screen_idx on screening_follow_up (screen_id);
