package org.milieu.levels.rounds;

import java.time.Instant;
import java.util.UUID;

/** A documented hand-over of one-to-one observation from one staff member to the next. */
public record Handover(UUID id, UUID orderId, String fromStaff, String toStaff, Instant handedAt, String note,
		String recordedBy) {
}
