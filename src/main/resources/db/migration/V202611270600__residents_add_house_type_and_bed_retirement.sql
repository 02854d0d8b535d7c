-- What kind of setting a house is (residential TC house, sober home, outpatient cohort), and
-- beds the director retires: kept for the history of stays and moves, never deleted, no longer
-- offered or counted. Existing houses are residential.
alter table residents_house add column type text not null default 'RESIDENTIAL'
    check (type in ('RESIDENTIAL', 'SOBER_HOME', 'OUTPATIENT_COHORT'));

alter table residents_bed add column retired_at timestamptz;
alter table residents_bed add column retired_by text;
alter table residents_bed add check (length(trim(room)) between 1 and 20 and length(trim(label)) between 1 and 20)
    not valid;
-- a label names one bed of a house, whatever its case, retired beds included (history names them)
create unique index residents_bed_label_uq on residents_bed (house_id, lower(label));
