-- Small groups by level of need. Each house has its own groups, kept from week to week so a session
-- can name one; a grouping says who is in which group from a week's Monday. A grouping is PROPOSED
-- while staff adjust it, APPROVED once someone approves it (who and when), WITHDRAWN when a newer
-- proposal replaced it. Approved groupings and their members never change (trigger below): they are
-- the history. A discharged resident leaves their group through groups_departure, not by an edit.
create table groups_settings (
    house_id          uuid primary key references residents_house (id),
    program_id        uuid not null references platform_program (id),
    group_count       smallint check (group_count between 1 and 20),
    min_size          smallint not null check (min_size between 2 and 30),
    max_size          smallint not null check (max_size between 2 and 30),
    structured_groups smallint not null check (structured_groups between 0 and 20),
    revision          integer not null,
    changed_by        text not null,
    changed_at        timestamptz not null,
    check (min_size <= max_size)
);

create table groups_group (
    id          uuid primary key,
    program_id  uuid not null references platform_program (id),
    house_id    uuid not null references residents_house (id),
    position    smallint not null check (position >= 1),
    label       varchar(8) not null,
    structured  boolean not null,
    unique (house_id, position)
);

create table groups_grouping (
    id                  uuid primary key,
    program_id          uuid not null references platform_program (id),
    house_id            uuid not null references residents_house (id),
    starts_on           date not null,
    status              varchar(10) not null check (status in ('PROPOSED', 'APPROVED', 'WITHDRAWN')),
    based_on            uuid references groups_grouping (id),
    moves               integer not null check (moves >= 0),
    proposed_by         text not null,
    proposed_at         timestamptz not null,
    approved_by         text,
    approved_by_account uuid,
    approved_at         timestamptz,
    revision            integer not null default 0,
    check ((status = 'APPROVED') = (approved_at is not null))
);
create unique index groups_grouping_open on groups_grouping (house_id) where status = 'PROPOSED';
create unique index groups_grouping_week on groups_grouping (house_id, starts_on) where status = 'APPROVED';
create index groups_grouping_house on groups_grouping (program_id, house_id, starts_on desc);

-- the groups a grouping used, and whether each was structured that week
create table groups_grouping_group (
    grouping_id uuid not null references groups_grouping (id),
    group_id    uuid not null references groups_group (id),
    structured  boolean not null,
    primary key (grouping_id, group_id)
);

create table groups_member (
    grouping_id uuid not null references groups_grouping (id),
    resident_id uuid not null references residents_resident (id),
    group_id    uuid not null references groups_group (id),
    program_id  uuid not null references platform_program (id),
    level       smallint not null check (level between 0 and 4),
    reason_key  varchar(80) not null,
    reason_args text[] not null,
    moved       boolean not null,
    primary key (grouping_id, resident_id)
);
create index groups_member_group on groups_member (group_id, grouping_id);
create index groups_member_resident on groups_member (resident_id);

-- keep-apart pairs (staff's judgement) and required separations (a clinical or legal order); both are
-- honoured by every proposal and every move by hand. Ended, never deleted.
create table groups_separation (
    id          uuid primary key,
    program_id  uuid not null references platform_program (id),
    house_id    uuid not null references residents_house (id),
    resident_a  uuid not null references residents_resident (id),
    resident_b  uuid not null references residents_resident (id),
    kind        varchar(12) not null check (kind in ('KEEP_APART', 'REQUIRED')),
    reason      varchar(500) not null check (length(trim(reason)) between 1 and 500),
    set_by      text not null,
    set_at      timestamptz not null,
    ended_by    text,
    ended_at    timestamptz,
    check (resident_a < resident_b)
);
create unique index groups_separation_open on groups_separation (resident_a, resident_b) where ended_at is null;
create index groups_separation_house on groups_separation (house_id) where ended_at is null;

-- a discharged resident leaves their group from the day of discharge; once per stay
create table groups_departure (
    stay_id     uuid primary key,
    program_id  uuid not null references platform_program (id),
    resident_id uuid not null references residents_resident (id),
    left_on     date not null,
    recorded_at timestamptz not null
);
create index groups_departure_resident on groups_departure (resident_id);

create function groups_approved_never_change() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'groups_grouping' then
        if old.status = 'APPROVED' then
            raise exception 'an approved grouping is history and never changes';
        end if;
        return case when tg_op = 'DELETE' then old else new end;
    end if;
    if exists (select 1 from groups_grouping g where g.id = old.grouping_id and g.status = 'APPROVED') then
        raise exception 'the members of an approved grouping never change';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end
$$;
create trigger groups_grouping_approved before update or delete on groups_grouping
    for each row execute function groups_approved_never_change();
create trigger groups_member_approved before update or delete on groups_member
    for each row execute function groups_approved_never_change();
