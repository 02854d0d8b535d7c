package org.milieu.residents.passes;

import java.time.Instant;
import java.util.UUID;

import org.milieu.shared.ProgramId;

/**
 * May this resident go out on a pass? Passes are a privilege of the level a resident has reached;
 * the levels module will answer from its privileges by implementing this interface. Until a bean
 * does, {@link #STAFF_APPROVES_EVERY_PASS} applies: every pass needs a staff member's approval,
 * and the staff member signing the resident out is recorded as the one who approved it.
 */
public interface PassEligibility {

	/** The default until levels answers: no privilege grants a pass on its own; staff decide each one. */
	PassEligibility STAFF_APPROVES_EVERY_PASS = (program, resident, leaving) -> Answer.STAFF_APPROVAL_REQUIRED;

	Answer check(ProgramId program, UUID residentId, Instant leaving);

	/** What eligibility says about one pass. */
	enum Answer {
		/** Allowed if the staff member signing out approves; they are recorded as approver. */
		STAFF_APPROVAL_REQUIRED,
		/** Not allowed now (e.g. the resident's level carries no pass privilege); refused. */
		NOT_ELIGIBLE
	}
}
