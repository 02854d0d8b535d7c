package org.milieu.government;

import org.jspecify.annotations.Nullable;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The count of a closed vote: yes, no and abstain (an election's abstentions too), the votes of each
 * candidate, how many ballots came on paper, and what they decide. {@code votes} names each voter's
 * choice for an open ballot cast on a device; it is empty for a secret ballot.
 */
public record VoteResult(int yes, int no, int abstain, Map<UUID, Integer> candidateVotes, int paper, Outcome outcome,
		UUID elected, List<NamedVote> votes) {

	public boolean carried() {
		return outcome == Outcome.CARRIED;
	}

	public int total() {
		return yes + no + abstain + candidateVotes.values().stream().mapToInt(Integer::intValue).sum();
	}

	/** One voter's choice on an open ballot: a yes, no or abstain, or the candidate they chose. */
	public record NamedVote(UUID residentId, Choice choice, @Nullable UUID candidateId) {
	}
}
