package org.milieu.residents.passes;

import java.time.Instant;
import java.util.UUID;

/** A resident was noticed out past their expected return; published once per pass. */
public record PassOverdue(UUID programId, UUID passId, UUID residentId, UUID houseId, Instant expectedBackAt,
		Instant noticedAt) {
}
