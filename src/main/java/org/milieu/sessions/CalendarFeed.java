package org.milieu.sessions;

import java.time.Instant;
import java.util.UUID;

/**
 * A calendar feed as its owner's list shows it: never its secret link, which is shown once, when
 * the feed is made.
 *
 * @param houseId the house of a HOUSE feed, null for the others
 * @param houseName the house's name, null for the others
 * @param lastReadAt when a calendar app last fetched the feed, null if never
 */
public record CalendarFeed(UUID id, CalendarFeedKind kind, UUID houseId, String houseName, Instant createdAt,
		Instant revokedAt, Instant lastReadAt) {

	public boolean active() {
		return revokedAt == null;
	}
}
