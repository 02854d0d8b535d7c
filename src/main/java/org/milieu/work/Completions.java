package org.milieu.work;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Reach;
import org.milieu.identity.ResidentScope;
import org.milieu.identity.Role;
import org.milieu.levels.privileges.DefaultPrivilege;
import org.milieu.levels.privileges.LevelPrivileges;
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
 * Completion and verification of work. Each occurrence of a published assignment is marked done,
 * partly done or not done for one person (a crew's members each separately). Staff of the
 * resident's house mark it and their mark is the verification. A resident holding the
 * {@code WORK_COORDINATOR} privilege marks their housemates' work (never their own), and staff
 * then verify it, once. Verification earns the stipend ({@link Earnings}) through the
 * {@link StipendLedger}, once per completion. Every mark passes the access policy under
 * {@code WORK_AND_STIPENDS} and is audited; nothing is deleted.
 */
@Service
public class Completions {

	/** The ledger's source type of what a corrected completion earns (the correction's id is the source). */
	static final String SOURCE_CORRECTION = "COMPLETION_CORRECTION";

	static final String SELECT = """
			select c.id, c.assignment_id, a.resident_id, a.house_id, a.job_id, j.name as job_name, c.occurs_on, c.outcome, c.quality,
			       c.minutes, c.note, c.marked_by, c.marked_by_resident, c.marked_at, c.verified_by, c.verified_at,
			       c.earned_cents, c.currency, c.stipend_entry_id
			  from work_completion c join work_assignment a on a.id = c.assignment_id join work_job j on j.id = a.job_id
			 where c.program_id = ?""";

	private final JdbcClient jdbc;

	private final Rosters rosters;

	private final StipendLedger ledger;

	private final LevelPrivileges privileges;

	private final Census census;

	private final AccessPolicy policy;

	private final AuditTrail trail;

	private final Clock clock;

	Completions(JdbcClient jdbc, Rosters rosters, StipendLedger ledger, LevelPrivileges privileges, Census census,
			AccessPolicy policy, AuditTrail trail, Clock clock) {
		this.jdbc = jdbc;
		this.rosters = rosters;
		this.ledger = ledger;
		this.privileges = privileges;
		this.census = census;
		this.policy = policy;
		this.trail = trail;
		this.clock = clock;
	}

	/**
	 * Marks one occurrence of an assignment. Refused, storing nothing, when the roster is not
	 * published ({@code assignmentId}), the date is missing, in the future or not a day the job
	 * happens that week ({@code date}), the occurrence is marked already ({@code date}), the
	 * outcome is missing ({@code outcome}), the quality is not 1 to 5 ({@code quality}), the
	 * minutes are out of range ({@code minutes}) or the note too long ({@code note}). Anyone but
	 * staff of the resident's house and a coordinator of it (not for their own work) is refused
	 * access, audited.
	 */
	@Transactional
	public Completion mark(MilieuUser user, UUID assignmentId, MarkCompletion command) {
		ProgramId program = user.programId();
		Assignment assignment = rosters.assignment(program, assignmentId);
		UUID id = UUID.randomUUID();
		boolean staff = requireMayMark(user, assignment, id);
		if (!assignment.published()) {
			throw new RuleViolation("completion.roster.not-published", "assignmentId");
		}
		LocalDate date = command.date();
		if (date == null) {
			throw new RuleViolation("completion.date.required", "date");
		}
		if (!assignment.scheduledOn(date)) {
			throw new RuleViolation("completion.date.not-scheduled", "date", date);
		}
		if (date.isAfter(census.day(program))) {
			throw new RuleViolation("completion.date.future", "date");
		}
		if (command.outcome() == null) {
			throw new RuleViolation("completion.outcome.required", "outcome");
		}
		if (command.quality() != null && (command.quality() < 1 || command.quality() > 5)) {
			throw new RuleViolation("completion.quality.range", "quality");
		}
		int minutes = command.minutes() != null ? command.minutes() : switch (command.outcome()) {
			case DONE -> assignment.expectedMinutes();
			case PARTLY_DONE -> assignment.expectedMinutes() / 2;
			case NOT_DONE -> 0;
		};
		if (minutes < 0 || minutes > 1440 || command.outcome() == CompletionOutcome.NOT_DONE && minutes > 0) {
			throw new RuleViolation("completion.minutes.range", "minutes");
		}
		String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
		if (note != null && note.length() > 2000) {
			throw new RuleViolation("completion.note.long", "note", 2000);
		}
		Instant now = clock.instant();
		int stored = jdbc.sql("""
				insert into work_completion (id, program_id, assignment_id, occurs_on, outcome, quality, minutes, note, marked_by,
				                             marked_by_resident, marked_at, currency)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (assignment_id, occurs_on) do nothing""")
			.params(id, program.value(), assignmentId, date, command.outcome().name(), command.quality(), minutes, note,
					user.getUsername(), staff ? null : user.residentId(), Timestamp.from(now), assignment.currency())
			.update();
		if (stored == 0) {
			throw new RuleViolation("completion.already-marked", "date", date);
		}
		if (staff) {
			settle(user, find(program, id), assignment);
		}
		return find(program, id);
	}

	/**
	 * Staff verify a coordinator's mark, which earns the stipend. Refused when it is verified
	 * already ({@code id}); anyone but staff of the resident's house is refused access.
	 */
	@Transactional
	public Completion verify(MilieuUser user, UUID completionId) {
		ProgramId program = user.programId();
		jdbc.sql("select id from work_completion where id = ? and program_id = ? for update")
			.params(completionId, program.value()).query(UUID.class).optional()
			.orElseThrow(() -> new RecordNotFound("Completion", completionId));
		Completion completion = find(program, completionId);
		Assignment assignment = rosters.assignment(program, completion.assignmentId());
		if (!staff(user)) {
			refuse(user, completionId, "work is verified by staff, not by " + user.getUsername());
		}
		policy.enforce(user, AuditAction.UPDATE, DataCategory.WORK_AND_STIPENDS, scope(program, assignment),
				"JobCompletion", completionId);
		if (completion.verified()) {
			throw new RuleViolation("completion.verified-twice", "id");
		}
		settle(user, completion, assignment);
		return find(program, completionId);
	}

	/**
	 * Staff correct a verified completion, with a reason: the completion holds the corrected outcome
	 * and minutes (what the levels evidence reads), the correction keeps what it said before, and the
	 * stipend follows: the entry it earned is reversed and what the corrected outcome earns is earned
	 * anew. Refused, changing nothing, when it is not verified yet ({@code id}: verify it), the
	 * outcome is missing or unchanged ({@code outcome}), the minutes are out of range
	 * ({@code minutes}) or the reason is missing or too long ({@code reason}); the ledger refuses a
	 * reversal that would take the balance below zero. Anyone but staff of the resident's house is
	 * refused access.
	 */
	@Transactional
	public Completion correct(MilieuUser user, UUID completionId, CompletionOutcome outcome, Integer minutes, String reason) {
		ProgramId program = user.programId();
		jdbc.sql("select id from work_completion where id = ? and program_id = ? for update")
			.params(completionId, program.value()).query(UUID.class).optional()
			.orElseThrow(() -> new RecordNotFound("Completion", completionId));
		Completion completion = find(program, completionId);
		Assignment assignment = rosters.assignment(program, completion.assignmentId());
		if (!staff(user)) {
			refuse(user, completionId, "work is corrected by staff, not by " + user.getUsername());
		}
		policy.enforce(user, AuditAction.UPDATE, DataCategory.WORK_AND_STIPENDS, scope(program, assignment),
				"JobCompletion", completionId);
		if (!completion.verified()) {
			throw new RuleViolation("completion.correct.unverified", "id");
		}
		if (outcome == null || outcome == completion.outcome()) {
			throw new RuleViolation("completion.correct.same", "outcome");
		}
		int worked = minutes != null ? minutes : switch (outcome) {
			case DONE -> assignment.expectedMinutes();
			case PARTLY_DONE -> assignment.expectedMinutes() / 2;
			case NOT_DONE -> 0;
		};
		if (worked < 0 || worked > 1440 || outcome == CompletionOutcome.NOT_DONE && worked > 0) {
			throw new RuleViolation("completion.minutes.range", "minutes");
		}
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > 2000) {
			throw new RuleViolation("completion.correct.reason", "reason", 2000);
		}
		UUID correction = UUID.randomUUID();
		Instant now = clock.instant();
		if (completion.stipendEntryId() != null) {
			ledger.reverse(user, completion.stipendEntryId(), "Work corrected: " + why);
		}
		long earned = Earnings.of(assignment.rateUnit().name(), assignment.rateCents(), outcome, worked);
		UUID entry = null;
		if (earned > 0) {
			entry = ledger.earn(user, completion.residentId(), earned, assignment.currency(), SOURCE_CORRECTION, correction,
					assignment.jobName() + " " + completion.occursOn() + " (corrected)").id();
		}
		jdbc.sql("""
				insert into work_completion_correction (id, program_id, completion_id, previous_outcome, previous_minutes,
				                                        outcome, minutes, reason, corrected_by, corrected_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(correction, program.value(), completionId, completion.outcome().name(), completion.minutes(),
					outcome.name(), worked, why, user.getUsername(), Timestamp.from(now))
			.update();
		jdbc.sql("update work_completion set outcome = ?, minutes = ?, earned_cents = ?, stipend_entry_id = ? where id = ?")
			.params(outcome.name(), worked, earned, entry, completionId).update();
		return find(program, completionId);
	}

	/**
	 * The marks waiting for verification that this member of staff may see, oldest first; each
	 * resident shown is audited as read. Refused for anyone but staff.
	 */
	@Transactional
	public List<Completion> awaitingVerification(MilieuUser user) {
		Reach reach = policy.enforceListing(user, DataCategory.WORK_AND_STIPENDS, "JobCompletion");
		List<Completion> found = jdbc.sql(SELECT + " and c.verified_at is null order by c.marked_at")
			.param(user.programId().value()).query(Completions::completion).list();
		return shown(user, reach, found);
	}

	/** The marks of one day's occurrences in this member of staff's reach, for the verification page. */
	@Transactional
	public List<Completion> onDay(MilieuUser user, LocalDate day) {
		Reach reach = policy.enforceListing(user, DataCategory.WORK_AND_STIPENDS, "JobCompletion");
		List<Completion> found = jdbc.sql(SELECT + " and c.occurs_on = ? order by j.name")
			.params(user.programId().value(), day).query(Completions::completion).list();
		return shown(user, reach, found);
	}

	/**
	 * The occurrences of a day on the published roster that this person may mark: for staff, those of
	 * the residents in their reach; for a work coordinator, their housemates' (not their own). Each
	 * resident shown is audited as read; anyone else is refused.
	 */
	@Transactional
	public List<Occurrence> due(MilieuUser user, LocalDate day) {
		ProgramId program = user.programId();
		Reach reach;
		UUID coordinatorHouse = null;
		if (staff(user)) {
			reach = policy.enforceListing(user, DataCategory.WORK_AND_STIPENDS, "JobCompletion");
		}
		else {
			coordinatorHouse = user.residentId() == null ? null
					: census.find(program, user.residentId()).map(CensusEntry::houseId).orElse(null);
			if (!coordinates(user) || coordinatorHouse == null) {
				refuse(user, null, user.getUsername() + " is neither staff nor a work coordinator");
			}
			reach = new Reach(false, java.util.Set.of(coordinatorHouse), java.util.Set.of(), java.util.Set.of());
		}
		java.util.Map<UUID, Completion> marks = new java.util.HashMap<>();
		jdbc.sql(SELECT + " and c.occurs_on = ?").params(program.value(), day).query(Completions::completion).list()
			.forEach(c -> marks.put(c.assignmentId(), c));
		java.util.Map<UUID, CensusEntry> residents = new java.util.HashMap<>();
		census.today(program).forEach(e -> residents.put(e.residentId(), e));
		List<Occurrence> found = jdbc.sql("""
				select a.id, a.resident_id, a.job_id, j.name, j.starts_at, a.expected_minutes
				  from work_assignment a join work_roster r on r.id = a.roster_id join work_job j on j.id = a.job_id
				 where a.program_id = ? and r.status = 'PUBLISHED' and r.week_start = ? and ? = any(j.days)
				 order by j.starts_at, j.name""")
			.params(program.value(), day.minusDays(day.getDayOfWeek().getValue() - 1L), (short) day.getDayOfWeek().getValue())
			.query((rs, n) -> {
				UUID resident = rs.getObject("resident_id", UUID.class);
				CensusEntry entry = residents.get(resident);
				UUID id = rs.getObject("id", UUID.class);
				return new Occurrence(id, resident, entry == null ? null : entry.displayName(),
						entry == null ? null : entry.houseId(), rs.getObject("job_id", UUID.class), rs.getString("name"),
						rs.getObject("starts_at", java.time.LocalTime.class), rs.getInt("expected_minutes"), day, marks.get(id));
			}).list();
		List<Occurrence> visible = new ArrayList<>();
		List<ResidentScope> scopes = new ArrayList<>();
		for (Occurrence o : found) {
			if (o.houseId() != null && reach.includes(o.residentId(), o.houseId())
					&& (coordinatorHouse == null || !o.residentId().equals(user.residentId()))) {
				visible.add(o);
				scopes.add(new ResidentScope(o.residentId(), o.houseId()));
			}
		}
		if (staff(user)) {
			policy.recordListed(user, DataCategory.WORK_AND_STIPENDS, "JobCompletion", reach, scopes);
		}
		else {
			List<AuditEntry> reads = new ArrayList<>();
			for (ResidentScope scope : scopes) {
				reads.add(AuditEntry.of(user.actor(), AuditAction.READ, AuditOutcome.SUCCESS)
					.about(scope.residentId(), DataCategory.WORK_AND_STIPENDS).on("JobCompletion", scope.residentId())
					.saying("as work coordinator of the house"));
			}
			trail.recordAll(reads);
		}
		return visible;
	}

	/** A resident's own marks in a week, for their page; read as their own record, audited. */
	@Transactional
	public List<Completion> ofResident(MilieuUser user, UUID residentId, LocalDate from, LocalDate to) {
		UUID house = census.find(user.programId(), residentId).map(CensusEntry::houseId).orElse(null);
		policy.enforce(user, AuditAction.READ, DataCategory.WORK_AND_STIPENDS, new ResidentScope(residentId, house),
				"JobCompletion", residentId);
		return jdbc.sql(SELECT + " and a.resident_id = ? and c.occurs_on between ? and ? order by c.occurs_on, j.name")
			.params(user.programId().value(), residentId, from, to).query(Completions::completion).list();
	}

	/** Whether this resident may coordinate (mark housemates' work): the WORK_COORDINATOR privilege now. */
	@Transactional(readOnly = true)
	public boolean coordinates(MilieuUser user) {
		return user.has(Role.RESIDENT) && user.residentId() != null && privileges
			.may(user.programId(), user.residentId(), DefaultPrivilege.WORK_COORDINATOR.name(), clock.instant()).allowed();
	}

	private List<Completion> shown(MilieuUser user, Reach reach, List<Completion> found) {
		List<Completion> visible = new ArrayList<>();
		List<ResidentScope> scopes = new ArrayList<>();
		for (Completion c : found) {
			UUID house = census.find(user.programId(), c.residentId()).map(CensusEntry::houseId).orElse(null);
			if (reach.includes(c.residentId(), house)) {
				visible.add(c);
				scopes.add(new ResidentScope(c.residentId(), house));
			}
		}
		policy.recordListed(user, DataCategory.WORK_AND_STIPENDS, "JobCompletion", reach, scopes);
		return visible;
	}

	/** Verifies a mark: what it earned, the ledger entry for it, who verified and when. */
	private void settle(MilieuUser user, Completion completion, Assignment assignment) {
		long earned = Earnings.of(assignment.rateUnit().name(), assignment.rateCents(), completion.outcome(),
				completion.minutes());
		UUID entry = null;
		if (earned > 0) {
			entry = ledger.earn(user, completion.residentId(), earned, assignment.currency(), StipendLedger.SOURCE_COMPLETION,
					completion.id(), assignment.jobName() + " " + completion.occursOn()).id();
		}
		jdbc.sql("update work_completion set verified_by = ?, verified_at = ?, earned_cents = ?, stipend_entry_id = ? "
				+ "where id = ?")
			.params(user.getUsername(), Timestamp.from(clock.instant()), earned, entry, completion.id()).update();
	}

	/**
	 * Staff of the resident's house mark (true); a coordinator of the same house marks a housemate's
	 * work (false), through the access policy's rule for residents taking part in another's record.
	 */
	private boolean requireMayMark(MilieuUser user, Assignment assignment, UUID id) {
		ResidentScope scope = scope(user.programId(), assignment);
		if (staff(user)) {
			policy.enforce(user, AuditAction.CREATE, DataCategory.WORK_AND_STIPENDS, scope, "JobCompletion", id);
			return true;
		}
		UUID house = user.residentId() == null ? null
				: census.find(user.programId(), user.residentId()).map(CensusEntry::houseId).orElse(null);
		if (!coordinates(user) || house == null || !house.equals(scope.houseId())
				|| user.residentId().equals(assignment.residentId())) {
			refuse(user, id, user.getUsername() + " may not mark this work: it takes staff of the house or a work "
					+ "coordinator of the house, for someone else's work");
		}
		policy.enforceResidentContribution(user, AuditAction.CREATE, DataCategory.WORK_AND_STIPENDS, scope, "JobCompletion",
				id, "work coordinator of the house");
		return false;
	}

	private ResidentScope scope(ProgramId program, Assignment assignment) {
		UUID house = census.find(program, assignment.residentId()).map(CensusEntry::houseId).orElse(assignment.houseId());
		return new ResidentScope(assignment.residentId(), house);
	}

	private void refuse(MilieuUser user, UUID id, String reason) {
		trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)
			.about(null, DataCategory.WORK_AND_STIPENDS).on("JobCompletion", id).saying("CREATE refused: " + reason));
		throw new AccessDeniedException(reason);
	}

	private static boolean staff(MilieuUser user) {
		return user.has(Role.ADMIN) || user.has(Role.CLINICIAN) || user.has(Role.STAFF);
	}

	Completion find(ProgramId program, UUID id) {
		return jdbc.sql(SELECT + " and c.id = ?").params(program.value(), id).query(Completions::completion).optional()
			.orElseThrow(() -> new RecordNotFound("Completion", id));
	}

	static Completion completion(ResultSet rs, int n) throws SQLException {
		Timestamp verified = rs.getTimestamp("verified_at");
		long earnedCents = rs.getLong("earned_cents");
		Long earned = rs.wasNull() ? null : earnedCents;
		int q = rs.getInt("quality");
		Integer quality = rs.wasNull() ? null : q;
		return new Completion(rs.getObject("id", UUID.class), rs.getObject("assignment_id", UUID.class),
				rs.getObject("resident_id", UUID.class), rs.getObject("job_id", UUID.class), rs.getString("job_name"),
				rs.getObject("occurs_on", LocalDate.class), CompletionOutcome.valueOf(rs.getString("outcome")),
				quality, rs.getInt("minutes"), rs.getString("note"), rs.getString("marked_by"),
				rs.getObject("marked_by_resident", UUID.class), rs.getTimestamp("marked_at").toInstant(),
				rs.getString("verified_by"), verified == null ? null : verified.toInstant(), earned,
				rs.getString("currency"), rs.getObject("stipend_entry_id", UUID.class));
	}
}
