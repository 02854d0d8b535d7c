package org.milieu.sessions;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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
 * discharge takes them off), or the small group's members on that day. At a house's or a small
 * group's session, a resident below the kind's minimum level on that day is not expected
 * ({@link SessionEligibility}); named residents were checked when they were named. No access check
 * here: callers check their reader.
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
			case RESIDENTS -> jdbc.sql("""
					select a.resident_id from sessions_attendee a
					where a.session_id = ? and (a.removed_on is null or a.removed_on > ?) order by a.resident_id""")
				.params(sessionId, occursOn).query(UUID.class).list();
			case GROUP -> eligibility.eligible(program, types.find(program, session.typeId()),
					groups.members(program, session.attendeeGroupId(), occursOn), occursOn);
		};
	}
}
