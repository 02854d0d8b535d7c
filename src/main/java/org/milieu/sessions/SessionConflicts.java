package org.milieu.sessions;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.government.Meeting;
import org.milieu.government.Meetings;
import org.milieu.groups.SmallGroups;
import org.milieu.identity.MilieuUser;
import org.milieu.platform.Programs;
import org.milieu.residents.Census;
import org.milieu.residents.HouseDays;
import org.milieu.levels.LevelHistoryEntry;
import org.milieu.levels.ResidentLevels;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.Keyset;
import org.milieu.shared.PageRequest;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.Slice;
import org.milieu.work.WorkShifts;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses a booking that collides with another, before anything is stored: a facilitator at two
 * sessions at once, a room (of the same house, or both of the whole program) booked twice, a
 * resident expected at two sessions at once, during one of their work shifts (published rosters,
 * the job's start and expected minutes) or during a community meeting they belong to (their house's
 * or the whole program's). A series is checked over its first {@link #HORIZON_WEEKS} weeks, against
 * everything of the program in that time, read set by set (sessions, stays, shifts, meetings), never
 * occurrence by occurrence. The refusal names who or what and when; it is audited, as the reader
 * learned of another booking. Cancelled occurrences do not count; touching ends do not overlap.
 */
@Component
class SessionConflicts {

	/** How far ahead a series is checked: its first half year; later collisions are the calendar's to show. */
	static final int HORIZON_WEEKS = 26;

	/**
	 * The length assumed for a community meeting: the government module records a meeting's start and
	 * no end or duration, so a meeting is taken to last this long (docs/API.md, scheduling a session, says so too).
	 */
	static final int MEETING_MINUTES = 90;

	private final SessionRows rows;

	private final SessionTypes types;

	private final JdbcClient jdbc;

	private final WorkShifts shifts;

	private final Meetings meetings;

	private final Census census;

	private final Programs programs;

	private final AuditTrail trail;

	private final SmallGroups groups;

	private final HouseDays houseDays;

	private final ResidentLevels residentLevels;

	SessionConflicts(SessionRows rows, SessionTypes types, JdbcClient jdbc, WorkShifts shifts, Meetings meetings,
			Census census, Programs programs, AuditTrail trail, SmallGroups groups, HouseDays houseDays,
			ResidentLevels residentLevels) {
		this.houseDays = houseDays;
		this.residentLevels = residentLevels;
		this.groups = groups;
		this.rows = rows;
		this.types = types;
		this.jdbc = jdbc;
		this.shifts = shifts;
		this.meetings = meetings;
		this.census = census;
		this.programs = programs;
		this.trail = trail;
	}

	/** One occurrence of the booking being checked: the date its rule gives it, its start and end. */
	record Slot(LocalDate occursOn, LocalDateTime start, LocalDateTime end) {

		boolean overlaps(LocalDateTime otherStart, LocalDateTime otherEnd) {
			return start.isBefore(otherEnd) && otherStart.isBefore(end);
		}
	}

	/**
	 * The booking being checked. {@code sessionId} is the session whose occurrence moves (that
	 * occurrence does not collide with itself), null for a new session; {@code typeId} its kind (a
	 * house's or a small group's residents below the kind's minimum level are not expected at it).
	 */
	record Booking(UUID sessionId, UUID typeId, List<Slot> slots, List<Facilitator> facilitators, UUID houseId, String room,
			AttendeeKind kind, UUID attendeeHouseId, Collection<UUID> residents, UUID attendeeGroupId) {
	}

	/** The slots of a new session over the horizon: one for a one-off, the rule's dates for a series. */
	static List<Slot> slots(LocalDate firstOn, java.time.LocalTime startsAt, int minutes, Recurrence rule) {
		List<LocalDate> dates = rule == null ? List.of(firstOn) : rule.dates(firstOn, firstOn.plusWeeks(HORIZON_WEEKS));
		return dates.stream().map(d -> new Slot(d, d.atTime(startsAt), d.atTime(startsAt).plusMinutes(minutes))).toList();
	}

	/**
	 * Throws a {@link RuleViolation} naming the first collision found; {@code timeField} names the field to change.
	 * Must run inside the transaction that then stores the booking: the program's bookings take turns from
	 * here to that transaction's end (a transaction-scoped advisory lock per program, on the caller's own
	 * connection), so two bookings made at the same instant cannot both pass the check before either is
	 * stored.
	 */
	void refuseConflicts(MilieuUser user, Booking booking, String timeField) {
		if (booking.slots().isEmpty()) {
			return;
		}
		ProgramId program = user.programId();
		takeTurns(program);
		LocalDate from = booking.slots().stream().map(s -> s.start().toLocalDate()).min(Comparator.naturalOrder()).orElseThrow();
		LocalDate to = booking.slots().stream().map(s -> s.end().toLocalDate()).max(Comparator.naturalOrder()).orElseThrow();
		Map<LocalDate, List<Slot>> byDay = new HashMap<>();
		booking.slots().forEach(s -> byDay.computeIfAbsent(s.start().toLocalDate(), d -> new ArrayList<>()).add(s));

		// the program's other occurrences over the same days: one read of the sessions
		List<Occurrence> others = new ArrayList<>();
		Map<UUID, Session> sessions = new HashMap<>();
		for (Session s : rows.within(program.value(), from.minusDays(Occurrences.MOVE_REACH_DAYS),
				to.plusDays(Occurrences.MOVE_REACH_DAYS))) {
			for (Occurrence o : Occurrences.occurrencesOf(s, from.minusDays(Occurrences.MOVE_REACH_DAYS),
					to.plusDays(Occurrences.MOVE_REACH_DAYS))) {
				if (o.cancelled() || (s.id().equals(booking.sessionId()) && booking.slots().stream()
					.anyMatch(slot -> slot.occursOn().equals(o.occursOn())))) {
					continue;
				}
				if (byDay.containsKey(o.start().toLocalDate())) {
					others.add(o);
					sessions.put(s.id(), s);
				}
			}
		}
		List<Clash> clashes = new ArrayList<>();
		for (Occurrence o : others) {
			for (Slot slot : byDay.get(o.start().toLocalDate())) {
				if (slot.overlaps(o.start(), o.end())) {
					clashes.add(new Clash(slot, o));
				}
			}
		}
		Set<UUID> booked = booking.facilitators().stream().map(Facilitator::accountId).collect(java.util.stream.Collectors.toSet());
		for (Clash c : clashes) {
			for (Facilitator f : c.other.facilitators()) {
				if (booked.contains(f.accountId())) {
					refuse(user, booking, "session.conflict.facilitator", "facilitators", f.name(), title(program, c.other),
							c.other);
				}
			}
		}
		String room = booking.room() == null ? null : booking.room().strip();
		if (room != null && !room.isEmpty()) {
			for (Clash c : clashes) {
				if (c.other.room() != null && c.other.room().strip().equalsIgnoreCase(room)
						&& Objects.equals(c.other.houseId(), booking.houseId())) {
					refuse(user, booking, "session.conflict.room", "room", c.other.room(), title(program, c.other), c.other);
				}
			}
		}

		// the residents: one read of the stays of every house concerned and of the named residents
		Set<UUID> houses = new HashSet<>();
		Set<UUID> named = new HashSet<>(booking.residents());
		// a small group's members on each day concerned, read once per group and day
		Map<String, Set<UUID>> members = new HashMap<>();
		if (booking.kind() == AttendeeKind.GROUP) {
			booking.slots().forEach(slot -> named.addAll(members(program, members, booking.attendeeGroupId(), slot.occursOn())));
		}
		for (Clash c : clashes) {
			Session s = sessions.get(c.other.sessionId());
			if (s.attendeeKind() == AttendeeKind.GROUP) {
				named.addAll(members(program, members, s.attendeeGroupId(), c.other.occursOn()));
			}
		}
		if (booking.kind() == AttendeeKind.HOUSE && booking.attendeeHouseId() != null) {
			houses.add(booking.attendeeHouseId());
		}
		for (Clash c : clashes) {
			Session s = sessions.get(c.other.sessionId());
			if (s.attendeeKind() == AttendeeKind.HOUSE && s.attendeeHouseId() != null) {
				houses.add(s.attendeeHouseId());
			}
		}
		if (houses.isEmpty() && named.isEmpty()) {
			return;
		}
		Stays stays = stays(program, houses, named, from, to);
		Levels levels = levels(program, stays, named);
		for (Clash c : clashes) {
			Set<UUID> mine = levels.reached(booking.typeId(), c.slot.occursOn(), expected(booking.kind(), booking.attendeeHouseId(),
					booking.residents(), stays, c.slot.occursOn(),
					members.getOrDefault(booking.attendeeGroupId() + "/" + c.slot.occursOn(), Set.of())));
			Session s = sessions.get(c.other.sessionId());
			Set<UUID> theirs = levels.reached(s.typeId(), c.other.occursOn(), expected(s.attendeeKind(), s.attendeeHouseId(),
					s.residents(), stays, c.other.occursOn(),
					members.getOrDefault(s.attendeeGroupId() + "/" + c.other.occursOn(), Set.of())));
			for (UUID resident : mine) {
				if (theirs.contains(resident)) {
					refuse(user, booking, "session.conflict.resident", timeField, name(program, resident),
							title(program, c.other), c.other);
				}
			}
		}
		Map<Slot, Set<UUID>> expectedAt = new HashMap<>();
		Set<UUID> everyone = new LinkedHashSet<>();
		for (Slot slot : booking.slots()) {
			Set<UUID> at = levels.reached(booking.typeId(), slot.occursOn(), expected(booking.kind(), booking.attendeeHouseId(),
					booking.residents(), stays, slot.occursOn(),
					members.getOrDefault(booking.attendeeGroupId() + "/" + slot.occursOn(), Set.of())));
			expectedAt.put(slot, at);
			everyone.addAll(at);
		}
		if (everyone.isEmpty()) {
			return;
		}
		// work shifts: one read for every resident and day
		for (var shift : shifts.published(program, everyone, from, to)) {
			LocalDateTime start = shift.day().atTime(shift.startsAt());
			LocalDateTime end = start.plusMinutes(shift.expectedMinutes());
			for (Slot slot : byDay.getOrDefault(shift.day(), List.of())) {
				if (slot.overlaps(start, end) && expectedAt.get(slot).contains(shift.residentId())) {
					refuse(user, booking, "session.conflict.work", timeField, name(program, shift.residentId()), shift.jobName(),
							shift.day().toString(), shift.startsAt().toString());
				}
			}
		}
		// community meetings: the program's in those days, page by page (a handful a week)
		ZoneId zone = programs.timeZone(program);
		Keyset after = null;
		do {
			Slice<Meeting> page = meetings.list(user, null, null, from, to, new PageRequest(after, PageRequest.MAX_LIMIT));
			for (Meeting m : page.items()) {
				LocalDateTime start = LocalDateTime.ofInstant(m.startsAt(), zone);
				LocalDateTime end = start.plusMinutes(MEETING_MINUTES);
				for (Slot slot : byDay.getOrDefault(start.toLocalDate(), List.of())) {
					if (!slot.overlaps(start, end)) {
						continue;
					}
					for (UUID resident : expectedAt.get(slot)) {
						if (m.houseId() == null || m.houseId().equals(stays.houseOf(resident, start.toLocalDate()))) {
							refuse(user, booking, "session.conflict.meeting", timeField, name(program, resident), m.title(),
									start.toLocalDate().toString(), start.toLocalTime().toString());
						}
					}
				}
			}
			after = page.next();
		}
		while (after != null);
	}

	private record Clash(Slot slot, Occurrence other) {
	}

	private record Stay(UUID residentId, UUID houseId, LocalDate admittedOn, LocalDate dischargedOn) {

		boolean on(LocalDate day) {
			return !admittedOn.isAfter(day) && (dischargedOn == null || dischargedOn.isAfter(day));
		}
	}

	private record Stays(List<Stay> all) {

		Set<UUID> inHouse(UUID house, LocalDate day) {
			Set<UUID> out = new LinkedHashSet<>();
			all.stream().filter(s -> s.houseId().equals(house) && s.on(day)).forEach(s -> out.add(s.residentId()));
			return out;
		}

		UUID houseOf(UUID resident, LocalDate day) {
			return all.stream().filter(s -> s.residentId().equals(resident) && s.on(day)).map(Stay::houseId).findFirst()
				.orElse(null);
		}
	}

	/**
	 * The levels of every resident concerned and the program's kinds: residents below a kind's minimum
	 * level on the day are not expected at it, whether of the house, the small group or named
	 * ({@link SessionEligibility}).
	 */
	private record Levels(Map<UUID, SessionType> kinds, Map<UUID, List<LevelHistoryEntry>> histories) {

		Set<UUID> reached(UUID typeId, LocalDate day, Set<UUID> expected) {
			SessionType kind = kinds.get(typeId);
			if (kind == null || kind.minimumLevel() == null) {
				return expected;
			}
			Set<UUID> out = new LinkedHashSet<>();
			for (UUID resident : expected) {
				if (SessionEligibility.reached(kind, SessionEligibility.levelOn(histories.getOrDefault(resident, List.of()), day))) {
					out.add(resident);
				}
			}
			return out;
		}
	}

	private Levels levels(ProgramId program, Stays stays, Set<UUID> named) {
		Map<UUID, SessionType> kinds = new HashMap<>();
		types.all(program).forEach(t -> kinds.put(t.id(), t));
		if (kinds.values().stream().allMatch(t -> t.minimumLevel() == null)) {
			return new Levels(kinds, Map.of());
		}
		Set<UUID> residents = new HashSet<>(named);
		stays.all().forEach(s -> residents.add(s.residentId()));
		return new Levels(kinds, residentLevels.histories(program, residents));
	}

	/** The stays in a house of the houses' and the named residents over the range, moves included ({@link HouseDays}). */
	private Stays stays(ProgramId program, Set<UUID> houses, Set<UUID> residents, LocalDate from, LocalDate to) {
		List<Stay> all = new ArrayList<>();
		houseDays.spells(program, null, from, to).values().forEach(spells -> spells.stream()
			.filter(s -> houses.contains(s.houseId()) || residents.contains(s.residentId()))
			.forEach(s -> all.add(new Stay(s.residentId(), s.houseId(), s.from(), s.until()))));
		return new Stays(all);
	}

	private static Set<UUID> expected(AttendeeKind kind, UUID house, Collection<UUID> named, Stays stays, LocalDate day,
			Set<UUID> groupMembers) {
		return switch (kind) {
			case HOUSE -> house == null ? Set.of() : stays.inHouse(house, day);
			case RESIDENTS -> new LinkedHashSet<>(named);
			case GROUP -> groupMembers;
		};
	}

	private Set<UUID> members(ProgramId program, Map<String, Set<UUID>> memo, UUID groupId, LocalDate day) {
		if (groupId == null) {
			return Set.of();
		}
		return memo.computeIfAbsent(groupId + "/" + day, k -> new LinkedHashSet<>(groups.members(program, groupId, day)));
	}

	private Object title(ProgramId program, Occurrence o) {
		if (o.title() != null && !o.title().isBlank()) {
			return o.title();
		}
		SessionType type = types.all(program).stream().filter(t -> t.id().equals(o.typeId())).findFirst().orElse(null);
		if (type == null || type.name() != null) {
			return type == null ? "" : type.name();
		}
		return new DefaultMessageSourceResolvable(new String[] { "session.type." + type.code() }, type.code());
	}

	private String name(ProgramId program, UUID resident) {
		return census.find(program, resident).map(CensusEntry::displayName).orElse("");
	}

	/** Waits for the program's other bookings in progress; the lock is held until the transaction ends. */
	private void takeTurns(ProgramId program) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended('sessions-booking:' || ?, 0))")
			.param(program.value().toString()).query((rs, n) -> 1).list();
	}

	private void refuse(MilieuUser user, Booking booking, String code, String field, Object who, Object what, Occurrence at) {
		refuse(user, booking, code, field, who, what, at.start().toLocalDate().toString(), at.start().toLocalTime().toString());
	}

	private void refuse(MilieuUser user, Booking booking, String code, String field, Object who, Object what, String day,
			String time) {
		trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.UPDATE, AuditOutcome.DENIED)
			.on("Session", booking.sessionId()).saying("booking refused: " + code.substring(code.lastIndexOf('.') + 1)
					+ " conflict on " + day + " at " + time));
		throw new RuleViolation(code, field, who, what, day, time);
	}
}
