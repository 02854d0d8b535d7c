package org.milieu.sessions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.TextInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roll call of an occurrence: who is expected, and each one's mark (present, late, left early,
 * absent, excused with a reason), walk-ins added. Taken by the director, the session's facilitators
 * and staff of the session's house; each resident shown or marked passes the access policy (levels
 * and ratings, {@link Sessions#CATEGORY}) and is audited. A mark may be changed: the last one stands,
 * with who recorded it and when, and the audit trail keeps every change.
 * <p>
 * Marks are refused, naming the field and changing nothing, for an occurrence the session's rule
 * does not give or that is cancelled ({@code date}), for one more than {@value #DAYS_AHEAD} days
 * ahead ({@code date}), and before the occurrence's day for anything but an excuse ({@code status}):
 * an absence known in advance (a court date, a medical appointment) may be excused up to a week
 * ahead, but nobody is present at what has not happened.
 */
@Service
public class SessionAttendance {

	/** How many days ahead of its day an occurrence accepts a mark (an excuse only). */
	public static final int DAYS_AHEAD = 7;

	static final int REASON_MAX = 500;

	private static final TextInput TEXT = new TextInput("attendance");

	private static final String RESOURCE = "SessionAttendance";

	private final JdbcClient jdbc;

	private final Occurrences occurrences;

	private final ExpectedAttendees expected;

	private final AccessPolicy policy;

	private final Census census;

	private final AuditTrail trail;

	private final Clock clock;

	private final SessionTypes types;

	private final SessionEligibility eligibility;

	SessionAttendance(JdbcClient jdbc, Occurrences occurrences, ExpectedAttendees expected, AccessPolicy policy, Census census,
			AuditTrail trail, Clock clock, SessionTypes types, SessionEligibility eligibility) {
		this.types = types;
		this.eligibility = eligibility;
		this.jdbc = jdbc;
		this.occurrences = occurrences;
		this.expected = expected;
		this.policy = policy;
		this.census = census;
		this.trail = trail;
		this.clock = clock;
	}

	/** The occurrence's roll, as far as the reader may see it; every resident shown is audited. */
	@Transactional
	public RollCall roll(MilieuUser user, UUID sessionId, LocalDate occursOn) {
		Occurrence occurrence = takenBy(user, sessionId, occursOn, AccessAction.READ);
		return read(user, occurrence);
	}

	/**
	 * Marks one resident. {@code walkIn} must be set for a resident of the program who is not
	 * expected (and staying in the program on that day); an expected resident is never a walk-in.
	 * EXCUSED needs a {@code reason}. A walk-in below the kind's minimum level on the occurrence's day
	 * is refused ({@code residentId}), naming the resident and the level needed. Answers the
	 * resident's line as it now stands.
	 */
	@Transactional
	public RollCall.Line mark(MilieuUser user, UUID sessionId, LocalDate occursOn, UUID residentId, AttendanceStatus status,
			String reason, boolean walkIn) {
		Occurrence occurrence = takenBy(user, sessionId, occursOn, AccessAction.WRITE);
		if (residentId == null) {
			throw new RuleViolation("attendance.field.required", "residentId");
		}
		if (status == null) {
			throw new RuleViolation("attendance.field.required", "status");
		}
		markable(user, occurrence, status);
		String why = status == AttendanceStatus.EXCUSED ? TEXT.required(reason, "reason", REASON_MAX)
				: TEXT.optional(reason, "reason", REASON_MAX);
		ProgramId program = user.programId();
		Set<UUID> roll = new LinkedHashSet<>(expected.residents(program, sessionId, occursOn));
		Map<UUID, AttendanceMark> marks = marks(sessionId, occursOn);
		boolean isWalkIn = !roll.contains(residentId);
		if (isWalkIn && !walkIn && !(marks.containsKey(residentId) && marks.get(residentId).walkIn())) {
			throw new RuleViolation("attendance.resident.notExpected", "residentId");
		}
		Map<UUID, Person> people = people(program, Set.of(residentId), occursOn);
		Person person = people.get(residentId);
		if (person == null || (isWalkIn && !person.staying())) {
			throw new RuleViolation("attendance.resident.unknown", "residentId");
		}
		policy.enforce(user, AuditAction.UPDATE, Sessions.CATEGORY, new ResidentScope(residentId, person.houseId()), RESOURCE,
				sessionId);
		if (isWalkIn) {
			eligibility.refuseBelowMinimum(program, types.find(program, occurrence.typeId()), List.of(residentId), occursOn,
					"residentId");
		}
		AttendanceMark mark = write(user, program, occurrence, residentId, status, why, isWalkIn);
		return new RollCall.Line(residentId, person.name(), !isWalkIn, mark);
	}

	/**
	 * Marks present every expected attendee the reader may see who has no mark yet (one action for
	 * the usual case: everyone came); marks already recorded stay. Answers how many were marked.
	 */
	@Transactional
	public int markOthersPresent(MilieuUser user, UUID sessionId, LocalDate occursOn) {
		Occurrence occurrence = takenBy(user, sessionId, occursOn, AccessAction.WRITE);
		markable(user, occurrence, AttendanceStatus.PRESENT);
		ProgramId program = user.programId();
		List<UUID> roll = expected.residents(program, sessionId, occursOn);
		Map<UUID, AttendanceMark> marks = marks(sessionId, occursOn);
		Reach reach = policy.reach(user, AccessAction.WRITE, Sessions.CATEGORY);
		Map<UUID, Person> people = people(program, roll, occursOn);
		int marked = 0;
		for (UUID resident : roll) {
			Person person = people.get(resident);
			if (marks.containsKey(resident) || person == null || !reach.includes(resident, person.houseId())) {
				continue;
			}
			policy.enforce(user, AuditAction.UPDATE, Sessions.CATEGORY, new ResidentScope(resident, person.houseId()),
					RESOURCE, sessionId);
			write(user, program, occurrence, resident, AttendanceStatus.PRESENT, null, false);
			marked++;
		}
		return marked;
	}

	/**
	 * The residents of the program staying there on the occurrence's day, not on its roll, whom the
	 * reader may see and who have reached the kind's minimum level: who may be added as a walk-in.
	 * Names only; audited as a listing.
	 */
	@Transactional
	public List<RollCall.Line> walkInChoices(MilieuUser user, UUID sessionId, LocalDate occursOn) {
		Occurrence occurrence = takenBy(user, sessionId, occursOn, AccessAction.WRITE);
		if (occurrence.cancelled()) {
			return List.of();
		}
		Set<UUID> onRoll = new java.util.HashSet<>(marks(sessionId, occursOn).keySet());
		onRoll.addAll(expected.residents(user.programId(), sessionId, occursOn));
		Reach reach = policy.reach(user, AccessAction.WRITE, Sessions.CATEGORY);
		List<UUID> staying = jdbc.sql("""
				select resident_id from residents_stay
				where program_id = ? and admitted_on <= ? and (discharged_on is null or discharged_on > ?)""")
			.params(user.programId().value(), occursOn, occursOn).query(UUID.class).list();
		Set<UUID> eligible = new java.util.HashSet<>(
				eligibility.eligible(user.programId(), types.find(user.programId(), occurrence.typeId()), staying, occursOn));
		staying = staying.stream().filter(eligible::contains).toList();
		Map<UUID, Person> people = people(user.programId(), staying, occursOn);
		List<RollCall.Line> choices = people.values().stream()
			.filter(p -> !onRoll.contains(p.id()) && reach.includes(p.id(), p.houseId()))
			.sorted(Comparator.comparing(Person::name)).map(p -> new RollCall.Line(p.id(), p.name(), false, null)).toList();
		policy.recordListed(user, org.milieu.shared.DataCategory.DEMOGRAPHICS, RESOURCE, reach,
				choices.stream().map(c -> new ResidentScope(c.residentId(), people.get(c.residentId()).houseId())).toList());
		return choices;
	}

	private RollCall read(MilieuUser user, Occurrence occurrence) {
		ProgramId program = user.programId();
		List<UUID> roll = expected.residents(program, occurrence.sessionId(), occurrence.occursOn());
		Map<UUID, AttendanceMark> marks = marks(occurrence.sessionId(), occurrence.occursOn());
		Set<UUID> everyone = new LinkedHashSet<>(roll);
		everyone.addAll(marks.keySet());
		Map<UUID, Person> people = people(program, everyone, occurrence.occursOn());
		Reach reach = policy.reach(user, AccessAction.READ, Sessions.CATEGORY);
		List<RollCall.Line> lines = new ArrayList<>();
		List<ResidentScope> shown = new ArrayList<>();
		int hidden = 0;
		Set<UUID> expectedSet = new java.util.HashSet<>(roll);
		for (UUID resident : everyone) {
			Person person = people.get(resident);
			if (person == null || !reach.includes(resident, person.houseId())) {
				hidden++;
				continue;
			}
			lines.add(new RollCall.Line(resident, person.name(), expectedSet.contains(resident), marks.get(resident)));
			shown.add(new ResidentScope(resident, person.houseId()));
		}
		// the expected first, by name; then walk-ins and anyone marked who is no longer expected
		lines.sort(Comparator.comparing((RollCall.Line l) -> !l.expected()).thenComparing(RollCall.Line::name));
		policy.recordListed(user, Sessions.CATEGORY, RESOURCE, reach, shown);
		return new RollCall(occurrence, lines, hidden);
	}

	/**
	 * The occurrence, once the reader is found to take its roll: program staff, and then the director,
	 * a facilitator of the session, or staff of the session's house (anyone else is refused, recorded).
	 * A session of the whole program (no house) is open to program staff; each resident then passes
	 * the access policy on its own.
	 */
	private Occurrence takenBy(MilieuUser user, UUID sessionId, LocalDate occursOn, AccessAction action) {
		if (!(user.has(Role.ADMIN) || user.has(Role.CLINICIAN) || user.has(Role.STAFF))) {
			throw refused(user, sessionId, "roll calls are taken by program staff, not by " + user.getUsername());
		}
		ProgramId program = user.programId();
		boolean exists = jdbc.sql("select exists (select 1 from sessions_session where program_id = ? and id = ?)")
			.params(program.value(), sessionId).query(Boolean.class).single();
		if (!exists) {
			throw new RecordNotFound("Session", sessionId);
		}
		if (occursOn == null) {
			throw new RuleViolation("attendance.field.required", "date");
		}
		Occurrence occurrence = occurrences.occurrence(program, sessionId, occursOn)
			.orElseThrow(() -> new RuleViolation("attendance.occurrence.unknown", "date"));
		boolean facilitator = occurrence.facilitators().stream().anyMatch(f -> f.accountId().equals(user.accountId()));
		if (user.has(Role.ADMIN) || facilitator || occurrence.houseId() == null) {
			return occurrence;
		}
		Reach reach = policy.reach(user, action, Sessions.CATEGORY);
		if (!reach.everyone() && !reach.houses().contains(occurrence.houseId())) {
			throw refused(user, sessionId, "house " + occurrence.houseId() + " is not one " + user.getUsername()
					+ " works in, nor does " + user.getUsername() + " facilitate the session");
		}
		return occurrence;
	}

	private void markable(MilieuUser user, Occurrence occurrence, AttendanceStatus status) {
		if (occurrence.cancelled()) {
			throw new RuleViolation("attendance.occurrence.cancelled", "date");
		}
		LocalDate today = census.day(user.programId());
		LocalDate held = occurrence.start().toLocalDate();
		if (held.isAfter(today.plusDays(DAYS_AHEAD))) {
			throw new RuleViolation("attendance.occurrence.tooFarAhead", "date", DAYS_AHEAD);
		}
		if (held.isAfter(today) && status != AttendanceStatus.EXCUSED) {
			throw new RuleViolation("attendance.occurrence.notYet", "status");
		}
	}

	private AttendanceMark write(MilieuUser user, ProgramId program, Occurrence occurrence, UUID resident,
			AttendanceStatus status, String reason, boolean walkIn) {
		OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
		jdbc.sql("""
				insert into sessions_attendance (session_id, occurs_on, resident_id, program_id, status, reason, walk_in,
				    recorded_by, recorded_by_name, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (session_id, occurs_on, resident_id) do update set status = excluded.status,
				    reason = excluded.reason, walk_in = excluded.walk_in, recorded_by = excluded.recorded_by,
				    recorded_by_name = excluded.recorded_by_name, recorded_at = excluded.recorded_at""")
			.params(occurrence.sessionId(), occurrence.occursOn(), resident, program.value(), status.name(), reason, walkIn,
					user.accountId(), user.displayName(), now)
			.update();
		return new AttendanceMark(resident, status, reason, walkIn, user.accountId(), user.displayName(), now.toInstant());
	}

	/** The marks recorded at the occurrence, by resident. */
	Map<UUID, AttendanceMark> marks(UUID sessionId, LocalDate occursOn) {
		Map<UUID, AttendanceMark> marks = new LinkedHashMap<>();
		jdbc.sql("select * from sessions_attendance where session_id = ? and occurs_on = ?").params(sessionId, occursOn)
			.query(SessionAttendance::mark).list().forEach(m -> marks.put(m.residentId(), m));
		return marks;
	}

	private static AttendanceMark mark(ResultSet rs, int n) throws SQLException {
		return new AttendanceMark(rs.getObject("resident_id", UUID.class), AttendanceStatus.valueOf(rs.getString("status")),
				rs.getString("reason"), rs.getBoolean("walk_in"), rs.getObject("recorded_by", UUID.class),
				rs.getString("recorded_by_name"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
	}

	/** A resident's name and the house of their latest stay begun by that day, and whether they stayed in the program then. */
	private record Person(UUID id, String name, UUID houseId, boolean staying) {
	}

	private Map<UUID, Person> people(ProgramId program, java.util.Collection<UUID> ids, LocalDate on) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<UUID, Person> people = new HashMap<>();
		jdbc.sql("""
				select r.id, coalesce(r.preferred_name, r.given_name) || ' ' || r.family_name as name, s.house_id,
				    coalesce(s.admitted_on <= ? and (s.discharged_on is null or s.discharged_on > ?), false) as staying
				from residents_resident r
				left join lateral (select house_id, admitted_on, discharged_on from residents_stay st
				    where st.resident_id = r.id and st.admitted_on <= ? order by st.admitted_on desc limit 1) s on true
				where r.program_id = ? and r.id = any(?)""")
			.params(on, on, on, program.value(), ids.toArray(UUID[]::new))
			.query((rs, n) -> new Person(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("house_id", UUID.class),
					rs.getBoolean("staying")))
			.list().forEach(p -> people.put(p.id(), p));
		return people;
	}

	private AccessDeniedException refused(MilieuUser user, UUID sessionId, String reason) {
		trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)
			.on(RESOURCE, sessionId).saying("roll call refused: " + reason));
		return new AccessDeniedException(reason);
	}
}
