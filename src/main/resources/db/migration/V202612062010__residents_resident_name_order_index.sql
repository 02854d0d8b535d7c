-- The residents listing (GET /api/v1/resident-records) pages the program's residents by family name,
-- given name and id, keyed on family_name || chr(31) || given_name. Without an index on that key
-- every page sorted all the program's residents (and looked up each one's newest stay) to keep 51;
-- with it a page reads its 51 residents in order from the index and stops.
create index residents_resident_name_order_idx
    on residents_resident (program_id, (family_name || chr(31) || given_name), id);
