-- Levels: what a discharge ends. Open observation orders end, an open level review is closed
-- (held, saying the resident was discharged) and individual privilege grants and restrictions
-- stop, each with the reason. levels_discharge_closure is the module's record that it has
-- closed a stay, and what it closed: written once per stay, so a reaction run twice changes
-- nothing more.
create table levels_discharge_closure (
    stay_id              uuid        primary key references residents_stay (id),
    program_id           uuid        not null references platform_program (id),
    resident_id          uuid        not null references residents_resident (id),
    discharged_on        date        not null,
    orders_ended         integer     not null check (orders_ended >= 0),
    reviews_closed       integer     not null check (reviews_closed >= 0),
    privileges_stopped   integer     not null check (privileges_stopped >= 0),
    closed_at            timestamptz not null
);
create index levels_discharge_closure_resident on levels_discharge_closure (resident_id);

insert into levels_discharge_closure (stay_id, program_id, resident_id, discharged_on, orders_ended, reviews_closed,
                                      privileges_stopped, closed_at)
select id, program_id, resident_id, discharged_on, 0, 0, 0, now() from residents_stay where discharged_on is not null;
