package org.milieu.levels.rounds;

import java.time.Instant;

/**
 * A command to put a resident on observation: how often, why, and from when (null: now) until when
 * (null: until someone ends it).
 */
public record NewObservationOrder(Frequency frequency, String reason, Instant startsAt, Instant endsAt) {
}
