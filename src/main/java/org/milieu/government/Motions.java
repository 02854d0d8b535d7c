package org.milieu.government;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.identity.Role;
import org.milieu.platform.Programs;
import org.milieu.residents.Census;
import org.milieu.shared.DataCategory;
import org.milieu.shared.Keyset;
import org.milieu.shared.PageRequest;
import org.milieu.shared.ProgramId;
import org.milieu.shared.Slice;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.StateConflict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Motions and their votes at an open meeting. Residents move and second motions; staff advise and
 * do not move them, except that staff (or the chair) call the election of an officer. Seconding
 * opens the vote (an election's opens at once); the chair or staff close it, and only then is the
 * result known to anyone, staff included. A carried rule change goes into the house rules; a
 * carried election puts the winner in office. A clinician or the director may overrule a carried
 * motion only on grounds of safety, law or clinical care, with a written reason that everyone
 * reads in the minutes. Thresholds and the tie rule are in {@link Thresholds}.
 * <p>
 * Who moved and seconded a motion, and who stands for office, are those residents' own
 * government records: writing passes the access policy, and each read is audited.
 */
@Service
public class Motions {

	static final String SELECT = """
			select m.id, m.program_id, m.meeting_id, m.agenda_item_id, m.kind, m.text, m.secret, m.office, m.rule_id,
			       m.rule_title, m.rule_text, m.moved_by, m.moved_by_resident, m.moved_at, m.seconded_by_resident,
			       m.seconded_at, m.status, m.closed_at, m.yes_count, m.no_count, m.abstain_count, m.outcome,
			       m.elected_resident, m.overruled_by, m.overruled_at, m.overrule_ground, m.overrule_reason,
			       g.house_id, g.status as meeting_status,
			       (select count(*) from government_ballot_voter v where v.motion_id = m.id) as ballots_cast
			  from government_motion m join government_meeting g on g.id = m.meeting_id
			 where m.program_id = ?""";

	static final int MAX_TEXT = 2000;

	static final int MAX_REASON = 4000;

	private final JdbcClient jdbc;

	private final Membership membership;

	private final MeetingAttendance attendance;

	private final Officers officers;

	private final HouseRules rules;

	private final AccessPolicy policy;

	private final AuditTrail trail;

	private final Census census;

	private final Clock clock;

	private final Programs programs;

	Motions(JdbcClient jdbc, Membership membership, MeetingAttendance attendance, Officers officers, HouseRules rules,
			AccessPolicy policy, AuditTrail trail, Census census, Clock clock, Programs programs) {
		this.clock = clock;
		this.programs = programs;
		this.jdbc = jdbc;
		this.membership = membership;
		this.attendance = attendance;
		this.officers = officers;
		this.rules = rules;
		this.policy = policy;
		this.trail = trail;
		this.census = census;
	}

	/**
	 * Moves a motion at an open meeting. An ordinary motion or a rule change is moved by a resident
	 * present at the meeting; an election by staff or the chair, with its candidates. Refused,
	 * storing nothing, when the meeting is not open ({@code meetingId}), the kind or text is missing
	 * ({@code kind}, {@code text}), the mover is absent ({@code movedBy}), the agenda item is of
	 * another meeting ({@code agendaItemId}), a rule change lacks its rule or text ({@code ruleId},
	 * {@code ruleTitle}, {@code ruleText}), or an election its office or an eligible candidate
	 * ({@code office}, {@code candidates}).
	 */
	@Transactional
	public Motion move(MilieuUser user, UUID meetingId, MoveMotion command) {
		Instant now = clock.instant();
		ProgramId program = user.programId();
		MeetingRow meeting = meeting(program, meetingId);
		UUID house = membership.requireMember(user, meeting.houseId(), "Meeting", meetingId, "CREATE");
		if (command.kind() == null) {
			throw new RuleViolation("motion.kind.required", "kind");
		}
		if (command.kind() == MotionKind.ELECTION) {
			requireChairOrStaff(user, meeting.houseId(), "Meeting", meetingId, "CREATE");
		}
		else if (Membership.staff(user)) {
			membership.refuse(user, "Meeting", meetingId, "CREATE",
					"staff advise the meeting; motions are moved by residents, not by " + user.getUsername());
		}
		if (!"OPEN".equals(meeting.status())) {
			throw new RuleViolation("motion.meeting.not-open", "meetingId");
		}
		String text = required(command.text(), MAX_TEXT, "motion.text.blank", "motion.text.long", "text");
		if (command.agendaItemId() != null && jdbc.sql("select count(*) from government_agenda_item where id = ? and meeting_id = ?")
			.params(command.agendaItemId(), meetingId).query(Integer.class).single() == 0) {
			throw new RuleViolation("motion.agenda-item.other", "agendaItemId");
		}
		UUID mover = Membership.staff(user) ? null : user.residentId();
		if (mover != null && !attendance.present(meetingId).contains(mover)) {
			throw new RuleViolation("motion.mover.absent", "movedBy");
		}
		String ruleTitle = null;
		String ruleText = null;
		if (command.kind() == MotionKind.RULE_CHANGE) {
			if (command.ruleId() != null) {
				Optional<UUID> ruleHouse = rules.houseOf(program, command.ruleId())
					.orElseThrow(() -> new RuleViolation("motion.rule.unknown", "ruleId"));
				if (ruleHouse.isPresent() && !ruleHouse.get().equals(meeting.houseId())) {
					throw new RuleViolation("motion.rule.other-house", "ruleId");
				}
			}
			else {
				ruleTitle = required(command.ruleTitle(), 200, "motion.rule-title.blank", "motion.rule-title.long", "ruleTitle");
			}
			ruleText = required(command.ruleText(), MAX_TEXT, "motion.rule-text.blank", "motion.rule-text.long", "ruleText");
		}
		List<UUID> candidates = List.of();
		if (command.kind() == MotionKind.ELECTION) {
			if (command.office() == null) {
				throw new RuleViolation("motion.office.required", "office");
			}
			candidates = command.candidates() == null ? List.of() : List.copyOf(new LinkedHashSet<>(command.candidates()));
			if (candidates.isEmpty()) {
				throw new RuleViolation("motion.candidates.none", "candidates");
			}
			for (UUID candidate : candidates) {
				officers.requireEligible(program, meeting.houseId(), command.office(), candidate, now);
			}
		}
		boolean secret = command.secret() != null ? command.secret() : command.kind() == MotionKind.ELECTION;
		UUID id = UUID.randomUUID();
		if (mover != null) {
			policy.enforce(user, AuditAction.CREATE, DataCategory.GOVERNMENT, new ResidentScope(mover, house), "Motion", id);
		}
		else {
			trail.record(AuditEntry.of(user.actor(), AuditAction.CREATE, AuditOutcome.SUCCESS)
				.about(null, DataCategory.GOVERNMENT).on("Motion", id));
		}
		jdbc.sql("""
				insert into government_motion (id, program_id, meeting_id, agenda_item_id, kind, text, secret, office, rule_id,
				                               rule_title, rule_text, moved_by, moved_by_resident, moved_at, status)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, program.value(), meetingId, command.agendaItemId(), command.kind().name(), text, secret,
					command.office() == null || command.kind() != MotionKind.ELECTION ? null : command.office().name(),
					command.kind() == MotionKind.RULE_CHANGE ? command.ruleId() : null, ruleTitle, ruleText,
					user.getUsername(), mover, Timestamp.from(now),
					command.kind() == MotionKind.ELECTION ? MotionStatus.VOTING.name() : MotionStatus.MOVED.name())
			.update();
		for (UUID candidate : candidates) {
			jdbc.sql("insert into government_candidate (motion_id, resident_id) values (?, ?)").params(id, candidate).update();
		}
		return find(program, id);
	}

	/**
	 * Seconds a motion, which opens its vote. Only a resident present at the meeting who did not
	 * move it; refused, changing nothing, when the motion is not waiting for a second ({@code id}),
	 * is the resident's own ({@code secondedBy}) or the resident is absent ({@code secondedBy}).
	 */
	@Transactional
	public Motion second(MilieuUser user, UUID motionId) {
		Instant now = clock.instant();
		ProgramId program = user.programId();
		Motion motion = lock(program, motionId);
		UUID meetingHouse = houseOf(motion);
		if (Membership.staff(user)) {
			membership.refuse(user, "Motion", motionId, "UPDATE",
					"staff advise the meeting; motions are seconded by residents, not by " + user.getUsername());
		}
		UUID house = membership.requireMember(user, meetingHouse, "Motion", motionId, "UPDATE");
		if (motion.status() != MotionStatus.MOVED) {
			throw new RuleViolation("motion.second.not-waiting", "id");
		}
		if (user.residentId().equals(motion.movedByResident())) {
			throw new RuleViolation("motion.second.own", "secondedBy");
		}
		if (!attendance.present(motion.meetingId()).contains(user.residentId())) {
			throw new RuleViolation("motion.second.absent", "secondedBy");
		}
		policy.enforce(user, AuditAction.UPDATE, DataCategory.GOVERNMENT, new ResidentScope(user.residentId(), house),
				"Motion", motionId);
		jdbc.sql("update government_motion set seconded_by_resident = ?, seconded_at = ?, status = 'VOTING' where id = ?")
			.params(user.residentId(), Timestamp.from(now), motionId).update();
		return find(program, motionId);
	}

	/** One motion; the residents it names (mover, seconder, candidates, the elected) are audited as read. */
	@Transactional
	public Motion read(MilieuUser user, UUID motionId) {
		membership.requireParticipant(user, "Motion", motionId);
		Motion motion = find(user.programId(), motionId);
		membership.requireMember(user, houseOf(motion), "Motion", motionId, "READ");
		audit(user, List.of(motion));
		return motion;
	}

	/** A meeting's motions in the order they were moved, read like {@link #read}. */
	@Transactional
	public List<Motion> ofMeeting(MilieuUser user, UUID meetingId) {
		membership.requireParticipant(user, "Meeting", meetingId);
		MeetingRow meeting = meeting(user.programId(), meetingId);
		membership.requireMember(user, meeting.houseId(), "Meeting", meetingId, "READ");
		List<Motion> motions = load(user.programId(), " and m.meeting_id = ? order by m.moved_at, m.id", meetingId);
		audit(user, motions);
		return motions;
	}

	/**
	 * A page of motions across the program's meetings, latest moved first (ties by id), as
	 * {@link #ofMeeting} shows them: all for staff, for a resident those of their house's and the whole
	 * program's meetings. Filters: one meeting, a status, and the days moved ({@code from}..{@code to},
	 * both included). Every resident a motion on the page names is audited as READ.
	 */
	@Transactional
	public Slice<Motion> list(MilieuUser user, UUID meetingId, MotionStatus status, java.time.LocalDate from,
			java.time.LocalDate to, PageRequest page) {
		membership.requireParticipant(user, "Motion", null);
		UUID ownHouse = Membership.staff(user) ? null : membership.residentHouse(user, "Motion", null);
		StringBuilder where = new StringBuilder();
		List<Object> params = new ArrayList<>();
		if (ownHouse != null) {
			where.append(" and (g.house_id is null or g.house_id = ?)");
			params.add(ownHouse);
		}
		if (meetingId != null) {
			where.append(" and m.meeting_id = ?");
			params.add(meetingId);
		}
		if (status != null) {
			where.append(" and m.status = ?");
			params.add(status.name());
		}
		Programs.Days days = programs.days(user.programId(), from, to);
		if (from != null) {
			where.append(" and m.moved_at >= ?");
			params.add(java.sql.Timestamp.from(days.start()));
		}
		if (to != null) {
			where.append(" and m.moved_at < ?");
			params.add(java.sql.Timestamp.from(days.end()));
		}
		if (page.after() != null) {
			where.append(" and (m.moved_at, m.id) < (?, ?)");
			params.add(java.sql.Timestamp.from(page.after().instant()));
			params.add(page.after().id());
		}
		where.append(" order by m.moved_at desc, m.id desc limit ?");
		params.add(page.fetch());
		Slice<Motion> slice = page.slice(load(user.programId(), where.toString(), params.toArray()),
				m -> Keyset.of(m.movedAt(), m.id()));
		audit(user, slice.items());
		return slice;
	}

	/**
	 * Closes a motion's vote (staff or the chair) and counts it. A motion nobody seconded lapses.
	 * Refused when it is already closed ({@code id}).
	 */
	@Transactional
	public Motion close(MilieuUser user, UUID motionId) {
		Instant now = clock.instant();
		ProgramId program = user.programId();
		Motion motion = lock(program, motionId);
		UUID house = houseOf(motion);
		membership.requireMember(user, house, "Motion", motionId, "UPDATE");
		requireChairOrStaff(user, house, "Motion", motionId, "UPDATE");
		if (motion.status() == MotionStatus.CLOSED) {
			throw new RuleViolation("motion.closed", "id");
		}
		Count count = count(motionId);
		Outcome outcome;
		UUID elected = null;
		if (motion.status() == MotionStatus.MOVED) {
			outcome = Outcome.LAPSED;
		}
		else if (motion.kind() == MotionKind.ELECTION) {
			outcome = Thresholds.electionOutcome(count.candidates());
			elected = outcome == Outcome.CARRIED ? Thresholds.elected(count.candidates()) : null;
		}
		else {
			outcome = Thresholds.decide(motion.kind(), count.yes(), count.no());
		}
		jdbc.sql("""
				update government_motion set status = 'CLOSED', closed_by = ?, closed_at = ?, yes_count = ?, no_count = ?,
				       abstain_count = ?, outcome = ?, elected_resident = ?
				 where id = ?""")
			.params(user.getUsername(), Timestamp.from(now), count.yes(), count.no(), count.abstain(), outcome.name(),
					elected, motionId)
			.update();
		if (outcome == Outcome.CARRIED && motion.kind() == MotionKind.RULE_CHANGE) {
			rules.adopt(program, house, motionId, motion.ruleId(), motion.ruleTitle(), motion.ruleText(),
					user.getUsername(), now);
		}
		if (elected != null) {
			officers.install(program, house, motion.office(), elected, motionId, census.day(program));
		}
		trail.record(AuditEntry.of(user.actor(), AuditAction.UPDATE, AuditOutcome.SUCCESS)
			.about(null, DataCategory.GOVERNMENT).on("Motion", motionId).saying("vote closed: " + outcome));
		return find(program, motionId);
	}

	/**
	 * The result of a closed vote. While the vote is open (or waits for a second) nobody gets it,
	 * staff included: a {@link StateConflict}.
	 */
	@Transactional
	public VoteResult result(MilieuUser user, UUID motionId) {
		Motion motion = read(user, motionId);
		if (motion.result() == null) {
			throw new StateConflict("motion.result.open");
		}
		return motion.result();
	}

	/**
	 * Overrules a carried motion: a clinician or the director only, on grounds of safety, law or
	 * clinical care, with a written reason. Refused, changing nothing, when the motion did not carry
	 * or was overruled already ({@code id}), or the ground or reason is missing ({@code ground},
	 * {@code reason}). An overruled rule change is no longer in force; an overruled election gives
	 * no office.
	 */
	@Transactional
	public Motion overrule(MilieuUser user, UUID motionId, OverruleGround ground, String reason) {
		Instant now = clock.instant();
		ProgramId program = user.programId();
		Motion motion = lock(program, motionId);
		if (!user.has(Role.CLINICIAN) && !user.has(Role.ADMIN)) {
			membership.refuse(user, "Motion", motionId, "UPDATE",
					"only a clinician or the director may overrule a vote, not " + user.getUsername());
		}
		if (motion.result() == null || !motion.result().carried()) {
			throw new RuleViolation("motion.overrule.not-carried", "id");
		}
		if (motion.overrule() != null) {
			throw new RuleViolation("motion.overrule.already", "id");
		}
		if (ground == null) {
			throw new RuleViolation("motion.overrule.ground", "ground");
		}
		String why = required(reason, MAX_REASON, "motion.overrule.reason", "motion.overrule.reason-long", "reason");
		jdbc.sql("update government_motion set overruled_by = ?, overruled_at = ?, overrule_ground = ?, overrule_reason = ? "
				+ "where id = ?").params(user.getUsername(), Timestamp.from(now), ground.name(), why, motionId).update();
		trail.record(AuditEntry.of(user.actor(), AuditAction.UPDATE, AuditOutcome.SUCCESS)
			.about(null, DataCategory.GOVERNMENT).on("Motion", motionId).saying("overruled on ground " + ground));
		return find(program, motionId);
	}

	/**
	 * When a meeting closes: a vote still open must be closed first (refused, {@code meetingId});
	 * a motion nobody seconded lapses.
	 */
	void lapseAtClose(MilieuUser user, UUID meetingId) {
		List<UUID> voting = jdbc.sql("select id from government_motion where meeting_id = ? and status = 'VOTING'")
			.param(meetingId).query(UUID.class).list();
		if (!voting.isEmpty()) {
			throw new RuleViolation("meeting.close.vote-open", "meetingId");
		}
		Instant now = clock.instant();
		List<UUID> lapsed = jdbc.sql("""
				update government_motion set status = 'CLOSED', closed_by = ?, closed_at = ?, yes_count = 0, no_count = 0,
				       abstain_count = 0, outcome = 'LAPSED'
				 where meeting_id = ? and status = 'MOVED' returning id""")
			.params(user.getUsername(), Timestamp.from(now), meetingId).query(UUID.class).list();
		List<AuditEntry> entries = new ArrayList<>();
		for (UUID id : lapsed) {
			entries.add(AuditEntry.of(user.actor(), AuditAction.UPDATE, AuditOutcome.SUCCESS)
				.about(null, DataCategory.GOVERNMENT).on("Motion", id).saying("lapsed at the close of the meeting"));
		}
		trail.recordAll(entries);
	}

	private void requireChairOrStaff(MilieuUser user, UUID meetingHouse, String type, UUID id, String action) {
		if (!officers.mayChair(user, meetingHouse)) {
			membership.refuse(user, type, id, action, "only staff or the chair may do this, not " + user.getUsername());
		}
	}

	Motion find(ProgramId program, UUID motionId) {
		List<Motion> found = load(program, " and m.id = ?", motionId);
		if (found.isEmpty()) {
			throw new RecordNotFound("Motion", motionId);
		}
		return found.get(0);
	}

	/** The motion, locked against a concurrent close, second or overrule until the transaction ends. */
	Motion lock(ProgramId program, UUID motionId) {
		jdbc.sql("select id from government_motion where id = ? and program_id = ? for update")
			.params(motionId, program.value()).query(UUID.class).optional()
			.orElseThrow(() -> new RecordNotFound("Motion", motionId));
		return find(program, motionId);
	}

	private static UUID houseOf(Motion motion) {
		return motion.houseId();
	}

	private List<Motion> load(ProgramId program, String where, Object... params) {
		List<Object> all = new ArrayList<>(List.of(program.value()));
		all.addAll(java.util.Arrays.asList(params));
		List<Row> rows = jdbc.sql(SELECT + where).params(all).query(Motions::row).list();
		if (rows.isEmpty()) {
			return List.of();
		}
		List<UUID> ids = rows.stream().map(r -> r.id).toList();
		Map<UUID, List<UUID>> candidates = new HashMap<>();
		jdbc.sql("select motion_id, resident_id from government_candidate where motion_id = any(?) order by resident_id")
			.param(ids.toArray(UUID[]::new)).query((rs, n) -> candidates
				.computeIfAbsent(rs.getObject("motion_id", UUID.class), k -> new ArrayList<>())
				.add(rs.getObject("resident_id", UUID.class)))
			.list();
		List<UUID> closed = rows.stream().filter(r -> r.outcome != null).map(r -> r.id).toList();
		Map<UUID, Count> counts = closed.isEmpty() ? Map.of() : counts(closed);
		List<Motion> motions = new ArrayList<>();
		for (Row r : rows) {
			VoteResult result = null;
			if (r.outcome != null) {
				Count c = counts.getOrDefault(r.id, Count.NONE);
				result = new VoteResult(r.yes, r.no, r.abstain, c.candidates(), c.paper(), r.outcome, r.elected,
						r.secret ? List.of() : c.votes());
			}
			motions.add(new Motion(r.id, r.meetingId, r.houseId, r.agendaItemId, r.kind, r.text, r.secret, r.office, r.ruleId,
					r.ruleTitle, r.ruleText, r.movedBy, r.movedByResident, r.movedAt, r.secondedByResident, r.secondedAt,
					r.status, r.ballotsCast, List.copyOf(candidates.getOrDefault(r.id, List.of())), r.closedAt, result,
					r.overrule));
		}
		return motions;
	}

	private Count count(UUID motionId) {
		return counts(List.of(motionId)).getOrDefault(motionId, Count.NONE);
	}

	/** The ballots of these motions counted: yes, no, abstain, each candidate's, the paper ones, and the named votes of open ballots. */
	private Map<UUID, Count> counts(Collection<UUID> motionIds) {
		UUID[] ids = motionIds.toArray(UUID[]::new);
		Map<UUID, int[]> choices = new HashMap<>();
		Map<UUID, Map<UUID, Integer>> candidates = new HashMap<>();
		jdbc.sql("select motion_id, choice, candidate_id, count(*) as n from government_ballot where motion_id = any(?) "
				+ "group by motion_id, choice, candidate_id").param(ids).query((rs, n) -> {
					UUID motion = rs.getObject("motion_id", UUID.class);
					String choice = rs.getString("choice");
					int count = rs.getInt("n");
					if (choice != null) {
						choices.computeIfAbsent(motion, k -> new int[3])[Choice.valueOf(choice).ordinal()] += count;
					}
					else {
						candidates.computeIfAbsent(motion, k -> new LinkedHashMap<>())
							.put(rs.getObject("candidate_id", UUID.class), count);
					}
					return motion;
				}).list();
		Map<UUID, Integer> paper = new HashMap<>();
		jdbc.sql("select motion_id, count(*) as n from government_ballot_voter where motion_id = any(?) and via = 'PAPER' "
				+ "group by motion_id").param(ids)
			.query((rs, n) -> paper.put(rs.getObject("motion_id", UUID.class), rs.getInt("n"))).list();
		Map<UUID, List<VoteResult.NamedVote>> named = new HashMap<>();
		jdbc.sql("select motion_id, voter_resident, choice, candidate_id from government_ballot "
				+ "where motion_id = any(?) and voter_resident is not null order by voter_resident").param(ids)
			.query((rs, n) -> named.computeIfAbsent(rs.getObject("motion_id", UUID.class), k -> new ArrayList<>())
				.add(new VoteResult.NamedVote(rs.getObject("voter_resident", UUID.class),
						rs.getString("choice") == null ? null : Choice.valueOf(rs.getString("choice")),
						rs.getObject("candidate_id", UUID.class))))
			.list();
		Map<UUID, Count> result = new HashMap<>();
		for (UUID id : ids) {
			int[] c = choices.getOrDefault(id, new int[3]);
			result.put(id, new Count(c[0], c[1], c[2], Map.copyOf(candidates.getOrDefault(id, Map.of())),
					paper.getOrDefault(id, 0), List.copyOf(named.getOrDefault(id, List.of()))));
		}
		return result;
	}

	private void audit(MilieuUser user, List<Motion> motions) {
		List<AuditEntry> reads = new ArrayList<>();
		for (Motion m : motions) {
			Set<UUID> named = new LinkedHashSet<>();
			if (m.movedByResident() != null) {
				named.add(m.movedByResident());
			}
			if (m.secondedByResident() != null) {
				named.add(m.secondedByResident());
			}
			named.addAll(m.candidates());
			if (m.result() != null) {
				m.result().votes().forEach(v -> named.add(v.residentId()));
			}
			for (UUID resident : named) {
				reads.add(AuditEntry.of(user.actor(), AuditAction.READ, AuditOutcome.SUCCESS)
					.about(resident, DataCategory.GOVERNMENT).on("Motion", m.id()));
			}
		}
		trail.recordAll(reads);
	}

	private MeetingRow meeting(ProgramId program, UUID meetingId) {
		return jdbc.sql("select house_id, status from government_meeting where id = ? and program_id = ?")
			.params(meetingId, program.value())
			.query((rs, n) -> new MeetingRow(rs.getObject("house_id", UUID.class), rs.getString("status"))).optional()
			.orElseThrow(() -> new RecordNotFound("Meeting", meetingId));
	}

	static String required(String value, int max, String blankKey, String longKey, String field) {
		if (value == null || value.isBlank()) {
			throw new RuleViolation(blankKey, field);
		}
		if (value.strip().length() > max) {
			throw new RuleViolation(longKey, field, max);
		}
		return value.strip();
	}

	private record MeetingRow(UUID houseId, String status) {
	}

	private record Count(int yes, int no, int abstain, Map<UUID, Integer> candidates, int paper,
			List<VoteResult.NamedVote> votes) {

		static final Count NONE = new Count(0, 0, 0, Map.of(), 0, List.of());
	}

	private record Row(UUID id, UUID meetingId, UUID houseId, UUID agendaItemId, MotionKind kind, String text, boolean secret,
			Office office, UUID ruleId, String ruleTitle, String ruleText, String movedBy, UUID movedByResident,
			Instant movedAt, UUID secondedByResident, Instant secondedAt, MotionStatus status, int ballotsCast,
			Instant closedAt, int yes, int no, int abstain, Outcome outcome, UUID elected, Motion.Overrule overrule) {
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		String office = rs.getString("office");
		String outcome = rs.getString("outcome");
		Timestamp overruledAt = rs.getTimestamp("overruled_at");
		return new Row(rs.getObject("id", UUID.class), rs.getObject("meeting_id", UUID.class),
				rs.getObject("house_id", UUID.class),
				rs.getObject("agenda_item_id", UUID.class), MotionKind.valueOf(rs.getString("kind")), rs.getString("text"),
				rs.getBoolean("secret"), office == null ? null : Office.valueOf(office), rs.getObject("rule_id", UUID.class),
				rs.getString("rule_title"), rs.getString("rule_text"), rs.getString("moved_by"),
				rs.getObject("moved_by_resident", UUID.class), instant(rs, "moved_at"),
				rs.getObject("seconded_by_resident", UUID.class), instant(rs, "seconded_at"),
				MotionStatus.valueOf(rs.getString("status")), rs.getInt("ballots_cast"), instant(rs, "closed_at"),
				rs.getInt("yes_count"), rs.getInt("no_count"), rs.getInt("abstain_count"),
				outcome == null ? null : Outcome.valueOf(outcome), rs.getObject("elected_resident", UUID.class),
				overruledAt == null ? null : new Motion.Overrule(rs.getString("overruled_by"), overruledAt.toInstant(),
						OverruleGround.valueOf(rs.getString("overrule_ground")), rs.getString("overrule_reason")));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
