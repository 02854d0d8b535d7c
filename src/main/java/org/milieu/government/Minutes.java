package org.milieu.government;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A meeting's minutes as someone may read them now. {@code revision} 0 is the draft generated from
 * the meeting's record, not yet saved; {@code approvedAt} is set once a later meeting approved them.
 * {@code overrules} lists every carried motion of the meeting that staff overruled, with the
 * written reason: they are part of the minutes whatever the text says, and added even after approval.
 */
public record Minutes(UUID meetingId, MinutesStatus status, String text, int revision, String savedBy, Instant savedAt,
		UUID approvedAtMeeting, String approvedBy, Instant approvedAt, List<Motion> overrules) {

	/** A draft until a later meeting approves them; then published to the community. */
	public enum MinutesStatus {
		DRAFT, APPROVED
	}
}
