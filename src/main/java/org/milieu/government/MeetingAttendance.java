package org.milieu.government;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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

	/**
	 * Replaces the list of residents present. Refused, storing nothing, when the meeting is closed
	 * ({@code meetingId}) or when the list is missing or names someone who does not belong to the
	 * meeting today ({@code present}). Each resident who comes or goes is audited.
	 */
	@Transactional
	public Set<UUID> record(MilieuUser user, UUID meetingId, List<UUID> present) {
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
		Set<UUID> wanted = new LinkedHashSet<>();
		for (UUID resident : present) {
			if (resident == null || !members.contains(resident)) {
				throw new RuleViolation("meeting.attendance.not-member", "present", String.valueOf(resident));
			}
			wanted.add(resident);
		}
		// serialise changes to one meeting's attendance
		jdbc.sql("select id from government_meeting where id = ? for update").param(meetingId).query(UUID.class).single();
		Set<UUID> before = present(meetingId);
		Instant now = clock.instant();
		List<AuditEntry> changes = new ArrayList<>();
		for (UUID gone : before) {
			if (!wanted.contains(gone)) {
				jdbc.sql("delete from government_attendance where meeting_id = ? and resident_id = ?")
					.params(meetingId, gone).update();
				changes.add(change(user, gone, meetingId, "no longer present"));
			}
		}
		for (UUID came : wanted) {
			if (!before.contains(came)) {
				jdbc.sql("""
						insert into government_attendance (meeting_id, resident_id, recorded_by, recorded_at)
						values (?, ?, ?, ?)""")
					.params(meetingId, came, user.getUsername(), Timestamp.from(now)).update();
				changes.add(change(user, came, meetingId, "present"));
			}
		}
		trail.recordAll(changes);
		return present(meetingId);
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
				+ "order by recorded_at, resident_id").param(meetingId).query(UUID.class).list());
	}

	/** The quorum of a meeting as it stands: its members today, those of them present, and how many it needs. */
	@Transactional(readOnly = true)
	public Quorum quorum(ProgramId program, UUID meetingId) {
		Meeting meeting = meetings.meeting(program, meetingId);
		Set<UUID> members = new LinkedHashSet<>();
		members(program, meeting).forEach(e -> members.add(e.residentId()));
		int present = (int) present(meetingId).stream().filter(members::contains).count();
		return Quorum.of(present, members.size(), settings.of(program).quorumPercent());
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
