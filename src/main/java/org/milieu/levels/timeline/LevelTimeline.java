package org.milieu.levels.timeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.levels.LevelHistoryEntry;
import org.milieu.levels.RatingDomain;
import org.milieu.levels.ResidentLevels;
import org.milieu.residents.Census;
import org.milieu.residents.ResidentRecords;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident's level timeline: for each day of the last {@code days} days (today, where the
 * program is, included) the average of each rating domain over the shifts rated that day, and the
 * level steps in the window. Only current ratings count: a rating superseded by a correction is
 * left out. The access policy decides the read for {@link DataCategory#LEVELS_AND_RATINGS} with
 * the house the resident lives in (for a former resident, the house of their last stay), so staff
 * see the timelines of their house, a clinician those of their house and caseload, and a resident
 * their own; every read is audited.
 */
@Service
public class LevelTimeline {

	/** The window when none is asked for: about a quarter, long enough to show a level step or two. */
	public static final int DEFAULT_DAYS = 90;

	/** The longest window: a year. */
	public static final int MAX_DAYS = 365;

	private final JdbcClient jdbc;

	private final Census census;

	private final ResidentRecords records;

	private final ResidentLevels levels;

	private final AccessPolicy policy;

	LevelTimeline(JdbcClient jdbc, Census census, ResidentRecords records, ResidentLevels levels, AccessPolicy policy) {
		this.jdbc = jdbc;
		this.census = census;
		this.records = records;
		this.levels = levels;
		this.policy = policy;
	}

	/**
	 * The resident's timeline over the last {@code days} days. A window of fewer than 1 or more than
	 * {@value #MAX_DAYS} days is refused ({@code days}) before anything is read; a resident unknown
	 * in the reader's program is not found.
	 */
	@Transactional
	public Timeline of(MilieuUser user, UUID residentId, int days) {
		if (days < 1 || days > MAX_DAYS) {
			throw new RuleViolation("level.timeline.days", "days", 1, MAX_DAYS);
		}
		ProgramId program = user.programId();
		Subject subject = subject(program, residentId);
		policy.enforce(user, AuditAction.READ, DataCategory.LEVELS_AND_RATINGS, subject.scope(), "LevelTimeline",
				residentId);
		LocalDate to = census.day(program);
		LocalDate from = to.minusDays(days - 1L);
		return new Timeline(residentId, subject.name(), from, to, days(program, residentId, from, to),
				steps(levels.history(program, residentId), from, to));
	}

	private List<RatingSpan> days(ProgramId program, UUID residentId, LocalDate from, LocalDate to) {
		Map<LocalDate, Map<RatingDomain, Tally>> byDay = new HashMap<>();
		jdbc.sql("""
				select shift_date, domain, count(*) as rated, sum(value) as total
				  from levels_shift_rating
				 where program_id = ? and resident_id = ? and shift_date between ? and ? and superseded_by is null
				 group by shift_date, domain""")
			.params(program.value(), residentId, from, to)
			.query(rs -> {
				byDay.computeIfAbsent(rs.getObject("shift_date", LocalDate.class), d -> new EnumMap<>(RatingDomain.class))
					.put(RatingDomain.valueOf(rs.getString("domain")), new Tally(rs.getInt("rated"), rs.getInt("total")));
			});
		List<RatingSpan> days = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			days.add(new RatingSpan(day, day, byDay.getOrDefault(day, Map.of())));
		}
		return days;
	}

	/**
	 * The steps that overlap the window, oldest first, from the history (newest first). Of two
	 * decisions taking effect the same day the later recorded one stands, as it does for the level today.
	 */
	static List<LevelStep> steps(List<LevelHistoryEntry> newestFirst, LocalDate from, LocalDate to) {
		List<LevelHistoryEntry> standing = new ArrayList<>();
		for (LevelHistoryEntry entry : newestFirst) {
			if (standing.isEmpty() || !standing.get(0).effectiveOn().equals(entry.effectiveOn())) {
				standing.add(0, entry);
			}
		}
		List<LevelStep> steps = new ArrayList<>();
		for (int i = 0; i < standing.size(); i++) {
			LevelHistoryEntry entry = standing.get(i);
			LocalDate until = i + 1 < standing.size() ? standing.get(i + 1).effectiveOn().minusDays(1) : null;
			boolean overlaps = !entry.effectiveOn().isAfter(to) && (until == null || !until.isBefore(from));
			if (overlaps) {
				steps.add(new LevelStep(entry.level(), entry.effectiveOn(), until));
			}
		}
		return steps;
	}

	/** Who the resident is and where the policy places them: their house today, else the house of their last stay. */
	private Subject subject(ProgramId program, UUID residentId) {
		return census.find(program, residentId)
			.map(e -> new Subject(e.displayName(), new ResidentScope(residentId, e.houseId())))
			.or(() -> records.discharged(program).stream().filter(d -> d.residentId().equals(residentId)).findFirst()
				.map(d -> new Subject(d.displayName(), new ResidentScope(residentId, d.houseId()))))
			.orElseThrow(() -> new RecordNotFound("Resident", residentId));
	}

	private record Subject(String name, ResidentScope scope) {
	}
}
