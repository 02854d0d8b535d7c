-- Minutes of a meeting: each text the secretary (or staff) saved, as a numbered revision, and their
-- approval at a later meeting of the same house. A draft generated from the meeting's record is
-- not stored until someone saves or approves it. Nothing is changed or deleted; once approved, the
-- minutes take no new revision.
create table government_minutes_revision (
    meeting_id  uuid        not null references government_meeting (id),
    revision    integer     not null check (revision >= 1),
    text        text        not null check (length(trim(text)) between 1 and 20000),
    saved_by    text        not null,
    saved_at    timestamptz not null,
    primary key (meeting_id, revision)
);

create table government_minutes_approval (
    meeting_id           uuid        primary key references government_meeting (id),
    revision             integer     not null,
    approved_at_meeting  uuid        not null references government_meeting (id),
    approved_by          text        not null,
    approved_at          timestamptz not null,
    foreign key (meeting_id, revision) references government_minutes_revision (meeting_id, revision),
    check (approved_at_meeting <> meeting_id)
);

create function government_minutes_final() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' then
        raise exception 'minutes are never changed or deleted; save a new revision';
    end if;
    if exists (select 1 from government_minutes_approval a where a.meeting_id = new.meeting_id) then
        raise exception 'approved minutes take no new revision';
    end if;
    return new;
end
$$;
create trigger government_minutes_revision_final before insert or update or delete on government_minutes_revision
    for each row execute function government_minutes_final();
create trigger government_minutes_approval_final before update or delete on government_minutes_approval
    for each row execute function government_minutes_final();
