package org.milieu.work;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weekly rosters of the program and their assignments: who does which job in which week,
 * on the terms the job had when the roster was proposed.
 */
@Service("workRosters")
public class Rosters {

	static final String ASSIGNMENT = """
			select a.id, a.roster_id, r.week_start, r.status, a.job_id, j.name as job_name, j.days, j.starts_at,
			       j.supervisor, a.resident_id, a.house_id, a.rate_cents, a.rate_unit, a.currency, a.expected_minutes,
			       a.chosen
			  from work_assignment a
			  join work_roster r on r.id = a.roster_id
			  join work_job j on j.id = a.job_id
			 where a.program_id = ?""";

	private final JdbcClient jdbc;

	Rosters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One assignment of the program with its roster's week and status and the job's days, start
	 * time, supervisor and name; {@link RecordNotFound} when the program has none by that id. A
	 * question other parts of the work module ask (for example whether a completion falls on a
	 * day the job happens), without a person behind it: it is neither decided by the access
	 * policy nor audited, so the caller must have passed the policy for the resident already.
	 */
	@Transactional(readOnly = true)
	public Assignment assignment(ProgramId program, UUID assignmentId) {
		return jdbc.sql(ASSIGNMENT + " and a.id = ?").params(program.value(), assignmentId)
			.query((rs, n) -> assignment(rs)).optional().orElseThrow(() -> new RecordNotFound("Assignment", assignmentId));
	}

	static Assignment assignment(ResultSet rs) throws SQLException {
		return new Assignment(rs.getObject("id", UUID.class), rs.getObject("roster_id", UUID.class),
				rs.getObject("week_start", LocalDate.class), RosterStatus.valueOf(rs.getString("status")),
				rs.getObject("job_id", UUID.class), rs.getString("job_name"), Jobs.days(rs, "days"),
				rs.getObject("starts_at", LocalTime.class), rs.getString("supervisor"),
				rs.getObject("resident_id", UUID.class), rs.getObject("house_id", UUID.class), rs.getLong("rate_cents"),
				RateUnit.valueOf(rs.getString("rate_unit")), rs.getString("currency"), rs.getInt("expected_minutes"),
				rs.getBoolean("chosen"));
	}
}
