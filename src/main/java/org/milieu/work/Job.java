package org.milieu.work;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * One job of a program's catalogue as it stands now. {@code houseId} null means it is done in
 * every house; {@code days} are ISO days of the week (1 Monday to 7 Sunday) on which it happens,
 * from {@code startsAt}, for about {@code expectedMinutes}. Only residents at {@code minLevel} or
 * above may do it, and a {@code senior} job also needs the SENIOR_JOBS privilege. At most
 * {@code crewSize} residents of a house do it in a week. The stipend is {@code rateCents} in
 * {@code currency} per completion or per hour. {@code classification} and {@code beneficiary}
 * say what kind of work it is and who gains from it, for labour-law review.
 */
public record Job(UUID id, UUID houseId, String name, String description, List<String> skills, int minLevel,
		boolean senior, int crewSize, List<Integer> days, LocalTime startsAt, int expectedMinutes, long rateCents,
		RateUnit rateUnit, String currency, String supervisor, JobClassification classification, String beneficiary,
		boolean active, int version, String createdBy, Instant createdAt) {

	/** Whether the job happens on this ISO day of the week. */
	public boolean happensOn(int isoDay) {
		return days.contains(isoDay);
	}

	/** Whether a resident at this level may do the job, before any privilege is asked. */
	public boolean admitsLevel(int level) {
		return level >= minLevel;
	}
}
