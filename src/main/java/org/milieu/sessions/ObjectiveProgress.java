package org.milieu.sessions;

/**
 * Progress on one of a resident's plan objectives seen in a session, in the words the plan review
 * rates objectives with (its ratings CHANGED and DROPPED belong to a review of the plan, not to one
 * session).
 */
public enum ObjectiveProgress {
	MET, PROGRESSING, NOT_PROGRESSING
}
