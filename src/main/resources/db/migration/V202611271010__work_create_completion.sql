-- Work: each occurrence of an assigned job, marked done, partly done or not done for one person,
-- by the supervising staff (verified at once) or by a resident coordinator (verified later by
-- staff). A verified completion earns its stipend through the ledger (stipend_entry_id). Rows are
-- never deleted; a mark is verified once.
create table work_completion (
    id                  uuid        primary key,
    program_id          uuid        not null references platform_program (id),
    assignment_id       uuid        not null references work_assignment (id),
    occurs_on           date        not null,
    outcome             text        not null check (outcome in ('DONE', 'PARTLY_DONE', 'NOT_DONE')),
    quality             smallint    check (quality between 1 and 5),
    minutes             integer     not null check (minutes between 0 and 1440),
    note                text        check (note is null or length(note) <= 2000),
    marked_by           text        not null,
    marked_by_resident  uuid        references residents_resident (id),
    marked_at           timestamptz not null,
    verified_by         text,
    verified_at         timestamptz,
    earned_cents        bigint      check (earned_cents >= 0),
    currency            char(3)     not null,
    stipend_entry_id    uuid,
    unique (assignment_id, occurs_on),
    check ((verified_at is null) = (verified_by is null)),
    check (verified_at is null or earned_cents is not null)
);

create index work_completion_unverified on work_completion (program_id, marked_at) where verified_at is null;
create index work_completion_assignment on work_completion (assignment_id);
