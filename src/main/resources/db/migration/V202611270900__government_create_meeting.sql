-- Client government: community meetings and their agenda. Rows are never deleted: a meeting is
-- closed, an agenda item is discussed or carried over.

-- A meeting of one house (house_id) or of the whole program (house_id null).
create table government_meeting (
    id          uuid        primary key,
    program_id  uuid        not null references platform_program (id),
    house_id    uuid        references residents_house (id),
    kind        text        not null check (kind in ('REGULAR', 'AD_HOC')),
    title       text        not null check (length(trim(title)) between 1 and 200),
    starts_at   timestamptz not null,
    status      text        not null check (status in ('SCHEDULED', 'OPEN', 'CLOSED')),
    created_by  text        not null,
    created_at  timestamptz not null
);

create index government_meeting_upcoming on government_meeting (program_id, starts_at);

-- What residents and staff bring to a meeting, in the order it will be taken (position).
create table government_agenda_item (
    id                     uuid        primary key,
    meeting_id             uuid        not null references government_meeting (id),
    kind                   text        not null check (kind in ('PROBLEM', 'PROPOSAL', 'ANNOUNCEMENT', 'APPEAL')),
    title                  text        not null check (length(trim(title)) between 1 and 200),
    description            text        check (description is null or length(description) <= 4000),
    submitted_by           text        not null,
    submitted_by_resident  uuid        references residents_resident (id),
    position               integer     not null check (position >= 1),
    status                 text        not null check (status in ('OPEN', 'DISCUSSED', 'CARRIED_OVER')),
    submitted_at           timestamptz not null
);

create index government_agenda_item_meeting on government_agenda_item (meeting_id, position);
