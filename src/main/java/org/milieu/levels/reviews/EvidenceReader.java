package org.milieu.levels.reviews;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.milieu.levels.CurrentLevel;
import org.milieu.levels.RatingDomain;
import org.milieu.levels.facts.Fact;
import org.milieu.levels.facts.FactKind;
import org.milieu.levels.facts.LevelFacts;
import org.milieu.levels.scheme.Criterion;
import org.milieu.levels.scheme.CriterionKind;
import org.milieu.levels.scheme.LevelScheme;
import org.milieu.shared.ProgramId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Measures the criteria for the next level, for one resident or all of them at once, with a fixed
 * number of queries whatever their number: one over the point sheet (every count, share and
 * average the scheme needs, as filtered aggregates in one pass), one for the facts recorded by
 * hand that the criteria read, one per module that supplies a kind (work, meetings), one for the
 * active adjustments. A window of {@code w} days ends on the day measured and
 * includes it. No access check here: the callers check the reader.
 */
@Component
class EvidenceReader {

	private final JdbcClient jdbc;

	private final LevelFacts facts;

	EvidenceReader(JdbcClient jdbc, LevelFacts facts) {
		this.jdbc = jdbc;
		this.facts = facts;
	}

	/** One resident to measure: their house and their level. */
	record Subject(UUID residentId, UUID houseId, CurrentLevel level) {
	}

	/** The evidence of each subject with a level, by resident id. */
	Map<UUID, Evidence> measure(ProgramId program, LevelScheme scheme, Collection<Subject> subjects, LocalDate on,
			boolean all) {
		List<UUID> ids = subjects.stream().map(Subject::residentId).toList();
		Map<UUID, Map<String, Adjustment>> adjustments = adjustments(program, all ? null : ids);
		Map<UUID, List<Criterion>> criteria = new HashMap<>();
		Set<Tally> tallies = new LinkedHashSet<>();
		Map<FactKind, Integer> factWindows = new EnumMap<>(FactKind.class);
		for (Subject subject : subjects) {
			List<Criterion> applied = new ArrayList<>();
			int level = subject.level().level().number();
			if (level < 4) {
				Map<String, Adjustment> own = adjustments.getOrDefault(subject.residentId(), Map.of());
				for (Criterion criterion : scheme.criteriaFor(level + 1)) {
					Adjustment adjustment = own.get((level + 1) + "/" + criterion.key());
					Criterion c = adjustment != null && adjustment.kind() == Adjustment.Kind.ADAPT
							? criterion.adapted(adjustment.windowDays(), adjustment.threshold()) : criterion;
					applied.add(c);
					needs(c, tallies, factWindows);
				}
				int minimum = scheme.level(level).minimumDays();
				if (minimum > 0) {
					applied.add(Criterion.of("days-at-level", CriterionKind.DAYS_AT_LEVEL, null, minimum));
				}
			}
			criteria.put(subject.residentId(), applied);
		}
		Map<UUID, Map<Tally, long[]>> counted = tallies.isEmpty() ? Map.of() : tally(program, tallies, on, all ? null : ids);
		Map<FactKind, Map<UUID, List<Fact>>> known = new EnumMap<>(FactKind.class);
		if (!factWindows.isEmpty()) {
			int window = factWindows.values().stream().mapToInt(Integer::intValue).max().orElse(1);
			for (Fact fact : facts.facts(factWindows.keySet(), program, all ? null : ids, on.minusDays(window - 1L), on)) {
				known.computeIfAbsent(fact.kind(), k -> new HashMap<>())
					.computeIfAbsent(fact.residentId(), k -> new ArrayList<>()).add(fact);
			}
		}
		Map<UUID, Evidence> result = new LinkedHashMap<>();
		for (Subject subject : subjects) {
			CurrentLevel level = subject.level();
			long days = ChronoUnit.DAYS.between(level.since(), on);
			Map<String, Adjustment> own = adjustments.getOrDefault(subject.residentId(), Map.of());
			int next = level.level().number() + 1;
			List<CriterionResult> results = new ArrayList<>();
			for (Criterion criterion : criteria.get(subject.residentId())) {
				Adjustment adjustment = own.get(next + "/" + criterion.key());
				if (adjustment != null && adjustment.kind() == Adjustment.Kind.WAIVE) {
					results.add(new CriterionResult(criterion, null, true, 0, adjustment));
					continue;
				}
				results.add(measure(criterion, adjustment, counted.getOrDefault(subject.residentId(), Map.of()), known,
						subject.residentId(), on, days));
			}
			result.put(subject.residentId(), new Evidence(subject.residentId(), subject.houseId(), level.level(),
					level.since(), days, next <= 4 ? next : null, scheme.id(), on, results));
		}
		return result;
	}

	private static void needs(Criterion c, Set<Tally> tallies, Map<FactKind, Integer> factWindows) {
		switch (c.kind()) {
			case NO_DESTRUCTIVE_BEHAVIOUR -> tallies.add(new Tally(RatingDomain.SAFETY, c.windowDays(), 1));
			case RATING_SHARE -> tallies.add(new Tally(c.domain(), c.windowDays(), c.atLeast()));
			case RATING_AVERAGE -> tallies.add(new Tally(c.domain(), c.windowDays(), c.domain().lowest()));
			case ATTENDANCE, ATTENDANCE_CLEAR -> factWindows.merge(FactKind.ATTENDANCE, c.windowDays(), Math::max);
			case RESPONSIBILITY_ACKNOWLEDGED -> factWindows.merge(FactKind.RESPONSIBILITY, c.windowDays(), Math::max);
			case FAMILY_CONTACT_WEEKLY -> factWindows.merge(FactKind.FAMILY_CONTACT, c.windowDays(), Math::max);
			case NO_MAJOR_INCIDENT -> factWindows.merge(FactKind.INCIDENT, c.windowDays(), Math::max);
			case WORK_COMPLETION -> factWindows.merge(FactKind.WORK, c.windowDays(), Math::max);
			case DAYS_AT_LEVEL -> {
			}
		}
	}

	private static CriterionResult measure(Criterion c, Adjustment adjustment, Map<Tally, long[]> counted,
			Map<FactKind, Map<UUID, List<Fact>>> known, UUID resident, LocalDate on, long daysAtLevel) {
		Double value;
		int basis;
		switch (c.kind()) {
			case NO_DESTRUCTIVE_BEHAVIOUR -> {
				long[] t = counted.getOrDefault(new Tally(RatingDomain.SAFETY, c.windowDays(), 1), new long[3]);
				basis = (int) t[0];
				value = basis == 0 ? null : (double) (t[0] - t[1]);
			}
			case RATING_SHARE -> {
				long[] t = counted.getOrDefault(new Tally(c.domain(), c.windowDays(), c.atLeast()), new long[3]);
				basis = (int) t[0];
				value = basis == 0 ? null : Math.round(1000.0 * t[1] / t[0]) / 10.0;
			}
			case RATING_AVERAGE -> {
				long[] t = counted.getOrDefault(new Tally(c.domain(), c.windowDays(), c.domain().lowest()), new long[3]);
				basis = (int) t[0];
				value = basis == 0 ? null : Math.round(100.0 * t[2] / t[0]) / 100.0;
			}
			case ATTENDANCE, ATTENDANCE_CLEAR -> {
				List<Fact> sessions = within(known, FactKind.ATTENDANCE, resident, on, c.windowDays()).stream()
					.filter(f -> !"EXCUSED".equals(f.outcome())).toList();
				long attended = sessions.stream().filter(f -> "ATTENDED".equals(f.outcome())
						|| (c.kind() == CriterionKind.ATTENDANCE && "ATTENDED_CONFUSED".equals(f.outcome()))).count();
				basis = sessions.size();
				value = basis == 0 ? null : Math.round(1000.0 * attended / basis) / 10.0;
			}
			case RESPONSIBILITY_ACKNOWLEDGED -> {
				List<Fact> assessments = within(known, FactKind.RESPONSIBILITY, resident, on, c.windowDays());
				basis = assessments.size();
				value = basis == 0 ? null : "ACKNOWLEDGED".equals(assessments.get(basis - 1).outcome()) ? 1.0 : 0.0;
			}
			case FAMILY_CONTACT_WEEKLY -> {
				List<Fact> contacts = within(known, FactKind.FAMILY_CONTACT, resident, on, c.windowDays());
				Set<Long> weeks = new java.util.HashSet<>();
				for (Fact contact : contacts) {
					weeks.add(ChronoUnit.DAYS.between(contact.occurredOn(), on) / 7);
				}
				weeks.removeIf(w -> w >= Math.max(1, c.windowDays() / 7));
				basis = contacts.size();
				value = (double) weeks.size();
			}
			case NO_MAJOR_INCIDENT -> {
				List<Fact> incidents = within(known, FactKind.INCIDENT, resident, on, c.windowDays());
				basis = incidents.size();
				value = (double) incidents.stream().filter(f -> "MAJOR".equals(f.outcome())).count();
			}
			case WORK_COMPLETION -> {
				List<Fact> work = within(known, FactKind.WORK, resident, on, c.windowDays());
				double done = work.stream().mapToDouble(f -> switch (f.outcome()) {
					case "DONE" -> 1.0;
					case "PARTLY_DONE" -> 0.5;
					default -> 0.0;
				}).sum();
				basis = work.size();
				value = basis == 0 ? null : Math.round(1000.0 * done / basis) / 10.0;
			}
			case DAYS_AT_LEVEL -> {
				basis = 0;
				value = (double) daysAtLevel;
			}
			default -> throw new IllegalStateException(c.kind().name());
		}
		boolean met = value != null && c.kind().meets(value, c.threshold());
		return new CriterionResult(c, value, met, basis, adjustment);
	}

	private static List<Fact> within(Map<FactKind, Map<UUID, List<Fact>>> known, FactKind kind, UUID resident,
			LocalDate on, int window) {
		LocalDate from = on.minusDays(window - 1L);
		return known.getOrDefault(kind, Map.of()).getOrDefault(resident, List.of()).stream()
			.filter(f -> !f.occurredOn().isBefore(from) && !f.occurredOn().isAfter(on)).toList();
	}

	/** One aggregate over the point sheet: ratings of a domain in a window, and those at least a value. */
	record Tally(RatingDomain domain, int window, int atLeast) {
	}

	/** Per resident and tally: {rated shifts, rated at least, sum of values}; one pass over the sheet. */
	private Map<UUID, Map<Tally, long[]>> tally(ProgramId program, Set<Tally> tallies, LocalDate on, List<UUID> residents) {
		List<Tally> list = List.copyOf(tallies);
		int longest = list.stream().mapToInt(Tally::window).max().orElse(1);
		StringBuilder sql = new StringBuilder("select resident_id");
		for (Tally t : list) {
			String filter = "domain = '" + t.domain().name() + "' and shift_date >= date '" + on.minusDays(t.window() - 1L) + "'";
			sql.append(", count(*) filter (where ").append(filter).append(")")
				.append(", count(*) filter (where ").append(filter).append(" and value >= ").append(t.atLeast()).append(")")
				.append(", coalesce(sum(value) filter (where ").append(filter).append("), 0)");
		}
		sql.append(" from levels_shift_rating where program_id = ? and superseded_by is null and shift_date between ? and ?");
		if (residents != null) {
			sql.append(" and resident_id = any(?)");
		}
		sql.append(" group by resident_id");
		JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param(program.value()).param(on.minusDays(longest - 1L))
			.param(on);
		if (residents != null) {
			spec = spec.param(residents.toArray(UUID[]::new));
		}
		Map<UUID, Map<Tally, long[]>> result = new HashMap<>();
		spec.query((ResultSet rs) -> {
			Map<Tally, long[]> row = new HashMap<>();
			for (int i = 0; i < list.size(); i++) {
				row.put(list.get(i), new long[] { rs.getLong(2 + 3 * i), rs.getLong(3 + 3 * i), rs.getLong(4 + 3 * i) });
			}
			result.put(rs.getObject(1, UUID.class), row);
		});
		return result;
	}

	/** Active adjustments by resident, keyed by level and criterion. */
	Map<UUID, Map<String, Adjustment>> adjustments(ProgramId program, List<UUID> residents) {
		String sql = "select * from levels_criterion_adjustment where program_id = ? and ended_at is null"
				+ (residents == null ? "" : " and resident_id = any(?)");
		JdbcClient.StatementSpec spec = jdbc.sql(sql).param(program.value());
		if (residents != null) {
			spec = spec.param(residents.toArray(UUID[]::new));
		}
		Map<UUID, Map<String, Adjustment>> result = new HashMap<>();
		for (Adjustment a : spec.query(EvidenceReader::adjustment).list()) {
			result.computeIfAbsent(a.residentId(), k -> new HashMap<>()).put(a.toLevel() + "/" + a.criterionKey(), a);
		}
		return result;
	}

	static Adjustment adjustment(ResultSet rs, int n) throws SQLException {
		java.math.BigDecimal threshold = rs.getBigDecimal("threshold");
		java.sql.Timestamp ended = rs.getTimestamp("ended_at");
		return new Adjustment(rs.getObject("id", UUID.class), rs.getObject("resident_id", UUID.class), rs.getInt("to_level"),
				rs.getString("criterion_key"), Adjustment.Kind.valueOf(rs.getString("kind")),
				(Integer) rs.getObject("window_days"), threshold == null ? null : threshold.doubleValue(),
				rs.getString("reason"), rs.getString("made_by"), rs.getTimestamp("made_at").toInstant(),
				rs.getString("ended_by"), ended == null ? null : ended.toInstant(), rs.getString("end_reason"));
	}

	static final Set<CriterionKind> RATING_KINDS = EnumSet.of(CriterionKind.NO_DESTRUCTIVE_BEHAVIOUR,
			CriterionKind.RATING_SHARE, CriterionKind.RATING_AVERAGE);
}
