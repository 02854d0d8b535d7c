package org.milieu.plans;

/**
 * The parts of a plan. The resident writes {@link #GOAL}s and {@link #COMMENT}s in their own words;
 * the team writes every kind.
 */
public enum ItemKind {
	PROBLEM, STRENGTH, NEED, ABILITY, PREFERENCE, GOAL, OBJECTIVE, INTERVENTION, COMMENT;

	/** Whether a resident may write this kind of part in their own words. */
	public boolean residentMayWrite() {
		return this == GOAL || this == COMMENT;
	}
}
