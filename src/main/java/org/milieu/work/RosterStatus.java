package org.milieu.work;

/** Where a week's roster stands: proposed (staff adjust it), published (residents see it), or superseded by a newer proposal. */
public enum RosterStatus {
	PROPOSED, PUBLISHED, SUPERSEDED
}
