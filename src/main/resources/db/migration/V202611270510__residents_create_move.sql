-- Moves between beds and houses during a stay: the stay points at the current bed, and each
-- move is kept with where from, where to, when, by whom and why.
create table residents_move (
    id          uuid        primary key,
    program_id  uuid        not null references platform_program (id),
    stay_id     uuid        not null references residents_stay (id),
    resident_id uuid        not null references residents_resident (id),
    from_house  uuid        not null references residents_house (id),
    from_bed    uuid        not null references residents_bed (id),
    to_house    uuid        not null references residents_house (id),
    to_bed      uuid        not null references residents_bed (id),
    moved_on    date        not null,
    moved_by    text        not null,
    reason      text,
    recorded_at timestamptz not null default now(),
    check (from_bed <> to_bed)
);
create index residents_move_resident_idx on residents_move (resident_id, moved_on);
