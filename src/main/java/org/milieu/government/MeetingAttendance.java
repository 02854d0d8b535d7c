package org.milieu.government;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is present at a meeting, and whether that makes a quorum. The list of those present is
 * kept (and replaced as people come and go) by staff; who may keep it is decided in one place,
 * {@link #requireMayKeepAttendance}. Only residents who belong to the meeting today may be listed:
 * its house's residents, or any resident in a house for a whole-program meeting. Presence at a
 * meeting is the resident's {@link DataCategory#GOVERNMENT} data: each change is audited per
 * resident, and so is each read of the list by a person.
 */
@Service
public class MeetingAttendance {

	static final String PRESENT = "PRESENT";

	static final String EXCUSED = "EXCUSED";

	private final JdbcClient jdbc;

	private final Meetings meetings;

	private final GovernmentSettings settings;

	private final Census census;

	private final AccessPolicy policy;

	private final AuditTrail trail;

	private final Clock clock;

	private final Officers officers;

	MeetingAttendance(JdbcClient jdbc, Meetings meetings, GovernmentSettings settings, Census census,
			AccessPolicy policy, AuditTrail trail, Clock clock, Officers officers) {
		this.officers = officers;
		this.jdbc = jdbc;
		this.meetings = meetings;
		this.settings = settings;
		this.census = census;
		this.policy = policy;
		this.trail = trail;
		this.clock = clock;
	}

	/** Replaces the list of residents present, leaving those excused as they are (except anyone now present). */
	@Transactional
	public Set<UUID> record(MilieuUser user, UUID meetingId, List<UUID> present) {
		return record(user, meetingId, present, null);
	}

	/**
	 * Replaces the roll call: the residents present, and those excused ({@code null} leaves the
	 * excused as they are, except anyone now present). A resident who leaves early counts as the
	 * chair records them: still present, excused, or taken off the list (then absent at the close).
	 * Refused, storing nothing, when the meeting is closed ({@code meetingId}), when the list of
	 * those present is missing or either list names someone who does not belong to the meeting
	 * today ({@code present}, {@code excused}), or someone is on both ({@code excused}). Each
	 * resident whose place on the roll changes is audited.
	 */
	@Transactional
	public Set<UUID> record(MilieuUser user, UUID meetingId, List<UUID> present, List<UUID> excused) {
		Meeting meeting = meetings.meeting(user.programId(), meetingId);
		requireMayKeepAttendance(user, meeting);
		if (meeting.status() == MeetingStatus.CLOSED) {
			throw new RuleViolation("meeting.attendance.closed", "meetingId");
		}
		if (present == null) {
			throw new RuleViolation("meeting.attendance.required", "present");
		}
		Set<UUID> members = new LinkedHashSet<>();
		members(user.programId(), meeting).forEach(e -> members.add(e.residentId()));
		Map<UUID, String> wanted = new LinkedHashMap<>();
		for (UUID resident : present) {
			if (resident == null || !members.contains(resident)) {
				throw new RuleViolation("meeting.attendance.not-member", "present", String.valueOf(resident));
			}
			wanted.put(resident, PRESENT);
		}
		// serialise changes to one meeting's attendance
		jdbc.sql("select id from government_meeting where id = ? for update").param(meetingId).query(UUID.class).single();
		Map<UUID, String> before = roll(meetingId);
		List<UUID> stillExcused = excused != null ? excused
				: before.entrySet().stream().filter(e -> EXCUSED.equals(e.getValue())).map(Map.Entry::getKey)
					.filter(r -> !wanted.containsKey(r)).toList();
		for (UUID resident : stillExcused) {
			if (resident == null || !members.contains(resident)) {
				throw new RuleViolation("meeting.attendance.not-member", "excused", String.valueOf(resident));
			}
			if (PRESENT.equals(wanted.get(resident))) {
				throw new RuleViolation("meeting.attendance.present-and-excused", "excused", String.valueOf(resident));
			}
			wanted.put(resident, EXCUSED);
		}
		Instant now = clock.instant();
		List<AuditEntry> changes = new ArrayList<>();
		List<String> gone = new ArrayList<>();
		for (Map.Entry<UUID, String> was : before.entrySet()) {
			if (!wanted.containsKey(was.getKey())) {
				gone.add(was.getKey().toString());
				changes.add(change(user, was.getKey(), meetingId,
						PRESENT.equals(was.getValue()) ? "no longer present" : "no longer excused"));
			}
		}
		List<String> residents = new ArrayList<>();
		List<String> statuses = new ArrayList<>();
		for (Map.Entry<UUID, String> place : wanted.entrySet()) {
			if (!place.getValue().equals(before.get(place.getKey()))) {
				residents.add(place.getKey().toString());
				statuses.add(place.getValue());
				changes.add(change(user, place.getKey(), meetingId, PRESENT.equals(place.getValue()) ? "present" : "excused"));
			}
		}
		// the whole roll call in two statements, however many residents it changes
		if (!gone.isEmpty()) {
			jdbc.sql("delete from government_attendance where meeting_id = ? and resident_id = any(?::uuid[])")
				.params(meetingId, gone.toArray(String[]::new)).update();
		}
		if (!residents.isEmpty()) {
			jdbc.sql("""
					insert into government_attendance (meeting_id, resident_id, recorded_by, recorded_at, status)
					select ?, r.resident::uuid, ?, ?, r.status from unnest(?::text[], ?::text[]) as r(resident, status)
					on conflict (meeting_id, resident_id) do update
					   set status = excluded.status, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""")
				.params(meetingId, user.getUsername(), Timestamp.from(now), residents.toArray(String[]::new),
						statuses.toArray(String[]::new))
				.update();
		}
		trail.recordAll(changes);
		return present(meetingId);
	}

	/**
	 * Completes the roll call when a meeting closes: every member of the meeting today who is
	 * neither present nor excused is recorded absent, audited per resident. The closed roll is what
	 * the evidence for levels reads ({@link MeetingFacts}).
	 */
	@Transactional
	void recordAbsentAtClose(MilieuUser user, Meeting meeting) {
		Map<UUID, String> before = roll(meeting.id());
		Instant now = clock.instant();
		List<AuditEntry> changes = new ArrayList<>();
		List<String> absent = new ArrayList<>();
		for (CensusEntry member : members(user.programId(), meeting)) {
			if (!before.containsKey(member.residentId())) {
				absent.add(member.residentId().toString());
				changes.add(change(user, member.residentId(), meeting.id(), "absent at the close"));
			}
		}
		if (!absent.isEmpty()) {
			jdbc.sql("""
					insert into government_attendance (meeting_id, resident_id, recorded_by, recorded_at, status)
					select ?, r::uuid, ?, ?, 'ABSENT' from unnest(?::text[]) as r""")
				.params(meeting.id(), user.getUsername(), Timestamp.from(now), absent.toArray(String[]::new)).update();
		}
		trail.recordAll(changes);
	}

	/** The residents recorded as excused, for the roll call's answers; whoever shows it to a person audits it. */
	@Transactional(readOnly = true)
	public Set<UUID> excused(UUID meetingId) {
		return new LinkedHashSet<>(jdbc.sql("select resident_id from government_attendance where meeting_id = ? "
				+ "and status = 'EXCUSED' order by recorded_at, resident_id").param(meetingId).query(UUID.class).list());
	}

	private Map<UUID, String> roll(UUID meetingId) {
		Map<UUID, String> roll = new LinkedHashMap<>();
		jdbc.sql("select resident_id, status from government_attendance where meeting_id = ? order by recorded_at, resident_id")
			.param(meetingId).query((ResultSet rs) -> {
				roll.put(rs.getObject(1, UUID.class), rs.getString(2));
			});
		return roll;
	}

	/**
	 * Those present as a person reads them with a meeting (who may read the meeting is decided by
	 * {@link Meetings#read}); each resident shown is audited as read.
	 */
	@Transactional
	public Set<UUID> shown(MilieuUser user, UUID meetingId) {
		Set<UUID> present = present(meetingId);
		List<AuditEntry> reads = new ArrayList<>();
		for (UUID resident : present) {
			reads.add(AuditEntry.of(user.actor(), AuditAction.READ, AuditOutcome.SUCCESS)
				.about(resident, DataCategory.GOVERNMENT).on("MeetingAttendance", meetingId));
		}
		trail.recordAll(reads);
		return present;
	}

	/**
	 * Those excused as a person reads them with a meeting (the roll call shows them); each resident
	 * shown is audited as read, as {@link #shown} does for those present.
	 */
	@Transactional
	public Set<UUID> shownExcused(MilieuUser user, UUID meetingId) {
		Set<UUID> excused = excused(meetingId);
		List<AuditEntry> reads = new ArrayList<>();
		for (UUID resident : excused) {
			reads.add(AuditEntry.of(user.actor(), AuditAction.READ, AuditOutcome.SUCCESS)
				.about(resident, DataCategory.GOVERNMENT).on("MeetingAttendance", meetingId).saying("excused"));
		}
		trail.recordAll(reads);
		return excused;
	}

	/**
	 * The members whose names the roll-call checklist shows: for staff, those the census shows them
	 * (the access policy decides); for the chair, every member of their meeting, each audited as
	 * read; anyone else is refused.
	 */
	@Transactional
	public List<CensusEntry> roll(MilieuUser user, UUID meetingId) {
		Meeting meeting = meetings.meeting(user.programId(), meetingId);
		if (Membership.staff(user)) {
			return census.today(user, meeting.houseId());
		}
		requireMayKeepAttendance(user, meeting);
		List<CensusEntry> members = members(user.programId(), meeting);
		List<AuditEntry> reads = new ArrayList<>();
		for (CensusEntry member : members) {
			reads.add(AuditEntry.of(user.actor(), AuditAction.READ, AuditOutcome.SUCCESS)
				.about(member.residentId(), DataCategory.GOVERNMENT).on("MeetingAttendance", meetingId).saying("roll call by the chair"));
		}
		trail.recordAll(reads);
		return members;
	}

	/**
	 * The residents recorded as present, for other services of client government (the ballots ask
	 * who may vote); nothing is audited here, so whoever shows the list to a person audits it.
	 */
	@Transactional(readOnly = true)
	public Set<UUID> present(UUID meetingId) {
		return new LinkedHashSet<>(jdbc.sql("select resident_id from government_attendance where meeting_id = ? "
				+ "and status = 'PRESENT' order by recorded_at, resident_id").param(meetingId).query(UUID.class).list());
	}

	/** The quorum of a meeting as it stands: its members today, those of them present, and how many it needs. */
	@Transactional(readOnly = true)
	public Quorum quorum(ProgramId program, UUID meetingId) {
		return quorum(program, meetingId, present(meetingId));
	}

	/**
	 * The quorum with who is present already read (a ballot reads it once for both checks). Counts the
	 * members from the stays alone: a ballot asks for it, and the census lines with names and beds of a
	 * whole program are not needed for a count.
	 */
	@Transactional(readOnly = true)
	public Quorum quorum(ProgramId program, UUID meetingId, Set<UUID> present) {
		Meeting meeting = meetings.meeting(program, meetingId);
		Set<UUID> members = new LinkedHashSet<>();
		census.housesToday(program).forEach((resident, house) -> {
			if (meeting.wholeProgram() || meeting.houseId().equals(house)) {
				members.add(resident);
			}
		});
		int counted = (int) present.stream().filter(members::contains).count();
		return Quorum.of(counted, members.size(), settings.of(program).quorumPercent());
	}

	/** The residents who belong to the meeting today: its house's, or everyone in a house for the whole program. */
	List<CensusEntry> members(ProgramId program, Meeting meeting) {
		return census.today(program).stream()
			.filter(e -> meeting.wholeProgram() || meeting.houseId().equals(e.houseId()))
			.toList();
	}

	/**
	 * Who may keep a meeting's attendance: the staff roles, through the access policy's rule for
	 * lists of residents. The one place to let the meeting's chair do it too.
	 */
	void requireMayKeepAttendance(MilieuUser user, Meeting meeting) {
		if (Membership.staff(user)) {
			policy.enforceListing(user, DataCategory.GOVERNMENT, "MeetingAttendance");
			return;
		}
		if (officers.mayChair(user, meeting.houseId())) {
			// the chair calls the roll of their own meeting; each coming and going is audited below
			return;
		}
		String reason = "attendance is kept by staff, not by " + user.getUsername();
		trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)
			.about(null, DataCategory.GOVERNMENT).on("MeetingAttendance", meeting.id()).saying("UPDATE refused: " + reason));
		throw new AccessDeniedException(reason);
	}

	private static AuditEntry change(MilieuUser user, UUID resident, UUID meetingId, String what) {
		return AuditEntry.of(user.actor(), AuditAction.UPDATE, AuditOutcome.SUCCESS)
			.about(resident, DataCategory.GOVERNMENT).on("MeetingAttendance", meetingId).saying(what);
	}
}
