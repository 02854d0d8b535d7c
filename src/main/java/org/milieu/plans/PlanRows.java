package org.milieu.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The plan tables, in plain SQL; always filtered by program. */
@Repository
class PlanRows {

	private static final String VERSION = """
			select v.plan_id, p.resident_id, v.number, v.status, v.starts_on, v.revision, v.created_by_name, v.created_at,
			       v.first_signed_at, v.clinician_signed_at, v.resident_answered_at, v.resident_declined, v.in_force_at
			from plans_version v join plans_plan p on p.id = v.plan_id
			where v.program_id = ?""";

	private final JdbcClient jdbc;

	private final org.springframework.jdbc.core.JdbcTemplate batch;

	PlanRows(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	Optional<UUID> planOf(UUID programId, UUID residentId) {
		return jdbc.sql("select id from plans_plan where program_id = ? and resident_id = ?")
			.params(programId, residentId).query(UUID.class).optional();
	}

	/** The plan's id and resident, whatever the program (for the signature component, which checks the program). */
	Optional<UUID[]> planById(UUID planId) {
		return jdbc.sql("select program_id, resident_id from plans_plan where id = ?").param(planId)
			.query((rs, n) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) }).optional();
	}

	void addPlan(UUID id, UUID programId, UUID residentId, Instant at) {
		jdbc.sql("insert into plans_plan (id, program_id, resident_id, created_at) values (?, ?, ?, ?)")
			.params(id, programId, residentId, utc(at)).update();
	}

	void addVersion(UUID programId, UUID planId, int number, LocalDate startsOn, UUID by, String byName, Instant at) {
		jdbc.sql("""
				insert into plans_version (plan_id, number, program_id, status, starts_on, created_by, created_by_name, created_at)
				values (?, ?, ?, 'DRAFT', ?, ?, ?, ?)""").params(planId, number, programId, startsOn, by, byName, utc(at)).update();
	}

	List<TreatmentPlan.Summary> versions(UUID programId, UUID planId) {
		return jdbc.sql("""
				select number, status, starts_on, first_signed_at, resident_declined, created_at from plans_version
				where program_id = ? and plan_id = ? order by number desc""").params(programId, planId)
			.query((rs, n) -> new TreatmentPlan.Summary(rs.getInt("number"), PlanStatus.valueOf(rs.getString("status")),
					rs.getObject("starts_on", LocalDate.class), rs.getObject("first_signed_at") != null,
					rs.getBoolean("resident_declined"), instant(rs, "created_at")))
			.list();
	}

	/** The version with its parts, locked for update when {@code forUpdate}. */
	Optional<PlanVersion> version(UUID programId, UUID planId, int number, boolean forUpdate) {
		return jdbc.sql(VERSION + " and v.plan_id = ? and v.number = ?" + (forUpdate ? " for update of v" : ""))
			.params(programId, planId, number).query((rs, n) -> version(rs, List.of())).optional()
			.map(v -> withItems(v));
	}

	Optional<PlanVersion> versionAnyProgram(UUID planId, int number) {
		return jdbc.sql(VERSION.replace("where v.program_id = ?", "where true") + " and v.plan_id = ? and v.number = ?")
			.params(planId, number).query((rs, n) -> version(rs, List.of())).optional().map(v -> withItems(v));
	}

	private PlanVersion withItems(PlanVersion v) {
		return new PlanVersion(v.planId(), v.residentId(), v.number(), v.status(), v.startsOn(), v.revision(), v.createdBy(),
				v.createdAt(), v.locked(), v.clinicianSigned(), v.residentAnswered(), v.residentDeclined(), v.inForceAt(),
				items(v.planId(), v.number()));
	}

	List<PlanItem> items(UUID planId, int number) {
		return jdbc.sql("""
				select id, kind, area, text, clinical_text, measure, target_date, responsible, frequency, author_account_id,
				       author_name, author_role, residents_words, criterion_level, criterion_key, template_id, template_name,
				       template_text
				from plans_item where plan_id = ? and version_number = ? order by position, id""").params(planId, number)
			.query((rs, n) -> new PlanItem(rs.getObject("id", UUID.class), ItemKind.valueOf(rs.getString("kind")),
					rs.getString("area"), rs.getString("text"), rs.getString("clinical_text"), rs.getString("measure"),
					rs.getObject("target_date", LocalDate.class), rs.getString("responsible"), rs.getString("frequency"),
					rs.getObject("author_account_id", UUID.class), rs.getString("author_name"), rs.getString("author_role"),
					rs.getBoolean("residents_words"), link(rs), rs.getObject("template_id") == null ? null
							: new PlanItem.FromTemplate(rs.getObject("template_id", UUID.class),
									rs.getString("template_name"), rs.getString("template_text"))))
			.list();
	}

	void replaceItems(UUID programId, UUID planId, int number, List<PlanItem> items) {
		jdbc.sql("delete from plans_item where plan_id = ? and version_number = ?").params(planId, number).update();
		addItems(programId, planId, number, 0, items);
	}

	void addItem(UUID programId, UUID planId, int number, int position, PlanItem item) {
		addItems(programId, planId, number, position, List.of(item));
	}

	/** The parts in one batch (sent as one multi-row insert), at positions from {@code firstPosition} on. */
	void addItems(UUID programId, UUID planId, int number, int firstPosition, List<PlanItem> items) {
		if (items.isEmpty()) {
			return;
		}
		batch.batchUpdate("""
				insert into plans_item (id, plan_id, version_number, program_id, position, kind, area, text, clinical_text,
				    measure, target_date, responsible, frequency, author_account_id, author_name, author_role, residents_words,
				    criterion_level, criterion_key, template_id, template_name, template_text)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				java.util.stream.IntStream.range(0, items.size()).mapToObj(n -> {
					PlanItem i = items.get(n);
					return new Object[] { i.id(), planId, number, programId, firstPosition + n, i.kind().name(), i.area(),
							i.text(), i.clinicalText(), i.measure(), i.targetDate(), i.responsible(), i.frequency(),
							i.authorAccountId(), i.authorName(), i.authorRole(), i.residentsWords(),
							i.criterion() == null ? null : i.criterion().level(), i.criterion() == null ? null : i.criterion().key(),
							i.fromTemplate() == null ? null : i.fromTemplate().templateId(),
							i.fromTemplate() == null ? null : i.fromTemplate().name(),
							i.fromTemplate() == null ? null : i.fromTemplate().text() };
				}).toList());
	}

	void updateItemText(UUID itemId, String text) {
		jdbc.sql("update plans_item set text = ? where id = ?").params(text, itemId).update();
	}

	int nextPosition(UUID planId, int number) {
		return jdbc.sql("select coalesce(max(position), -1) + 1 from plans_item where plan_id = ? and version_number = ?")
			.params(planId, number).query(Integer.class).single();
	}

	void revised(UUID planId, int number, LocalDate startsOn) {
		jdbc.sql("update plans_version set revision = revision + 1, starts_on = ? where plan_id = ? and number = ?")
			.params(startsOn, planId, number).update();
	}

	int latestNumber(UUID planId) {
		return jdbc.sql("select coalesce(max(number), 0) from plans_version where plan_id = ?").param(planId)
			.query(Integer.class).single();
	}

	/** Records a signature or a decline on the version: any locks it; the clinician's and the resident's answers are noted. */
	void signed(UUID planId, int number, Instant at, boolean clinicianWrote, boolean residentAnswered, boolean declined) {
		jdbc.sql("""
				update plans_version set first_signed_at = coalesce(first_signed_at, ?),
				    clinician_signed_at = case when ? then coalesce(clinician_signed_at, ?) else clinician_signed_at end,
				    resident_answered_at = case when ? then coalesce(resident_answered_at, ?) else resident_answered_at end,
				    resident_declined = case when ? then (? and (resident_answered_at is null or resident_declined))
				        else resident_declined end,
				    revision = revision + 1
				where plan_id = ? and number = ?""")
			.params(utc(at), clinicianWrote, utc(at), residentAnswered, utc(at), residentAnswered, declined, planId, number)
			.update();
	}

	/** Puts the version in force when both answers are in, superseding the one in force before; true when it did. */
	boolean bringIntoForce(UUID planId, int number, Instant at) {
		int changed = jdbc.sql("""
				update plans_version set status = 'IN_FORCE', in_force_at = ?, revision = revision + 1
				where plan_id = ? and number = ? and status = 'DRAFT'
				  and clinician_signed_at is not null and resident_answered_at is not null""")
			.params(utc(at), planId, number).update();
		if (changed == 1) {
			jdbc.sql("""
					update plans_version set status = 'SUPERSEDED', revision = revision + 1
					where plan_id = ? and number <> ? and status = 'IN_FORCE'""").params(planId, number).update();
			jdbc.sql("""
					update plans_version set status = 'ENDED', ended_at = ?, ended_reason = 'a later version came into force',
					    revision = revision + 1
					where plan_id = ? and number < ? and status = 'DRAFT'""").params(utc(at), planId, number).update();
		}
		return changed == 1;
	}

	/** Ends every draft of the resident's plan; returns how many. */
	int endDrafts(UUID programId, UUID residentId, Instant at, String reason) {
		return jdbc.sql("""
				update plans_version v set status = 'ENDED', ended_at = ?, ended_reason = ?, revision = revision + 1
				from plans_plan p where p.id = v.plan_id and p.program_id = ? and p.resident_id = ? and v.status = 'DRAFT'""")
			.params(utc(at), reason, programId, residentId).update();
	}

	/** What a discharge ended, once per stay (a second run of the reaction keeps the first record). */
	void recordClosure(UUID programId, UUID residentId, UUID stayId, int draftsEnded, Instant at) {
		jdbc.sql("""
				insert into plans_discharge_closure (stay_id, program_id, resident_id, drafts_ended, version_in_force, closed_at)
				select ?, ?, ?, ?, (select v.number from plans_version v join plans_plan p on p.id = v.plan_id
				                    where p.program_id = ? and p.resident_id = ? and v.status = 'IN_FORCE'), ?
				on conflict (stay_id) do nothing""")
			.params(stayId, programId, residentId, draftsEnded, programId, residentId, utc(at)).update();
	}

	/** The closure record of a stay: drafts ended and the version then in force (0 when none); empty before the reaction ran. */
	java.util.Optional<int[]> closure(UUID stayId) {
		return jdbc.sql("select drafts_ended, coalesce(version_in_force, 0) from plans_discharge_closure where stay_id = ?")
			.param(stayId).query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) }).optional();
	}

	private static PlanVersion version(ResultSet rs, List<PlanItem> items) throws SQLException {
		return new PlanVersion(rs.getObject("plan_id", UUID.class), rs.getObject("resident_id", UUID.class),
				rs.getInt("number"), PlanStatus.valueOf(rs.getString("status")), rs.getObject("starts_on", LocalDate.class),
				rs.getInt("revision"), rs.getString("created_by_name"), instant(rs, "created_at"),
				rs.getObject("first_signed_at") != null, rs.getObject("clinician_signed_at") != null,
				rs.getObject("resident_answered_at") != null, rs.getBoolean("resident_declined"), instant(rs, "in_force_at"),
				items);
	}

	private static org.milieu.levels.facts.CriterionLink link(ResultSet rs) throws SQLException {
		String key = rs.getString("criterion_key");
		return key == null ? null : new org.milieu.levels.facts.CriterionLink(rs.getInt("criterion_level"), key);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}
}
