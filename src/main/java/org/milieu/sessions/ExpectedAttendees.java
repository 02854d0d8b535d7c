package org.milieu.sessions;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.milieu.groups.SmallGroups;
import org.milieu.shared.ProgramId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The residents expected at an occurrence: the residents staying in the house on that day, the
 * named residents not taken off the list before that day (a discharge takes them off), or the
 * small group's members on that day. No access check here: callers check their reader.
 */
@Service
public class ExpectedAttendees {

	private final JdbcClient jdbc;

	private final SessionRows rows;

	private final SmallGroups groups;

	ExpectedAttendees(JdbcClient jdbc, SessionRows rows, SmallGroups groups) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.groups = groups;
	}

	/** The residents expected at the session's occurrence on {@code occursOn} (the date its rule gives it). */
	@Transactional(readOnly = true)
	public List<UUID> residents(ProgramId program, UUID sessionId, LocalDate occursOn) {
		Session session = rows.find(program.value(), sessionId).orElse(null);
		if (session == null) {
			return List.of();
		}
		return switch (session.attendeeKind()) {
			case HOUSE -> jdbc.sql("""
					select resident_id from residents_stay
					where program_id = ? and house_id = ? and admitted_on <= ? and (discharged_on is null or discharged_on > ?)
					order by resident_id""")
				.params(program.value(), session.attendeeHouseId(), occursOn, occursOn).query(UUID.class).list();
			case RESIDENTS -> jdbc.sql("""
					select a.resident_id from sessions_attendee a
					where a.session_id = ? and (a.removed_on is null or a.removed_on > ?) order by a.resident_id""")
				.params(sessionId, occursOn).query(UUID.class).list();
			case GROUP -> groups.members(program, session.attendeeGroupId(), occursOn);
		};
	}
}
