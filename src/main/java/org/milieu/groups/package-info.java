/**
 * Small groups by level of need: each house's groups (their number and size set by staff), the
 * weekly grouping Milieu proposes from residents' levels, their last 14 days' ratings and their plan
 * problem areas, staff's adjustments and approval, and the history of approved groupings, which is
 * never overwritten. Keep-apart pairs and required separations are always honoured; newcomers go to
 * structured groups. Groupings are residents' levels data ({@code LEVELS_AND_RATINGS}): every read and
 * change passes the access policy and is audited. Other modules read an approved group's members
 * through {@link org.milieu.groups.SmallGroups}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "platform::web", "identity",
		"audit", "residents", "levels", "levels::facts", "plans" }, displayName = "Small groups")
package org.milieu.groups;
