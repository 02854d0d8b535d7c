package org.milieu.staffing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.residents.Houses;
import org.milieu.shared.ProgramId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live census by house with its staffing: computed from today's stays and open check-ins on
 * every call, never from a nightly copy. Counts only; no resident is named.
 */
@Service
public class StaffingCensus {

	private final Houses houses;

	private final Shifts shifts;

	private final StaffingMinimums minimums;

	private final JdbcClient jdbc;

	StaffingCensus(Houses houses, Shifts shifts, StaffingMinimums minimums, JdbcClient jdbc) {
		this.houses = houses;
		this.shifts = shifts;
		this.minimums = minimums;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<HouseStaffing> now(ProgramId program) {
		ShiftCode shift = shifts.current(program).shift();
		Map<UUID, Integer> staff = new HashMap<>();
		jdbc.sql("""
				select house_id, count(*) as staff from staffing_check_in
				 where program_id = ? and checked_out_at is null group by house_id""")
			.param(program.value())
			.query((rs, n) -> staff.put(rs.getObject("house_id", UUID.class), rs.getInt("staff")))
			.list();
		Map<UUID, Map<ShiftCode, Integer>> minimum = minimums.all(program);
		return houses.list(program).stream()
			.map(s -> HouseStaffing.of(s.house().id(), s.house().name(), s.beds(), s.occupied(),
					staff.getOrDefault(s.house().id(), 0),
					minimum.getOrDefault(s.house().id(), StaffingMinimums.withDefaults()).get(shift), shift))
			.toList();
	}
}
