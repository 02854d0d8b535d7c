package org.milieu.screening;

/** A follow-up waiting for its clinician, or done (closed with a note of what was done). */
public enum FollowUpStatus {
	OPEN, DONE
}
