package org.milieu.government;

import org.jspecify.annotations.Nullable;
import java.util.List;
import java.util.UUID;

/**
 * What closing a meeting did: the items still open were carried over to {@code nextMeetingId}
 * (scheduled for the purpose when there was none), as the new items {@code carried}, in order.
 */
public record MeetingClosed(UUID meetingId, @Nullable UUID nextMeetingId, List<UUID> carried) {
}
