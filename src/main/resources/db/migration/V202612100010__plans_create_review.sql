-- Reviews of a treatment plan: on a schedule (every 30 days by default) or on an event (a level
-- change, a major incident, a readmission). A review rates each objective of the version in force,
-- takes the resident's own comment, may revise the plan (a new version) and is signed; it is complete
-- once the clinician has signed it (signed_at), and never changes after that.
create table plans_review (
    id               uuid primary key,
    plan_id          uuid not null references plans_plan (id),
    program_id       uuid not null,
    resident_id      uuid not null,
    version_number   integer not null,
    reason           varchar(20) not null check (reason in ('SCHEDULED', 'LEVEL_CHANGE', 'MAJOR_INCIDENT',
                         'READMISSION', 'REQUESTED')),
    held_on          date not null,
    summary          varchar(2000),
    resident_comment varchar(2000),
    revised_to_version integer,
    revision         integer not null default 0,
    created_by       uuid not null,
    created_by_name  varchar(200) not null,
    created_at       timestamptz not null,
    signed_at        timestamptz,
    foreign key (plan_id, version_number) references plans_version (plan_id, number)
);

create index plans_review_plan on plans_review (plan_id, held_on);
create index plans_review_program on plans_review (program_id, signed_at);

-- One rating per objective of the reviewed version, with the clinician's comment.
create table plans_review_rating (
    review_id   uuid not null references plans_review (id),
    item_id     uuid not null references plans_item (id),
    program_id  uuid not null,
    rating      varchar(20) not null check (rating in ('MET', 'PROGRESSING', 'NOT_PROGRESSING', 'CHANGED', 'DROPPED')),
    comment     varchar(1000),
    primary key (review_id, item_id)
);

create index plans_review_rating_item on plans_review_rating (item_id);
