-- Level of responsibility history: append-only; a resident's current level is the latest row.
create table levels_assignment (
    id             uuid        primary key,
    program_id     uuid        not null references platform_program (id),
    resident_id    uuid        not null references residents_resident (id),
    level          smallint    not null check (level between 1 and 4),
    effective_on   date        not null,
    decided_by     text        not null,
    rationale      text        not null check (length(trim(rationale)) between 1 and 2000),
    recorded_at    timestamptz not null default now()
);
create index levels_assignment_resident_idx on levels_assignment (resident_id, effective_on desc, recorded_at desc);
