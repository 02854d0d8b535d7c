-- Electronic signatures: one row per signature (or declined signature) of one version of one
-- document of some kind. Append-only like the audit trail: a signature is never changed or
-- removed; a new version of the document needs new signatures.
create table sig_signature (
    id                 uuid primary key,
    program_id         uuid not null,
    document_kind      varchar(60) not null,
    document_id        uuid not null,
    document_version   integer not null check (document_version >= 1),
    resident_id        uuid,
    signer_account_id  uuid not null,
    signer_username    varchar(200) not null,
    signer_name        varchar(200) not null,
    signer_role        varchar(20) not null,
    session_account_id uuid,
    meaning_code       varchar(80) not null,
    meaning_text       varchar(500) not null,
    meaning_language   varchar(20) not null,
    declined           boolean not null default false,
    decline_reason     varchar(2000),
    content_sha256     char(64) not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
    method             varchar(40) not null,
    signed_at          timestamptz not null,
    check (declined = (decline_reason is not null))
);

-- One signature per meaning and version; a decline does not block a later signature.
create unique index sig_signature_one_per_meaning
    on sig_signature (document_kind, document_id, document_version, meaning_code) where not declined;
create index sig_signature_document on sig_signature (document_kind, document_id, document_version, signed_at);
create index sig_signature_resident on sig_signature (resident_id, signed_at);

create function sig_signature_refuse_change() returns trigger
language plpgsql as $$
begin
    raise exception 'sig_signature is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger sig_signature_no_update before update or delete on sig_signature
    for each row execute function sig_signature_refuse_change();
create trigger sig_signature_no_truncate before truncate on sig_signature
    for each statement execute function sig_signature_refuse_change();

-- The application's role may only add signatures and read them.
do $$
begin
    if exists (select from pg_roles where rolname = '${appRole}') and '${appRole}' <> current_user then
        execute format('revoke update, delete, truncate on sig_signature from %I', '${appRole}');
        execute format('grant select, insert on sig_signature to %I', '${appRole}');
    end if;
end
$$;
