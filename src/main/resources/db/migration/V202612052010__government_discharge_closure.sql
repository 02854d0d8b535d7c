-- Client government: what a discharge ends. The resident's officer terms end on the discharge
-- day (ends_on, with the reason) and each vacancy is announced on the agenda of the house's next
-- meeting. government_discharge_closure is the module's record that it has closed a stay, and
-- what it closed: written once per stay, so a reaction run twice changes nothing more.

alter table government_officer
    add column cut_short_reason text check (cut_short_reason is null or cut_short_reason in ('DISCHARGED'));

create table government_discharge_closure (
    stay_id          uuid        primary key references residents_stay (id),
    program_id       uuid        not null references platform_program (id),
    resident_id      uuid        not null references residents_resident (id),
    discharged_on    date        not null,
    offices_ended    text[]      not null default '{}',
    vacancy_items    uuid[]      not null default '{}',
    closed_at        timestamptz not null
);
create index government_discharge_closure_resident on government_discharge_closure (resident_id);

insert into government_discharge_closure (stay_id, program_id, resident_id, discharged_on, closed_at)
select id, program_id, resident_id, discharged_on, now() from residents_stay where discharged_on is not null;
