-- Signed checkpoints of the audit chain: a verification can start from the latest one instead of
-- the first row, so a daily check stays short however long the trail grows.
--
-- A checkpoint records the chain head (last id, last hash, row count) at a moment when the chain
-- verified intact, signed with HMAC-SHA256 under a key kept outside the database (configuration or
-- a file in the data directory). Someone who can write to the database but does not hold the key
-- cannot forge or move a checkpoint. Append-only like the trail.
create table audit_checkpoint (
    id         bigint      generated always as identity primary key,
    taken_at   timestamptz not null,
    last_id    bigint      not null,
    last_hash  text        not null,
    row_count  bigint      not null,
    signature  text        not null
);

create trigger audit_checkpoint_no_update before update or delete on audit_checkpoint
    for each row execute function audit_event_refuse_change();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function audit_event_refuse_change();

do $$
begin
    if exists (select from pg_roles where rolname = '${appRole}') and '${appRole}' <> current_user then
        execute format('revoke all on audit_checkpoint from %I', '${appRole}');
        execute format('grant select, insert on audit_checkpoint to %I', '${appRole}');
    end if;
end
$$;
