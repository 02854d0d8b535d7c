-- Work: the verified completions of a program by day, for the levels evidence read over many
-- residents at once; and the corrections of a verified completion, which keep what it said before.
create index work_completion_verified_day on work_completion (program_id, occurs_on) where verified_at is not null;

create table work_completion_correction (
    id                uuid        primary key,
    program_id        uuid        not null references platform_program (id),
    completion_id     uuid        not null references work_completion (id),
    previous_outcome  text        not null check (previous_outcome in ('DONE', 'PARTLY_DONE', 'NOT_DONE')),
    previous_minutes  integer     not null,
    outcome           text        not null check (outcome in ('DONE', 'PARTLY_DONE', 'NOT_DONE')),
    minutes           integer     not null check (minutes between 0 and 1440),
    reason            text        not null check (length(trim(reason)) between 1 and 2000),
    corrected_by      text        not null,
    corrected_at      timestamptz not null
);
create index work_completion_correction_completion on work_completion_correction (completion_id, corrected_at);
