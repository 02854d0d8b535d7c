-- Facts level criteria read, recorded by hand by staff until the module owning each kind exists
-- (attendance: groups; family contact: family; incidents: conduct; work: work). Append-only: a
-- mistaken fact is withdrawn with a reason, never changed or deleted.
create table levels_fact (
    id               uuid        primary key,
    program_id       uuid        not null references platform_program (id),
    resident_id      uuid        not null references residents_resident (id),
    kind             text        not null check (kind in ('ATTENDANCE', 'FAMILY_CONTACT', 'INCIDENT', 'WORK', 'RESPONSIBILITY')),
    occurred_on      date        not null,
    outcome          text        not null,
    detail           text        check (length(detail) <= 2000),
    recorded_by      text        not null,
    recorded_at      timestamptz not null,
    withdrawn_by     text,
    withdrawn_at     timestamptz,
    withdrawn_reason text        check (length(withdrawn_reason) <= 2000)
);
create index levels_fact_resident_idx on levels_fact (resident_id, kind, occurred_on);
create index levels_fact_program_idx on levels_fact (program_id, kind, occurred_on);
