-- The stipend ledger: an append-only list of entries per resident. The balance is the sum of the
-- entries; each entry also carries the balance after it (computed under the resident's lock, when
-- the entry is written, and never edited), so a statement needs no sum over years of entries and
-- the database itself refuses a balance below zero. Nothing here is ever updated or deleted: a
-- mistake is undone by a reversal, a new entry that names the one it reverses.

-- One row per resident with a ledger: the row each change locks (select ... for update), so
-- concurrent earnings, deductions, reversals and payouts on one resident happen one after the
-- other. It holds no balance; its currency is the currency of all the resident's entries.
create table work_stipend_account (
    resident_id  uuid        primary key references residents_resident (id),
    program_id   uuid        not null references platform_program (id),
    currency     char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    opened_at    timestamptz not null
);

create table work_stipend_entry (
    id                   uuid        primary key,
    program_id           uuid        not null references platform_program (id),
    resident_id          uuid        not null references work_stipend_account (resident_id),
    seq                  bigint      not null check (seq >= 1),
    kind                 text        not null check (kind in ('EARNED', 'BONUS', 'DEDUCTION', 'PAYOUT', 'REVERSAL')),
    amount_cents         bigint      not null,
    currency             char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    balance_after_cents  bigint      not null check (balance_after_cents >= 0),
    source_type          text        check (length(source_type) <= 60),
    source_id            uuid,
    consequence_ref      text        check (length(consequence_ref) <= 200),
    reverses             uuid        unique references work_stipend_entry (id),
    reason               text        check (length(reason) <= 2000),
    recorded_by          text        not null,
    recorded_at          timestamptz not null,
    unique (resident_id, seq),
    check ((kind in ('EARNED', 'BONUS') and amount_cents > 0)
        or (kind in ('DEDUCTION', 'PAYOUT') and amount_cents < 0)
        or (kind = 'REVERSAL' and amount_cents <> 0)),
    check ((kind = 'REVERSAL') = (reverses is not null)),
    check (kind <> 'EARNED' or (source_type is not null and source_id is not null)),
    check (kind <> 'DEDUCTION' or (consequence_ref is not null and reason is not null)),
    check (kind <> 'REVERSAL' or reason is not null)
);
-- one earning per resident and source (a verified completion earns once)
create unique index work_stipend_entry_earned_source_idx on work_stipend_entry (resident_id, source_type, source_id)
    where kind = 'EARNED';
create index work_stipend_entry_source_idx on work_stipend_entry (source_type, source_id);
create index work_stipend_entry_program_idx on work_stipend_entry (program_id, recorded_at);

create function work_stipend_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the stipend ledger is append-only: % refused on %; record a reversal instead', tg_op, tg_table_name;
end
$$;
create trigger work_stipend_entry_append_only before update or delete on work_stipend_entry
    for each row execute function work_stipend_append_only();
create trigger work_stipend_account_append_only before update or delete on work_stipend_account
    for each row execute function work_stipend_append_only();
