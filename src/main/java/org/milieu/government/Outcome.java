package org.milieu.government;

/**
 * How a vote ended. A tie is its own outcome and never carries: the proposal is not adopted and
 * may be moved again; in an election a tie between the leading candidates elects no one. A motion
 * nobody seconded lapses when it is closed.
 */
public enum Outcome {
	CARRIED, FAILED, TIE, LAPSED
}
