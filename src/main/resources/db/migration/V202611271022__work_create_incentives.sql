-- Incentives (contingency management): points, kept apart from the stipend in a ledger of their
-- own, earned by the program's rules (the same rules for every resident) and redeemed for items
-- or vouchers from a catalogue, never for cash. Each entry records its worth in cents (points
-- times the point value at the time) so the yearly cap per resident can be checked. Like the
-- stipend ledger: append-only, a per-resident lock row, the balance after each entry never below zero.
create table work_incentive_rule (
    id           uuid        primary key,
    program_id   uuid        not null references platform_program (id),
    name         text        not null check (length(name) between 1 and 120),
    description  text        check (length(description) <= 2000),
    points       integer     not null check (points > 0),
    active       boolean     not null default true,
    created_by   text        not null,
    created_at   timestamptz not null,
    unique (program_id, name)
);

create table work_incentive_item (
    id           uuid        primary key,
    program_id   uuid        not null references platform_program (id),
    name         text        not null check (length(name) between 1 and 120),
    kind         text        not null check (kind in ('ITEM', 'VOUCHER')),
    points       integer     not null check (points > 0),
    active       boolean     not null default true,
    created_by   text        not null,
    created_at   timestamptz not null,
    unique (program_id, name)
);

create table work_incentive_account (
    resident_id  uuid        primary key references residents_resident (id),
    program_id   uuid        not null references platform_program (id),
    opened_at    timestamptz not null
);

create table work_incentive_entry (
    id                    uuid        primary key,
    program_id            uuid        not null references platform_program (id),
    resident_id           uuid        not null references work_incentive_account (resident_id),
    seq                   bigint      not null check (seq >= 1),
    kind                  text        not null check (kind in ('EARNED', 'REDEEMED', 'REVERSAL')),
    points                integer     not null,
    value_cents           bigint      not null,
    balance_after_points  bigint      not null check (balance_after_points >= 0),
    rule_id               uuid        references work_incentive_rule (id),
    item_id               uuid        references work_incentive_item (id),
    reverses              uuid        unique references work_incentive_entry (id),
    note                  text        check (length(note) <= 2000),
    recorded_by           text        not null,
    recorded_at           timestamptz not null,
    unique (resident_id, seq),
    check ((kind = 'EARNED' and points > 0 and rule_id is not null)
        or (kind = 'REDEEMED' and points < 0 and item_id is not null)
        or (kind = 'REVERSAL' and points <> 0 and reverses is not null and note is not null))
);
create index work_incentive_entry_year_idx on work_incentive_entry (resident_id, recorded_at);

create trigger work_incentive_entry_append_only before update or delete on work_incentive_entry
    for each row execute function work_stipend_append_only();
create trigger work_incentive_account_append_only before update or delete on work_incentive_account
    for each row execute function work_stipend_append_only();
