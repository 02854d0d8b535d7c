-- Client government: each program's rhythm of meetings and rules for officers, and who was
-- present at a meeting.

-- One row per program once the director has changed anything; the defaults apply until then.
create table government_settings (
    program_id          uuid        primary key references platform_program (id),
    meeting_day         integer     not null default 4 check (meeting_day between 1 and 7),
    meeting_time        time        not null default '18:30',
    quorum_percent      integer     not null default 50 check (quorum_percent between 1 and 100),
    officer_term_weeks  integer     not null default 4 check (officer_term_weeks between 1 and 52),
    officer_term_limit  integer     not null default 2 check (officer_term_limit between 1 and 12),
    updated_by          text        not null,
    updated_at          timestamptz not null
);

-- The residents present at a meeting. The list is replaced as people come and go; each change
-- is in the audit trail.
create table government_attendance (
    meeting_id   uuid        not null references government_meeting (id),
    resident_id  uuid        not null references residents_resident (id),
    recorded_by  text        not null,
    recorded_at  timestamptz not null,
    primary key (meeting_id, resident_id)
);
