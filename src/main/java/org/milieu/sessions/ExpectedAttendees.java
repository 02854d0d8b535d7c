package org.milieu.sessions;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.milieu.groups.SmallGroups;
import org.milieu.residents.HouseDays;
import org.milieu.shared.ProgramId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The residents expected at an occurrence: the residents staying in the house on that day (moves
 * included: a resident who moved is expected at the new house's sessions from the day of the move,
 * no longer at the old one's), the named residents not taken off the list before that day (a
 * discharge takes them off), or the small group's members on that day; whichever the attendees, a
 * resident below the kind's minimum level on that day is not expected ({@link SessionEligibility}:
 * naming one below it on the first date is refused; one named who later falls below it is expected
 * again from the day they reach it again). No access check here: callers check their reader.
 */
@Service
public class ExpectedAttendees {

	private final JdbcClient jdbc;

	private final SessionRows rows;

	private final SmallGroups groups;

	private final HouseDays houseDays;

	private final SessionTypes types;

	private final SessionEligibility eligibility;

	ExpectedAttendees(JdbcClient jdbc, SessionRows rows, SmallGroups groups, HouseDays houseDays, SessionTypes types,
			SessionEligibility eligibility) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.groups = groups;
		this.houseDays = houseDays;
		this.types = types;
		this.eligibility = eligibility;
	}

	/** The residents expected at the session's occurrence on {@code occursOn} (the date its rule gives it). */
	@Transactional(readOnly = true)
	public List<UUID> residents(ProgramId program, UUID sessionId, LocalDate occursOn) {
		Session session = rows.find(program.value(), sessionId).orElse(null);
		if (session == null) {
			return List.of();
		}
		return switch (session.attendeeKind()) {
			case HOUSE -> eligibility.eligible(program, types.find(program, session.typeId()),
					houseDays.residentsOf(program, session.attendeeHouseId(), occursOn), occursOn);
			case RESIDENTS -> eligibility.eligible(program, types.find(program, session.typeId()), jdbc.sql("""
					select a.resident_id from sessions_attendee a
					where a.session_id = ? and (a.removed_on is null or a.removed_on > ?) order by a.resident_id""")
				.params(sessionId, occursOn).query(UUID.class).list(), occursOn);
			case GROUP -> eligibility.eligible(program, types.find(program, session.typeId()),
					groups.members(program, session.attendeeGroupId(), occursOn), occursOn);
		};
	}

	/**
	 * The days among {@code days} on which the resident is expected at a small group's session: in the
	 * group that day and at the kind's minimum level, as {@link #residents} decides each day, read in two
	 * queries however many the days.
	 */
	@Transactional(readOnly = true)
	public Set<LocalDate> daysInGroup(ProgramId program, Session session, UUID resident, Collection<LocalDate> days) {
		if (session.attendeeKind() != AttendeeKind.GROUP) {
			throw new IllegalArgumentException("not a small group's session");
		}
		Set<LocalDate> member = groups.daysAmong(program, session.attendeeGroupId(), resident, days);
		if (member.isEmpty()) {
			return member;
		}
		List<SessionEligibility.Span> levelled = eligibility.eligibleSpans(program, types.find(program, session.typeId()),
				resident);
		return member.stream().filter(d -> levelled.stream().anyMatch(span -> span.covers(d))).collect(Collectors.toSet());
	}
}
