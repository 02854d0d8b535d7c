package org.milieu.work;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A week's roster: proposed by staff, adjusted, then published for residents to see. Its
 * {@code assignments} are those the reader may see, by job and resident.
 */
public record Roster(UUID id, LocalDate weekStart, RosterStatus status, String createdBy, Instant createdAt,
		@Nullable String publishedBy, @Nullable Instant publishedAt, List<Assignment> assignments) {
}
