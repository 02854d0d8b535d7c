-- What an admission records beyond the name: how to address and reach the resident, whom to
-- call in an emergency, who referred them and who pays, and the expected length of the stay.
alter table residents_resident
    add column pronouns               text,
    add column primary_language       text,
    add column phone                  text,
    add column emergency_contact_name  text,
    add column emergency_contact_phone text;

alter table residents_stay
    add column referral_source      text,
    add column funding_source       text,
    add column expected_length_days integer check (expected_length_days is null or expected_length_days between 1 and 730);
