package org.milieu.levels.reviews;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A level review: why it opened (the findings as measured then, or the step-down trigger), the
 * resident's self-assessment, peer input, and the team's decision once made.
 */
public record Review(UUID id, UUID residentId, Kind kind, int fromLevel, int proposedLevel, Status status,
		Instant openedAt, String openedBy, String reason, List<Finding> findings, TriggerKind triggerKind,
		LocalDate triggerOn, String selfAssessment, Instant selfAssessedAt, Decision decision, Integer newLevel,
		String rationale, String workOn, String decidedBy, Instant decidedAt, List<PeerInput> peerInput) {

	/** The same review with its peer input. */
	public Review withPeerInput(List<PeerInput> input) {
		return new Review(id, residentId, kind, fromLevel, proposedLevel, status, openedAt, openedBy, reason, findings,
				triggerKind, triggerOn, selfAssessment, selfAssessedAt, decision, newLevel, rationale, workOn, decidedBy,
				decidedAt, List.copyOf(input));
	}

	public boolean open() {
		return status == Status.OPEN;
	}

	public enum Kind {
		ADVANCEMENT, STEP_DOWN
	}

	public enum Status {
		OPEN, DECIDED
	}

	public enum Decision {
		ADVANCE, HOLD, STEP_DOWN
	}

	public enum TriggerKind {
		DESTRUCTIVE_BEHAVIOUR, MAJOR_INCIDENT
	}

	/** One criterion as measured when the review opened. */
	public record Finding(String key, String kind, Double value, double threshold, Integer window, boolean met,
			boolean waived, String domain, Integer atLeast) {
	}

	/** What one peer said. */
	public record PeerInput(UUID authorResidentId, String text, Instant writtenAt) {
	}
}
