-- Shift ratings ("point sheet"): each shift, staff rate the residents of a house on the rating
-- domains. One sheet per house, date and shift; its entries are append-only: a correction is a
-- new row that supersedes the old one, which is kept. The only change ever made to a row is
-- setting superseded_by once, when its correction is written (enforced by the trigger below).
create table levels_rating_sheet (
    id          uuid        primary key,
    program_id  uuid        not null references platform_program (id),
    house_id    uuid        not null references residents_house (id),
    shift_date  date        not null,
    shift       text        not null check (shift in ('DAY', 'EVENING', 'NIGHT')),
    opened_by   text        not null,
    opened_at   timestamptz not null,
    unique (house_id, shift_date, shift)
);

create table levels_shift_rating (
    id             uuid        primary key,
    program_id     uuid        not null references platform_program (id),
    sheet_id       uuid        not null references levels_rating_sheet (id),
    resident_id    uuid        not null references residents_resident (id),
    house_id       uuid        not null references residents_house (id),
    shift_date     date        not null,
    shift          text        not null check (shift in ('DAY', 'EVENING', 'NIGHT')),
    domain         text        not null check (domain in ('SAFETY', 'ORIENTATION', 'HYGIENE', 'GROUP_PARTICIPATION',
                                                          'RESPONSIBILITY', 'RESPECT')),
    value          smallint    not null check ((domain = 'SAFETY' and value between 0 and 1)
                                               or (domain <> 'SAFETY' and value between 1 and 4)),
    note           text        check (length(note) <= 2000),
    rated_by       text        not null,
    rated_at       timestamptz not null,
    late           boolean     not null,
    supersedes     uuid        references levels_shift_rating (id),
    superseded_by  uuid        references levels_shift_rating (id) deferrable initially deferred
);
create index levels_shift_rating_resident_idx on levels_shift_rating (resident_id, shift_date);
create index levels_shift_rating_sheet_idx on levels_shift_rating (sheet_id);
-- at most one current entry per resident and domain on a sheet
create unique index levels_shift_rating_current_idx on levels_shift_rating (sheet_id, resident_id, domain)
    where superseded_by is null;

create function levels_shift_rating_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'shift ratings are never deleted; correct them instead';
    end if;
    if old.superseded_by is not null or new.superseded_by is null
       or (to_jsonb(new) - 'superseded_by') <> (to_jsonb(old) - 'superseded_by') then
        raise exception 'shift ratings are append-only; only superseded_by may be set, once';
    end if;
    return new;
end
$$;
create trigger levels_shift_rating_append_only before update or delete on levels_shift_rating
    for each row execute function levels_shift_rating_append_only();
