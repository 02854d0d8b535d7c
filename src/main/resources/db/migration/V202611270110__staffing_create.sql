-- Staffing: the program's shifts, the minimum staffing per house and shift, the planned roster,
-- who is actually on shift (check-in to check-out), ratio alerts and shift hand-off notes.

-- Three shifts a day; each starts where the previous one ends, so every moment is in one shift.
create table staffing_shift (
    program_id uuid not null references platform_program (id),
    code       text not null check (code in ('DAY', 'EVENING', 'NIGHT')),
    starts_at  time not null,
    primary key (program_id, code)
);

-- At most this many residents per staff member on shift; more, and the house is under its minimum.
create table staffing_minimum (
    program_id         uuid    not null references platform_program (id),
    house_id           uuid    not null references residents_house (id),
    shift              text    not null check (shift in ('DAY', 'EVENING', 'NIGHT')),
    residents_per_staff integer not null check (residents_per_staff between 1 and 100),
    primary key (house_id, shift)
);

-- Who is planned for which house, date and shift.
create table staffing_roster_entry (
    id          uuid        primary key,
    program_id  uuid        not null references platform_program (id),
    house_id    uuid        not null references residents_house (id),
    shift_date  date        not null,
    shift       text        not null check (shift in ('DAY', 'EVENING', 'NIGHT')),
    account_id  uuid        not null references identity_account (id),
    added_by    text        not null,
    added_at    timestamptz not null default now(),
    unique (house_id, shift_date, shift, account_id)
);
create index staffing_roster_date_idx on staffing_roster_entry (program_id, shift_date);

-- Who is on shift: from check-in to check-out. One open check-in per person.
create table staffing_check_in (
    id              uuid        primary key,
    program_id      uuid        not null references platform_program (id),
    house_id        uuid        not null references residents_house (id),
    account_id      uuid        not null references identity_account (id),
    checked_in_at   timestamptz not null,
    checked_out_at  timestamptz,
    checked_out_by  text check (checked_out_by is null or length(checked_out_by) <= 80),
    check (checked_out_at is null or checked_out_at >= checked_in_at)
);
create unique index staffing_check_in_open_uq on staffing_check_in (account_id) where checked_out_at is null;
create index staffing_check_in_house_idx on staffing_check_in (house_id, checked_in_at);

-- A house under its staffing minimum, from when it was noticed until it was staffed again.
create table staffing_ratio_alert (
    id                  uuid        primary key,
    program_id          uuid        not null references platform_program (id),
    house_id            uuid        not null references residents_house (id),
    shift               text        not null check (shift in ('DAY', 'EVENING', 'NIGHT')),
    residents           integer     not null,
    staff               integer     not null,
    minimum             integer     not null,
    started_at          timestamptz not null,
    ended_at            timestamptz,
    check (ended_at is null or ended_at >= started_at)
);
create unique index staffing_ratio_alert_open_uq on staffing_ratio_alert (house_id) where ended_at is null;
create index staffing_ratio_alert_house_idx on staffing_ratio_alert (house_id, started_at);

-- What the outgoing shift tells the incoming one; acknowledged by someone of the next shift.
create table staffing_handoff_note (
    id               uuid        primary key,
    program_id       uuid        not null references platform_program (id),
    house_id         uuid        not null references residents_house (id),
    shift_date       date        not null,
    shift            text        not null check (shift in ('DAY', 'EVENING', 'NIGHT')),
    body             text        not null check (length(trim(body)) between 1 and 4000),
    written_by       uuid        not null references identity_account (id),
    written_at       timestamptz not null,
    acknowledged_by  uuid        references identity_account (id),
    acknowledged_at  timestamptz,
    check ((acknowledged_by is null) = (acknowledged_at is null))
);
create index staffing_handoff_open_idx on staffing_handoff_note (house_id, written_at) where acknowledged_at is null;
