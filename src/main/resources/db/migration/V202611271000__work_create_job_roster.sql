-- Work: the job catalogue, the weekly roster and its assignments.

-- A job of the program's catalogue, as it stands now: what it is, who may do it (minimum level,
-- the SENIOR_JOBS privilege), when it happens (ISO days of the week and a start time), how many
-- do it together, what it pays (integer cents per completion or per hour) and how it classifies
-- for labour-law review (therapeutic chore, vocational training or productive work, and who
-- benefits). house_id null means any house. A job is never deleted, only made inactive.
create table work_job (
    id                uuid        primary key,
    program_id        uuid        not null references platform_program (id),
    house_id          uuid        references residents_house (id),
    name              text        not null check (length(trim(name)) between 1 and 120),
    description       text        check (description is null or length(trim(description)) between 1 and 1000),
    skills            text[]      not null default '{}',
    min_level         smallint    not null check (min_level between 1 and 4),
    senior            boolean     not null default false,
    crew_size         smallint    not null check (crew_size between 1 and 50),
    days              smallint[]  not null check (cardinality(days) between 1 and 7 and days <@ array[1,2,3,4,5,6,7]::smallint[]),
    starts_at         time        not null,
    expected_minutes  integer     not null check (expected_minutes between 1 and 1440),
    rate_cents        bigint      not null check (rate_cents > 0),
    rate_unit         text        not null check (rate_unit in ('PER_COMPLETION', 'PER_HOUR')),
    currency          char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    supervisor        text        not null,
    classification    text        not null check (classification in ('THERAPEUTIC_CHORE', 'VOCATIONAL_TRAINING', 'PRODUCTIVE_WORK')),
    beneficiary       text        not null check (length(trim(beneficiary)) between 1 and 200),
    active            boolean     not null default true,
    version           integer     not null default 1 check (version >= 1),
    created_by        text        not null,
    created_at        timestamptz not null,
    updated_by        text,
    updated_at        timestamptz
);
create index work_job_program on work_job (program_id, name);

-- A week's roster for the whole program: proposed by staff, adjusted, then published. A newer
-- proposal for the same week supersedes the older ones (kept, not deleted). At most one roster
-- per program and week is published.
create table work_roster (
    id            uuid        primary key,
    program_id    uuid        not null references platform_program (id),
    week_start    date        not null check (extract(isodow from week_start) = 1),
    status        text        not null check (status in ('PROPOSED', 'PUBLISHED', 'SUPERSEDED')),
    created_by    text        not null,
    created_at    timestamptz not null,
    published_by  text,
    published_at  timestamptz,
    check ((status = 'PUBLISHED') = (published_at is not null))
);
create unique index work_roster_one_published on work_roster (program_id, week_start) where status = 'PUBLISHED';
create index work_roster_week on work_roster (program_id, week_start, created_at desc);

-- One resident on one job for the roster's week. The job's terms (rate, unit, currency, expected
-- minutes) are copied when the roster is proposed, so a later change of rate does not rewrite
-- the week. chosen: the job was among the resident's preferences. house_id: where the resident
-- lived when the roster was proposed (crew sizes count per house).
create table work_assignment (
    id                uuid        primary key,
    program_id        uuid        not null references platform_program (id),
    roster_id         uuid        not null references work_roster (id),
    job_id            uuid        not null references work_job (id),
    resident_id       uuid        not null references residents_resident (id),
    house_id          uuid        references residents_house (id),
    rate_cents        bigint      not null check (rate_cents > 0),
    rate_unit         text        not null check (rate_unit in ('PER_COMPLETION', 'PER_HOUR')),
    currency          char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    expected_minutes  integer     not null check (expected_minutes between 1 and 1440),
    chosen            boolean     not null default false,
    created_at        timestamptz not null,
    updated_by        text,
    updated_at        timestamptz,
    unique (roster_id, resident_id) deferrable initially deferred
);
create index work_assignment_roster on work_assignment (roster_id, job_id);
create index work_assignment_resident on work_assignment (resident_id, roster_id);
