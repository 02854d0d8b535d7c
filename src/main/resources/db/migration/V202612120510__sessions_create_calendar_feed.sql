-- iCalendar feeds: a secret link per staff member (the sessions they facilitate), per resident (the
-- sessions they are expected at) and per house (its sessions), for calendar apps that cannot sign
-- in. Only the SHA-256 hash of the link's token is kept, so reading this table gives no working
-- link. A feed is revoked, never deleted; the language it is written in is the one it was made in.
create table sessions_calendar_feed (
    id                  uuid primary key,
    program_id          uuid not null,
    kind                varchar(16) not null check (kind in ('STAFF', 'RESIDENT', 'HOUSE')),
    owner_account_id    uuid not null references identity_account (id),
    resident_id         uuid,
    house_id            uuid references residents_house (id),
    token_hash          varchar(64) not null,
    language            varchar(8) not null,
    created_at          timestamptz not null,
    revoked_at          timestamptz,
    last_read_at        timestamptz,
    check (kind <> 'RESIDENT' or resident_id is not null),
    check (kind <> 'HOUSE' or house_id is not null)
);

create unique index sessions_calendar_feed_token on sessions_calendar_feed (token_hash);
create index sessions_calendar_feed_owner on sessions_calendar_feed (program_id, owner_account_id, created_at);
