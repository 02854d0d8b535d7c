package org.milieu.government;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Reach;
import org.milieu.identity.ResidentScope;
import org.milieu.identity.Role;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The follow-up of problems raised at meetings: RAISED, then IN_PROGRESS, then RESOLVED, or DECLINED
 * with a reason; resolved and declined are final. Staff record each step, with an optional due date;
 * the history is append-only and the current status is the latest step. A problem a resident raised
 * is their record in {@link DataCategory#GOVERNMENT}: recording and reading its follow-up pass the
 * access policy with them as subject and are audited, and they alone of the residents see it.
 */
@Service
public class FollowUps {

	/** A problem still only raised this long after its meeting is overdue for a follow-up. */
	public static final Duration RAISED_TOO_LONG = Duration.ofDays(7);

	private static final String PROBLEMS = """
			select i.id, i.meeting_id, m.title as meeting_title, m.starts_at, i.kind, i.title, i.description, i.submitted_by,
			       i.submitted_by_resident, coalesce(f.status, 'RAISED') as follow_up_status, f.due_on
			  from government_agenda_item i
			  join government_meeting m on m.id = i.meeting_id
			  left join lateral (select status, due_on from government_follow_up u where u.agenda_item_id = i.id
			                      order by u.id desc limit 1) f on true
			 where m.program_id = :program""";

	private static final String STILL_OPEN = " and i.kind = 'PROBLEM' and i.status <> 'CARRIED_OVER' "
			+ "and coalesce(f.status, 'RAISED') in ('RAISED', 'IN_PROGRESS')";

	private final JdbcClient jdbc;

	private final Census census;

	private final AccessPolicy policy;

	private final AuditTrail trail;

	private final Clock clock;

	FollowUps(JdbcClient jdbc, Census census, AccessPolicy policy, AuditTrail trail, Clock clock) {
		this.jdbc = jdbc;
		this.census = census;
		this.policy = policy;
		this.trail = trail;
		this.clock = clock;
	}

	/**
	 * Records a step of a problem's follow-up (staff roles). Refused, storing nothing, when the item is
	 * not a problem ({@code kind}), the status is missing, goes back to RAISED, or follows a final one
	 * ({@code status}), a decline gives no reason ({@code note}), or the due date is past ({@code dueOn}).
	 * A due date left out keeps the one that stood.
	 */
	@Transactional
	public ProblemFollowUp record(MilieuUser user, UUID agendaItemId, RecordFollowUp command) {
		ProgramId program = user.programId();
		Row problem = problem(program, agendaItemId);
		if (!Membership.staff(user)) {
			refuse(user, agendaItemId, "CREATE", "follow-ups are recorded by staff, not by " + user.getUsername());
		}
		if (problem.kind() != AgendaItemKind.PROBLEM) {
			throw new RuleViolation("follow-up.kind.not-problem", "kind");
		}
		if (command.status() == null) {
			throw new RuleViolation("follow-up.status.required", "status");
		}
		if (problem.status().closed()) {
			throw new RuleViolation("follow-up.status.final", "status");
		}
		if (command.status() == FollowUpStatus.RAISED && problem.status() != FollowUpStatus.RAISED) {
			throw new RuleViolation("follow-up.status.back", "status");
		}
		String note = Texts.optional(command.note(), 2000, "follow-up.note.long", "note");
		if (command.status() == FollowUpStatus.DECLINED && note == null) {
			throw new RuleViolation("follow-up.note.reason", "note");
		}
		if (command.dueOn() != null && command.dueOn().isBefore(census.day(program))) {
			throw new RuleViolation("follow-up.due-on.past", "dueOn");
		}
		audit(user, problem, AuditAction.CREATE);
		jdbc.sql("""
				insert into government_follow_up (program_id, agenda_item_id, status, note, due_on, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(program.value(), agendaItemId, command.status().name(), note,
					command.dueOn() != null ? command.dueOn() : problem.dueOn(), user.getUsername(),
					Timestamp.from(clock.instant()))
			.update();
		return problem(program, agendaItemId).with(history(agendaItemId));
	}

	/**
	 * A problem with its whole follow-up, oldest step first: for staff, and for the resident who
	 * raised it; other residents are refused, and the refusal audited. Not a problem: {@code kind}.
	 */
	@Transactional
	public ProblemFollowUp read(MilieuUser user, UUID agendaItemId) {
		ProgramId program = user.programId();
		Row problem = problem(program, agendaItemId);
		if (!Membership.staff(user) && (problem.raisedByResident() == null || !user.has(Role.RESIDENT)
				|| !problem.raisedByResident().equals(user.residentId()))) {
			refuse(user, agendaItemId, "READ", "the follow-up of problem " + agendaItemId + " is for staff and "
					+ "the resident who raised it, not for " + user.getUsername());
		}
		if (problem.kind() != AgendaItemKind.PROBLEM) {
			throw new RuleViolation("follow-up.kind.not-problem", "kind");
		}
		audit(user, problem, AuditAction.READ);
		return problem.with(history(agendaItemId));
	}

	/**
	 * The problems still waiting on staff (raised or in progress, not carried over), their meeting's
	 * latest first, that this member of staff may see; residents named are audited in one batch.
	 */
	@Transactional
	public List<ProblemFollowUp> open(MilieuUser user) {
		return visibleToStaff(user, jdbc.sql(PROBLEMS + STILL_OPEN + " order by m.starts_at desc, i.position limit 200")
			.param("program", user.programId().value()).query(FollowUps::row).list());
	}

	/**
	 * The open problems past their follow-up's due date, or still only raised a week after their
	 * meeting, that this member of staff may see. Empty for anyone else.
	 */
	@Transactional
	public List<ProblemFollowUp> overdue(MilieuUser user) {
		if (!Membership.staff(user)) {
			return List.of();
		}
		Instant now = clock.instant();
		return visibleToStaff(user, jdbc.sql(PROBLEMS + STILL_OPEN + " and (f.due_on < :today "
				+ "or (coalesce(f.status, 'RAISED') = 'RAISED' and m.starts_at < :raisedBefore)) "
				+ "order by m.starts_at, i.position limit 100")
			.param("program", user.programId().value()).param("today", census.day(user.programId()))
			.param("raisedBefore", Timestamp.from(now.minus(RAISED_TOO_LONG))).query(FollowUps::row).list());
	}

	/** The problems this resident raised, latest meeting first, with where each stands; audited as their own. */
	@Transactional
	public List<ProblemFollowUp> raisedBy(MilieuUser user) {
		if (!user.has(Role.RESIDENT) || user.residentId() == null) {
			return List.of();
		}
		List<Row> rows = jdbc.sql(PROBLEMS + " and i.kind = 'PROBLEM' and i.submitted_by_resident = :resident "
				+ "order by m.starts_at desc, i.position limit 50")
			.param("program", user.programId().value()).param("resident", user.residentId()).query(FollowUps::row).list();
		if (!rows.isEmpty()) {
			policy.recordListed(user, DataCategory.GOVERNMENT, "FollowUp",
					policy.reach(user, AccessAction.READ, DataCategory.GOVERNMENT),
					List.of(new ResidentScope(user.residentId(), null)));
		}
		return rows.stream().map(r -> r.with(List.of())).toList();
	}

	private List<ProblemFollowUp> visibleToStaff(MilieuUser user, List<Row> rows) {
		Reach reach = policy.enforceListing(user, DataCategory.GOVERNMENT, "FollowUp");
		Map<UUID, UUID> houses = new HashMap<>();
		for (CensusEntry e : census.today(user.programId())) {
			houses.put(e.residentId(), e.houseId());
		}
		List<Row> shown = rows.stream()
			.filter(r -> r.raisedByResident() == null || reach.includes(r.raisedByResident(), houses.get(r.raisedByResident())))
			.toList();
		policy.recordListed(user, DataCategory.GOVERNMENT, "FollowUp", reach, shown.stream().map(Row::raisedByResident)
			.filter(java.util.Objects::nonNull).distinct().map(r -> new ResidentScope(r, houses.get(r))).toList());
		return shown.stream().map(r -> r.with(List.of())).toList();
	}

	private void audit(MilieuUser user, Row problem, AuditAction action) {
		if (problem.raisedByResident() != null) {
			UUID house = census.find(user.programId(), problem.raisedByResident()).map(CensusEntry::houseId).orElse(null);
			policy.enforce(user, action, DataCategory.GOVERNMENT, new ResidentScope(problem.raisedByResident(), house),
					"FollowUp", problem.id());
		}
		else if (action != AuditAction.READ) {
			trail.record(AuditEntry.of(user.actor(), action, AuditOutcome.SUCCESS).about(null, DataCategory.GOVERNMENT)
				.on("FollowUp", problem.id()));
		}
	}

	private List<FollowUp> history(UUID agendaItemId) {
		return jdbc.sql("select id, agenda_item_id, status, note, due_on, recorded_by, recorded_at from government_follow_up "
				+ "where agenda_item_id = ? order by id")
			.param(agendaItemId)
			.query((rs, n) -> new FollowUp(rs.getLong("id"), rs.getObject("agenda_item_id", UUID.class),
					FollowUpStatus.valueOf(rs.getString("status")), rs.getString("note"),
					rs.getObject("due_on", LocalDate.class), rs.getString("recorded_by"),
					rs.getTimestamp("recorded_at").toInstant()))
			.list();
	}

	private Row problem(ProgramId program, UUID agendaItemId) {
		return jdbc.sql(PROBLEMS + " and i.id = :id").param("program", program.value()).param("id", agendaItemId)
			.query(FollowUps::row).optional().orElseThrow(() -> new RecordNotFound("AgendaItem", agendaItemId));
	}

	private void refuse(MilieuUser user, UUID id, String action, String reason) {
		trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)
			.about(null, DataCategory.GOVERNMENT).on("FollowUp", id).saying(action + " refused: " + reason));
		throw new AccessDeniedException(reason);
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getObject("meeting_id", UUID.class), rs.getString("meeting_title"),
				rs.getTimestamp("starts_at").toInstant(), AgendaItemKind.valueOf(rs.getString("kind")), rs.getString("title"),
				rs.getString("description"), rs.getString("submitted_by"), rs.getObject("submitted_by_resident", UUID.class),
				FollowUpStatus.valueOf(rs.getString("follow_up_status")), rs.getObject("due_on", LocalDate.class));
	}

	private record Row(UUID id, UUID meetingId, String meetingTitle, Instant startsAt, AgendaItemKind kind, String title,
			String description, String raisedBy, UUID raisedByResident, FollowUpStatus status, LocalDate dueOn) {

		ProblemFollowUp with(List<FollowUp> history) {
			return new ProblemFollowUp(id, meetingId, meetingTitle, startsAt, title, description, raisedBy, raisedByResident,
					status, dueOn, history);
		}
	}
}
