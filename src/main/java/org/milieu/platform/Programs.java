package org.milieu.platform;

import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.milieu.shared.ProgramId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The programs (communities) this installation serves. */
@Service
public class Programs {

	private final JdbcClient jdbc;

	Programs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Optional<Program> find(ProgramId id) {
		return jdbc.sql("select id, name, time_zone from platform_program where id = ?")
			.param(id.value())
			.query((rs, n) -> new Program(new ProgramId(rs.getObject("id", UUID.class)), rs.getString("name"),
					ZoneId.of(rs.getString("time_zone"))))
			.optional();
	}

	/** The program's time zone, in which its days begin and end; UTC for a program not found. */
	@Transactional(readOnly = true)
	public ZoneId timeZone(ProgramId id) {
		return find(id).map(Program::timeZone).orElse(java.time.ZoneOffset.UTC);
	}

	/**
	 * The instants a listing's date filter runs between: {@code from}'s day begins and {@code to}'s day ends in
	 * the program's time zone (both days included); either is null when its day is. The zone is read once.
	 */
	@Transactional(readOnly = true)
	public Days days(ProgramId id, java.time.LocalDate from, java.time.LocalDate to) {
		if (from == null && to == null) {
			return new Days(null, null);
		}
		ZoneId zone = timeZone(id);
		return new Days(from == null ? null : from.atStartOfDay(zone).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
	}

	/** A date filter's bounds: {@code start} inclusive, {@code end} exclusive, each null when not asked. */
	public record Days(java.time.Instant start, java.time.Instant end) {
	}

	/** Every program of the installation, for jobs that run across them. */
	@Transactional(readOnly = true)
	public java.util.List<Program> all() {
		return jdbc.sql("select id, name, time_zone from platform_program order by name")
			.query((rs, n) -> new Program(new ProgramId(rs.getObject("id", UUID.class)), rs.getString("name"),
					ZoneId.of(rs.getString("time_zone"))))
			.list();
	}

	@Transactional(readOnly = true)
	public boolean any() {
		return jdbc.sql("select exists (select 1 from platform_program)").query(Boolean.class).single();
	}

	/** Founds a program; its id is chosen by the caller so seeded communities stay reproducible. */
	@Transactional
	public Program found(ProgramId id, String name, ZoneId timeZone) {
		jdbc.sql("insert into platform_program (id, name, time_zone) values (?, ?, ?)")
			.params(id.value(), name, timeZone.getId())
			.update();
		return new Program(id, name, timeZone);
	}
}
