package org.milieu.government;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.milieu.levels.facts.Fact;
import org.milieu.levels.facts.FactKind;
import org.milieu.levels.facts.FactOrigin;
import org.milieu.levels.facts.FactSource;
import org.milieu.shared.ProgramId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Community meetings' roll calls as ATTENDANCE facts for the levels evidence: for each closed
 * meeting, each resident on its roll is present ({@code ATTENDED}), excused ({@code EXCUSED}) or
 * absent ({@code ABSENT}, recorded when the meeting closed), on the day the meeting was held in
 * the program's time zone. A meeting still open counts once it closes: only then is the roll final.
 * Read from the roll itself at query time, in one query for any number of residents; no access
 * check here, the levels module checks its reader. Covers the program from the day of its first
 * closed meeting.
 */
@Component
class MeetingFacts implements FactSource {

	private static final String HELD_ON = "(m.starts_at at time zone p.time_zone)::date";

	private final JdbcClient jdbc;

	MeetingFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public FactKind kind() {
		return FactKind.ATTENDANCE;
	}

	@Override
	public String module() {
		return "government";
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<LocalDate> coversFrom(ProgramId program) {
		// min() answers one row, null while no meeting is closed
		return jdbc.sql("select min(" + HELD_ON + ") from government_meeting m "
				+ "join platform_program p on p.id = m.program_id where m.program_id = ? and m.status = 'CLOSED'")
			.param(program.value()).query(LocalDate.class).list().stream().filter(java.util.Objects::nonNull).findFirst();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Fact> facts(ProgramId program, Collection<UUID> residents, LocalDate from, LocalDate to) {
		if (residents != null && residents.isEmpty()) {
			return List.of();
		}
		// the bounds on starts_at, a day wider than any time zone, let the index on (program_id, starts_at) serve
		String sql = "select m.id as meeting_id, a.resident_id, a.status, a.recorded_by, m.title, " + HELD_ON + " as held_on"
				+ " from government_meeting m join platform_program p on p.id = m.program_id"
				+ " join government_attendance a on a.meeting_id = m.id"
				+ " where m.program_id = ? and m.status = 'CLOSED'"
				+ " and m.starts_at >= cast(? as date) - 1 and m.starts_at < cast(? as date) + 2"
				+ " and " + HELD_ON + " between ? and ?" + (residents == null ? "" : " and a.resident_id = any(?)");
		JdbcClient.StatementSpec spec = jdbc.sql(sql).param(program.value()).param(from).param(to).param(from).param(to);
		if (residents != null) {
			spec = spec.param(residents.toArray(UUID[]::new));
		}
		return spec.query(MeetingFacts::fact).list();
	}

	private static Fact fact(ResultSet rs, int n) throws SQLException {
		UUID meeting = rs.getObject("meeting_id", UUID.class);
		UUID resident = rs.getObject("resident_id", UUID.class);
		String outcome = switch (rs.getString("status")) {
			case MeetingAttendance.PRESENT -> "ATTENDED";
			case MeetingAttendance.EXCUSED -> "EXCUSED";
			default -> "ABSENT";
		};
		// one fact per meeting and resident: its id is derived from both, stable across reads
		UUID id = UUID.nameUUIDFromBytes(("meeting-attendance/" + meeting + "/" + resident).getBytes(
				java.nio.charset.StandardCharsets.UTF_8));
		return new Fact(id, resident, FactKind.ATTENDANCE, rs.getObject("held_on", LocalDate.class), outcome,
				rs.getString("title"), rs.getString("recorded_by"),
				new FactOrigin("MEETING", "government", meeting, "/meetings/" + meeting));
	}
}
