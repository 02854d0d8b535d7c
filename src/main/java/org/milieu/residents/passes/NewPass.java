package org.milieu.residents.passes;

import java.time.Instant;

/**
 * Signing a resident out: where to, why, with whom (optional), when they left (null: now) and
 * when they are expected back. {@code pastCurfew} says staff allow the return after the house's
 * curfew (a late or overnight pass); without it such a pass is refused.
 */
public record NewPass(String destination, String purpose, String companion, Instant leftAt, Instant expectedBackAt,
		boolean pastCurfew) {
}
