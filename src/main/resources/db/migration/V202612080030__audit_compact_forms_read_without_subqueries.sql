-- The compact forms read back as plain expressions instead of a subquery per row.
--
-- audit_category_names and audit_resource_types / audit_resource_ids unnested and sorted an array
-- for every row of audit_record: a full verification walked 3 million rows in 71-94 s where the
-- wide rows had taken about 7 s a million. The same results, each now one expression: the category
-- names picked by their bits in the fixed order, the records split from the one text with regular
-- expressions (an element without 0x1f is the resident's own record: its id is the resident's).

create or replace function audit_category_names(cats integer) returns text[] language sql immutable as $$
    select case when cats is null then null else
           array_remove(array[
               case when cats & 1 <> 0 then (audit_categories())[1] end,
               case when cats & 2 <> 0 then (audit_categories())[2] end,
               case when cats & 4 <> 0 then (audit_categories())[3] end,
               case when cats & 8 <> 0 then (audit_categories())[4] end,
               case when cats & 16 <> 0 then (audit_categories())[5] end,
               case when cats & 32 <> 0 then (audit_categories())[6] end,
               case when cats & 64 <> 0 then (audit_categories())[7] end,
               case when cats & 128 <> 0 then (audit_categories())[8] end,
               case when cats & 256 <> 0 then (audit_categories())[9] end], null) end
$$;

-- each split prefixed with a separator and its first element dropped, so that a single element
-- with an empty text (a record type without an id) still reads as one element, empty as null
create or replace function audit_resource_types(resources text) returns text[] language sql immutable as $$
    select (string_to_array(E'\x1d' || regexp_replace(resources, E'\x1f[^\x1d]*', '', 'g'), E'\x1d', ''))[2:]
$$;

create or replace function audit_resource_ids(resources text, resident uuid) returns text[] language sql immutable as $$
    select (string_to_array(E'\x1d' ||
               regexp_replace(
                   regexp_replace(resources, E'(^|\x1d)[^\x1d\x1f]*(?=\x1d|$)', E'\\1' || coalesce(resident::text, ''), 'g'),
                   E'(^|\x1d)[^\x1d\x1f]*\x1f', E'\\1', 'g'),
               E'\x1d', ''))[2:]
$$;
