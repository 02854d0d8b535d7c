package org.milieu.work;

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
 * Each person's job occurrences as WORK facts for the levels evidence: done, partly done or not
 * done as staff verified them. A mark not yet verified is not a fact yet; a corrected verification
 * is read as corrected, since the completion holds its current outcome. Read from the completions
 * at query time, in one query for any number of residents, so a verification shows on the next
 * read; no access check here, the levels module checks its reader. Covers the program from the
 * first week of a published roster.
 */
@Component
class WorkFacts implements FactSource {

	private final JdbcClient jdbc;

	WorkFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public FactKind kind() {
		return FactKind.WORK;
	}

	@Override
	public String module() {
		return "work";
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<LocalDate> coversFrom(ProgramId program) {
		// min() answers one row, null while there is no roster
		return jdbc.sql("select min(week_start) from work_roster where program_id = ? and status = 'PUBLISHED'")
			.param(program.value()).query(LocalDate.class).list().stream().filter(java.util.Objects::nonNull).findFirst();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Fact> facts(ProgramId program, Collection<UUID> residents, LocalDate from, LocalDate to) {
		if (residents != null && residents.isEmpty()) {
			return List.of();
		}
		String sql = """
				select c.id, a.resident_id, c.occurs_on, c.outcome, j.name as job_name, c.verified_by
				  from work_completion c join work_assignment a on a.id = c.assignment_id join work_job j on j.id = a.job_id
				 where c.program_id = ? and c.verified_at is not null and c.occurs_on between ? and ?"""
				+ (residents == null ? "" : " and a.resident_id = any(?)");
		JdbcClient.StatementSpec spec = jdbc.sql(sql).param(program.value()).param(from).param(to);
		if (residents != null) {
			spec = spec.param(residents.toArray(UUID[]::new));
		}
		return spec.query(WorkFacts::fact).list();
	}

	private static Fact fact(ResultSet rs, int n) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		LocalDate day = rs.getObject("occurs_on", LocalDate.class);
		return new Fact(id, rs.getObject("resident_id", UUID.class), FactKind.WORK, day, rs.getString("outcome"),
				rs.getString("job_name"), rs.getString("verified_by"),
				new FactOrigin("JOB_OCCURRENCE", "work", id, "/work/verification?date=" + day));
	}
}
