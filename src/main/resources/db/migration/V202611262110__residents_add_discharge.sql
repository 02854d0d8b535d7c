-- How a stay ended, and the aftercare plan the resident leaves with. A discharged resident's
-- record stays, read-only; nothing is deleted.
alter table residents_stay
    add column discharge_type   text check (discharge_type in ('COMPLETED', 'TRANSFERRED', 'AGAINST_ADVICE', 'ADMINISTRATIVE')),
    add column discharge_reason text,
    add column discharged_by    text,
    add constraint residents_stay_discharge_complete
        check ((discharged_on is null) = (discharge_type is null));

create table residents_aftercare_plan (
    stay_id                 uuid        primary key references residents_stay (id),
    program_id              uuid        not null references platform_program (id),
    living_arrangement      text,
    outpatient_appointments text,
    support_meetings        text,
    contacts                text,
    relapse_prevention      text,
    created_at              timestamptz not null default now()
);
