-- Invited accounts have no password until the invitation is accepted; a reset clears it again.
alter table identity_account alter column password_hash drop not null;

-- One-time invitation links: only a hash of the token is kept, so the table cannot be used to
-- sign in; a link works once and until it expires.
create table identity_invitation (
    token_hash text        primary key,
    account_id uuid        not null references identity_account (id) on delete cascade,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index identity_invitation_account_idx on identity_invitation (account_id);
