package org.milieu.work;

import java.util.List;
import java.util.UUID;

/**
 * A resident's incentives: the points they hold, what they earned this calendar year in cents'
 * worth against the yearly cap, what a point is worth, and their latest entries, newest first.
 */
public record IncentiveAccount(UUID residentId, long balancePoints, long yearEarnedCents, long yearCapCents,
		long pointValueCents, String currency, List<IncentiveEntry> entries) {
}
