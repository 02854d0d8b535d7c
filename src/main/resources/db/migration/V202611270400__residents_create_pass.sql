-- Passes out of the house (whereabouts) and each house's curfew.
-- A house's curfew is the time of day residents must be back; null means the house has none.
alter table residents_house add column curfew time;

-- One row per pass: signed out with destination, purpose, companion and expected return, then
-- signed back in. Rows are never deleted; a pass is open while returned_at is null.
create table residents_pass (
    id                   uuid        primary key,
    program_id           uuid        not null references platform_program (id),
    resident_id          uuid        not null references residents_resident (id),
    stay_id              uuid        not null references residents_stay (id),
    house_id             uuid        not null references residents_house (id),
    destination          text        not null check (length(trim(destination)) between 1 and 200),
    purpose              text        not null check (length(trim(purpose)) between 1 and 200),
    companion            text        check (companion is null or length(trim(companion)) between 1 and 120),
    left_at              timestamptz not null,
    expected_back_at     timestamptz not null,
    -- staff allowed this pass to end after the house's curfew (a late or overnight pass)
    past_curfew          boolean     not null default false,
    -- the staff account that approved the pass; until levels answers, the one who signed it out
    approved_by          text        not null,
    signed_out_by        text        not null,
    returned_at          timestamptz,
    returned_recorded_by text,
    return_note          text,
    -- when Milieu first noticed the pass overdue (null while it is not, or was never noticed)
    overdue_noticed_at   timestamptz,
    created_at           timestamptz not null default now(),
    check (expected_back_at > left_at),
    check (returned_at is null or returned_at >= left_at),
    check ((returned_at is null) = (returned_recorded_by is null))
);
-- a resident is out on at most one pass at a time, also when two sign-outs race
create unique index residents_pass_open_resident_uq on residents_pass (resident_id) where returned_at is null;
create index residents_pass_resident_idx on residents_pass (resident_id, left_at);
create index residents_pass_open_idx on residents_pass (program_id, expected_back_at) where returned_at is null;
