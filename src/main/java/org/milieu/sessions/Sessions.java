package org.milieu.sessions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.groups.GroupSummary;
import org.milieu.groups.SmallGroups;
import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.Account;
import org.milieu.identity.Accounts;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Reach;
import org.milieu.identity.ResidentScope;
import org.milieu.identity.Role;
import org.milieu.residents.Census;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.TextInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scheduling sessions: one-off or recurring by an RFC 5545 rule, for a house's residents, a small
 * group or named residents, with facilitators whose roles the kind of session allows; and changing
 * single occurrences (cancelled, moved) or ending the series. Program staff schedule (the director,
 * clinicians, staff), each within the houses and residents the access policy gives them for levels
 * and ratings, the category attendance belongs to. Every change is audited.
 */
@Service
public class Sessions {

	static final int TITLE_MAX = 200;

	static final int ROOM_MAX = 120;

	static final int REASON_MAX = 500;

	static final DataCategory CATEGORY = DataCategory.LEVELS_AND_RATINGS;

	private static final TextInput TEXT = new TextInput("session");

	private final JdbcClient jdbc;

	private final SessionRows rows;

	private final SessionTypes types;

	private final AccessPolicy policy;

	private final Accounts accounts;

	private final Census census;

	private final SmallGroups groups;

	private final AuditTrail trail;

	private final Clock clock;

	private final SessionConflicts conflicts;

	private final SessionEligibility eligibility;

	Sessions(JdbcClient jdbc, SessionRows rows, SessionTypes types, AccessPolicy policy, Accounts accounts, Census census,
			SmallGroups groups, AuditTrail trail, Clock clock, SessionConflicts conflicts, SessionEligibility eligibility) {
		this.eligibility = eligibility;
		this.conflicts = conflicts;
		this.jdbc = jdbc;
		this.rows = rows;
		this.types = types;
		this.policy = policy;
		this.accounts = accounts;
		this.census = census;
		this.groups = groups;
		this.trail = trail;
		this.clock = clock;
	}

	/**
	 * Schedules a session. Refused, storing nothing, naming the field: an unknown or retired kind
	 * ({@code typeId}), a missing date or time, a duration out of range, a rule that is not a session's
	 * ({@code rrule}), attendees that do not fit their kind ({@code attendeeKind}, {@code attendeeHouseId},
	 * {@code residents}), a facilitator who is not program staff in a role the kind allows
	 * ({@code facilitators}), a named resident below the kind's minimum level on the first day
	 * ({@code residents}, naming the resident and the level); and a booking that collides with another
	 * over the series' first half year (a facilitator, a room or a resident at two places at once, a
	 * resident's work shift or community meeting), naming who or what and when.
	 */
	@Transactional
	public Session schedule(MilieuUser user, NewSession command) {
		ProgramId program = requireStaff(user, null);
		if (command.typeId() == null) {
			throw new RuleViolation("session.field.required", "typeId");
		}
		SessionType type = types.all(program).stream().filter(t -> t.id().equals(command.typeId()) && !t.retired())
			.findFirst().orElseThrow(() -> new RuleViolation("session.type.unknown", "typeId"));
		if (command.firstOn() == null) {
			throw new RuleViolation("session.field.required", "firstOn");
		}
		if (command.startsAt() == null) {
			throw new RuleViolation("session.field.required", "startsAt");
		}
		int duration = command.durationMinutes() == null ? type.durationMinutes() : command.durationMinutes();
		if (duration < 5 || duration > 480) {
			throw new RuleViolation("session.duration.range", "durationMinutes", 5, 480);
		}
		LocalTime endsAt = command.startsAt().plusMinutes(duration);
		if (!endsAt.isAfter(command.startsAt())) {
			throw new RuleViolation("session.duration.midnight", "durationMinutes");
		}
		String title = TEXT.optional(command.title(), "title", TITLE_MAX);
		String room = TEXT.optional(command.room(), "room", ROOM_MAX);
		Recurrence rule = command.rrule() == null || command.rrule().isBlank() ? null
				: Recurrence.of(command.rrule(), command.firstOn());
		Attendees attendees = attendees(user, program, command);
		List<Facilitator> facilitators = facilitators(user, type, command.facilitators());
		eligibility.refuseBelowMinimum(program, type, attendees.residents, command.firstOn(), "residents");
		conflicts.refuseConflicts(user, new SessionConflicts.Booking(null, type.id(),
				SessionConflicts.slots(command.firstOn(), command.startsAt(), duration, rule), facilitators, attendees.houseId,
				room, attendees.kind, attendees.kind == AttendeeKind.HOUSE ? attendees.houseId : null, attendees.residents,
				attendees.groupId),
				"startsAt");
		UUID id = UUID.randomUUID();
		LocalDate lastOn = rule == null ? command.firstOn() : rule.lastDate().orElse(null);
		var now = clock.instant().atOffset(ZoneOffset.UTC);
		jdbc.sql("""
				insert into sessions_session (id, program_id, type_id, title, house_id, room, first_on, starts_at,
				    duration_minutes, rrule, last_on, attendee_kind, attendee_house_id, attendee_group_id,
				    created_by, created_by_name, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, program.value(), type.id(), title == null ? "" : title, attendees.houseId, room, command.firstOn(),
					command.startsAt(), duration, rule == null ? null : rule.text(), lastOn, attendees.kind.name(),
					attendees.kind == AttendeeKind.HOUSE ? attendees.houseId : null, attendees.groupId,
					user.accountId(), user.displayName(), now)
			.update();
		for (Facilitator f : facilitators) {
			jdbc.sql("insert into sessions_facilitator (session_id, account_id, name) values (?, ?, ?)")
				.params(id, f.accountId(), f.name()).update();
		}
		for (UUID resident : attendees.residents) {
			jdbc.sql("insert into sessions_attendee (session_id, resident_id) values (?, ?)").params(id, resident).update();
		}
		audit(user, AuditAction.CREATE, id, "scheduled");
		return find(program, id);
	}

	/** One session of the program, with its facilitators, named residents and exceptions. */
	@Transactional(readOnly = true)
	public Session find(ProgramId program, UUID id) {
		return rows.find(program.value(), id).orElseThrow(() -> new RecordNotFound("Session", id));
	}

	/** Cancels one occurrence (the date its rule gives it), with a reason. */
	@Transactional
	public Session cancelOccurrence(MilieuUser user, UUID id, LocalDate occursOn, String reason) {
		return cancelOccurrence(user, id, occursOn, reason, null);
	}

	/** As {@link #cancelOccurrence(MilieuUser, UUID, LocalDate, String)}, refused as stale unless the session is at {@code version}. */
	@Transactional
	public Session cancelOccurrence(MilieuUser user, UUID id, LocalDate occursOn, String reason, Integer version) {
		Session session = changeable(user, id, version);
		requireOccurrence(session, occursOn);
		String why = TEXT.required(reason, "reason", REASON_MAX);
		jdbc.sql("""
				insert into sessions_exception (session_id, occurs_on, kind, reason, recorded_by, recorded_by_name, recorded_at)
				values (?, ?, 'CANCELLED', ?, ?, ?, ?)
				on conflict (session_id, occurs_on) do update set kind = 'CANCELLED', moved_on = null, moved_at = null,
				    room = null, reason = excluded.reason, recorded_by = excluded.recorded_by,
				    recorded_by_name = excluded.recorded_by_name, recorded_at = excluded.recorded_at""")
			.params(id, occursOn, why, user.accountId(), user.displayName(), clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		bump(id);
		audit(user, AuditAction.UPDATE, id, "occurrence of " + occursOn + " cancelled");
		return find(user.programId(), id);
	}

	/**
	 * Moves one occurrence to another day, time or room (the occurrence keeps its name, the date its
	 * rule gives it). Refused, like scheduling, when the occurrence at its new time collides with
	 * another booking.
	 */
	@Transactional
	public Session moveOccurrence(MilieuUser user, UUID id, LocalDate occursOn, LocalDate movedOn, LocalTime movedAt,
			String room, String reason) {
		return moveOccurrence(user, id, occursOn, movedOn, movedAt, room, reason, null);
	}

	/** As {@link #moveOccurrence(MilieuUser, UUID, LocalDate, LocalDate, LocalTime, String, String)}, refused as stale unless the session is at {@code version}. */
	@Transactional
	public Session moveOccurrence(MilieuUser user, UUID id, LocalDate occursOn, LocalDate movedOn, LocalTime movedAt,
			String room, String reason, Integer version) {
		Session session = changeable(user, id, version);
		requireOccurrence(session, occursOn);
		if (movedOn == null) {
			throw new RuleViolation("session.field.required", "movedOn");
		}
		if (movedAt == null) {
			throw new RuleViolation("session.field.required", "movedAt");
		}
		if (!movedAt.plusMinutes(session.durationMinutes()).isAfter(movedAt)) {
			throw new RuleViolation("session.duration.midnight", "movedAt");
		}
		String where = TEXT.optional(room, "room", ROOM_MAX);
		String why = TEXT.optional(reason, "reason", REASON_MAX);
		if (Math.abs(java.time.temporal.ChronoUnit.DAYS.between(occursOn, movedOn)) > Occurrences.MOVE_REACH_DAYS) {
			throw new RuleViolation("session.move.reach", "movedOn", Occurrences.MOVE_REACH_DAYS);
		}
		var start = movedOn.atTime(movedAt);
		UUID house = session.houseId() != null ? session.houseId() : session.attendeeHouseId();
		conflicts.refuseConflicts(user, new SessionConflicts.Booking(id, session.typeId(),
				List.of(new SessionConflicts.Slot(occursOn, start, start.plusMinutes(session.durationMinutes()))),
				session.facilitators(), house, where != null ? where : session.room(), session.attendeeKind(),
				session.attendeeHouseId(), session.residents(), session.attendeeGroupId()), "movedAt");
		jdbc.sql("""
				insert into sessions_exception (session_id, occurs_on, kind, moved_on, moved_at, room, reason, recorded_by,
				    recorded_by_name, recorded_at)
				values (?, ?, 'MOVED', ?, ?, ?, ?, ?, ?, ?)
				on conflict (session_id, occurs_on) do update set kind = 'MOVED', moved_on = excluded.moved_on,
				    moved_at = excluded.moved_at, room = excluded.room, reason = excluded.reason,
				    recorded_by = excluded.recorded_by, recorded_by_name = excluded.recorded_by_name,
				    recorded_at = excluded.recorded_at""")
			.params(id, occursOn, movedOn, movedAt, where, why, user.accountId(), user.displayName(),
					clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		bump(id);
		audit(user, AuditAction.UPDATE, id, "occurrence of " + occursOn + " moved");
		return find(user.programId(), id);
	}

	/** Cancels the whole session (every occurrence not yet held), with a reason. */
	@Transactional
	public Session cancel(MilieuUser user, UUID id, String reason) {
		return cancel(user, id, reason, null);
	}

	/** As {@link #cancel(MilieuUser, UUID, String)}, refused as stale unless the session is at {@code version}. */
	@Transactional
	public Session cancel(MilieuUser user, UUID id, String reason, Integer version) {
		changeable(user, id, version);
		String why = TEXT.required(reason, "reason", REASON_MAX);
		jdbc.sql("update sessions_session set cancelled_at = ?, cancelled_reason = ?, version = version + 1 where id = ?")
			.params(clock.instant().atOffset(ZoneOffset.UTC), why, id).update();
		audit(user, AuditAction.UPDATE, id, "cancelled");
		return find(user.programId(), id);
	}

	private Session changeable(MilieuUser user, UUID id, Integer version) {
		ProgramId program = requireStaff(user, id);
		Session session = find(program, id);
		UUID house = session.attendeeHouseId() != null ? session.attendeeHouseId() : session.houseId();
		if (house != null) {
			requireHouse(user, house, id);
		}
		if (version != null && version != session.version()) {
			throw new org.milieu.shared.VersionConflict("Session", version, session.version());
		}
		if (session.cancelled()) {
			throw new RuleViolation("session.cancelled", "id");
		}
		return session;
	}

	private void requireOccurrence(Session session, LocalDate occursOn) {
		if (occursOn == null) {
			throw new RuleViolation("session.field.required", "occursOn");
		}
		boolean occurs = session.recurring() ? Recurrence.of(session.rrule(), session.firstOn())
			.dates(occursOn, occursOn).contains(occursOn) : session.firstOn().equals(occursOn);
		if (!occurs) {
			throw new RuleViolation("session.occurrence.unknown", "occursOn");
		}
	}

	private void bump(UUID id) {
		jdbc.sql("update sessions_session set version = version + 1 where id = ?").param(id).update();
	}

	private record Attendees(AttendeeKind kind, UUID houseId, UUID groupId, Set<UUID> residents) {
	}

	private Attendees attendees(MilieuUser user, ProgramId program, NewSession command) {
		if (command.attendeeKind() == null) {
			throw new RuleViolation("session.field.required", "attendeeKind");
		}
		Map<UUID, UUID> houses = census.housesToday(program);
		switch (command.attendeeKind()) {
			case HOUSE -> {
				UUID house = command.attendeeHouseId() != null ? command.attendeeHouseId() : command.houseId();
				if (house == null) {
					throw new RuleViolation("session.field.required", "attendeeHouseId");
				}
				if (!jdbc.sql("select exists (select 1 from residents_house where program_id = ? and id = ?)")
					.params(program.value(), house).query(Boolean.class).single()) {
					throw new RuleViolation("session.house.unknown", "attendeeHouseId");
				}
				requireHouse(user, house, null);
				return new Attendees(AttendeeKind.HOUSE, house, null, Set.of());
			}
			case GROUP -> {
				if (command.attendeeGroupId() == null) {
					throw new RuleViolation("session.field.required", "attendeeGroupId");
				}
				GroupSummary group = groups.group(program, command.attendeeGroupId())
					.orElseThrow(() -> new RuleViolation("session.group.unknown", "attendeeGroupId"));
				requireHouse(user, group.houseId(), null);
				return new Attendees(AttendeeKind.GROUP, group.houseId(), group.id(), Set.of());
			}
			default -> {
				List<UUID> named = command.residents() == null ? List.of() : command.residents();
				if (named.isEmpty() || named.stream().anyMatch(java.util.Objects::isNull)) {
					throw new RuleViolation("session.field.required", "residents");
				}
				Set<UUID> residents = new LinkedHashSet<>(named);
				for (UUID resident : residents) {
					UUID house = houses.get(resident);
					if (house == null) {
						throw new RuleViolation("session.resident.unknown", "residents");
					}
					policy.enforce(user, AuditAction.CREATE, CATEGORY, new ResidentScope(resident, house), "Session", null);
				}
				return new Attendees(AttendeeKind.RESIDENTS, command.houseId(), null, residents);
			}
		}
	}

	private List<Facilitator> facilitators(MilieuUser user, SessionType type, List<UUID> named) {
		List<UUID> ids = named == null || named.isEmpty() ? List.of(user.accountId()) : named;
		List<Facilitator> facilitators = new ArrayList<>();
		for (UUID id : new LinkedHashSet<>(ids)) {
			Account account = id == null ? null : accounts.find(id).orElse(null);
			if (account == null || !account.programId().equals(user.programId().value()) || !account.enabled()) {
				throw new RuleViolation("session.facilitator.unknown", "facilitators");
			}
			if (account.roles().stream().noneMatch(type.facilitatorRoles()::contains)) {
				throw new RuleViolation("session.facilitator.role", "facilitators", account.displayName());
			}
			facilitators.add(new Facilitator(account.id(), account.displayName()));
		}
		return facilitators;
	}

	private void requireHouse(MilieuUser user, UUID house, UUID id) {
		Reach reach = policy.reach(user, AccessAction.WRITE, CATEGORY);
		if (!reach.everyone() && !reach.houses().contains(house)) {
			String reason = "house " + house + " is not one " + user.getUsername() + " works in";
			trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)
				.on("Session", id).saying("UPDATE refused: " + reason));
			throw new AccessDeniedException(reason);
		}
	}

	private ProgramId requireStaff(MilieuUser user, UUID id) {
		if (!(user.has(Role.ADMIN) || user.has(Role.CLINICIAN) || user.has(Role.STAFF))) {
			String reason = "sessions are scheduled by program staff, not by " + user.getUsername();
			trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)
				.on("Session", id).saying(reason));
			throw new AccessDeniedException(reason);
		}
		return user.programId();
	}

	private void audit(MilieuUser user, AuditAction action, UUID id, String what) {
		trail.record(AuditEntry.of(user.actor(), action, AuditOutcome.SUCCESS).on("Session", id).saying("session " + what));
	}
}
