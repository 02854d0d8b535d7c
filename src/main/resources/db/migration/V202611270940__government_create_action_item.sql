-- Client government, follow-up: what a meeting asks someone to do, by when. Never deleted: an item is
-- open until its owner (or staff) marks it done, once.

-- owner_resident or owner_staff (a staff username), exactly one of the two.
create table government_action_item (
    id              uuid        primary key,
    program_id      uuid        not null references platform_program (id),
    meeting_id      uuid        not null references government_meeting (id),
    agenda_item_id  uuid        references government_agenda_item (id),
    title           text        not null check (length(trim(title)) between 1 and 200),
    description     text        check (description is null or length(description) <= 4000),
    owner_resident  uuid        references residents_resident (id),
    owner_staff     text,
    due_on          date        not null,
    status          text        not null check (status in ('OPEN', 'DONE')),
    created_by      text        not null,
    created_at      timestamptz not null,
    done_by         text,
    done_at         timestamptz,
    done_note       text        check (done_note is null or length(done_note) <= 2000),
    constraint government_action_item_one_owner check ((owner_resident is null) <> (owner_staff is null)),
    constraint government_action_item_done check ((status = 'DONE') = (done_by is not null and done_at is not null))
);

create index government_action_item_open on government_action_item (program_id, status, due_on);
create index government_action_item_meeting on government_action_item (meeting_id);
create index government_action_item_owner on government_action_item (owner_resident, status) where owner_resident is not null;
