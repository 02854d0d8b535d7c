package org.milieu.sessions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.levels.LevelHistoryEntry;
import org.milieu.levels.ResidentLevels;
import org.milieu.residents.CensusEntry;
import org.milieu.residents.Census;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * Whether residents may attend a kind of session on a day: a kind with a minimum level is for
 * residents who have reached it by that day. A resident's level on a day is the latest assignment
 * effective by then (the levels module's history, read for many residents in one query); a
 * resident with no assignment by then counts as level 1, where every admission starts.
 * <p>
 * A resident below the minimum on an occurrence's day is not expected at it, whether the session is
 * a house's, a small group's or names them ({@link ExpectedAttendees} leaves them out, and so their
 * schedule, feed and roll call), may not be named among a session's attendees (checked on its first
 * date), and may not be added as a walk-in at its roll call: the last two are refused naming the
 * resident and the level needed. No access check here: callers check their reader.
 */
@Component
class SessionEligibility {

	static final String BELOW_MINIMUM = "session.resident.belowMinimumLevel";

	private final ResidentLevels levels;

	private final Census census;

	SessionEligibility(ResidentLevels levels, Census census) {
		this.levels = levels;
		this.census = census;
	}

	/** A stretch of days, {@code until} excluded (null: no end). */
	record Span(LocalDate from, LocalDate until) {

		boolean covers(LocalDate day) {
			return !from.isAfter(day) && (until == null || until.isAfter(day));
		}
	}

	/** The residents among {@code residents} who have reached the kind's minimum level on {@code day}, in their order. */
	List<UUID> eligible(ProgramId program, SessionType type, List<UUID> residents, LocalDate day) {
		if (type == null || type.minimumLevel() == null || residents.isEmpty()) {
			return residents;
		}
		Map<UUID, List<LevelHistoryEntry>> histories = levels.histories(program, residents);
		return residents.stream()
			.filter(r -> levelOn(histories.getOrDefault(r, List.of()), day) >= type.minimumLevel()).toList();
	}

	/** Refuses, naming the first resident below it and the level needed, when any is below the kind's minimum on {@code day}. */
	void refuseBelowMinimum(ProgramId program, SessionType type, Collection<UUID> residents, LocalDate day, String field) {
		if (type == null || type.minimumLevel() == null || residents.isEmpty()) {
			return;
		}
		Map<UUID, List<LevelHistoryEntry>> histories = levels.histories(program, residents);
		for (UUID resident : residents) {
			int level = levelOn(histories.getOrDefault(resident, List.of()), day);
			if (level < type.minimumLevel()) {
				String name = census.find(program, resident).map(CensusEntry::displayName).orElse("");
				throw new RuleViolation(BELOW_MINIMUM, field, name, type.minimumLevel(), level);
			}
		}
	}

	/**
	 * The stretches of days on which the resident has reached the kind's minimum level, in order, by
	 * their level history (before any assignment: level 1); one stretch without ends for a kind
	 * without a minimum. The first stretch starts at {@link LocalDate#MIN} when they had reached it
	 * from the start; the last has no end while they keep it.
	 */
	List<Span> eligibleSpans(ProgramId program, SessionType type, UUID resident) {
		if (type == null || type.minimumLevel() == null) {
			return List.of(new Span(LocalDate.MIN, null));
		}
		List<LevelHistoryEntry> history = levels.histories(program, List.of(resident)).getOrDefault(resident, List.of());
		List<Span> out = new ArrayList<>();
		LocalDate open = 1 >= type.minimumLevel() ? LocalDate.MIN : null;
		// the history is newest first: walk it oldest first, a day's last decision standing
		for (int i = history.size() - 1; i >= 0; i--) {
			LocalDate day = history.get(i).effectiveOn();
			if (i > 0 && history.get(i - 1).effectiveOn().equals(day)) {
				continue;
			}
			boolean reached = levelOn(history, day) >= type.minimumLevel();
			if (reached && open == null) {
				open = day;
			}
			else if (!reached && open != null) {
				if (open.isBefore(day)) {
					out.add(new Span(open, day));
				}
				open = null;
			}
		}
		if (open != null) {
			out.add(new Span(open, null));
		}
		return out;
	}

	/** The resident's level on {@code day}. */
	int levelOn(ProgramId program, UUID resident, LocalDate day) {
		return levelOn(levels.histories(program, List.of(resident)).getOrDefault(resident, List.of()), day);
	}

	/** Whether a resident at {@code level} has reached the kind's minimum level (any level, for a kind without one). */
	static boolean reached(SessionType type, int level) {
		return type == null || type.minimumLevel() == null || level >= type.minimumLevel();
	}

	/** The level on {@code day} in a history newest first: the latest step effective by then, or 1 before any. */
	static int levelOn(List<LevelHistoryEntry> history, LocalDate day) {
		for (LevelHistoryEntry step : history) {
			if (!step.effectiveOn().isAfter(day)) {
				return step.level().number();
			}
		}
		return 1;
	}
}
