-- An objective of a plan version may be linked to one criterion of the resident's level scheme: the
-- level the criterion leads to and its key (as the resident's scheme, with their adjustments, names
-- it). The link is part of the version's signed content and is copied into the next version; the
-- signed reviews' ratings of a linked objective are evidence shown under that criterion.
alter table plans_item add column criterion_level integer, add column criterion_key varchar(40);

alter table plans_item add constraint plans_item_criterion_link check (
    (criterion_level is null and criterion_key is null)
    or (kind = 'OBJECTIVE' and criterion_level between 2 and 4 and criterion_key is not null));
