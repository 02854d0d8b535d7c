package org.milieu.work;

/** Where a completion mark stands: waiting for staff to verify it, or verified (and so earned). */
public enum VerificationStatus {
	AWAITING, VERIFIED
}
