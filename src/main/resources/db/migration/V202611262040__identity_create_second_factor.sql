-- TOTP second factor (RFC 6238): the shared secret of each enrolled account, confirmed once the
-- person has proved their authenticator produces the right codes; and one-time recovery codes,
-- kept only as hashes.
create table identity_totp (
    account_id   uuid        primary key references identity_account (id) on delete cascade,
    secret       text        not null,
    created_at   timestamptz not null,
    confirmed_at timestamptz,
    -- the last 30-second step whose code was accepted: a code is never accepted twice
    last_step    bigint      not null default 0
);

create table identity_recovery_code (
    account_id uuid        not null references identity_account (id) on delete cascade,
    code_hash  text        not null,
    used_at    timestamptz,
    primary key (account_id, code_hash)
);
