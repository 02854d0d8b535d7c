-- Work: residents' ranked job preferences, swap requests between two assignments of a week,
-- and each program's roster settings.

-- A resident's wish list, rank 1 first. The resident (or staff of their house) replaces the whole
-- list at once; the audit trail keeps who changed it and when.
create table work_job_preference (
    program_id   uuid        not null references platform_program (id),
    resident_id  uuid        not null references residents_resident (id),
    job_id       uuid        not null references work_job (id),
    rank         smallint    not null check (rank between 1 and 100),
    chosen_by    text        not null,
    chosen_at    timestamptz not null,
    primary key (resident_id, job_id),
    unique (resident_id, rank)
);

-- A resident asks to exchange their assignment with another of the same roster; staff approve
-- (the two residents exchange jobs) or decline, with a note. Kept whatever the outcome.
create table work_swap_request (
    id                  uuid        primary key,
    program_id          uuid        not null references platform_program (id),
    assignment_id       uuid        not null references work_assignment (id),
    with_assignment_id  uuid        not null references work_assignment (id),
    resident_id         uuid        not null references residents_resident (id),
    reason              text        check (reason is null or length(trim(reason)) between 1 and 500),
    status              text        not null check (status in ('REQUESTED', 'APPROVED', 'DECLINED')),
    requested_at        timestamptz not null,
    decided_by          text,
    decided_at          timestamptz,
    note                text        check (note is null or length(trim(note)) between 1 and 500),
    check (assignment_id <> with_assignment_id),
    check ((status = 'REQUESTED') = (decided_at is null))
);
create index work_swap_request_open on work_swap_request (program_id, status, requested_at);

-- How a program's rosters are proposed: nobody stays on the same job more than
-- max_consecutive_weeks weeks in a row unless it is their first preference. No row: the default, 3.
create table work_settings (
    program_id             uuid        primary key references platform_program (id),
    max_consecutive_weeks  smallint    not null default 3 check (max_consecutive_weeks between 1 and 52),
    changed_by             text        not null,
    changed_at             timestamptz not null
);
