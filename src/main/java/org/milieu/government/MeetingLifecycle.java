package org.milieu.government;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.MilieuUser;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Running a meeting: it opens (from an hour before its start), takes one item at a time, the
 * secretary writes notes on each item and marks it discussed, and it closes. Closing carries
 * every item still open over to the top of the next meeting of the same house (or of the whole
 * program), scheduling the next regular meeting if there is none. Who may run a meeting is
 * decided in one place, {@link #requireMayRun}. Nothing is deleted: an item carried over keeps its
 * status and the new item points to it.
 */
@Service
public class MeetingLifecycle {

	/** How long before its start a meeting may be opened. */
	static final Duration OPENS_BEFORE = Duration.ofHours(1);

	static final int NOTES_MAX = 4000;

	private final JdbcClient jdbc;

	private final Meetings meetings;

	private final RegularMeetings regular;

	private final AuditTrail trail;

	private final Clock clock;

	private final Officers officers;

	private final Motions motions;

	private final MeetingAttendance attendance;

	MeetingLifecycle(JdbcClient jdbc, Meetings meetings, RegularMeetings regular, AuditTrail trail, Clock clock,
			Officers officers, Motions motions, MeetingAttendance attendance) {
		this.attendance = attendance;
		this.officers = officers;
		this.motions = motions;
		this.jdbc = jdbc;
		this.meetings = meetings;
		this.regular = regular;
		this.trail = trail;
		this.clock = clock;
	}

	/**
	 * Opens a scheduled meeting and takes its first open item. Refused, changing nothing, when the
	 * meeting is not scheduled ({@code meetingId}) or starts more than an hour from now ({@code startsAt}).
	 */
	@Transactional
	public Meeting open(MilieuUser user, UUID meetingId) {
		Meeting meeting = locked(user.programId(), meetingId);
		requireMayRun(user, meeting, "OPEN");
		if (meeting.status() != MeetingStatus.SCHEDULED) {
			throw new RuleViolation("meeting.open.not-scheduled", "meetingId");
		}
		Instant now = clock.instant();
		if (now.isBefore(meeting.startsAt().minus(OPENS_BEFORE))) {
			throw new RuleViolation("meeting.open.too-early", "startsAt");
		}
		UUID first = jdbc.sql("select id from government_agenda_item where meeting_id = ? and status = 'OPEN' "
				+ "order by position, submitted_at limit 1").param(meetingId).query(UUID.class).optional().orElse(null);
		jdbc.sql("update government_meeting set status = 'OPEN', opened_at = ?, opened_by = ?, current_item_id = ? "
				+ "where id = ?").params(Timestamp.from(now), user.getUsername(), first, meetingId).update();
		audit(user, AuditAction.UPDATE, "Meeting", meetingId, "opened");
		return meetings.read(user, meetingId);
	}

	/**
	 * Closes an open meeting ({@code meetingId} when it is not open) and carries the items still
	 * open over to the next meeting of the same house or the whole program, at the top of its
	 * agenda in the same order; when there is no next meeting, the next regular one is scheduled.
	 * The roll call is completed: members neither present nor excused are recorded absent.
	 */
	@Transactional
	public MeetingClosed close(MilieuUser user, UUID meetingId) {
		Meeting meeting = locked(user.programId(), meetingId);
		requireMayRun(user, meeting, "CLOSE");
		if (meeting.status() != MeetingStatus.OPEN) {
			throw new RuleViolation("meeting.close.not-open", "meetingId");
		}
		motions.lapseAtClose(user, meetingId);
		attendance.recordAbsentAtClose(user, meeting);
		Instant now = clock.instant();
		jdbc.sql("update government_meeting set status = 'CLOSED', closed_at = ?, closed_by = ?, current_item_id = null "
				+ "where id = ?").params(Timestamp.from(now), user.getUsername(), meetingId).update();
		audit(user, AuditAction.UPDATE, "Meeting", meetingId, "closed");
		List<AgendaItem> open = jdbc.sql("select id, kind, title, description, submitted_by, submitted_by_resident, "
				+ "submitted_at from government_agenda_item where meeting_id = ? and status = 'OPEN' "
				+ "order by position, submitted_at")
			.param(meetingId)
			.query((rs, n) -> new AgendaItem(rs.getObject("id", UUID.class), meetingId,
					AgendaItemKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("description"),
					rs.getString("submitted_by"), rs.getObject("submitted_by_resident", UUID.class), n + 1,
					AgendaItemStatus.OPEN, rs.getTimestamp("submitted_at").toInstant(), null, null))
			.list();
		if (open.isEmpty()) {
			return new MeetingClosed(meetingId, null, List.of());
		}
		UUID next = nextMeeting(user.programId(), meeting);
		if (next == null) {
			Instant after = meeting.startsAt().isAfter(now) ? meeting.startsAt() : now;
			next = regular.scheduleNext(user.programId(), meeting.houseId(), after);
		}
		// the next meeting's agenda moves down to make room at the top
		jdbc.sql("select id from government_meeting where id = ? for update").param(next).query(UUID.class).single();
		jdbc.sql("update government_agenda_item set position = position + ? where meeting_id = ?")
			.params(open.size(), next).update();
		List<UUID> carried = new ArrayList<>();
		List<AuditEntry> entries = new ArrayList<>();
		for (AgendaItem item : open) {
			UUID id = UUID.randomUUID();
			jdbc.sql("""
					insert into government_agenda_item (id, meeting_id, kind, title, description, submitted_by,
					                                    submitted_by_resident, position, status, submitted_at, carried_from)
					values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
				.params(id, next, item.kind().name(), item.title(), item.description(), item.submittedBy(),
						item.submittedByResident(), item.position(), Timestamp.from(item.submittedAt()), item.id())
				.update();
			jdbc.sql("update government_agenda_item set status = 'CARRIED_OVER' where id = ?").param(item.id()).update();
			carried.add(id);
			entries.add(AuditEntry.of(user.actor(), AuditAction.CREATE, AuditOutcome.SUCCESS)
				.about(item.submittedByResident(), DataCategory.GOVERNMENT).on("AgendaItem", id)
				.saying("carried over from " + item.id()));
		}
		trail.recordAll(entries);
		return new MeetingClosed(meetingId, next, List.copyOf(carried));
	}

	/**
	 * Marks which item of an open meeting is being taken now. Refused when the meeting is not open
	 * ({@code meetingId}) or the item is missing, of another meeting or carried over ({@code itemId}).
	 */
	@Transactional
	public Meeting takeItem(MilieuUser user, UUID meetingId, UUID itemId) {
		Meeting meeting = locked(user.programId(), meetingId);
		requireMayRun(user, meeting, "UPDATE");
		if (meeting.status() != MeetingStatus.OPEN) {
			throw new RuleViolation("meeting.current-item.not-open", "meetingId");
		}
		String status = itemId == null ? null : jdbc.sql("select status from government_agenda_item where id = ? "
				+ "and meeting_id = ?").params(itemId, meetingId).query(String.class).optional().orElse(null);
		if (status == null || AgendaItemStatus.CARRIED_OVER.name().equals(status)) {
			throw new RuleViolation("meeting.current-item.unknown", "itemId");
		}
		jdbc.sql("update government_meeting set current_item_id = ? where id = ?").params(itemId, meetingId).update();
		audit(user, AuditAction.UPDATE, "Meeting", meetingId, "taking item " + itemId);
		return meetings.read(user, meetingId);
	}

	/**
	 * The secretary's notes on an item (up to 4000 characters, {@code notes}), and whether it has
	 * been discussed (left as it is when not given). Refused on a closed meeting ({@code meetingId}).
	 */
	@Transactional
	public AgendaItem writeNotes(MilieuUser user, UUID itemId, String notes, Boolean discussed) {
		UUID meetingId = jdbc.sql("select i.meeting_id from government_agenda_item i join government_meeting m "
				+ "on m.id = i.meeting_id where i.id = ? and m.program_id = ?")
			.params(itemId, user.programId().value()).query(UUID.class).optional()
			.orElseThrow(() -> new RecordNotFound("AgendaItem", itemId));
		Meeting meeting = locked(user.programId(), meetingId);
		if (!officers.mayKeepRecord(user, meeting.houseId())) {
			requireMayRun(user, meeting, "UPDATE");
		}
		if (meeting.status() == MeetingStatus.CLOSED) {
			throw new RuleViolation("meeting.notes.closed", "meetingId");
		}
		String text = notes == null || notes.isBlank() ? null : notes.strip();
		if (text != null && text.length() > NOTES_MAX) {
			throw new RuleViolation("meeting.notes.long", "notes", NOTES_MAX);
		}
		String status = discussed == null ? null : discussed ? AgendaItemStatus.DISCUSSED.name() : AgendaItemStatus.OPEN.name();
		jdbc.sql("update government_agenda_item set notes = ?, notes_by = ?, notes_at = ?, status = coalesce(?::text, status) "
				+ "where id = ?")
			.params(text, user.getUsername(), Timestamp.from(clock.instant()), status, itemId).update();
		UUID resident = jdbc.sql("select submitted_by_resident from government_agenda_item where id = ?").param(itemId)
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, UUID.class))).single().orElse(null);
		trail.record(AuditEntry.of(user.actor(), AuditAction.UPDATE, AuditOutcome.SUCCESS)
			.about(resident, DataCategory.GOVERNMENT).on("AgendaItem", itemId)
			.saying(status == null ? "notes" : "notes; " + status));
		return meetings.read(user, meetingId).agenda().stream().filter(i -> i.id().equals(itemId)).findFirst()
			.orElseThrow();
	}

	/**
	 * Who may run a meeting (open, close, take an item): staff, or the chair of the meeting's house
	 * today; the secretary may also write the notes. A refusal is audited.
	 */
	void requireMayRun(MilieuUser user, Meeting meeting, String action) {
		if (officers.mayChair(user, meeting.houseId())) {
			return;
		}
		String reason = "meetings are run by staff or the chair, not by " + user.getUsername();
		trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)
			.about(null, DataCategory.GOVERNMENT).on("Meeting", meeting.id()).saying(action + " refused: " + reason));
		throw new AccessDeniedException(reason);
	}

	/** The meeting, locked for the rest of the transaction so that two changes to it take turns. */
	private Meeting locked(ProgramId program, UUID meetingId) {
		meetings.meeting(program, meetingId);
		jdbc.sql("select id from government_meeting where id = ? for update").param(meetingId).query(UUID.class).single();
		return meetings.meeting(program, meetingId);
	}

	/** The next meeting not yet closed of the same house (or of the whole program), after this one starts. */
	private UUID nextMeeting(ProgramId program, Meeting meeting) {
		return jdbc.sql("select id from government_meeting where program_id = ? and house_id is not distinct from ?::uuid "
				+ "and status <> 'CLOSED' and id <> ? and starts_at > ? order by starts_at limit 1")
			.params(program.value(), meeting.houseId(), meeting.id(), Timestamp.from(meeting.startsAt()))
			.query(UUID.class).optional().orElse(null);
	}

	private void audit(MilieuUser user, AuditAction action, String type, UUID id, String what) {
		trail.record(AuditEntry.of(user.actor(), action, AuditOutcome.SUCCESS).about(null, DataCategory.GOVERNMENT)
			.on(type, id).saying(what));
	}
}
