-- Responses to creating requests, kept by (caller, Idempotency-Key) so a retry gets the first
-- answer instead of a second record. The row is written in the same transaction as the change.
create table platform_idempotency_key (
    principal     text        not null,
    key           text        not null check (length(key) between 1 and 255),
    request_hash  text        not null,
    method        text        not null,
    path          text        not null,
    status        integer,
    content_type  text,
    location      text,
    etag          text,
    body          bytea,
    -- the first answer carried a secret shown only once (a token, an invitation link): not kept
    withheld      boolean     not null default false,
    created_at    timestamptz not null default now(),
    primary key (principal, key)
);
create index platform_idempotency_key_created_idx on platform_idempotency_key (created_at);
