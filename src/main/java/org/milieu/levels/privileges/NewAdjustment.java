package org.milieu.levels.privileges;

import java.time.Instant;

/**
 * A command to grant or restrict one privilege for one resident, from {@code from} (null: now)
 * until {@code until} (null: until someone ends it), with the reason, which is required.
 */
public record NewAdjustment(String privilegeCode, AdjustmentKind kind, Instant from, Instant until, String reason) {
}
