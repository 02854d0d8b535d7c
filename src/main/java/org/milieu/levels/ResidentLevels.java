package org.milieu.levels;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

	/** The level of each of these residents who has one, by resident id: {@link #current(ProgramId)} for a few. */
	@Transactional(readOnly = true)
	public Map<UUID, CurrentLevel> current(ProgramId program, java.util.Collection<UUID> residents) {
		if (residents.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				select distinct on (resident_id) resident_id, level, effective_on
				  from levels_assignment
				 where program_id = ? and resident_id = any(?)
				 order by resident_id, effective_on desc, recorded_at desc""")
			.params(program.value(), residents.toArray(UUID[]::new))
			.query((rs, n) -> new CurrentLevel(rs.getObject("resident_id", UUID.class), Level.of(rs.getInt("level")),
					rs.getObject("effective_on", LocalDate.class)))
			.list().stream().collect(Collectors.toMap(CurrentLevel::residentId, c -> c));
	}

	/** One resident's level today and since when, if they have one. */
	@Transactional(readOnly = true)
	public Optional<CurrentLevel> currentOf(ProgramId program, UUID residentId) {
		return jdbc.sql("""
				select resident_id, level, effective_on from levels_assignment
				 where program_id = ? and resident_id = ?
				 order by effective_on desc, recorded_at desc limit 1""")
			.params(program.value(), residentId)
			.query((rs, n) -> new CurrentLevel(rs.getObject("resident_id", UUID.class), Level.of(rs.getInt("level")),
					rs.getObject("effective_on", LocalDate.class)))
			.optional();
	}

	/** A resident's level history, newest first (the first entry is their level today). */
	@Transactional(readOnly = true)
	public List<LevelHistoryEntry> history(ProgramId program, UUID residentId) {
		return jdbc.sql("""
				select level, effective_on, decided_by, rationale from levels_assignment
				 where program_id = ? and resident_id = ?
				 order by effective_on desc, recorded_at desc""")
			.params(program.value(), residentId)
			.query((rs, n) -> new LevelHistoryEntry(Level.of(rs.getInt("level")), rs.getObject("effective_on", LocalDate.class),
					rs.getString("decided_by"), rs.getString("rationale")))
			.list();
	}

	/**
	 * The level histories of many residents at once (one query), newest first for each; {@code residents}
	 * null for every resident of the program. For readers that need each resident's level on past days
	 * (a level is the latest assignment effective by that day).
	 */
	@Transactional(readOnly = true)
	public Map<UUID, List<LevelHistoryEntry>> histories(ProgramId program, Collection<UUID> residents) {
		if (residents != null && residents.isEmpty()) {
			return Map.of();
		}
		Map<UUID, List<LevelHistoryEntry>> out = new HashMap<>();
		JdbcClient.StatementSpec spec = jdbc.sql("""
				select resident_id, level, effective_on, decided_by, rationale from levels_assignment
				 where program_id = ?""" + (residents == null ? "" : " and resident_id = any(?)")
				+ " order by resident_id, effective_on desc, recorded_at desc").param(program.value());
		if (residents != null) {
			spec = spec.param(residents.toArray(UUID[]::new));
		}
		spec.query((rs, n) -> out.computeIfAbsent(rs.getObject("resident_id", UUID.class), k -> new ArrayList<>())
			.add(new LevelHistoryEntry(Level.of(rs.getInt("level")), rs.getObject("effective_on", LocalDate.class),
					rs.getString("decided_by"), rs.getString("rationale"))))
			.list();
		return out;
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
