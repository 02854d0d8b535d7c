package org.milieu.staffing;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;

import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.milieu.shared.ProgramId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The program's shift pattern, and which shift is running now. */
@Service
public class Shifts {

	private final JdbcClient jdbc;

	private final Programs programs;

	private final Clock clock;

	Shifts(JdbcClient jdbc, Programs programs, Clock clock) {
		this.jdbc = jdbc;
		this.programs = programs;
		this.clock = clock;
	}

	/** The program's shift start times; the default pattern until the director sets them. */
	@Transactional(readOnly = true)
	public ShiftPattern pattern(ProgramId program) {
		Map<ShiftCode, LocalTime> starts = new EnumMap<>(ShiftCode.class);
		jdbc.sql("select code, starts_at from staffing_shift where program_id = ?")
			.param(program.value())
			.query((rs, n) -> starts.put(ShiftCode.valueOf(rs.getString("code")), rs.getObject("starts_at", LocalTime.class)))
			.list();
		if (starts.size() < 3) {
			return ShiftPattern.DEFAULT;
		}
		return new ShiftPattern(starts.get(ShiftCode.DAY), starts.get(ShiftCode.EVENING), starts.get(ShiftCode.NIGHT));
	}

	/** Sets when the shifts start; takes effect at once (the running shift may change). */
	@Transactional
	public void configure(ProgramId program, ShiftPattern pattern) {
		for (ShiftCode shift : ShiftCode.values()) {
			jdbc.sql("""
					insert into staffing_shift (program_id, code, starts_at) values (?, ?, ?)
					on conflict (program_id, code) do update set starts_at = excluded.starts_at""")
				.params(program.value(), shift.name(), pattern.startOf(shift))
				.update();
		}
	}

	/** The shift running now. */
	@Transactional(readOnly = true)
	public ShiftOccurrence current(ProgramId program) {
		return pattern(program).at(clock.instant(), zone(program));
	}

	public ZoneId zone(ProgramId program) {
		return programs.find(program).map(Program::timeZone).orElse(ZoneOffset.UTC);
	}
}
