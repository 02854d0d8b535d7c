-- One row per therapeutic community served by this installation; every table of
-- community data refers to it through program_id.
create table platform_program (
    id         uuid        primary key,
    name       text        not null check (length(trim(name)) between 1 and 120),
    time_zone  text        not null default 'UTC',
    created_at timestamptz not null default now()
);
