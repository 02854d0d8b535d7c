package org.milieu.government;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A house rule in force (of one house, or of the whole program when {@code houseId} is null) with
 * the versions of its text, newest first. {@code motionId} links the version in force to the vote
 * that adopted it; it is null for a rule the program started with.
 */
public record HouseRule(UUID id, @Nullable UUID houseId, String title, String text, @Nullable UUID motionId, Instant adoptedAt,
		List<Version> history) {

	/** One text the rule had, and the meeting whose vote adopted it; {@code overruled} when staff overruled that vote. */
	public record Version(UUID id, String text, @Nullable UUID motionId, @Nullable UUID meetingId, Instant adoptedAt, String adoptedBy,
			boolean overruled) {
	}
}
