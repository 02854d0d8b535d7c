package org.milieu.plans;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.milieu.levels.facts.CriterionLink;
import org.milieu.levels.facts.Fact;
import org.milieu.levels.facts.FactKind;
import org.milieu.levels.facts.FactOrigin;
import org.milieu.levels.facts.FactSource;
import org.milieu.shared.ProgramId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress on plan objectives linked to level criteria, as PLAN_OBJECTIVE facts for the levels
 * evidence: each rating of a linked objective in a signed review (met, progressing, not
 * progressing, changed, dropped) is one fact on the day the review was held, naming the criterion
 * the objective is linked to and the objective's words. A review not yet signed counts for nothing;
 * an objective linked to no criterion is no level evidence. Read from the review tables at query
 * time, in one query for any number of residents; no access check here, the levels module checks its
 * reader (under clinical notes, and the resident for their own plan).
 */
@Component
class PlanObjectiveFacts implements FactSource {

	private final JdbcClient jdbc;

	PlanObjectiveFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public FactKind kind() {
		return FactKind.PLAN_OBJECTIVE;
	}

	@Override
	public String module() {
		return "plans";
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<LocalDate> coversFrom(ProgramId program) {
		// min() answers one row, null while no review is signed
		return jdbc.sql("select min(held_on) from plans_review where program_id = ? and signed_at is not null")
			.param(program.value()).query(LocalDate.class).list().stream().filter(java.util.Objects::nonNull).findFirst();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Fact> facts(ProgramId program, Collection<UUID> residents, LocalDate from, LocalDate to) {
		if (residents != null && residents.isEmpty()) {
			return List.of();
		}
		String sql = """
				select r.id as review_id, r.resident_id, r.held_on, r.version_number, r.created_by_name, g.item_id, g.rating,
				       i.text, i.criterion_level, i.criterion_key
				  from plans_review r
				  join plans_review_rating g on g.review_id = r.id and g.program_id = r.program_id
				  join plans_item i on i.id = g.item_id
				 where r.program_id = ? and r.signed_at is not null and r.held_on between ? and ?
				   and i.criterion_key is not null""" + (residents == null ? "" : " and r.resident_id = any(?)");
		JdbcClient.StatementSpec spec = jdbc.sql(sql).param(program.value()).param(from).param(to);
		if (residents != null) {
			spec = spec.param(residents.toArray(UUID[]::new));
		}
		return spec.query(PlanObjectiveFacts::fact).list();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> recordOf(ProgramId program, UUID residentId) {
		return jdbc.sql("select id from plans_plan where program_id = ? and resident_id = ?")
			.params(program.value(), residentId).query(UUID.class).optional()
			.map(plan -> "/residents/" + residentId + "/plan");
	}

	private static Fact fact(ResultSet rs, int n) throws SQLException {
		UUID review = rs.getObject("review_id", UUID.class);
		UUID item = rs.getObject("item_id", UUID.class);
		UUID resident = rs.getObject("resident_id", UUID.class);
		// one fact per review and objective: its id is derived from both, stable across reads
		UUID id = UUID.nameUUIDFromBytes(("plan-objective/" + review + "/" + item).getBytes(StandardCharsets.UTF_8));
		return new Fact(id, resident, FactKind.PLAN_OBJECTIVE, rs.getObject("held_on", LocalDate.class),
				rs.getString("rating"), rs.getString("text"), rs.getString("created_by_name"),
				new FactOrigin("PLAN_REVIEW", "plans", review,
						"/residents/" + resident + "/plan?version=" + rs.getInt("version_number")),
				new CriterionLink(rs.getInt("criterion_level"), rs.getString("criterion_key")));
	}
}
