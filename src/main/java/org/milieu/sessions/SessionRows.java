package org.milieu.sessions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads sessions with their facilitators, named residents and exceptions: one query per table for
 * any number of sessions. No access check here: the services that call it check their reader.
 */
@Component
class SessionRows {

	private final JdbcClient jdbc;

	SessionRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Session> find(UUID program, UUID id) {
		return read("s.program_id = ? and s.id = ?", program, id).stream().findFirst();
	}

	/** The program's sessions (cancelled ones too) with an occurrence that may fall from {@code from} to {@code to}. */
	List<Session> within(UUID program, LocalDate from, LocalDate to) {
		return read("s.program_id = ? and s.first_on <= ? and (s.last_on is null or s.last_on >= ?)", program, to, from);
	}

	private List<Session> read(String where, Object... params) {
		List<Base> bases = jdbc.sql("select s.* from sessions_session s where " + where + " order by s.first_on, s.starts_at, s.id")
			.params(params).query(SessionRows::base).list();
		if (bases.isEmpty()) {
			return List.of();
		}
		UUID[] ids = bases.stream().map(Base::id).toArray(UUID[]::new);
		Map<UUID, List<Facilitator>> facilitators = new HashMap<>();
		jdbc.sql("select session_id, account_id, name from sessions_facilitator where session_id = any(?) order by name")
			.param(ids).query((rs, n) -> facilitators.computeIfAbsent(rs.getObject("session_id", UUID.class), k -> new ArrayList<>())
				.add(new Facilitator(rs.getObject("account_id", UUID.class), rs.getString("name"))))
			.list();
		Map<UUID, List<UUID>> residents = new HashMap<>();
		jdbc.sql("select session_id, resident_id from sessions_attendee where session_id = any(?) and removed_on is null order by resident_id")
			.param(ids).query((rs, n) -> residents.computeIfAbsent(rs.getObject("session_id", UUID.class), k -> new ArrayList<>())
				.add(rs.getObject("resident_id", UUID.class)))
			.list();
		Map<UUID, List<SessionException>> exceptions = new HashMap<>();
		jdbc.sql("select * from sessions_exception where session_id = any(?) order by occurs_on").param(ids)
			.query((rs, n) -> exceptions.computeIfAbsent(rs.getObject("session_id", UUID.class), k -> new ArrayList<>())
				.add(new SessionException(rs.getObject("occurs_on", LocalDate.class),
						SessionException.Kind.valueOf(rs.getString("kind")), rs.getObject("moved_on", LocalDate.class),
						rs.getObject("moved_at", LocalTime.class), rs.getString("room"), rs.getString("reason"))))
			.list();
		return bases.stream().map(b -> new Session(b.id, b.typeId, b.title, b.houseId, b.room, b.firstOn, b.startsAt,
				b.duration, b.rrule, b.lastOn, b.kind, b.attendeeHouseId, b.attendeeGroupId,
				facilitators.getOrDefault(b.id, List.of()), residents.getOrDefault(b.id, List.of()),
				exceptions.getOrDefault(b.id, List.of()), b.cancelled, b.version)).toList();
	}

	private record Base(UUID id, UUID typeId, String title, UUID houseId, String room, LocalDate firstOn, LocalTime startsAt,
			int duration, String rrule, LocalDate lastOn, AttendeeKind kind, UUID attendeeHouseId, UUID attendeeGroupId,
			boolean cancelled, int version) {
	}

	private static Base base(ResultSet rs, int n) throws SQLException {
		return new Base(rs.getObject("id", UUID.class), rs.getObject("type_id", UUID.class), rs.getString("title"),
				rs.getObject("house_id", UUID.class), rs.getString("room"), rs.getObject("first_on", LocalDate.class),
				rs.getObject("starts_at", LocalTime.class), rs.getInt("duration_minutes"), rs.getString("rrule"),
				rs.getObject("last_on", LocalDate.class), AttendeeKind.valueOf(rs.getString("attendee_kind")),
				rs.getObject("attendee_house_id", UUID.class), rs.getObject("attendee_group_id", UUID.class),
				rs.getTimestamp("cancelled_at") != null, rs.getInt("version"));
	}

	static UUID[] array(Collection<UUID> ids) {
		return ids.toArray(UUID[]::new);
	}
}
