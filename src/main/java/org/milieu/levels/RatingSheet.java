package org.milieu.levels;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.milieu.residents.CensusEntry;

/**
 * A house's point sheet for one shift as the reader may see it: the residents in their reach and
 * the current (not superseded) ratings. {@code id} is null while nobody has rated anyone yet;
 * {@code lateNow} says that a rating entered now would be flagged late.
 */
public record RatingSheet(UUID id, UUID houseId, LocalDate shiftDate, ShiftKind shift, boolean lateNow,
		List<CensusEntry> residents, List<ShiftRating> entries) {

	/** The current rating of a resident on a domain, if there is one. */
	public Optional<ShiftRating> entry(UUID residentId, RatingDomain domain) {
		return entries.stream().filter(e -> e.residentId().equals(residentId) && e.domain() == domain).findFirst();
	}
}
