package org.milieu.screening;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An open follow-up of a positive or refused screen, as its clinician sees it in their list. */
public record FollowUp(UUID id, UUID screenId, UUID residentId, String residentName, String houseName,
		Instant collectedAt, Outcome outcome, List<Substance> positives, Instant openedAt) {

	public FollowUp {
		positives = List.copyOf(positives);
	}
}
