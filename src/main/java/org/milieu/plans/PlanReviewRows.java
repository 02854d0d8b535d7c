package org.milieu.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.milieu.shared.Keyset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The review tables, in plain SQL; filtered by program except where the signature component asks by id. */
@Repository
class PlanReviewRows {

	private static final String REVIEW = """
			select id, plan_id, resident_id, program_id, version_number, reason, held_on, summary, resident_comment,
			       revised_to_version, revision, created_by_name, created_at, first_signed_at, signed_at, closed_at
			from plans_review""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	PlanReviewRows(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	void add(UUID id, UUID programId, UUID planId, UUID residentId, int versionNumber, ReviewReason reason,
			LocalDate heldOn, UUID by, String byName, Instant at) {
		jdbc.sql("""
				insert into plans_review (id, plan_id, program_id, resident_id, version_number, reason, held_on,
				    created_by, created_by_name, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, planId, programId, residentId, versionNumber, reason.name(), heldOn, by, byName, utc(at)).update();
	}

	/** The review with its objectives, locked for update when {@code forUpdate}. */
	Optional<PlanReview> review(UUID programId, UUID residentId, UUID reviewId, boolean forUpdate) {
		return jdbc.sql(REVIEW + " where program_id = ? and resident_id = ? and id = ?" + (forUpdate ? " for update" : ""))
			.params(programId, residentId, reviewId).query(this::review).optional().map(this::withObjectives);
	}

	/** The review whatever the program, with the program it belongs to (for the signature component, which checks it). */
	Optional<Map.Entry<UUID, PlanReview>> reviewAnyProgram(UUID reviewId) {
		return jdbc.sql(REVIEW + " where id = ?").param(reviewId)
			.query((rs, n) -> Map.entry(rs.getObject("program_id", UUID.class), review(rs, n))).optional()
			.map(e -> Map.entry(e.getKey(), withObjectives(e.getValue())));
	}

	/** The plan's open review (not signed by the clinician, not closed), if any. */
	Optional<UUID> openReview(UUID programId, UUID planId) {
		return jdbc.sql("select id from plans_review where program_id = ? and plan_id = ? and signed_at is null "
				+ "and closed_at is null").params(programId, planId).query(UUID.class).optional();
	}

	/** The resident's reviews, newest held first, after the keyset, at most {@code limit}, with their objectives. */
	List<PlanReview> reviews(UUID programId, UUID residentId, Keyset after, int limit) {
		List<PlanReview> found = after == null
				? jdbc.sql(REVIEW + " where program_id = ? and resident_id = ? order by held_on desc, id desc limit ?")
					.params(programId, residentId, limit).query(this::review).list()
				: jdbc.sql(REVIEW + " where program_id = ? and resident_id = ? and (held_on, id) < (?, ?) "
						+ "order by held_on desc, id desc limit ?")
					.params(programId, residentId, after.date(), after.id(), limit).query(this::review).list();
		return withObjectives(found);
	}

	/** Rewrites the clinician's part: the summary and the ratings as a whole. */
	void rate(UUID programId, UUID reviewId, String summary, List<PlanReview.RatedObjective> ratings) {
		jdbc.sql("update plans_review set summary = ?, revision = revision + 1 where id = ?").params(summary, reviewId)
			.update();
		jdbc.sql("delete from plans_review_rating where review_id = ?").param(reviewId).update();
		if (ratings.isEmpty()) {
			return;
		}
		batch.batchUpdate("""
				insert into plans_review_rating (review_id, item_id, program_id, rating, comment) values (?, ?, ?, ?, ?)""",
				ratings.stream().map(r -> new Object[] { reviewId, r.objectiveId(), programId, r.rating().name(),
						r.comment() }).toList());
	}

	void comment(UUID reviewId, String text) {
		jdbc.sql("update plans_review set resident_comment = ?, revision = revision + 1 where id = ?")
			.params(text, reviewId).update();
	}

	void revisedTo(UUID reviewId, int versionNumber) {
		jdbc.sql("update plans_review set revised_to_version = ?, revision = revision + 1 where id = ?")
			.params(versionNumber, reviewId).update();
	}

	/** Records a signature or a decline: any locks the review; the clinician's marks it done. */
	void signed(UUID reviewId, Instant at, boolean clinician) {
		jdbc.sql("""
				update plans_review set first_signed_at = coalesce(first_signed_at, ?),
				    signed_at = case when ? then coalesce(signed_at, ?) else signed_at end, revision = revision + 1
				where id = ?""").params(utc(at), clinician, utc(at), reviewId).update();
	}

	/** Closes the resident's open reviews with the reason; returns how many. */
	int closeOpen(UUID programId, UUID residentId, Instant at, String reason) {
		return jdbc.sql("""
				update plans_review set closed_at = ?, closed_reason = ?, revision = revision + 1
				where program_id = ? and resident_id = ? and signed_at is null and closed_at is null""")
			.params(utc(at), reason, programId, residentId).update();
	}

	private List<PlanReview> withObjectives(List<PlanReview> reviews) {
		if (reviews.isEmpty()) {
			return reviews;
		}
		Map<UUID, List<PlanReview.RatedObjective>> objectives = new HashMap<>();
		jdbc.sql("""
				select r.id as review_id, i.id, i.text, i.measure, i.target_date, x.rating, x.comment
				from plans_review r
				join plans_item i on i.plan_id = r.plan_id and i.version_number = r.version_number and i.kind = 'OBJECTIVE'
				left join plans_review_rating x on x.review_id = r.id and x.item_id = i.id
				where r.id = any(?) order by i.position, i.id""")
			.param(reviews.stream().map(PlanReview::id).toArray(UUID[]::new))
			.query((ResultSet rs) -> {
				objectives.computeIfAbsent(rs.getObject("review_id", UUID.class), k -> new ArrayList<>())
					.add(new PlanReview.RatedObjective(rs.getObject("id", UUID.class), rs.getString("text"),
							rs.getString("measure"), rs.getObject("target_date", LocalDate.class),
							rs.getString("rating") == null ? null : ObjectiveRating.valueOf(rs.getString("rating")),
							rs.getString("comment")));
			});
		return reviews.stream().map(r -> with(r, objectives.getOrDefault(r.id(), List.of()))).toList();
	}

	private PlanReview withObjectives(PlanReview review) {
		return withObjectives(List.of(review)).get(0);
	}

	private static PlanReview with(PlanReview r, List<PlanReview.RatedObjective> objectives) {
		return new PlanReview(r.id(), r.planId(), r.residentId(), r.versionNumber(), r.reason(), r.heldOn(), r.summary(),
				r.residentComment(), r.revisedToVersion(), r.revision(), r.createdBy(), r.createdAt(), r.locked(),
				r.signedAt(), r.closedAt(), List.copyOf(objectives));
	}

	private PlanReview review(ResultSet rs, int n) throws SQLException {
		return new PlanReview(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
				rs.getObject("resident_id", UUID.class), rs.getInt("version_number"),
				ReviewReason.valueOf(rs.getString("reason")), rs.getObject("held_on", LocalDate.class),
				rs.getString("summary"), rs.getString("resident_comment"), rs.getObject("revised_to_version", Integer.class),
				rs.getInt("revision"), rs.getString("created_by_name"), instant(rs, "created_at"),
				rs.getObject("first_signed_at") != null, instant(rs, "signed_at"), instant(rs, "closed_at"), List.of());
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}
}
