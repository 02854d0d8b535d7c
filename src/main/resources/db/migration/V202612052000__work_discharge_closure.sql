-- Work: what a discharge ends. A discharged resident's assignments from the discharge date on
-- leave their rosters: the row stays (completions and the ledger point to it) and records the
-- day the resident left and why, so the roster board shows the open place. Swap requests still
-- waiting are cancelled. work_discharge_closure is the module's record that it has closed a
-- stay, and what it closed: written once per stay, so a reaction run twice changes nothing more.

alter table work_assignment
    add column left_on     date,
    add column left_reason text check (left_reason is null or left_reason in ('DISCHARGED')),
    add constraint work_assignment_left_check check ((left_on is null) = (left_reason is null));

alter table work_swap_request drop constraint work_swap_request_status_check;
alter table work_swap_request
    add constraint work_swap_request_status_check check (status in ('REQUESTED', 'APPROVED', 'DECLINED', 'CANCELLED'));

create table work_discharge_closure (
    stay_id           uuid        primary key references residents_stay (id),
    program_id        uuid        not null references platform_program (id),
    resident_id       uuid        not null references residents_resident (id),
    discharged_on     date        not null,
    assignments_left  integer     not null check (assignments_left >= 0),
    jobs_left         text[]      not null default '{}',
    swaps_cancelled   integer     not null check (swaps_cancelled >= 0),
    closed_at         timestamptz not null
);
create index work_discharge_closure_resident on work_discharge_closure (resident_id);

-- stays discharged before this record was kept: closed then, with nothing recorded
insert into work_discharge_closure (stay_id, program_id, resident_id, discharged_on, assignments_left, swaps_cancelled, closed_at)
select id, program_id, resident_id, discharged_on, 0, 0, now() from residents_stay where discharged_on is not null;
