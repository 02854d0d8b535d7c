package org.milieu.government;

/**
 * Whether a meeting may decide: {@code members} residents belong to it (its house's residents
 * today, or every resident for a whole-program meeting), {@code present} of them are there, and
 * {@code required} is the smallest number that is more than the program's quorum percentage of
 * the members.
 */
public record Quorum(int present, int members, int required, boolean met) {

	/** The figures for this many members and present at this percentage. */
	public static Quorum of(int present, int members, int quorumPercent) {
		int required = members * quorumPercent / 100 + 1;
		return new Quorum(present, members, required, members > 0 && present >= required);
	}
}
