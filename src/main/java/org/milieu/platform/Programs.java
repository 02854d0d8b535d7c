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
	 * The instant {@code day} begins in the program's time zone: the bound of a listing's date filter, whose
	 * {@code from} day starts at {@code dayStart(from)} and {@code to} day ends at {@code dayStart(to + 1)}.
	 */
	@Transactional(readOnly = true)
	public java.time.Instant dayStart(ProgramId id, java.time.LocalDate day) {
		return day.atStartOfDay(timeZone(id)).toInstant();
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
