package org.milieu.staffing;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.milieu.residents.Houses;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each house's staffing minimum per shift, as the most residents one staff member on shift may
 * look after: 8 by day and evening and 12 by night unless the director sets otherwise.
 */
@Service
public class StaffingMinimums {

	static final Map<ShiftCode, Integer> DEFAULTS = Map.of(ShiftCode.DAY, 8, ShiftCode.EVENING, 8, ShiftCode.NIGHT, 12);

	private final JdbcClient jdbc;

	private final Houses houses;

	StaffingMinimums(JdbcClient jdbc, Houses houses) {
		this.jdbc = jdbc;
		this.houses = houses;
	}

	/** Every house's minimums, by house and shift, defaults filled in. */
	@Transactional(readOnly = true)
	public Map<UUID, Map<ShiftCode, Integer>> all(ProgramId program) {
		Map<UUID, Map<ShiftCode, Integer>> result = new HashMap<>();
		jdbc.sql("select house_id, shift, residents_per_staff from staffing_minimum where program_id = ?")
			.param(program.value())
			.query((rs, n) -> result.computeIfAbsent(rs.getObject("house_id", UUID.class), h -> withDefaults())
				.put(ShiftCode.valueOf(rs.getString("shift")), rs.getInt("residents_per_staff")))
			.list();
		return result;
	}

	/** One house's minimums, defaults filled in. */
	@Transactional(readOnly = true)
	public Map<ShiftCode, Integer> of(ProgramId program, UUID houseId) {
		return all(program).getOrDefault(houseId, withDefaults());
	}

	/** Sets a house's minimums for all three shifts (1 to 100 residents per staff member). */
	@Transactional
	public void set(ProgramId program, UUID houseId, Map<ShiftCode, Integer> minimums) {
		houses.find(program, houseId);
		for (ShiftCode shift : ShiftCode.values()) {
			Integer value = minimums.get(shift);
			if (value == null || value < 1 || value > 100) {
				throw new RuleViolation("staffing.minimum.range", shift.name().toLowerCase(java.util.Locale.ROOT));
			}
		}
		for (ShiftCode shift : ShiftCode.values()) {
			jdbc.sql("""
					insert into staffing_minimum (program_id, house_id, shift, residents_per_staff) values (?, ?, ?, ?)
					on conflict (house_id, shift) do update set residents_per_staff = excluded.residents_per_staff""")
				.params(program.value(), houseId, shift.name(), minimums.get(shift))
				.update();
		}
	}

	static Map<ShiftCode, Integer> withDefaults() {
		return new EnumMap<>(DEFAULTS);
	}
}
