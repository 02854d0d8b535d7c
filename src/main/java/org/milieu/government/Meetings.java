package org.milieu.government;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.platform.Programs;
import org.milieu.residents.Houses;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.milieu.shared.Keyset;
import org.milieu.shared.PageRequest;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.Slice;
import org.milieu.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Community meetings and their agenda. Staff schedule meetings, of one house or of the whole
 * program, never in the past. Anyone of the community puts items on the agenda until the meeting
 * closes: staff on any meeting of the program, a resident on a meeting of their own house or of
 * the whole program. A resident's item is their own record in {@link DataCategory#GOVERNMENT}: its
 * writing passes the access policy with the resident as its subject, and each read of it is
 * audited. Meetings and items are never deleted.
 */
@Service
public class Meetings {

	private static final String MEETING = "id, house_id, kind, title, starts_at, status, created_by, created_at, current_item_id";

	private static final String ITEM = "id, meeting_id, kind, title, description, submitted_by, submitted_by_resident, "
			+ "position, status, submitted_at, notes, carried_from";

	private final JdbcClient jdbc;

	private final Houses houses;

	private final AccessPolicy policy;

	private final AuditTrail trail;

	private final Clock clock;

	private final Programs programs;

	private final Officers officers;

	private final Membership membership;

	Meetings(JdbcClient jdbc, Houses houses, AccessPolicy policy, AuditTrail trail, Clock clock,
			Officers officers, Membership membership, Programs programs) {
		this.officers = officers;
		this.membership = membership;
		this.jdbc = jdbc;
		this.houses = houses;
		this.policy = policy;
		this.trail = trail;
		this.clock = clock;
		this.programs = programs;
	}

	/**
	 * Schedules a meeting (staff roles only). Refused, storing nothing, when the title is blank
	 * ({@code title}), the kind is missing ({@code kind}), or it would start in the past ({@code startsAt}).
	 */
	@Transactional
	public Meeting schedule(MilieuUser user, ScheduleMeeting command) {
		requireStaff(user, "Meeting", null, "CREATE");
		ProgramId program = user.programId();
		if (command.houseId() != null) {
			houses.find(program, command.houseId());
		}
		if (command.kind() == null) {
			throw new RuleViolation("meeting.kind.required", "kind");
		}
		String title = requireTitle(command.title(), "meeting.title.blank");
		Instant now = clock.instant();
		if (command.startsAt() == null || command.startsAt().isBefore(now)) {
			throw new RuleViolation("meeting.starts-at.past", "startsAt");
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into government_meeting (id, program_id, house_id, kind, title, starts_at, status, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, 'SCHEDULED', ?, ?)""")
			.params(id, program.value(), command.houseId(), command.kind().name(), title,
					Timestamp.from(command.startsAt()), user.getUsername(), Timestamp.from(now))
			.update();
		trail.record(AuditEntry.of(user.actor(), AuditAction.CREATE, AuditOutcome.SUCCESS)
			.about(null, DataCategory.GOVERNMENT).on("Meeting", id));
		return meeting(program, id).with(List.of());
	}

	/** One meeting with its agenda; each item a resident submitted is audited as read. */
	@Transactional
	public Meeting read(MilieuUser user, UUID meetingId) {
		Meeting meeting = meeting(user.programId(), meetingId);
		requireMember(user, meeting, "READ");
		return meeting.with(agenda(user, meeting.id()));
	}

	/**
	 * The meetings from the start of today on, soonest first, with their agenda: all of the
	 * program's for staff, a resident's house's and the whole program's for a resident.
	 */
	@Transactional
	public List<Meeting> upcoming(MilieuUser user) {
		UUID house = null;
		if (!Membership.staff(user)) {
			house = membership.residentHouse(user, "Meeting", null);
		}
		Instant since = clock.instant().minus(java.time.Duration.ofHours(12));
		List<Meeting> found = jdbc.sql("select " + MEETING + " from government_meeting where program_id = ? and starts_at >= ? "
				+ "and (?::uuid is null or house_id is null or house_id = ?::uuid) order by starts_at, title limit 50")
			.params(user.programId().value(), Timestamp.from(since), house, house).query(Meetings::meeting).list();
		List<Meeting> withAgenda = new ArrayList<>();
		for (Meeting m : found) {
			withAgenda.add(m.with(agenda(user, m.id())));
		}
		return withAgenda;
	}

	/**
	 * A page of the program's meetings, latest start first (ties by id), without their agenda: all of
	 * them for staff, for a resident those of their own house and of the whole program (anyone else is
	 * refused, as on the meetings page). Filters: one house ({@code houseId}, program-wide meetings
	 * are of no house), a status, and the days it starts on, {@code from} and {@code to} both included (the program's calendar
	 * days). Reads nothing of a resident.
	 */
	@Transactional(readOnly = true)
	public Slice<Meeting> list(MilieuUser user, UUID houseId, MeetingStatus status, java.time.LocalDate from,
			java.time.LocalDate to, PageRequest page) {
		UUID ownHouse = Membership.staff(user) ? null : membership.residentHouse(user, "Meeting", null);
		StringBuilder sql = new StringBuilder("select " + MEETING + " from government_meeting where program_id = ?");
		List<Object> params = new ArrayList<>(List.of(user.programId().value()));
		if (ownHouse != null) {
			sql.append(" and (house_id is null or house_id = ?)");
			params.add(ownHouse);
		}
		if (houseId != null) {
			sql.append(" and house_id = ?");
			params.add(houseId);
		}
		if (status != null) {
			sql.append(" and status = ?");
			params.add(status.name());
		}
		Programs.Days days = programs.days(user.programId(), from, to);
		if (from != null) {
			sql.append(" and starts_at >= ?");
			params.add(Timestamp.from(days.start()));
		}
		if (to != null) {
			sql.append(" and starts_at < ?");
			params.add(Timestamp.from(days.end()));
		}
		if (page.after() != null) {
			sql.append(" and (starts_at, id) < (?, ?)");
			params.add(Timestamp.from(page.after().instant()));
			params.add(page.after().id());
		}
		sql.append(" order by starts_at desc, id desc limit ?");
		params.add(page.fetch());
		List<Meeting> rows = jdbc.sql(sql.toString()).params(params).query(Meetings::meeting).list();
		return page.slice(rows, m -> Keyset.of(m.startsAt(), m.id()));
	}

	/**
	 * Puts an item at the end of a meeting's agenda. Refused, storing nothing, when the meeting is
	 * closed ({@code meetingId}), the title is blank ({@code title}) or the kind is missing
	 * ({@code kind}); a resident outside the meeting's house is refused access, and the refusal audited.
	 */
	@Transactional
	public AgendaItem submit(MilieuUser user, UUID meetingId, SubmitAgendaItem command) {
		Meeting meeting = meeting(user.programId(), meetingId);
		UUID id = UUID.randomUUID();
		UUID residentHouse = requireMember(user, meeting, "CREATE");
		if (meeting.status() == MeetingStatus.CLOSED) {
			throw new RuleViolation("agenda.meeting.closed", "meetingId");
		}
		if (command.kind() == null) {
			throw new RuleViolation("agenda.kind.required", "kind");
		}
		String title = requireTitle(command.title(), "agenda.title.blank");
		String description = command.description() == null || command.description().isBlank() ? null
				: command.description().strip();
		UUID resident = null;
		if (Membership.staff(user)) {
			trail.record(AuditEntry.of(user.actor(), AuditAction.CREATE, AuditOutcome.SUCCESS)
				.about(null, DataCategory.GOVERNMENT).on("AgendaItem", id));
		}
		else {
			resident = user.residentId();
			policy.enforce(user, AuditAction.CREATE, DataCategory.GOVERNMENT, new ResidentScope(resident, residentHouse),
					"AgendaItem", id);
		}
		// serialise submissions to one meeting so positions stay distinct
		jdbc.sql("select id from government_meeting where id = ? for update").param(meetingId).query(UUID.class).single();
		int position = jdbc.sql("select coalesce(max(position), 0) + 1 from government_agenda_item where meeting_id = ?")
			.param(meetingId).query(Integer.class).single();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into government_agenda_item (id, meeting_id, kind, title, description, submitted_by,
				                                    submitted_by_resident, position, status, submitted_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
			.params(id, meetingId, command.kind().name(), title, description, user.getUsername(), resident, position,
					Timestamp.from(now))
			.update();
		return new AgendaItem(id, meetingId, command.kind(), title, description, user.getUsername(), resident, position,
				AgendaItemStatus.OPEN, now, null, null);
	}

	/**
	 * Puts a meeting's agenda in a new order (staff, the chair or the secretary). {@code order} must name each
	 * item of the agenda exactly once ({@code order}); a closed meeting's agenda stays as it was.
	 */
	@Transactional
	public Meeting reorder(MilieuUser user, UUID meetingId, List<UUID> order) {
		Meeting meeting = meeting(user.programId(), meetingId);
		if (!officers.mayChair(user, meeting.houseId()) && !officers.mayKeepRecord(user, meeting.houseId())) {
			requireStaff(user, "Meeting", meetingId, "UPDATE");
		}
		if (meeting.status() == MeetingStatus.CLOSED) {
			throw new RuleViolation("agenda.meeting.closed", "meetingId");
		}
		Set<UUID> items = new HashSet<>(jdbc.sql("select id from government_agenda_item where meeting_id = ?")
			.param(meetingId).query(UUID.class).list());
		if (order.size() != items.size() || !items.equals(new HashSet<>(order))) {
			throw new RuleViolation("agenda.order.incomplete", "order");
		}
		for (int i = 0; i < order.size(); i++) {
			jdbc.sql("update government_agenda_item set position = ? where id = ?").params(i + 1, order.get(i)).update();
		}
		trail.record(AuditEntry.of(user.actor(), AuditAction.UPDATE, AuditOutcome.SUCCESS)
			.about(null, DataCategory.GOVERNMENT).on("Meeting", meetingId).saying("agenda reordered"));
		return meeting.with(agenda(user, meetingId));
	}

	private List<AgendaItem> agenda(MilieuUser user, UUID meetingId) {
		List<AgendaItem> items = jdbc.sql("select " + ITEM + " from government_agenda_item where meeting_id = ? "
				+ "order by position, submitted_at").param(meetingId).query(Meetings::item).list();
		List<AuditEntry> reads = new ArrayList<>();
		for (AgendaItem item : items) {
			if (item.submittedByResident() != null) {
				reads.add(AuditEntry.of(user.actor(), AuditAction.READ, AuditOutcome.SUCCESS)
					.about(item.submittedByResident(), DataCategory.GOVERNMENT).on("AgendaItem", item.id()));
			}
		}
		trail.recordAll(reads);
		return items;
	}

	private UUID requireMember(MilieuUser user, Meeting meeting, String action) {
		return membership.requireMember(user, meeting.houseId(), "Meeting", meeting.id(), action);
	}

	private void requireStaff(MilieuUser user, String type, UUID id, String action) {
		if (!Membership.staff(user)) {
			membership.refuse(user, type, id, action, "meetings are scheduled and ordered by staff, not by " + user.getUsername());
		}
	}

	private static String requireTitle(String title, String key) {
		if (title == null || title.isBlank()) {
			throw new RuleViolation(key, "title");
		}
		if (title.strip().length() > 200) {
			throw new RuleViolation(key.replace(".blank", ".long"), "title", 200);
		}
		return title.strip();
	}

	/** The meeting without its agenda, reading nothing of a resident; 404 when the program has no such meeting. */
	Meeting meeting(ProgramId program, UUID id) {
		return jdbc.sql("select " + MEETING + " from government_meeting where id = ? and program_id = ?")
			.params(id, program.value()).query(Meetings::meeting).optional()
			.orElseThrow(() -> new RecordNotFound("Meeting", id));
	}

	private static Meeting meeting(ResultSet rs, int n) throws SQLException {
		return new Meeting(rs.getObject("id", UUID.class), rs.getObject("house_id", UUID.class),
				MeetingKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getTimestamp("starts_at").toInstant(),
				MeetingStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), List.of(), rs.getObject("current_item_id", UUID.class));
	}

	private static AgendaItem item(ResultSet rs, int n) throws SQLException {
		return new AgendaItem(rs.getObject("id", UUID.class), rs.getObject("meeting_id", UUID.class),
				AgendaItemKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("description"),
				rs.getString("submitted_by"), rs.getObject("submitted_by_resident", UUID.class), rs.getInt("position"),
				AgendaItemStatus.valueOf(rs.getString("status")), rs.getTimestamp("submitted_at").toInstant(),
				rs.getString("notes"), rs.getObject("carried_from", UUID.class));
	}
}
