package org.milieu.groups;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A house's grouping from the Monday {@code startsOn}: its groups, in the house's order, with their
 * members and why each is there. {@code moves} counts the residents in another group than in the
 * grouping it was based on (last week's approved one). Approved groupings are history and never change.
 */
public record Grouping(UUID id, UUID houseId, LocalDate startsOn, Status status, int moves, String proposedBy,
		Instant proposedAt, @Nullable String approvedBy, @Nullable Instant approvedAt, int revision, List<Group> groups) {

	public enum Status {
		PROPOSED, APPROVED, WITHDRAWN
	}

	/** One group of the grouping; {@code label} is its letter in the house ("A"), shown as "Group A". */
	public record Group(UUID id, String label, boolean structured, List<Member> members) {
	}

	/** A resident in a group, their level then (0: none yet), and the reason (a message key and its arguments). */
	public record Member(UUID residentId, String name, int level, String reasonKey, List<String> reasonArgs, boolean moved) {
	}

	/** Every resident of the grouping. */
	public List<UUID> residents() {
		return groups.stream().flatMap(g -> g.members().stream()).map(Member::residentId).toList();
	}
}
