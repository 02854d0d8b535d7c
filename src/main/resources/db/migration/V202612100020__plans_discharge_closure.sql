-- What a discharge ended in plans, once per stay: the draft versions ended and the version in
-- force at the discharge (it stays readable with its signatures; a readmission continues the same
-- plan). The discharged record and the printed summary read it back.
create table plans_discharge_closure (
    stay_id           uuid primary key,
    program_id        uuid not null,
    resident_id       uuid not null,
    drafts_ended      integer not null,
    version_in_force  integer,
    closed_at         timestamptz not null
);
