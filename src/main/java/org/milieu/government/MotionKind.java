package org.milieu.government;

/** What a motion decides: an ordinary question, a change of the house rules (two-thirds), or who holds an office. */
public enum MotionKind {
	ORDINARY, RULE_CHANGE, ELECTION
}
