package org.milieu.levels.rounds;

import org.jspecify.annotations.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A resident on observation as the rounds screen shows them: how often they are checked, the last
 * check, when the next is due and whether it is overdue; for one-to-one, who holds it now.
 */
public record DueCheck(UUID residentId, String residentName, UUID houseId, String houseName, UUID orderId,
		Frequency frequency, @Nullable Instant lastCheck, @Nullable Instant nextDue, boolean overdue, @Nullable String heldBy) {

	/** How long after a check falls due it counts as overdue. */
	public static final Duration GRACE = Duration.ofMinutes(5);

	/**
	 * The rule: the next check is due one interval after the last check (or after the order began,
	 * before the first check), and overdue once {@link #GRACE} has passed after that. One-to-one is
	 * due continuously and never overdue by the clock; its hand-overs say who holds it.
	 */
	public static DueCheck of(UUID residentId, String residentName, UUID houseId, String houseName, ObservationOrder order,
			Instant lastCheck, String heldBy, Instant now) {
		Frequency frequency = order.frequency();
		if (frequency.continuous()) {
			return new DueCheck(residentId, residentName, houseId, houseName, order.id(), frequency, lastCheck, null, false,
					heldBy);
		}
		Instant from = lastCheck == null || lastCheck.isBefore(order.startsAt()) ? order.startsAt() : lastCheck;
		Instant due = from.plus(frequency.interval());
		return new DueCheck(residentId, residentName, houseId, houseName, order.id(), frequency, lastCheck, due,
				now.isAfter(due.plus(GRACE)), heldBy);
	}
}
