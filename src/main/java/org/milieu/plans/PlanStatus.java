package org.milieu.plans;

/** Where a version of a plan stands. */
public enum PlanStatus {
	/** Being written; changes allowed until the first signature. */
	DRAFT,
	/** Signed by the clinician and signed or declined by the resident: the plan the team follows. */
	IN_FORCE,
	/** A later version came into force; still readable with its signatures. */
	SUPERSEDED,
	/** Closed without coming into force (the resident was discharged while it was a draft). */
	ENDED
}
