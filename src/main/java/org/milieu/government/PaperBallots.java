package org.milieu.government;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Paper ballots a staff member counted for residents without a device: who voted on paper, and
 * the counts (yes, no, abstain; for an election each candidate's votes). The counts must add up to
 * the number of voters.
 */
public record PaperBallots(List<UUID> voters, int yes, int no, int abstain, Map<UUID, Integer> candidates) {
}
