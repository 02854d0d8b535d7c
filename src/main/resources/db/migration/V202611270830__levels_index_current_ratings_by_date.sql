-- The review engine measures every resident's current ratings over the last weeks in one pass:
-- an index over the program's current ratings by date keeps that pass to the weeks it reads.
create index levels_shift_rating_program_date_idx on levels_shift_rating (program_id, shift_date)
    where superseded_by is null;
