package org.milieu.plans;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The plan's reviews and their ratings as the printed history shows them, read straight from
 * {@code plans_review} and {@code plans_review_rating} (the review service writes them); always
 * filtered by program. Two queries, whatever the number of reviews.
 */
@Repository
class PlanReviewReadings {

	private final JdbcClient jdbc;

	PlanReviewReadings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The plan's reviews, newest first, each with its ratings in the order of the reviewed objectives. */
	List<PlanHistory.Review> reviewsOf(UUID programId, UUID planId) {
		Map<UUID, List<PlanHistory.Rating>> ratings = new LinkedHashMap<>();
		jdbc.sql("""
				select r.review_id, r.item_id, i.text, r.rating, r.comment
				from plans_review_rating r join plans_review v on v.id = r.review_id join plans_item i on i.id = r.item_id
				where r.program_id = ? and v.plan_id = ? order by r.review_id, i.position, i.id""")
			.params(programId, planId)
			.query((rs, n) -> {
				ratings.computeIfAbsent(rs.getObject("review_id", UUID.class), k -> new ArrayList<>())
					.add(new PlanHistory.Rating(rs.getObject("item_id", UUID.class), rs.getString("text"),
							rs.getString("rating"), rs.getString("comment")));
				return 0;
			}).list();
		return jdbc.sql("""
				select id, version_number, reason, held_on, summary, resident_comment, revised_to_version, created_by_name,
				       signed_at
				from plans_review where program_id = ? and plan_id = ? order by held_on desc, created_at desc""")
			.params(programId, planId)
			.query((rs, n) -> {
				UUID id = rs.getObject("id", UUID.class);
				OffsetDateTime signed = rs.getObject("signed_at", OffsetDateTime.class);
				return new PlanHistory.Review(id, rs.getInt("version_number"), rs.getString("reason"),
						rs.getObject("held_on", LocalDate.class), rs.getString("summary"), rs.getString("resident_comment"),
						rs.getObject("revised_to_version", Integer.class), rs.getString("created_by_name"),
						signed == null ? null : signed.toInstant(), ratings.getOrDefault(id, List.of()));
			}).list();
	}
}
