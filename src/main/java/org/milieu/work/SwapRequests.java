package org.milieu.work;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Reach;
import org.milieu.identity.ResidentScope;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Swaps of work between two residents of the same published week: the resident whose assignment
 * it is asks, with a reason; staff of both residents' houses approve or decline it with a note.
 * On approval the two residents exchange jobs, each keeping the terms of the job they take, and
 * only if each may do the other's job. Requests are kept whatever the outcome.
 */
@Service
public class SwapRequests {

	static final int MAX_TEXT = 500;

	private static final String SELECT = """
			select id, assignment_id, with_assignment_id, resident_id, reason, status, requested_at, decided_by,
			       decided_at, note
			  from work_swap_request where program_id = ?""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AccessPolicy policy;

	private final Rosters rosters;

	private final Jobs jobs;

	private final JobEligibility eligibility;

	SwapRequests(JdbcClient jdbc, Clock clock, AccessPolicy policy, Rosters rosters, Jobs jobs,
			JobEligibility eligibility) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.policy = policy;
		this.rosters = rosters;
		this.jobs = jobs;
		this.eligibility = eligibility;
	}

	/**
	 * The resident of the assignment asks to exchange it with {@code withAssignmentId} of the same
	 * published roster. Another resident's assignment is refused (403); a missing, foreign or
	 * already requested exchange names {@code withAssignmentId}; an unpublished week names {@code id}.
	 */
	@Transactional
	public SwapRequest request(MilieuUser user, UUID assignmentId, UUID withAssignmentId, String reason) {
		ProgramId program = user.programId();
		Assignment mine = rosters.assignment(program, assignmentId);
		policy.enforceResidentContribution(user, AuditAction.CREATE, DataCategory.WORK_AND_STIPENDS,
				new ResidentScope(mine.residentId(), mine.houseId()), "SwapRequest", assignmentId, null);
		if (!mine.published()) {
			throw new RuleViolation("swap.notPublished", "id");
		}
		if (mine.left()) {
			throw new RuleViolation("swap.left", "id");
		}
		if (withAssignmentId == null) {
			throw new RuleViolation("swap.field.required", "withAssignmentId");
		}
		Assignment theirs = jdbc.sql(Rosters.ASSIGNMENT + " and a.id = ?").params(program.value(), withAssignmentId)
			.query((rs, n) -> Rosters.assignment(rs)).optional()
			.orElseThrow(() -> new RuleViolation("swap.with.unknown", "withAssignmentId"));
		if (!theirs.rosterId().equals(mine.rosterId()) || theirs.id().equals(mine.id())) {
			throw new RuleViolation("swap.with.otherWeek", "withAssignmentId");
		}
		if (theirs.left()) {
			// an open place left by a discharge is the staff's to fill, not a job to exchange
			throw new RuleViolation("swap.with.left", "withAssignmentId");
		}
		boolean open = jdbc.sql("select count(*) from work_swap_request where assignment_id = ? and with_assignment_id = ? "
				+ "and status = 'REQUESTED'").params(assignmentId, withAssignmentId).query(Long.class).single() > 0;
		if (open) {
			throw new RuleViolation("swap.alreadyRequested", "withAssignmentId");
		}
		String text = text(reason, "reason");
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into work_swap_request (id, program_id, assignment_id, with_assignment_id, resident_id, reason, status,
				                               requested_at)
				values (?, ?, ?, ?, ?, ?, 'REQUESTED', ?)""")
			.params(id, program.value(), assignmentId, withAssignmentId, mine.residentId(), text, Jobs.utc(clock.instant()))
			.update();
		return find(program, id);
	}

	/**
	 * Staff approve or decline a request. A request already decided names {@code id}; a missing
	 * decision names {@code approve}; an approval where either resident may not do the other's job
	 * (or where either assignment changed since the request) names {@code approve} and changes nothing.
	 */
	@Transactional
	public SwapRequest decide(MilieuUser user, UUID swapId, Boolean approve, String note) {
		ProgramId program = user.programId();
		SwapRequest swap = jdbc.sql(SELECT + " and id = ? for update").params(program.value(), swapId)
			.query((rs, n) -> swap(rs)).optional().orElseThrow(() -> new RecordNotFound("SwapRequest", swapId));
		Assignment mine = rosters.assignment(program, swap.assignmentId());
		Assignment theirs = rosters.assignment(program, swap.withAssignmentId());
		policy.enforce(user, AuditAction.UPDATE, DataCategory.WORK_AND_STIPENDS,
				new ResidentScope(mine.residentId(), mine.houseId()), "SwapRequest", swapId);
		policy.enforce(user, AuditAction.UPDATE, DataCategory.WORK_AND_STIPENDS,
				new ResidentScope(theirs.residentId(), theirs.houseId()), "SwapRequest", swapId);
		if (!"REQUESTED".equals(swap.status())) {
			throw new RuleViolation("swap.alreadyDecided", "id");
		}
		if (approve == null) {
			throw new RuleViolation("swap.field.required", "approve");
		}
		String text = text(note, "note");
		if (approve) {
			if (!mine.residentId().equals(swap.residentId())) {
				throw new RuleViolation("swap.changed", "approve");
			}
			Job theirJob = jobs.get(program, theirs.jobId());
			Job myJob = jobs.get(program, mine.jobId());
			eligibility.refusal(program, theirJob, mine.residentId(), mine.houseId()).ifPresent(r -> {
				throw new RuleViolation(r.key(), "approve", r.arguments());
			});
			eligibility.refusal(program, myJob, theirs.residentId(), theirs.houseId()).ifPresent(r -> {
				throw new RuleViolation(r.key(), "approve", r.arguments());
			});
			move(mine.id(), theirs.residentId(), theirs.houseId(), user);
			move(theirs.id(), mine.residentId(), mine.houseId(), user);
		}
		jdbc.sql("update work_swap_request set status = ?, decided_by = ?, decided_at = ?, note = ? where id = ?")
			.params(approve ? "APPROVED" : "DECLINED", user.getUsername(), Jobs.utc(clock.instant()), text, swapId).update();
		return find(program, swapId);
	}

	/** Requests waiting for a decision about residents the staff member may see, oldest first. */
	@Transactional
	public List<SwapRequest> waiting(MilieuUser user) {
		Reach reach = policy.enforceListing(user, DataCategory.WORK_AND_STIPENDS, "SwapRequest");
		List<SwapRequest> shown = jdbc.sql(SELECT + " and status = 'REQUESTED' order by requested_at")
			.param(user.programId().value()).query((rs, n) -> swap(rs)).list().stream()
			.filter(s -> reach.includes(s.residentId(), houseOf(s.assignmentId()))).toList();
		policy.recordListed(user, DataCategory.WORK_AND_STIPENDS, "SwapRequest", reach,
				shown.stream().map(s -> new ResidentScope(s.residentId(), houseOf(s.assignmentId()))).toList());
		return shown;
	}

	/** The resident's own requests, newest first (for their page); no audit beyond their assignments' read. */
	@Transactional(readOnly = true)
	public List<SwapRequest> of(ProgramId program, UUID residentId) {
		return jdbc.sql(SELECT + " and resident_id = ? order by requested_at desc limit 20").params(program.value(), residentId)
			.query((rs, n) -> swap(rs)).list();
	}

	private UUID houseOf(UUID assignmentId) {
		return jdbc.sql("select house_id from work_assignment where id = ?").param(assignmentId).query(UUID.class).single();
	}

	private void move(UUID assignmentId, UUID residentId, UUID houseId, MilieuUser user) {
		jdbc.sql("""
				update work_assignment a set resident_id = ?, house_id = ?, updated_by = ?, updated_at = ?,
				       chosen = exists (select 1 from work_job_preference p where p.resident_id = ? and p.job_id = a.job_id)
				 where id = ?""")
			.params(residentId, houseId, user.getUsername(), Jobs.utc(clock.instant()), residentId, assignmentId).update();
	}

	private SwapRequest find(ProgramId program, UUID id) {
		return jdbc.sql(SELECT + " and id = ?").params(program.value(), id).query((rs, n) -> swap(rs)).single();
	}

	private static String text(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.trim();
		if (text.length() > MAX_TEXT) {
			throw new RuleViolation("swap.field.tooLong", field, MAX_TEXT);
		}
		return text;
	}

	private static SwapRequest swap(ResultSet rs) throws SQLException {
		return new SwapRequest(rs.getObject("id", UUID.class), rs.getObject("assignment_id", UUID.class),
				rs.getObject("with_assignment_id", UUID.class), rs.getObject("resident_id", UUID.class),
				rs.getString("reason"), rs.getString("status"), Jobs.instant(rs, "requested_at"), rs.getString("decided_by"),
				Jobs.instant(rs, "decided_at"), rs.getString("note"));
	}
}
