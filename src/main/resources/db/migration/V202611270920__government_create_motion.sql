-- Client government: motions, their ballots, officers and the house rules a vote changes.
-- Nothing is deleted. A ballot, once cast, is never changed; results are computed from the ballots
-- when the vote closes and kept with the motion.

-- A motion moved at a meeting: an ordinary decision, a change of the house rules, or the election
-- of an officer (its candidates in government_candidate). Voting opens when a resident seconds it
-- (an election opens at once) and closes when the chair or staff close it.
create table government_motion (
    id                    uuid        primary key,
    program_id            uuid        not null references platform_program (id),
    meeting_id            uuid        not null references government_meeting (id),
    agenda_item_id        uuid        references government_agenda_item (id),
    kind                  text        not null check (kind in ('ORDINARY', 'RULE_CHANGE', 'ELECTION')),
    text                  text        not null check (length(trim(text)) between 1 and 2000),
    secret                boolean     not null,
    office                text        check (office in ('CHAIR', 'SECRETARY')),
    rule_id               uuid,
    rule_title            text        check (rule_title is null or length(trim(rule_title)) between 1 and 200),
    rule_text             text        check (rule_text is null or length(trim(rule_text)) between 1 and 2000),
    moved_by              text        not null,
    moved_by_resident     uuid        references residents_resident (id),
    moved_at              timestamptz not null,
    seconded_by_resident  uuid        references residents_resident (id),
    seconded_at           timestamptz,
    status                text        not null check (status in ('MOVED', 'VOTING', 'CLOSED')),
    closed_by             text,
    closed_at             timestamptz,
    yes_count             integer     check (yes_count >= 0),
    no_count              integer     check (no_count >= 0),
    abstain_count         integer     check (abstain_count >= 0),
    outcome               text        check (outcome in ('CARRIED', 'FAILED', 'TIE', 'LAPSED')),
    elected_resident      uuid        references residents_resident (id),
    overruled_by          text,
    overruled_at          timestamptz,
    overrule_ground       text        check (overrule_ground in ('SAFETY', 'LAW', 'CLINICAL_CARE')),
    overrule_reason       text        check (overrule_reason is null or length(trim(overrule_reason)) between 1 and 4000),
    check ((kind = 'ELECTION') = (office is not null)),
    check (kind = 'RULE_CHANGE' or (rule_id is null and rule_title is null and rule_text is null)),
    check (kind <> 'RULE_CHANGE' or rule_text is not null),
    check (seconded_by_resident is null or seconded_by_resident is distinct from moved_by_resident),
    check ((status = 'CLOSED') = (closed_at is not null and outcome is not null)),
    check ((overruled_at is null) = (overrule_reason is null) and (overruled_at is null) = (overrule_ground is null)),
    check (overruled_at is null or outcome = 'CARRIED')
);

create index government_motion_meeting on government_motion (meeting_id, moved_at);

-- The residents standing in an election.
create table government_candidate (
    motion_id    uuid not null references government_motion (id),
    resident_id  uuid not null references residents_resident (id),
    primary key (motion_id, resident_id)
);

-- Who has voted on a motion, on a device or on paper: one row per resident, so a second ballot is
-- refused by the primary key. It holds no link to the choice: for a secret ballot nothing does.
create table government_ballot_voter (
    motion_id    uuid not null references government_motion (id),
    resident_id  uuid not null references residents_resident (id),
    via          text not null check (via in ('DEVICE', 'PAPER')),
    primary key (motion_id, resident_id)
);

-- The ballots themselves. An open ballot names its voter; a secret one does not, and carries no
-- time of casting. A ballot cast on a device has a receipt code its voter can look up to confirm
-- it was counted; a paper ballot has none.
create table government_ballot (
    id              uuid primary key,
    motion_id       uuid not null references government_motion (id),
    choice          text check (choice in ('YES', 'NO', 'ABSTAIN')),
    candidate_id    uuid references residents_resident (id),
    voter_resident  uuid references residents_resident (id),
    receipt         text check (receipt is null or receipt ~ '^[A-Z2-9]{4}-[A-Z2-9]{4}$'),
    check ((choice is null) <> (candidate_id is null)),
    unique (motion_id, voter_resident),
    unique (motion_id, receipt)
);

create index government_ballot_motion on government_ballot (motion_id);

-- Officers of a house's (or the whole program's) government, each for a term: in office from
-- starts_on up to, not including, ends_on. A new election for the office ends the current term on
-- its day.
create table government_officer (
    id            uuid        primary key,
    program_id    uuid        not null references platform_program (id),
    house_id      uuid        references residents_house (id),
    office        text        not null check (office in ('CHAIR', 'SECRETARY')),
    resident_id   uuid        not null references residents_resident (id),
    starts_on     date        not null,
    ends_on       date        not null check (ends_on >= starts_on),
    motion_id     uuid        not null unique references government_motion (id)
);

create index government_officer_office on government_officer (program_id, house_id, office, starts_on);

-- The house rules, one row per rule, and each version of its text: the first adopted when the
-- program started or by a carried rule-change motion; a later version replaces it. A version whose
-- motion staff overruled is no longer in force, and the one before it is again.
create table government_rule (
    id          uuid        primary key,
    program_id  uuid        not null references platform_program (id),
    house_id    uuid        references residents_house (id),
    title       text        not null check (length(trim(title)) between 1 and 200),
    created_at  timestamptz not null
);

create table government_rule_version (
    id          uuid        primary key,
    rule_id     uuid        not null references government_rule (id),
    text        text        not null check (length(trim(text)) between 1 and 2000),
    motion_id   uuid        unique references government_motion (id),
    adopted_at  timestamptz not null,
    adopted_by  text        not null
);

create index government_rule_version_rule on government_rule_version (rule_id, adopted_at);

alter table government_motion add constraint government_motion_rule foreign key (rule_id) references government_rule (id);

-- A ballot cast is never changed or taken back, and neither is the record that its voter voted.
create function government_ballot_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'a ballot is never changed or deleted';
end
$$;
create trigger government_ballot_immutable before update or delete on government_ballot
    for each row execute function government_ballot_immutable();
create trigger government_ballot_voter_immutable before update or delete on government_ballot_voter
    for each row execute function government_ballot_immutable();
