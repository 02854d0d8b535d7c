package org.milieu.audit;

/** Whether the audited action happened, was refused, or failed. */
public enum AuditOutcome {
	SUCCESS, DENIED, FAILURE
}
