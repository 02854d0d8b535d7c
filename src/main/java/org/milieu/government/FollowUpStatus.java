package org.milieu.government;

/**
 * Where a problem raised at a meeting stands: raised, in progress, then resolved; or declined, with
 * a reason. Resolved and declined are final.
 */
public enum FollowUpStatus {
	RAISED, IN_PROGRESS, RESOLVED, DECLINED;

	public boolean closed() {
		return this == RESOLVED || this == DECLINED;
	}
}
