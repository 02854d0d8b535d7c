package org.milieu.levels;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.milieu.shared.ProgramId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each resident's level of responsibility and its history. */
@Service
public class ResidentLevels {

	private final JdbcClient jdbc;

	ResidentLevels(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The level of every resident of the program who has one, by resident id. */
	@Transactional(readOnly = true)
	public Map<UUID, CurrentLevel> current(ProgramId program) {
		return jdbc.sql("""
				select distinct on (resident_id) resident_id, level, effective_on
				  from levels_assignment
				 where program_id = ?
				 order by resident_id, effective_on desc, recorded_at desc""")
			.param(program.value())
			.query((rs, n) -> new CurrentLevel(rs.getObject("resident_id", UUID.class), Level.of(rs.getInt("level")),
					rs.getObject("effective_on", LocalDate.class)))
			.list().stream().collect(Collectors.toMap(CurrentLevel::residentId, c -> c));
	}

	/**
	 * Records that a resident is at {@code level} from {@code effectiveOn}. Assignments are never
	 * changed afterwards: a later decision is a new row with its own reason.
	 */
	@Transactional
	public void assign(ProgramId program, UUID residentId, Level level, LocalDate effectiveOn, String decidedBy,
			String rationale) {
		jdbc.sql("""
				insert into levels_assignment (id, program_id, resident_id, level, effective_on, decided_by, rationale)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), program.value(), residentId, level.number(), effectiveOn, decidedBy, rationale)
			.update();
	}
}
