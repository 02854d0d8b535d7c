package org.milieu.residents.passes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.milieu.shared.ProgramId;

/**
 * May this resident go out on a pass? Passes are a privilege of the level a resident has reached;
 * the levels module answers from its privileges by implementing this interface. Without such a
 * bean, {@link #STAFF_APPROVES_EVERY_PASS} applies: every pass needs a staff member's approval,
 * and the staff member signing the resident out is recorded as the one who approved it.
 */
public interface PassEligibility {

	/** The default without levels: no privilege grants a pass on its own; staff decide each one. */
	PassEligibility STAFF_APPROVES_EVERY_PASS = (program, resident, leaving) -> Answer.STAFF_APPROVAL_REQUIRED;

	Answer check(ProgramId program, UUID residentId, Instant leaving);

	/** What eligibility says about one pass. */
	enum Verdict {
		/** Allowed if the staff member signing out approves; they are recorded as approver. */
		STAFF_APPROVAL_REQUIRED,
		/** Not allowed now (e.g. the resident's level carries no pass privilege); refused. */
		NOT_ELIGIBLE
	}

	/**
	 * The verdict and, for a refusal, why: a message key and its arguments, so the refusal reads
	 * in each person's language (null when there is no reason to give beyond the refusal).
	 */
	record Answer(Verdict verdict, String reasonKey, List<Object> reasonArguments) {

		/** Allowed if the staff member signing out approves. */
		public static final Answer STAFF_APPROVAL_REQUIRED = new Answer(Verdict.STAFF_APPROVAL_REQUIRED, null, List.of());

		/** Refused, with no reason to give. */
		public static final Answer NOT_ELIGIBLE = new Answer(Verdict.NOT_ELIGIBLE, null, List.of());

		public Answer {
			reasonArguments = List.copyOf(reasonArguments);
		}

		/** Refused, because of the reason given by this message key and arguments. */
		public static Answer notEligible(String reasonKey, List<Object> reasonArguments) {
			return new Answer(Verdict.NOT_ELIGIBLE, reasonKey, reasonArguments);
		}
	}
}
