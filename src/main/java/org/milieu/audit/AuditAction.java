package org.milieu.audit;

/** What happened, in the terms of ONC 170.315(d)(2) and 42 CFR Part 2. */
public enum AuditAction {
	CREATE, READ, UPDATE, VOID, PRINT, EXPORT, DISCLOSE, QUERY,
	SIGN_IN, SIGN_IN_FAILED, SIGN_OUT, ACCOUNT_CHANGE, ROLE_CHANGE, ACCESS_DENIED, EMERGENCY_ACCESS
}
