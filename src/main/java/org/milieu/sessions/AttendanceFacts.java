package org.milieu.sessions;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.milieu.levels.LevelHistoryEntry;
import org.milieu.levels.ResidentLevels;

import org.milieu.levels.facts.Fact;
import org.milieu.levels.facts.FactKind;
import org.milieu.levels.facts.FactOrigin;
import org.milieu.levels.facts.FactSource;
import org.milieu.shared.ProgramId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions' roll calls as ATTENDANCE facts for the levels evidence, beside the community meetings'
 * roll calls: each mark is one fact on the day the occurrence was held (its new day when moved).
 * PRESENT, LATE and LEFT_EARLY are {@code ATTENDED}; ABSENT is {@code ABSENT}; EXCUSED is
 * {@code EXCUSED} (the criteria leave it out of the count).
 * <p>
 * Why late and left early are ATTENDED and not ATTENDED_CONFUSED: that outcome records the
 * resident's state in the group (attending while disoriented), which the level-2 criterion
 * ATTENDANCE_CLEAR ("groups attended without being rated confused") reads. A roll call records
 * arrival and departure, not the resident's state; counting a late arrival as confusion would put a
 * clinical observation nobody made into the evidence and lower a resident's clear attendance for
 * being late. The roll call itself (linked from each fact) keeps the exact mark.
 * <p>
 * <p>
 * A kind of session says for which levels attendance is mandatory. An absence counts against a
 * resident only from a session mandatory at the level they had on the day it was held: an absence
 * from a voluntary one (for that resident, that day) is <em>left out</em> of the facts, not turned
 * into EXCUSED. Why left out: EXCUSED is a mark staff give with a reason ("hospital appointment"),
 * and the evidence shows it as such; a reviewer reading an excuse nobody gave would be misled, and
 * the criteria would count it as a session excused rather than one the resident was free to skip.
 * Not attending a voluntary session says nothing about a resident's responsibility; attending one
 * still counts as ATTENDED. The roll call itself keeps the mark.
 * <p>
 * Read from the roll at query time in one query for any number of residents, filtered by program,
 * and the levels of the residents absent from a session that is mandatory at some levels in one
 * more query (the levels module's {@link ResidentLevels#histories}); no access check here, the
 * levels module checks its reader. Covers the program from the day of its first marked occurrence.
 */
@Component
class AttendanceFacts implements FactSource {

	static final String ORIGIN = "SESSION";

	private static final String HELD_ON = "coalesce(e.moved_on, a.occurs_on)";

	private static final String FROM = " from sessions_attendance a"
			+ " left join sessions_exception e on e.session_id = a.session_id and e.occurs_on = a.occurs_on and e.kind = 'MOVED'";

	private final JdbcClient jdbc;

	private final ResidentLevels levels;

	AttendanceFacts(JdbcClient jdbc, ResidentLevels levels) {
		this.jdbc = jdbc;
		this.levels = levels;
	}

	@Override
	public FactKind kind() {
		return FactKind.ATTENDANCE;
	}

	@Override
	public String module() {
		return "sessions";
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<LocalDate> coversFrom(ProgramId program) {
		return jdbc.sql("select min(" + HELD_ON + ")" + FROM + " where a.program_id = ?").param(program.value())
			.query(LocalDate.class).list().stream().filter(Objects::nonNull).findFirst();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Fact> facts(ProgramId program, Collection<UUID> residents, LocalDate from, LocalDate to) {
		if (residents != null && residents.isEmpty()) {
			return List.of();
		}
		// a moved occurrence is held at most Occurrences.MOVE_REACH_DAYS from its rule's date: the bounds on
		// occurs_on let the index on (program_id, occurs_on) serve
		String sql = "select a.session_id, a.occurs_on, a.resident_id, a.status, a.recorded_by_name, " + HELD_ON
				+ " as held_on, coalesce(nullif(s.title, ''), t.name, t.code) as title, t.mandatory_levels" + FROM
				+ " join sessions_session s on s.id = a.session_id join sessions_type t on t.id = s.type_id"
				+ " where a.program_id = ? and a.occurs_on between ? and ? and " + HELD_ON + " between ? and ?"
				+ (residents == null ? "" : " and a.resident_id = any(?)");
		JdbcClient.StatementSpec spec = jdbc.sql(sql).param(program.value())
			.param(from.minusDays(Occurrences.MOVE_REACH_DAYS)).param(to.plusDays(Occurrences.MOVE_REACH_DAYS))
			.param(from).param(to);
		if (residents != null) {
			spec = spec.param(residents.toArray(UUID[]::new));
		}
		List<Mark> marks = spec.query(AttendanceFacts::mark).list();
		// only an absence from a kind mandatory at some levels but not all needs the resident's level that day
		Set<UUID> toLevel = new HashSet<>();
		for (Mark m : marks) {
			if (m.status == AttendanceStatus.ABSENT && !m.mandatoryLevels.isEmpty()) {
				toLevel.add(m.fact.residentId());
			}
		}
		Map<UUID, List<LevelHistoryEntry>> histories = toLevel.isEmpty() ? Map.of() : levels.histories(program, toLevel);
		List<Fact> out = new ArrayList<>(marks.size());
		for (Mark m : marks) {
			if (m.status != AttendanceStatus.ABSENT || m.mandatoryLevels.contains(
					SessionEligibility.levelOn(histories.getOrDefault(m.fact.residentId(), List.of()), m.fact.occurredOn()))) {
				out.add(m.fact);
			}
		}
		return out;
	}

	/** A mark as its fact, with what decides whether an absence counts. */
	private record Mark(Fact fact, AttendanceStatus status, List<Integer> mandatoryLevels) {
	}

	private static Mark mark(ResultSet rs, int n) throws SQLException {
		Array mandatory = rs.getArray("mandatory_levels");
		return new Mark(fact(rs, n), AttendanceStatus.valueOf(rs.getString("status")),
				mandatory == null ? List.of() : List.of((Integer[]) mandatory.getArray()));
	}

	/** The outcome of the level facts a roll call's mark is (see the class comment for late and left early). */
	static String outcome(AttendanceStatus status) {
		return switch (status) {
			case PRESENT, LATE, LEFT_EARLY -> "ATTENDED";
			case ABSENT -> "ABSENT";
			case EXCUSED -> "EXCUSED";
		};
	}

	private static Fact fact(ResultSet rs, int n) throws SQLException {
		UUID session = rs.getObject("session_id", UUID.class);
		LocalDate occursOn = rs.getObject("occurs_on", LocalDate.class);
		UUID resident = rs.getObject("resident_id", UUID.class);
		// one fact per occurrence and resident: its id is derived from the three, stable across reads and changed marks
		UUID id = UUID.nameUUIDFromBytes(("session-attendance/" + session + "/" + occursOn + "/" + resident)
			.getBytes(StandardCharsets.UTF_8));
		return new Fact(id, resident, FactKind.ATTENDANCE, rs.getObject("held_on", LocalDate.class),
				outcome(AttendanceStatus.valueOf(rs.getString("status"))), rs.getString("title"),
				rs.getString("recorded_by_name"), new FactOrigin(ORIGIN, "sessions", session,
						"/sessions/" + session + "/occurrences/" + occursOn + "/roll-call"));
	}
}
