package org.milieu.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the schedule reads of plans, reviews, review requests and own intervals, a program at a time. */
@Repository
class ScheduleRows {

	/** A plan's standing: the version in force (if any), an open draft (if any), the last signed review's day. */
	record PlanState(UUID planId, UUID residentId, Integer inForceNumber, boolean residentDeclined, Instant inForceAt,
			Integer draftNumber, LocalDate lastReviewOn) {
	}

	/** An open request, with its plan's resident. */
	record OpenRequest(UUID id, UUID residentId, String reason, Instant requestedAt, UUID eventId) {
	}

	private final JdbcClient jdbc;

	ScheduleRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every plan of the program (or only the resident's, when {@code residentId} is given), by resident. */
	Map<UUID, PlanState> plans(UUID programId, UUID residentId) {
		Map<UUID, PlanState> plans = new HashMap<>();
		jdbc.sql("""
				select p.id, p.resident_id, f.number as in_force, f.resident_declined, f.in_force_at,
				       (select max(d.number) from plans_version d where d.plan_id = p.id and d.status = 'DRAFT') as draft,
				       (select max(r.held_on) from plans_review r where r.plan_id = p.id and r.signed_at is not null) as reviewed
				from plans_plan p
				left join plans_version f on f.plan_id = p.id and f.status = 'IN_FORCE'
				where p.program_id = ? and (cast(? as uuid) is null or p.resident_id = ?)""")
			.params(programId, residentId, residentId)
			.query((rs, n) -> new PlanState(rs.getObject("id", UUID.class), rs.getObject("resident_id", UUID.class),
					(Integer) rs.getObject("in_force"), rs.getBoolean("resident_declined"), instant(rs.getObject("in_force_at",
							OffsetDateTime.class)), (Integer) rs.getObject("draft"), rs.getObject("reviewed", LocalDate.class)))
			.list().forEach(p -> plans.put(p.residentId(), p));
		return plans;
	}

	/** The requests no signed review has answered yet (one signed after the request was made), oldest first. */
	Map<UUID, List<OpenRequest>> openRequests(UUID programId, UUID residentId) {
		Map<UUID, List<OpenRequest>> open = new HashMap<>();
		jdbc.sql("""
				select q.id, q.resident_id, q.reason, q.requested_at, q.event_id from plans_review_request q
				where q.program_id = ? and (cast(? as uuid) is null or q.resident_id = ?)
				  and not exists (select 1 from plans_review r where r.plan_id = q.plan_id and r.signed_at > q.requested_at)
				order by q.requested_at, q.id""")
			.params(programId, residentId, residentId)
			.query((rs, n) -> new OpenRequest(rs.getObject("id", UUID.class), rs.getObject("resident_id", UUID.class),
					rs.getString("reason"), instant(rs.getObject("requested_at", OffsetDateTime.class)),
					rs.getObject("event_id", UUID.class)))
			.list().forEach(q -> open.computeIfAbsent(q.residentId(), r -> new ArrayList<>()).add(q));
		return open;
	}

	/** Each resident's own review interval, where their clinician set one (the newest setting holds). */
	Map<UUID, Integer> ownIntervals(UUID programId, UUID residentId) {
		Map<UUID, Integer> own = new HashMap<>();
		jdbc.sql("""
				select distinct on (resident_id) resident_id, interval_days from plans_review_interval
				where program_id = ? and (cast(? as uuid) is null or resident_id = ?)
				order by resident_id, set_at desc, id""")
			.params(programId, residentId, residentId)
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getObject(2) })
			.list().forEach(row -> {
				if (row[1] != null) {
					own.put((UUID) row[0], (Integer) row[1]);
				}
			});
		return own;
	}

	void setOwnInterval(UUID programId, UUID residentId, Integer days, String reason, UUID by, String byName, Instant at) {
		jdbc.sql("""
				insert into plans_review_interval (id, program_id, resident_id, interval_days, reason, set_by, set_by_name, set_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), programId, residentId, days, reason, by, byName, at.atOffset(ZoneOffset.UTC)).update();
	}

	/** Records a request for the resident's plan, if they have one; false when they have none or it was recorded before. */
	boolean request(UUID programId, UUID residentId, String reason, Instant at, UUID eventId) {
		return jdbc.sql("""
				insert into plans_review_request (id, program_id, resident_id, plan_id, reason, requested_at, event_id)
				select ?, p.program_id, p.resident_id, p.id, ?, ?, ? from plans_plan p
				where p.program_id = ? and p.resident_id = ?
				on conflict (reason, event_id) do nothing""")
			.params(UUID.randomUUID(), reason, at.atOffset(ZoneOffset.UTC), eventId, programId, residentId).update() == 1;
	}

	private static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}
}
