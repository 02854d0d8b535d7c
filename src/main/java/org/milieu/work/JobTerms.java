package org.milieu.work;

import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * What the director says about a job when adding or changing it; any part may be missing, and
 * the catalogue refuses what is missing or wrong naming the field. {@code active} and
 * {@code senior} default to true and false.
 */
public record JobTerms(UUID houseId, String name, String description, List<String> skills, Integer minLevel,
		Boolean senior, Integer crewSize, List<Integer> days, LocalTime startsAt, Integer expectedMinutes, Long rateCents,
		RateUnit rateUnit, String currency, String supervisor, JobClassification classification, String beneficiary,
		Boolean active) {
}
