-- Templates per program for common problems: a problem (area, words, clinical words) with goals,
-- measurable objectives (a measure and a target some days after the version starts) and
-- interventions (who, how often). The director keeps them; a clinician adds one to a draft, and each
-- part it adds names the template and keeps the template's words, so the draft can show what is
-- still the template's text (never signed unchanged). Templates hold no resident data; a retired one
-- stays for the parts that came from it.
create table plans_template (
    id              uuid primary key,
    program_id      uuid not null references platform_program (id),
    name            varchar(120) not null,
    area            varchar(80) not null,
    problem_text    varchar(2000) not null,
    clinical_text   varchar(2000),
    revision        integer not null default 0,
    created_by      uuid not null,
    created_by_name varchar(200) not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    retired_at      timestamptz
);

create unique index plans_template_name on plans_template (program_id, lower(name)) where retired_at is null;

create table plans_template_part (
    template_id        uuid not null references plans_template (id),
    position           integer not null,
    program_id         uuid not null,
    kind               varchar(20) not null check (kind in ('GOAL', 'OBJECTIVE', 'INTERVENTION')),
    text               varchar(2000) not null,
    measure            varchar(1000),
    target_offset_days integer check (target_offset_days between 1 and 730),
    responsible        varchar(200),
    frequency          varchar(200),
    primary key (template_id, position),
    check (kind <> 'OBJECTIVE' or (measure is not null and target_offset_days is not null)),
    check (kind <> 'INTERVENTION' or (responsible is not null and frequency is not null))
);

-- A program's example templates are written once, the first time anyone there opens its templates.
create table plans_template_seeding (
    program_id uuid primary key references platform_program (id),
    seeded_at  timestamptz not null
);

-- The template a part of a plan came from, and the template's words as they were added: the part is
-- still the template's text while its text equals template_text.
alter table plans_item add column template_id uuid references plans_template (id);
alter table plans_item add column template_name varchar(120);
alter table plans_item add column template_text varchar(2000);
