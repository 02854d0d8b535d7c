-- A review locks at its first signature or decline (first_signed_at), like a plan version; a review
-- still open when the resident is discharged is closed with the reason (closed_at, closed_reason).
-- At most one review of a plan is open (neither signed by the clinician nor closed) at a time.
alter table plans_review add column first_signed_at timestamptz;
alter table plans_review add column closed_at timestamptz;
alter table plans_review add column closed_reason varchar(200);

create unique index plans_review_one_open on plans_review (plan_id) where signed_at is null and closed_at is null;
