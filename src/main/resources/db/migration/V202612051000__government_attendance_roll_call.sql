-- Client government: the roll call of a meeting keeps, for each resident on it, whether they are
-- present, excused, or absent (recorded for every member neither present nor excused when the
-- meeting closes). Rows recorded before this change are those present.
alter table government_attendance
    add column status text not null default 'PRESENT' check (status in ('PRESENT', 'EXCUSED', 'ABSENT'));

-- the closed meetings of a program by time, for the levels evidence read over many residents
create index government_meeting_closed on government_meeting (program_id, starts_at) where status = 'CLOSED';
