package org.milieu.sessions;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A calendar feed as its owner's list shows it: never its secret link, which is shown once, when
 * the feed is made.
 *
 * @param houseId the house of a HOUSE feed, null for the others
 * @param houseName the house's name, null for the others
 * @param lastReadAt when a calendar app last fetched the feed, null if never
 */
public record CalendarFeed(UUID id, CalendarFeedKind kind, @Nullable UUID houseId, @Nullable String houseName,
		Instant createdAt, @Nullable Instant revokedAt, @Nullable Instant lastReadAt) {

	public boolean active() {
		return revokedAt == null;
	}
}
