package org.milieu.screening;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A follow-up of a positive or refused screen, open or done, as the listing of follow-ups shows it:
 * the screen it follows, the resident and their house today, and once done who closed it, when, and
 * the note of what was done.
 */
public record ScreenFollowUp(UUID id, UUID screenId, UUID residentId, String residentName, UUID houseId,
		String houseName, Instant collectedAt, Outcome outcome, List<Substance> positives, FollowUpStatus status,
		Instant openedAt, @Nullable Instant closedAt, @Nullable String closedBy, @Nullable String closeNote) {

	public ScreenFollowUp {
		positives = List.copyOf(positives);
	}
}
