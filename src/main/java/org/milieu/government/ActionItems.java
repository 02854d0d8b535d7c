package org.milieu.government;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.milieu.identity.Account;
import org.milieu.identity.Accounts;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Action items: what a meeting asks one person to do, by a date. Staff record them for a meeting;
 * the owner, a resident of the meeting's house (any house for a whole-program meeting) or an active
 * staff account of the program, marks the item done, or staff do, once. An item owned by a resident is
 * that resident's record in {@link DataCategory#GOVERNMENT}: recording it, marking it done and reading
 * it pass the access policy with the resident as subject and are audited, lists in one batch.
 * Items are never deleted.
 */
@Service
public class ActionItems {

	private static final String SELECT = """
			select a.id, a.meeting_id, m.title as meeting_title, m.starts_at as meeting_starts_at, a.agenda_item_id, a.title,
			       a.description, a.owner_resident, a.owner_staff, a.due_on, a.status, a.created_by, a.created_at, a.done_by,
			       a.done_at, a.done_note
			  from government_action_item a
			  join government_meeting m on m.id = a.meeting_id
			 where a.program_id = :program""";

	private static final String ORDER = " order by a.status desc, a.due_on, a.created_at";

	private final JdbcClient jdbc;

	private final Census census;

	private final Accounts accounts;

	private final AccessPolicy policy;

	private final AuditTrail trail;

	private final Clock clock;

	private final Meetings meetings;

	private final Officers officers;

	private final Membership membership;

	ActionItems(JdbcClient jdbc, Census census, Accounts accounts, AccessPolicy policy, AuditTrail trail, Clock clock,
			Meetings meetings, Officers officers, Membership membership) {
		this.membership = membership;
		this.meetings = meetings;
		this.officers = officers;
		this.jdbc = jdbc;
		this.census = census;
		this.accounts = accounts;
		this.policy = policy;
		this.trail = trail;
		this.clock = clock;
	}

	/**
	 * Records an action item for a meeting. Refused, storing nothing, when the title is blank
	 * ({@code title}), the due date is missing or past ({@code dueOn}), the agenda item is not the
	 * meeting's ({@code agendaItemId}), or the owner is not exactly one resident of the meeting's house
	 * today or one active staff account of the program ({@code owner}). Who may record is decided in
	 * one place, {@link #mayRecord}.
	 */
	@Transactional
	public ActionItem record(MilieuUser user, UUID meetingId, RecordActionItem command) {
		ProgramId program = user.programId();
		Meeting meeting = meeting(program, meetingId);
		if (!mayRecord(user, meeting)) {
			membership.refuse(user, "Meeting", meetingId, "CREATE",
					user.getUsername() + " may not record action items for meeting " + meetingId);
		}
		String title = Texts.title(command.title(), "action.title.blank", "action.title.long");
		String description = Texts.optional(command.description(), 4000, "action.description.long", "description");
		if (command.dueOn() == null) {
			throw new RuleViolation("action.due-on.required", "dueOn");
		}
		if (command.dueOn().isBefore(census.day(program))) {
			throw new RuleViolation("action.due-on.past", "dueOn");
		}
		if (command.agendaItemId() != null && !jdbc.sql(
				"select exists (select 1 from government_agenda_item where id = ? and meeting_id = ?)")
			.params(command.agendaItemId(), meetingId).query(Boolean.class).single()) {
			throw new RuleViolation("action.agenda-item.other", "agendaItemId");
		}
		String ownerStaff = command.ownerStaff() == null || command.ownerStaff().isBlank() ? null
				: command.ownerStaff().strip().toLowerCase(java.util.Locale.ROOT);
		if ((command.ownerResident() == null) == (ownerStaff == null)) {
			throw new RuleViolation("action.owner.one", "owner");
		}
		UUID id = UUID.randomUUID();
		if (command.ownerResident() != null) {
			CensusEntry owner = census.find(program, command.ownerResident())
				.filter(e -> meeting.houseId() == null || meeting.houseId().equals(e.houseId()))
				.orElseThrow(() -> new RuleViolation("action.owner.resident", "owner"));
			ResidentScope scope = new ResidentScope(owner.residentId(), owner.houseId());
			if (Membership.staff(user)) {
				policy.enforce(user, AuditAction.CREATE, DataCategory.GOVERNMENT, scope, "ActionItem", id);
			}
			else {
				policy.enforceResidentContribution(user, AuditAction.CREATE, DataCategory.GOVERNMENT, scope, "ActionItem", id,
						"secretary of the meeting's house");
			}
		}
		else {
			accounts.findByUsername(ownerStaff)
				.filter(a -> a.enabled() && a.programId().equals(program.value()) && staff(a))
				.orElseThrow(() -> new RuleViolation("action.owner.staff", "owner", ownerStaff));
			trail.record(AuditEntry.of(user.actor(), AuditAction.CREATE, AuditOutcome.SUCCESS)
				.about(null, DataCategory.GOVERNMENT).on("ActionItem", id));
		}
		jdbc.sql("""
				insert into government_action_item (id, program_id, meeting_id, agenda_item_id, title, description,
				                                    owner_resident, owner_staff, due_on, status, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
			.params(id, program.value(), meetingId, command.agendaItemId(), title, description, command.ownerResident(),
					ownerStaff, command.dueOn(), user.getUsername(), Timestamp.from(clock.instant()))
			.update();
		return named(program, List.of(find(program, id))).get(0);
	}

	/**
	 * Marks an item done, with an optional note: its owner may, and staff may (an item owned by a
	 * resident as the access policy lets them write that resident's record). Anyone else is refused,
	 * and the refusal audited. An item already done is refused ({@code id}), storing nothing.
	 */
	@Transactional
	public ActionItem markDone(MilieuUser user, UUID id, String note) {
		ProgramId program = user.programId();
		ActionItem item = find(program, id);
		if (item.ownerResident() != null) {
			boolean own = item.ownerResident().equals(user.residentId()) && user.has(Role.RESIDENT);
			if (!own && !Membership.staff(user)) {
				membership.refuse(user, "ActionItem", id, "UPDATE", "action item " + id + " is not " + user.getUsername() + "'s");
			}
			policy.enforce(user, AuditAction.UPDATE, DataCategory.GOVERNMENT, scope(program, item.ownerResident()),
					"ActionItem", id);
		}
		else {
			if (!user.getUsername().equals(item.ownerStaff()) && !Membership.staff(user)) {
				membership.refuse(user, "ActionItem", id, "UPDATE", "action item " + id + " is not " + user.getUsername() + "'s");
			}
			trail.record(AuditEntry.of(user.actor(), AuditAction.UPDATE, AuditOutcome.SUCCESS)
				.about(null, DataCategory.GOVERNMENT).on("ActionItem", id).saying("marked done"));
		}
		String doneNote = Texts.optional(note, 2000, "action.note.long", "note");
		int changed = jdbc.sql("""
				update government_action_item set status = 'DONE', done_by = ?, done_at = ?, done_note = ?
				 where id = ? and status = 'OPEN'""")
			.params(user.getUsername(), Timestamp.from(clock.instant()), doneNote, id).update();
		if (changed == 0) {
			throw new RuleViolation("action.done.already", "id");
		}
		return named(program, List.of(find(program, id))).get(0);
	}

	/**
	 * The action items this person may see, open ones first by due date: the program's for staff
	 * (those owned by residents outside their reach left out), their own for a resident. {@code status}
	 * null means both. Each resident whose item is shown is audited, in one batch.
	 */
	@Transactional
	public List<ActionItem> list(MilieuUser user, ActionItemStatus status) {
		ProgramId program = user.programId();
		String sql = SELECT + (status == null ? "" : " and a.status = :status");
		if (Membership.staff(user)) {
			List<ActionItem> all = jdbc.sql(sql + ORDER + " limit 500").param("program", program.value())
				.params(status == null ? Map.of() : Map.of("status", status.name())).query(ActionItems::item).list();
			return visibleToStaff(user, program, all);
		}
		UUID resident = residentOf(user);
		List<ActionItem> own = jdbc.sql(sql + " and a.owner_resident = :resident" + ORDER)
			.param("program", program.value()).param("resident", resident)
			.params(status == null ? Map.of() : Map.of("status", status.name())).query(ActionItems::item).list();
		return visibleToResident(user, program, own);
	}

	/**
	 * A page of the action items this person may see, oldest due date first (ties by id), as the
	 * action items page shows them (see "Listings and paging"): the program's for staff, leaving out
	 * those owned by residents outside their reach, a resident's own for a resident. Filters: the status,
	 * the meeting's house ({@code houseId}), the owning resident, and the due date from {@code from} to
	 * {@code to} (both included). The residents owning the items shown are audited, in one batch.
	 */
	@Transactional
	public org.milieu.shared.Slice<ActionItem> page(MilieuUser user, ActionItemStatus status, UUID houseId,
			UUID ownerResident, LocalDate from, LocalDate to, org.milieu.shared.PageRequest page) {
		ProgramId program = user.programId();
		StringBuilder sql = new StringBuilder(SELECT);
		Map<String, Object> params = new HashMap<>();
		params.put("program", program.value());
		boolean staff = Membership.staff(user);
		if (staff) {
			Reach reach = policy.enforceListing(user, DataCategory.GOVERNMENT, "ActionItem");
			if (!reach.everyone()) {
				java.util.Set<UUID> visible = new java.util.HashSet<>(reach.residents());
				visible.addAll(reach.emergency());
				for (CensusEntry e : census.today(program)) {
					if (reach.includes(e.residentId(), e.houseId())) {
						visible.add(e.residentId());
					}
				}
				sql.append(" and (a.owner_resident is null or a.owner_resident = any(:visible))");
				params.put("visible", visible.toArray(UUID[]::new));
			}
		}
		else {
			sql.append(" and a.owner_resident = :resident");
			params.put("resident", residentOf(user));
		}
		if (status != null) {
			sql.append(" and a.status = :status");
			params.put("status", status.name());
		}
		if (houseId != null) {
			sql.append(" and m.house_id = :house");
			params.put("house", houseId);
		}
		if (ownerResident != null) {
			sql.append(" and a.owner_resident = :owner");
			params.put("owner", ownerResident);
		}
		if (from != null) {
			sql.append(" and a.due_on >= :from");
			params.put("from", from);
		}
		if (to != null) {
			sql.append(" and a.due_on <= :to");
			params.put("to", to);
		}
		if (page.after() != null) {
			sql.append(" and (a.due_on, a.id) > (:afterDue, :afterId)");
			params.put("afterDue", page.after().date());
			params.put("afterId", page.after().id());
		}
		sql.append(" order by a.due_on, a.id limit :fetch");
		params.put("fetch", page.fetch());
		List<ActionItem> rows = jdbc.sql(sql.toString()).params(params).query(ActionItems::item).list();
		org.milieu.shared.Slice<ActionItem> slice = page.slice(rows,
				i -> org.milieu.shared.Keyset.of(i.dueOn(), i.id()));
		List<ActionItem> shown = staff ? visibleToStaff(user, program, slice.items())
				: visibleToResident(user, program, slice.items());
		return new org.milieu.shared.Slice<>(shown, slice.next());
	}

	/**
	 * One meeting's action items: all of them for staff (within their reach), those owned by staff and
	 * the resident's own for a resident of the meeting's house. Audited as {@link #list} is.
	 */
	@Transactional
	public List<ActionItem> forMeeting(MilieuUser user, UUID meetingId) {
		ProgramId program = user.programId();
		Meeting meeting = meeting(program, meetingId);
		List<ActionItem> items = jdbc.sql(SELECT + " and a.meeting_id = :meeting" + ORDER).param("program", program.value())
			.param("meeting", meetingId).query(ActionItems::item).list();
		if (Membership.staff(user)) {
			return visibleToStaff(user, program, items);
		}
		UUID resident = residentOf(user);
		UUID house = census.find(program, resident).map(CensusEntry::houseId).orElse(null);
		if (meeting.houseId() != null && !meeting.houseId().equals(house)) {
			membership.refuse(user, "Meeting", meetingId, "READ", "meeting " + meetingId + " is of another house than "
					+ user.getUsername() + "'s");
		}
		return visibleToResident(user, program,
				items.stream().filter(i -> i.ownerResident() == null || i.ownerResident().equals(resident)).toList());
	}

	/**
	 * Every action item of a meeting, named, for its minutes (which everyone of the meeting reads,
	 * and which audit their own reads).
	 */
	List<ActionItem> ofMeeting(ProgramId program, UUID meetingId) {
		return named(program, jdbc.sql(SELECT + " and a.meeting_id = :meeting order by a.created_at")
			.param("program", program.value()).param("meeting", meetingId).query(ActionItems::item).list());
	}

	/**
	 * The open items past their due date that this member of staff may see, oldest due first, for the
	 * home page; the residents named are audited as in {@link #list}. Empty for anyone else.
	 */
	@Transactional
	public List<ActionItem> overdue(MilieuUser user) {
		if (!Membership.staff(user)) {
			return List.of();
		}
		ProgramId program = user.programId();
		List<ActionItem> late = jdbc.sql(SELECT + " and a.status = 'OPEN' and a.due_on < :today order by a.due_on, a.created_at limit 100")
			.param("program", program.value()).param("today", census.day(program)).query(ActionItems::item).list();
		return visibleToStaff(user, program, late);
	}

	/** Today in the program's time zone, for what is overdue. */
	@Transactional(readOnly = true)
	public LocalDate today(ProgramId program) {
		return census.day(program);
	}

	/** Who may record action items for a meeting: staff, or the secretary of the meeting's house today. */
	private boolean mayRecord(MilieuUser user, Meeting meeting) {
		return officers.mayKeepRecord(user, meeting.houseId());
	}

	private List<ActionItem> visibleToStaff(MilieuUser user, ProgramId program, List<ActionItem> items) {
		Reach reach = policy.enforceListing(user, DataCategory.GOVERNMENT, "ActionItem");
		Map<UUID, UUID> houses = new HashMap<>();
		for (CensusEntry e : census.today(program)) {
			houses.put(e.residentId(), e.houseId());
		}
		List<ActionItem> shown = items.stream()
			.filter(i -> i.ownerResident() == null || reach.includes(i.ownerResident(), houses.get(i.ownerResident())))
			.toList();
		policy.recordListed(user, DataCategory.GOVERNMENT, "ActionItem", reach, shown.stream()
			.map(ActionItem::ownerResident).filter(java.util.Objects::nonNull).distinct()
			.map(r -> new ResidentScope(r, houses.get(r))).toList());
		return named(program, shown);
	}

	private List<ActionItem> visibleToResident(MilieuUser user, ProgramId program, List<ActionItem> items) {
		if (items.stream().anyMatch(i -> i.ownerResident() != null)) {
			Reach reach = policy.reach(user, AccessAction.READ, DataCategory.GOVERNMENT);
			policy.recordListed(user, DataCategory.GOVERNMENT, "ActionItem", reach,
					List.of(new ResidentScope(user.residentId(), null)));
		}
		return named(program, items);
	}

	private List<ActionItem> named(ProgramId program, List<ActionItem> items) {
		if (items.isEmpty()) {
			return items;
		}
		// only the owners named here, not every account of the program with its roles
		org.milieu.identity.AccountNames names = accounts.names(program,
				items.stream().map(ActionItem::ownerResident).filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()),
				items.stream().filter(i -> i.ownerResident() == null).map(ActionItem::ownerStaff)
					.filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
		Map<UUID, String> residents = names.byResident();
		Map<String, String> staffNames = names.byUsername();
		List<ActionItem> named = new ArrayList<>();
		for (ActionItem i : items) {
			named.add(i.named(i.ownerResident() != null ? residents.getOrDefault(i.ownerResident(), "?")
					: staffNames.getOrDefault(i.ownerStaff(), i.ownerStaff())));
		}
		return named;
	}

	private UUID residentOf(MilieuUser user) {
		if (!user.has(Role.RESIDENT) || user.residentId() == null) {
			membership.refuse(user, "ActionItem", null, "READ", user.getUsername() + " is neither staff nor a resident");
		}
		return user.residentId();
	}

	private ResidentScope scope(ProgramId program, UUID resident) {
		return new ResidentScope(resident, census.find(program, resident).map(CensusEntry::houseId).orElse(null));
	}

	private ActionItem find(ProgramId program, UUID id) {
		return jdbc.sql(SELECT + " and a.id = :id").param("program", program.value()).param("id", id)
			.query(ActionItems::item).optional().orElseThrow(() -> new RecordNotFound("ActionItem", id));
	}

	private Meeting meeting(ProgramId program, UUID id) {
		return meetings.meeting(program, id);
	}



	private static boolean staff(Account account) {
		return account.roles().contains(Role.ADMIN) || account.roles().contains(Role.CLINICIAN)
				|| account.roles().contains(Role.STAFF);
	}

	private static ActionItem item(ResultSet rs, int n) throws SQLException {
		Timestamp doneAt = rs.getTimestamp("done_at");
		return new ActionItem(rs.getObject("id", UUID.class), rs.getObject("meeting_id", UUID.class),
				rs.getString("meeting_title"), rs.getTimestamp("meeting_starts_at").toInstant(),
				rs.getObject("agenda_item_id", UUID.class), rs.getString("title"), rs.getString("description"),
				rs.getObject("owner_resident", UUID.class), rs.getString("owner_staff"), null,
				rs.getObject("due_on", LocalDate.class), ActionItemStatus.valueOf(rs.getString("status")),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("done_by"),
				doneAt == null ? null : doneAt.toInstant(), rs.getString("done_note"));
	}
}
