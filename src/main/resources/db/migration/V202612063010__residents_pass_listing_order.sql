-- The listing of passes reads a program's passes latest sign-out first, ties by id, a page at a time.
create index residents_pass_listing_idx on residents_pass (program_id, left_at desc, id desc);
