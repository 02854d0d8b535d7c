-- Emergency ("break-glass") access: a person opens a resident's record outside their usual reach
-- after stating why. The grant lasts a short time, every use is audited with purpose EMERGENCY,
-- and the program director reviews each grant afterwards.
create table identity_emergency_access (
    id          uuid        primary key,
    program_id  uuid        not null references platform_program (id),
    account_id  uuid        not null references identity_account (id),
    resident_id uuid        not null,
    reason      text        not null check (length(trim(reason)) between 10 and 1000),
    granted_at  timestamptz not null,
    expires_at  timestamptz not null,
    reviewed_by uuid        references identity_account (id),
    reviewed_at timestamptz,
    review_note text
);
create index identity_emergency_access_active_idx on identity_emergency_access (account_id, resident_id, expires_at);
create index identity_emergency_access_review_idx on identity_emergency_access (program_id, reviewed_at, granted_at desc);
