-- Personal access tokens for scripts: each acts as its owner with exactly the owner's rights.
-- Only a hash of the token is kept; the first characters identify it in lists.
create table identity_api_token (
    id           uuid        primary key,
    account_id   uuid        not null references identity_account (id) on delete cascade,
    name         text        not null check (length(trim(name)) between 1 and 80),
    token_hash   text        not null unique,
    prefix       text        not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
create index identity_api_token_account_idx on identity_api_token (account_id);
