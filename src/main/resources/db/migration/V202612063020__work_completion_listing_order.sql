-- The listings of completions and payout batches read them latest first, ties by id, a page at a time.
create index work_completion_listing_idx on work_completion (program_id, occurs_on desc, id desc);
create index work_payout_batch_listing_idx on work_payout_batch (program_id, paid_at desc, id desc);
