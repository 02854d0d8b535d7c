-- The daily census snapshot: each house's beds and residents at the end of a day, with the
-- day's admissions and discharges, kept for the occupancy report.
create table residents_census_snapshot (
    program_id    uuid        not null references platform_program (id),
    house_id      uuid        not null references residents_house (id),
    snapshot_date date        not null,
    beds          integer     not null check (beds >= 0),
    occupied      integer     not null check (occupied >= 0),
    admissions    integer     not null check (admissions >= 0),
    discharges    integer     not null check (discharges >= 0),
    taken_at      timestamptz not null,
    primary key (house_id, snapshot_date)
);
create index residents_census_snapshot_program_idx on residents_census_snapshot (program_id, snapshot_date);
