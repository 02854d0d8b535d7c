package org.milieu.groups;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The proposer's answer: every resident placed once, in group order then resident id, the number of
 * residents who change group against last week's approved grouping ({@code moves}), and the number
 * placed for the first time ({@code newlyPlaced}).
 */
public record Proposal(List<Placement> placements, int moves, int newlyPlaced) {

	public Proposal {
		placements = List.copyOf(placements);
	}

	/** Group of each resident. */
	public Map<UUID, UUID> groupOf() {
		return placements.stream().collect(Collectors.toMap(Placement::residentId, Placement::groupId));
	}
}
