-- Which houses a staff member or clinician works in, and which residents are on a clinician's
-- caseload: the care relationships the access policy reads. House and resident ids point into
-- the residents module, downstream of identity, so no foreign key runs that way.
create table identity_account_house (
    account_id uuid not null references identity_account (id) on delete cascade,
    house_id   uuid not null,
    primary key (account_id, house_id)
);

create table identity_caseload (
    account_id  uuid not null references identity_account (id) on delete cascade,
    resident_id uuid not null,
    primary key (account_id, resident_id)
);
create index identity_caseload_resident_idx on identity_caseload (resident_id);

-- Failed sign-ins per account, for the lockout rule (5 in 15 minutes locks for 15 minutes).
create table identity_sign_in_failure (
    account_id uuid        not null references identity_account (id) on delete cascade,
    failed_at  timestamptz not null
);
create index identity_sign_in_failure_idx on identity_sign_in_failure (account_id, failed_at);
