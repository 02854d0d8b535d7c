-- Stipend settings per program (the director edits them; a program without a row uses the
-- defaults in the code) and payout batches: money handed to residents in cash, on a card or as
-- commissary credit, each batch with a receipt number counting up per program. A batch's lines
-- are PAYOUT entries in the stipend ledger (source_type 'PAYOUT_BATCH', source_id the batch).
create table work_stipend_settings (
    program_id                  uuid        primary key references platform_program (id),
    currency                    char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    weekly_cap_cents            bigint      not null check (weekly_cap_cents > 0),
    payout_cap_cents            bigint      not null check (payout_cap_cents > 0),
    incentive_yearly_cap_cents  bigint      not null check (incentive_yearly_cap_cents > 0),
    point_value_cents           bigint      not null check (point_value_cents > 0),
    updated_by                  text        not null,
    updated_at                  timestamptz not null
);

create table work_payout_batch (
    id              uuid        primary key,
    program_id      uuid        not null references platform_program (id),
    method          text        not null check (method in ('CASH', 'CARD', 'COMMISSARY')),
    receipt_number  bigint      not null check (receipt_number >= 1),
    total_cents     bigint      not null check (total_cents > 0),
    currency        char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    line_count      integer     not null check (line_count >= 1),
    paid_by         text        not null,
    paid_at         timestamptz not null,
    unique (program_id, receipt_number)
);
create index work_payout_batch_paid_idx on work_payout_batch (program_id, paid_at desc);
create trigger work_payout_batch_append_only before update or delete on work_payout_batch
    for each row execute function work_stipend_append_only();

-- the payouts of one resident in a period, for the weekly cap
create index work_stipend_entry_payout_idx on work_stipend_entry (resident_id, recorded_at)
    where source_type = 'PAYOUT_BATCH';
