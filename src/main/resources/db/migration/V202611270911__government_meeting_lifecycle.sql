-- Client government: running a meeting. A meeting is opened and closed (by whom, when); it
-- takes one item at a time (current_item_id); the secretary writes notes on each item; an item
-- not reached is carried over to the next meeting as a new item that points to the old one.

alter table government_meeting
    add column current_item_id uuid references government_agenda_item (id),
    add column opened_at       timestamptz,
    add column opened_by       text,
    add column closed_at       timestamptz,
    add column closed_by       text;

alter table government_agenda_item
    add column notes         text check (notes is null or length(notes) <= 4000),
    add column notes_by      text,
    add column notes_at      timestamptz,
    add column carried_from  uuid references government_agenda_item (id);

-- at most one carried copy of an item
create unique index government_agenda_item_carried_once on government_agenda_item (carried_from)
    where carried_from is not null;

-- the next meeting of a house, and the regular meetings still to come
create index government_meeting_house_upcoming on government_meeting (program_id, house_id, starts_at);
