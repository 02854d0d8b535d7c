-- The level-review listing (GET /api/v1/level-reviews) pages the program's reviews newest opened
-- first, ties by id, of any status: this index gives that order for the whole program, so a page
-- reads its reviews in order and stops, where the status-led index had them sorted first.
create index levels_review_page_order_idx on levels_review (program_id, opened_at desc, id desc);
