package org.milieu.government;

import java.util.Map;
import java.util.UUID;

/**
 * What a count decides. Abstentions count as ballots cast but neither for nor against.
 * <ul>
 * <li>An ordinary motion carries with more yes than no (a simple majority of those taking a side).</li>
 * <li>A rule change carries with at least two thirds of the yes and no ballots saying yes.</li>
 * <li>Tie rule: equal yes and no is a tie, which does not carry; the proposal may be moved again.
 * In an election the candidate with the most votes is elected; a tie at the top elects no one, and
 * a new election between the tied candidates follows.</li>
 * <li>Nobody taking a side (all abstain, or no ballots) fails.</li>
 * </ul>
 */
final class Thresholds {

	private Thresholds() {
	}

	static Outcome decide(MotionKind kind, int yes, int no) {
		if (yes + no == 0) {
			return Outcome.FAILED;
		}
		if (yes == no) {
			return Outcome.TIE;
		}
		boolean carried = kind == MotionKind.RULE_CHANGE ? 3 * yes >= 2 * (yes + no) : yes > no;
		return carried ? Outcome.CARRIED : Outcome.FAILED;
	}

	/** The one candidate with the most votes, or null when nobody has any or the top is tied. */
	static UUID elected(Map<UUID, Integer> votes) {
		int best = 0;
		UUID winner = null;
		boolean tied = false;
		for (Map.Entry<UUID, Integer> e : votes.entrySet()) {
			if (e.getValue() > best) {
				best = e.getValue();
				winner = e.getKey();
				tied = false;
			}
			else if (e.getValue() == best && best > 0) {
				tied = true;
			}
		}
		return tied ? null : winner;
	}

	static Outcome electionOutcome(Map<UUID, Integer> votes) {
		int best = votes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
		if (best == 0) {
			return Outcome.FAILED;
		}
		return elected(votes) == null ? Outcome.TIE : Outcome.CARRIED;
	}
}
