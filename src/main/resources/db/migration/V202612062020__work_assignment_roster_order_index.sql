-- The job-assignment listing (GET /api/v1/job-assignments) reads the latest rosters first and, within
-- a roster, the assignments by id, newest id first: this index lets each roster hand over just the
-- assignments a page needs instead of the program's whole history being joined and sorted.
create index work_assignment_roster_order_idx on work_assignment (roster_id, id);
