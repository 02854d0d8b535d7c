-- People who sign in. A resident's account points at their resident record by id only:
-- identity sits upstream of residents, so no foreign key runs that way.
create table identity_account (
    id            uuid        primary key,
    program_id    uuid        not null references platform_program (id),
    username      text        not null check (username = lower(username) and username ~ '^[a-z0-9._-]{3,64}$'),
    display_name  text        not null check (length(trim(display_name)) between 1 and 120),
    password_hash text        not null,
    resident_id   uuid,
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now(),
    version       integer     not null default 0
);
create unique index identity_account_username_uq on identity_account (username);
create index identity_account_program_idx on identity_account (program_id);

create table identity_account_role (
    account_id uuid not null references identity_account (id) on delete cascade,
    role       text not null check (role in ('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT', 'FAMILY')),
    primary key (account_id, role)
);
