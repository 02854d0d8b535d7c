-- Level reviews: opened by the review engine (or by staff) when a resident meets the next level's
-- criteria or a step-down is triggered; the resident adds a self-assessment, residents at levels
-- 3 and 4 may add peer input, and the staff team decides. One open review per resident; a
-- decided review is never changed. findings keeps the evidence as measured when it opened.
create table levels_review (
    id               uuid        primary key,
    program_id       uuid        not null references platform_program (id),
    resident_id      uuid        not null references residents_resident (id),
    kind             text        not null check (kind in ('ADVANCEMENT', 'STEP_DOWN')),
    from_level       smallint    not null check (from_level between 1 and 4),
    proposed_level   smallint    not null check (proposed_level between 1 and 4),
    status           text        not null check (status in ('OPEN', 'DECIDED')),
    opened_at        timestamptz not null,
    opened_by        text        not null,
    reason           text        check (length(reason) <= 2000),
    findings         jsonb       not null,
    trigger_ref      uuid,
    trigger_kind     text        check (trigger_kind in ('DESTRUCTIVE_BEHAVIOUR', 'MAJOR_INCIDENT')),
    trigger_on       date,
    self_assessment  text        check (length(self_assessment) <= 4000),
    self_assessed_at timestamptz,
    decision         text        check (decision in ('ADVANCE', 'HOLD', 'STEP_DOWN')),
    new_level        smallint    check (new_level between 1 and 4),
    rationale        text        check (length(rationale) <= 4000),
    work_on          text        check (length(work_on) <= 4000),
    decided_by       text,
    decided_at       timestamptz,
    check ((status = 'OPEN' and decision is null) or
           (status = 'DECIDED' and decision is not null and new_level is not null and rationale is not null
            and decided_by is not null and decided_at is not null))
);
create unique index levels_review_open_idx on levels_review (resident_id) where status = 'OPEN';
create unique index levels_review_trigger_idx on levels_review (trigger_ref) where trigger_ref is not null;
create index levels_review_program_idx on levels_review (program_id, status, opened_at desc);
create index levels_review_resident_idx on levels_review (resident_id, opened_at desc);

create function levels_review_decided_is_final() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'level reviews are never deleted';
    end if;
    if old.status = 'DECIDED' then
        raise exception 'a decided level review is never changed';
    end if;
    return new;
end
$$;
create trigger levels_review_decided_is_final before update or delete on levels_review
    for each row execute function levels_review_decided_is_final();

-- What a peer (a resident at level 3 or 4 of the same house) says about a review; one per peer.
create table levels_review_peer_input (
    id                  uuid        primary key,
    review_id           uuid        not null references levels_review (id),
    author_resident_id  uuid        not null references residents_resident (id),
    text                text        not null check (length(trim(text)) between 1 and 4000),
    written_at          timestamptz not null,
    unique (review_id, author_resident_id)
);

-- Each run of the review engine: nightly once per program and day (the unique index), or on demand.
create table levels_review_run (
    id           uuid        primary key,
    program_id   uuid        not null references platform_program (id),
    run_on       date        not null,
    kind         text        not null check (kind in ('NIGHTLY', 'ON_DEMAND')),
    started_at   timestamptz not null,
    run_by       text        not null,
    residents    integer     not null,
    opened       integer     not null,
    elapsed_ms   integer     not null
);
create unique index levels_review_run_nightly_idx on levels_review_run (program_id, run_on) where kind = 'NIGHTLY';
