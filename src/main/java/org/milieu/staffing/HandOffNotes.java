package org.milieu.staffing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.Accounts;
import org.milieu.identity.MilieuUser;
import org.milieu.residents.Houses;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shift hand-off: the outgoing shift writes what the next one must know about a house, and
 * someone of a later shift acknowledges it. Only people who work in the house (and the director)
 * read and write its notes, since they may speak of residents; reads and writes are audited.
 */
@Service
public class HandOffNotes {

	private static final String SELECT = """
			select id, house_id, shift, shift_date, body, written_by, written_at, acknowledged_by, acknowledged_at
			  from staffing_handoff_note""";

	private final JdbcClient jdbc;

	private final Houses houses;

	private final Workplaces workplaces;

	private final Accounts accounts;

	private final Shifts shifts;

	private final AuditTrail audit;

	private final Clock clock;

	HandOffNotes(JdbcClient jdbc, Houses houses, Workplaces workplaces, Accounts accounts, Shifts shifts, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.houses = houses;
		this.workplaces = workplaces;
		this.accounts = accounts;
		this.shifts = shifts;
		this.audit = audit;
		this.clock = clock;
	}

	/** Writes a note for the next shift of a house, stamped with the shift running now. */
	@Transactional
	public HandOffNote write(MilieuUser user, UUID houseId, String body) {
		houses.find(user.programId(), houseId);
		requireWorksIn(user, houseId);
		String text = body == null ? "" : body.strip();
		if (text.isEmpty()) {
			throw new RuleViolation("staffing.handoff.empty", "body");
		}
		if (text.length() > 4000) {
			throw new RuleViolation("staffing.handoff.tooLong", "body");
		}
		ShiftOccurrence shift = shifts.current(user.programId());
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into staffing_handoff_note (id, program_id, house_id, shift_date, shift, body, written_by, written_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, user.programId().value(), houseId, shift.date(), shift.shift().name(), text, user.accountId(),
					java.sql.Timestamp.from(now))
			.update();
		audit.record(AuditEntry.of(user.actor(), AuditAction.CREATE, AuditOutcome.SUCCESS).on("HandOffNote", id));
		return find(id);
	}

	/** Acknowledges a note: someone other than its writer, who works in the house, has read it. */
	@Transactional
	public HandOffNote acknowledge(MilieuUser user, UUID noteId) {
		HandOffNote note = jdbc.sql(SELECT + " where id = ? and program_id = ? for update")
			.params(noteId, user.programId().value())
			.query((rs, n) -> row(rs).note())
			.optional().orElseThrow(() -> new RecordNotFound("HandOffNote", noteId));
		requireWorksIn(user, note.houseId());
		if (note.acknowledged()) {
			throw new RuleViolation("staffing.handoff.alreadyAcknowledged", null);
		}
		if (note.writtenBy().equals(user.accountId())) {
			throw new RuleViolation("staffing.handoff.ownNote", null);
		}
		jdbc.sql("update staffing_handoff_note set acknowledged_by = ?, acknowledged_at = ? where id = ?")
			.params(user.accountId(), java.sql.Timestamp.from(clock.instant()), noteId)
			.update();
		audit.record(AuditEntry.of(user.actor(), AuditAction.UPDATE, AuditOutcome.SUCCESS).on("HandOffNote", noteId)
			.saying("acknowledged"));
		return find(noteId);
	}

	/**
	 * The notes of the houses this person works in: every unacknowledged one and those of the last
	 * two days, newest first. The read is audited.
	 */
	@Transactional
	public List<HandOffNote> recent(MilieuUser user) {
		Collection<UUID> reach = workplaces.of(user);
		if (reach.isEmpty()) {
			return List.of();
		}
		Instant since = clock.instant().minus(Duration.ofDays(2));
		List<Read> reads = jdbc.sql(SELECT + " " + """
				 where program_id = :program and house_id in (:houses) and (acknowledged_at is null or written_at >= :since)
				 order by written_at desc limit 200""")
			.param("program", user.programId().value())
			.param("houses", reach)
			.param("since", java.sql.Timestamp.from(since))
			.query((rs, n) -> row(rs))
			.list();
		List<HandOffNote> notes = named(reads);
		if (!notes.isEmpty()) {
			audit.record(AuditEntry.of(user.actor(), AuditAction.READ, AuditOutcome.SUCCESS).on("HandOffNote", null)
				.saying(notes.size() + " notes"));
		}
		return notes;
	}

	/** How many notes are waiting for acknowledgement in each house this person works in. */
	@Transactional(readOnly = true)
	public java.util.Map<UUID, Integer> unacknowledged(MilieuUser user) {
		Collection<UUID> reach = workplaces.of(user);
		java.util.Map<UUID, Integer> counts = new java.util.HashMap<>();
		if (reach.isEmpty()) {
			return counts;
		}
		jdbc.sql("""
				select house_id, count(*) as notes from staffing_handoff_note
				 where program_id = :program and house_id in (:houses) and acknowledged_at is null group by house_id""")
			.param("program", user.programId().value())
			.param("houses", reach)
			.query((rs, n) -> counts.put(rs.getObject("house_id", UUID.class), rs.getInt("notes")))
			.list();
		return counts;
	}

	private void requireWorksIn(MilieuUser user, UUID houseId) {
		if (!workplaces.of(user).contains(houseId)) {
			audit.recordIndependently(AuditEntry.of(user.actor(), AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)
				.on("HandOffNote", houseId).saying("does not work in the house"));
			throw new AccessDeniedException("Not a house this person works in");
		}
	}

	private HandOffNote find(UUID id) {
		return named(List.of(jdbc.sql(SELECT + " where id = ?").param(id).query((rs, n) -> row(rs)).single())).get(0);
	}

	/** A note as read, with the id of whoever acknowledged it; names are looked up for many at once. */
	private record Read(HandOffNote note, UUID acknowledger) {
	}

	private static Read row(java.sql.ResultSet rs) throws java.sql.SQLException {
		java.sql.Timestamp acknowledgedAt = rs.getTimestamp("acknowledged_at");
		return new Read(new HandOffNote(rs.getObject("id", UUID.class), rs.getObject("house_id", UUID.class),
				ShiftCode.valueOf(rs.getString("shift")), rs.getObject("shift_date", java.time.LocalDate.class),
				rs.getString("body"), rs.getObject("written_by", UUID.class), null, rs.getTimestamp("written_at").toInstant(),
				null, acknowledgedAt == null ? null : acknowledgedAt.toInstant()), rs.getObject("acknowledged_by", UUID.class));
	}

	private List<HandOffNote> named(List<Read> notes) {
		java.util.Set<UUID> people = new java.util.HashSet<>();
		notes.forEach(r -> {
			people.add(r.note().writtenBy());
			if (r.acknowledger() != null) {
				people.add(r.acknowledger());
			}
		});
		java.util.Map<UUID, String> names = accounts.displayNames(people);
		return notes.stream().map(r -> {
			HandOffNote n = r.note();
			return new HandOffNote(n.id(), n.houseId(), n.shift(), n.shiftDate(), n.body(), n.writtenBy(),
					names.getOrDefault(n.writtenBy(), "?"), n.writtenAt(),
					r.acknowledger() == null ? null : names.getOrDefault(r.acknowledger(), "?"), n.acknowledgedAt());
		}).toList();
	}
}
