package org.milieu.sessions;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.milieu.shared.ProgramId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The occurrences of the program's sessions between two dates, expanded from each session's rule
 * with its exceptions applied (a cancelled occurrence is kept, marked; a moved one stands at its new
 * day, time and room). No access check here: the calendar pages, feeds and roll calls that call it
 * check their reader and decide what to show of each occurrence.
 */
@Service
public class Occurrences {

	/** How far an occurrence may be moved from the date its rule gives it. */
	static final int MOVE_REACH_DAYS = 31;

	private final SessionRows rows;

	private final ExpectedAttendees expected;

	Occurrences(SessionRows rows, ExpectedAttendees expected) {
		this.rows = rows;
		this.expected = expected;
	}

	/** Every occurrence of the program starting from {@code from} to {@code to} (both days included), by start. */
	@Transactional(readOnly = true)
	public List<Occurrence> between(ProgramId program, LocalDate from, LocalDate to) {
		return expand(rows.within(program.value(), from.minusDays(MOVE_REACH_DAYS), to.plusDays(MOVE_REACH_DAYS)), from, to,
				s -> true);
	}

	/** The occurrences of sessions of a house (its own sessions and those for its residents as a house). */
	@Transactional(readOnly = true)
	public List<Occurrence> ofHouse(ProgramId program, UUID houseId, LocalDate from, LocalDate to) {
		return expand(rows.within(program.value(), from.minusDays(MOVE_REACH_DAYS), to.plusDays(MOVE_REACH_DAYS)), from, to,
				s -> houseId.equals(s.houseId()) || houseId.equals(s.attendeeHouseId()));
	}

	/** The occurrences a staff member facilitates. */
	@Transactional(readOnly = true)
	public List<Occurrence> ofFacilitator(ProgramId program, UUID accountId, LocalDate from, LocalDate to) {
		return expand(rows.within(program.value(), from.minusDays(MOVE_REACH_DAYS), to.plusDays(MOVE_REACH_DAYS)), from, to,
				s -> s.facilitators().stream().anyMatch(f -> f.accountId().equals(accountId)));
	}

	/** The occurrences a resident is expected at (as one of a house, of a small group, or by name). */
	@Transactional(readOnly = true)
	public List<Occurrence> ofResident(ProgramId program, UUID residentId, LocalDate from, LocalDate to) {
		List<Occurrence> all = between(program, from, to);
		return all.stream().filter(o -> expected.residents(program, o.sessionId(), o.occursOn()).contains(residentId)).toList();
	}

	/** One occurrence: the session's, on the date its rule gives it; empty when the rule gives no such date. */
	@Transactional(readOnly = true)
	public Optional<Occurrence> occurrence(ProgramId program, UUID sessionId, LocalDate occursOn) {
		return rows.find(program.value(), sessionId).flatMap(s -> occurrencesOf(s, occursOn, occursOn).stream()
			.filter(o -> o.occursOn().equals(occursOn)).findFirst());
	}

	private static List<Occurrence> expand(List<Session> sessions, LocalDate from, LocalDate to, Predicate<Session> which) {
		List<Occurrence> out = new ArrayList<>();
		for (Session session : sessions) {
			if (!which.test(session)) {
				continue;
			}
			for (Occurrence o : occurrencesOf(session, from.minusDays(MOVE_REACH_DAYS), to.plusDays(MOVE_REACH_DAYS))) {
				LocalDate day = o.start().toLocalDate();
				if (!day.isBefore(from) && !day.isAfter(to)) {
					out.add(o);
				}
			}
		}
		out.sort(Comparator.comparing(Occurrence::start).thenComparing(Occurrence::title).thenComparing(o -> o.sessionId().toString()));
		return out;
	}

	/** The session's occurrences whose rule dates fall from {@code from} to {@code to}. */
	static List<Occurrence> occurrencesOf(Session s, LocalDate from, LocalDate to) {
		List<LocalDate> dates = s.recurring() ? Recurrence.of(s.rrule(), s.firstOn()).dates(from, to)
				: (s.firstOn().isBefore(from) || s.firstOn().isAfter(to) ? List.of() : List.of(s.firstOn()));
		List<Occurrence> out = new ArrayList<>(dates.size());
		for (LocalDate date : dates) {
			SessionException change = s.exceptions().stream().filter(e -> e.occursOn().equals(date)).findFirst().orElse(null);
			LocalDateTime start = date.atTime(s.startsAt());
			String room = s.room();
			boolean cancelled = s.cancelled();
			if (change != null && change.kind() == SessionException.Kind.MOVED) {
				start = change.movedOn().atTime(change.movedAt());
				room = change.room() != null ? change.room() : room;
			}
			else if (change != null) {
				cancelled = true;
			}
			out.add(new Occurrence(s.id(), date, start, start.plusMinutes(s.durationMinutes()), s.typeId(), s.title(),
					s.houseId() != null ? s.houseId() : s.attendeeHouseId(), room, s.attendeeKind(), s.facilitators(),
					s.recurring(), cancelled));
		}
		return out;
	}
}
