-- A rating costs one index less: every lookup by sheet also asks for the current ratings
-- (superseded_by is null), which levels_shift_rating_current_idx (sheet_id, resident_id, domain)
-- serves with the sheet as its first column, and no sheet is ever deleted. The index on the sheet
-- alone held about 11 bytes a rating for no query.
drop index levels_shift_rating_sheet_idx;
