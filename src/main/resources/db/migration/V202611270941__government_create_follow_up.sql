-- Client government, follow-up: what became of a problem raised at a meeting. Append-only history: the
-- current status of a problem is its latest row (the highest id); a problem without a row is RAISED.
-- due_on is the follow-up's due date as it stands after the row (carried forward when not restated).
create table government_follow_up (
    id              bigint      generated always as identity primary key,
    program_id      uuid        not null references platform_program (id),
    agenda_item_id  uuid        not null references government_agenda_item (id),
    status          text        not null check (status in ('RAISED', 'IN_PROGRESS', 'RESOLVED', 'DECLINED')),
    note            text        check (note is null or length(note) <= 2000),
    due_on          date,
    recorded_by     text        not null,
    recorded_at     timestamptz not null,
    constraint government_follow_up_declined_reason check (status <> 'DECLINED' or length(trim(note)) > 0)
);

create index government_follow_up_item on government_follow_up (agenda_item_id, id);
create index government_follow_up_program on government_follow_up (program_id, recorded_at);
