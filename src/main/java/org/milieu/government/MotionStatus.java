package org.milieu.government;

/** Moved and waiting for a second, open for ballots, or closed with its result. */
public enum MotionStatus {
	MOVED, VOTING, CLOSED
}
