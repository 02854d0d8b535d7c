-- One audit record per transaction and resident, naming every data category and record it read or
-- changed, instead of one row per category and entity type.
--
-- Before: a row held one category, one resource type and one resource id, so a page that showed a
-- resident's data in three categories wrote three rows for that resident (the census page at 1,500
-- residents wrote 4,500 rows per view, the level page four rows per view).
--
-- Now a row holds arrays: categories (the data categories touched, in order) and resource_types with
-- resource_ids (the records touched, as two arrays of equal length, position by position). The
-- application gathers what a transaction records and writes one row per resident (and one for what
-- concerns no resident) when the transaction commits.
--
-- The chain is unchanged and every existing row keeps its hash: a row's content renders each array as
-- its elements joined by the group separator (0x1d), a null element as an empty string. An array of
-- one element renders as that element, and a missing array as an empty string, exactly as the single
-- columns rendered before; the existing rows are carried over into one-element arrays, so their
-- content, and therefore the whole chain, reads the same.

alter table audit_event
    add column categories     text[],
    add column resource_types text[],
    add column resource_ids   text[];

alter table audit_event disable trigger audit_event_no_update;
update audit_event
   set categories     = case when category is null then null else array[category] end,
       resource_types = case when resource_type is null and resource_id is null then null else array[resource_type] end,
       resource_ids   = case when resource_type is null and resource_id is null then null else array[resource_id] end;
alter table audit_event enable trigger audit_event_no_update;

create or replace function audit_event_content(e audit_event) returns text
language sql stable as $$
    select concat_ws(E'\x1f', e.id::text,
        to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        coalesce(e.program_id::text, ''), coalesce(e.account_id::text, ''), coalesce(e.username, ''),
        coalesce(e.role, ''), coalesce(e.resident_id::text, ''),
        coalesce(array_to_string(e.categories, E'\x1d', ''), ''),
        coalesce(array_to_string(e.resource_types, E'\x1d', ''), ''),
        coalesce(array_to_string(e.resource_ids, E'\x1d', ''), ''), e.action, e.purpose,
        coalesce(e.client_ip, ''), coalesce(e.user_agent, ''), e.outcome, coalesce(e.detail, ''))
$$;

alter table audit_event
    drop column category,
    drop column resource_type,
    drop column resource_id;
