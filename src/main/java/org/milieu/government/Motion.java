package org.milieu.government;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A motion and where its vote stands, at a meeting of a house ({@code houseId} null: of the whole program). {@code ballotsCast} is the turnout, shown while the vote is
 * open; {@code result} is null until the vote closes, for everyone, staff included.
 */
public record Motion(UUID id, UUID meetingId, UUID houseId, UUID agendaItemId, MotionKind kind, String text, boolean secret,
		Office office, UUID ruleId, String ruleTitle, String ruleText, String movedBy, UUID movedByResident,
		Instant movedAt, UUID secondedByResident, Instant secondedAt, MotionStatus status, int ballotsCast,
		List<UUID> candidates, Instant closedAt, VoteResult result, Overrule overrule) {

	public boolean open() {
		return status == MotionStatus.VOTING;
	}

	/** The written reason a clinician or the director gave for overruling a carried motion. */
	public record Overrule(String by, Instant at, OverruleGround ground, String reason) {
	}
}
