-- Houses and their beds, residents, and stays (an admission to a bed until discharge).
create table residents_house (
    id          uuid        primary key,
    program_id  uuid        not null references platform_program (id),
    name        text        not null check (length(trim(name)) between 1 and 80),
    kind        text        not null check (kind in ('MEN', 'WOMEN', 'MIXED')),
    address     text,
    created_at  timestamptz not null default now(),
    version     integer     not null default 0
);
create unique index residents_house_name_uq on residents_house (program_id, lower(name));

create table residents_bed (
    id         uuid primary key,
    program_id uuid not null references platform_program (id),
    house_id   uuid not null references residents_house (id),
    room       text not null,
    label      text not null,
    unique (house_id, label)
);
create index residents_bed_house_idx on residents_bed (house_id);

create table residents_resident (
    id             uuid        primary key,
    program_id     uuid        not null references platform_program (id),
    given_name     text        not null check (length(trim(given_name)) between 1 and 80),
    family_name    text        not null check (length(trim(family_name)) between 1 and 80),
    preferred_name text,
    birth_date     date        not null,
    created_at     timestamptz not null default now(),
    version        integer     not null default 0
);
create index residents_resident_program_idx on residents_resident (program_id, family_name, given_name);

create table residents_stay (
    id            uuid primary key,
    program_id    uuid not null references platform_program (id),
    resident_id   uuid not null references residents_resident (id),
    house_id      uuid not null references residents_house (id),
    bed_id        uuid not null references residents_bed (id),
    admitted_on   date not null,
    discharged_on date,
    check (discharged_on is null or discharged_on >= admitted_on)
);
-- a bed holds one resident at a time, and a resident has one open stay at a time
create unique index residents_stay_open_bed_uq on residents_stay (bed_id) where discharged_on is null;
create unique index residents_stay_open_resident_uq on residents_stay (resident_id) where discharged_on is null;
create index residents_stay_resident_idx on residents_stay (resident_id, admitted_on);
