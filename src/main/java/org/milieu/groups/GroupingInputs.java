package org.milieu.groups;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.milieu.levels.CurrentLevel;
import org.milieu.levels.ResidentLevels;
import org.milieu.shared.ProgramId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the proposer weighs, read for the residents living in a house today: their level (levels),
 * the mean of their current shift ratings over the 14 days up to today, safety left out (its scale is
 * 0–1, the others 1–4), and the areas of the problems in their plan version in force (plans, read
 * only). Instrument scores are empty until the outcomes module supplies them. Reading here checks no
 * access: the caller has.
 */
@Component
class GroupingInputs {

	static final int RATING_DAYS = 14;

	private final JdbcClient jdbc;

	private final ResidentLevels levels;

	GroupingInputs(JdbcClient jdbc, ResidentLevels levels) {
		this.jdbc = jdbc;
		this.levels = levels;
	}

	/** The needs of each resident of {@code residents} (who live in {@code houseId}), in that order. */
	Map<UUID, NeedProfile> profiles(ProgramId program, UUID houseId, Collection<UUID> residents, LocalDate today) {
		Map<UUID, CurrentLevel> level = levels.current(program, residents);
		// by the residents' ids, so each reads its own ratings through the resident's index (not the program's)
		UUID[] ids = residents.toArray(UUID[]::new);
		Map<UUID, Double> ratings = new HashMap<>();
		jdbc.sql("""
				select resident_id, avg(value)::float8 as mean from levels_shift_rating
				 where resident_id = any(?) and program_id = ? and shift_date > ? and shift_date <= ?
				   and superseded_by is null and domain <> 'SAFETY'
				 group by resident_id""")
			.params(ids, program.value(), today.minusDays(RATING_DAYS), today)
			.query((java.sql.ResultSet rs) -> {
				ratings.put(rs.getObject("resident_id", UUID.class), rs.getDouble("mean"));
			});
		Map<UUID, Set<String>> areas = new HashMap<>();
		jdbc.sql("""
				select p.resident_id, i.area from plans_item i
				  join plans_version v on v.plan_id = i.plan_id and v.number = i.version_number
				  join plans_plan p on p.id = i.plan_id
				 where p.program_id = ? and v.status = 'IN_FORCE' and i.kind = 'PROBLEM' and i.area is not null
				   and p.resident_id in (select resident_id from residents_stay where house_id = ? and discharged_on is null)""")
			.params(program.value(), houseId)
			.query((java.sql.ResultSet rs) -> {
				areas.computeIfAbsent(rs.getObject("resident_id", UUID.class), r -> new HashSet<>()).add(rs.getString("area"));
			});
		Map<UUID, NeedProfile> profiles = new LinkedHashMap<>();
		for (UUID resident : residents) {
			CurrentLevel current = level.get(resident);
			profiles.put(resident, new NeedProfile(resident, current == null ? 0 : current.level().number(),
					ratings.get(resident), areas.getOrDefault(resident, Set.of()), Map.of()));
		}
		return profiles;
	}
}
