package org.milieu.residents.passes;

import java.time.Instant;
import java.util.UUID;

/**
 * One pass out of the house, from sign-out to sign-in. {@code approvedBy} is the staff account
 * that approved it: the one who signed the resident out, once eligibility allowed the pass.
 */
public record Pass(UUID id, UUID residentId, String residentName, UUID houseId, String houseName, String destination,
		String purpose, String companion, Instant leftAt, Instant expectedBackAt, boolean pastCurfew, String approvedBy,
		String signedOutBy, Instant returnedAt, String returnedRecordedBy, String returnNote) {

	/** Out, overdue (out past the expected return at {@code now}) or returned. */
	public PassStatus status(Instant now) {
		if (returnedAt != null) {
			return PassStatus.RETURNED;
		}
		return now.isAfter(expectedBackAt) ? PassStatus.OVERDUE : PassStatus.OUT;
	}

	public boolean isOut() {
		return returnedAt == null;
	}
}
