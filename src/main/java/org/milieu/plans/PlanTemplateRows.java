package org.milieu.plans;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The template tables, in plain SQL; always filtered by program. */
@Repository
class PlanTemplateRows {

	private static final String TEMPLATE = """
			select id, name, area, problem_text, clinical_text, revision, retired_at is not null as retired
			from plans_template where program_id = ?""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	PlanTemplateRows(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** The program's templates in use, by name, with their parts (two queries). */
	List<PlanTemplate> active(UUID programId) {
		Map<UUID, PlanTemplate> found = new LinkedHashMap<>();
		jdbc.sql(TEMPLATE + " and retired_at is null order by lower(name)").param(programId)
			.query((rs, n) -> found.put(rs.getObject("id", UUID.class), template(rs, new ArrayList<>()))).list();
		jdbc.sql("""
				select p.template_id, p.kind, p.text, p.measure, p.target_offset_days, p.responsible, p.frequency
				from plans_template_part p join plans_template t on t.id = p.template_id
				where t.program_id = ? and t.retired_at is null order by p.template_id, p.position""").param(programId)
			.query((rs, n) -> {
				PlanTemplate t = found.get(rs.getObject("template_id", UUID.class));
				if (t != null) {
					t.parts().add(part(rs));
				}
				return 0;
			}).list();
		return List.copyOf(found.values());
	}

	Optional<PlanTemplate> find(UUID programId, UUID id, boolean forUpdate) {
		return jdbc.sql(TEMPLATE + " and id = ?" + (forUpdate ? " for update" : "")).params(programId, id)
			.query((rs, n) -> template(rs, parts(id))).optional();
	}

	/** True for the one caller that claims the program's first use (the examples are then written once). */
	boolean claimSeeding(UUID programId, Instant at) {
		if (jdbc.sql("select exists (select 1 from plans_template_seeding where program_id = ?)").param(programId)
			.query(Boolean.class).single()) {
			return false;
		}
		return jdbc.sql("insert into plans_template_seeding (program_id, seeded_at) values (?, ?) on conflict do nothing")
			.params(programId, at.atOffset(ZoneOffset.UTC)).update() == 1;
	}

	void add(UUID programId, UUID id, TemplateDraft draft, UUID by, String byName, Instant at) {
		jdbc.sql("""
				insert into plans_template (id, program_id, name, area, problem_text, clinical_text, created_by,
				    created_by_name, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, programId, draft.name(), draft.area(), draft.problemText(), draft.clinicalText(), by, byName,
					at.atOffset(ZoneOffset.UTC), at.atOffset(ZoneOffset.UTC))
			.update();
		addParts(programId, id, draft.parts());
	}

	void replace(UUID programId, UUID id, TemplateDraft draft, Instant at) {
		jdbc.sql("""
				update plans_template set name = ?, area = ?, problem_text = ?, clinical_text = ?, updated_at = ?,
				    revision = revision + 1
				where program_id = ? and id = ?""")
			.params(draft.name(), draft.area(), draft.problemText(), draft.clinicalText(), at.atOffset(ZoneOffset.UTC),
					programId, id)
			.update();
		jdbc.sql("delete from plans_template_part where template_id = ?").param(id).update();
		addParts(programId, id, draft.parts());
	}

	void retire(UUID programId, UUID id, Instant at) {
		jdbc.sql("update plans_template set retired_at = ?, revision = revision + 1 where program_id = ? and id = ?")
			.params(at.atOffset(ZoneOffset.UTC), programId, id).update();
	}

	private void addParts(UUID programId, UUID id, List<PlanTemplate.Part> parts) {
		if (parts.isEmpty()) {
			return;
		}
		batch.batchUpdate("""
				insert into plans_template_part (template_id, position, program_id, kind, text, measure, target_offset_days,
				    responsible, frequency)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", IntStream.range(0, parts.size()).mapToObj(n -> {
			PlanTemplate.Part p = parts.get(n);
			return new Object[] { id, n, programId, p.kind().name(), p.text(), p.measure(), p.targetOffsetDays(),
					p.responsible(), p.frequency() };
		}).toList());
	}

	private List<PlanTemplate.Part> parts(UUID id) {
		return jdbc.sql("""
				select kind, text, measure, target_offset_days, responsible, frequency
				from plans_template_part where template_id = ? order by position""").param(id)
			.query((rs, n) -> part(rs)).list();
	}

	private static PlanTemplate template(java.sql.ResultSet rs, List<PlanTemplate.Part> parts) throws java.sql.SQLException {
		return new PlanTemplate(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("area"),
				rs.getString("problem_text"), rs.getString("clinical_text"), rs.getInt("revision"),
				rs.getBoolean("retired"), parts);
	}

	private static PlanTemplate.Part part(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new PlanTemplate.Part(ItemKind.valueOf(rs.getString("kind")), rs.getString("text"), rs.getString("measure"),
				rs.getObject("target_offset_days", Integer.class), rs.getString("responsible"), rs.getString("frequency"));
	}
}
