package org.milieu.levels;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Reach;
import org.milieu.identity.ResidentScope;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.DataCategory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Today's residents grouped by level, as far as the reader's reach goes. */
@Service
public class LevelBoard {

	private final Census census;

	private final ResidentLevels levels;

	private final AccessPolicy policy;

	LevelBoard(Census census, ResidentLevels levels, AccessPolicy policy) {
		this.census = census;
		this.levels = levels;
		this.policy = policy;
	}

	/** Every level with its residents (possibly none), and those without a level; each one shown is audited. */
	@Transactional
	public Board forReader(MilieuUser user) {
		return read(user, "LevelBoard");
	}

	/**
	 * How many of today's residents each house has at each level, and without one, as far as the
	 * reader's reach goes (a list: for staff roles only). It shows no names, but it says something
	 * about each resident counted, so each one is audited as the board's residents are.
	 */
	@Transactional
	public List<HouseLevels> distribution(MilieuUser user) {
		return read(user, "LevelDistribution").byHouse();
	}

	private Board read(MilieuUser user, String resourceType) {
		Reach reach = policy.enforceListing(user, DataCategory.LEVELS_AND_RATINGS, resourceType);
		Map<UUID, CurrentLevel> current = levels.current(user.programId());
		Map<Level, List<Row>> columns = new EnumMap<>(Level.class);
		for (Level level : Level.values()) {
			columns.put(level, new ArrayList<>());
		}
		List<CensusEntry> unassigned = new ArrayList<>();
		List<ResidentScope> shown = new ArrayList<>();
		for (CensusEntry entry : census.today(user.programId())) {
			if (!reach.includes(entry.residentId(), entry.houseId())) {
				continue;
			}
			shown.add(new ResidentScope(entry.residentId(), entry.houseId()));
			CurrentLevel level = current.get(entry.residentId());
			if (level == null) {
				unassigned.add(entry);
			}
			else {
				columns.get(level.level()).add(new Row(entry, level));
			}
		}
		policy.recordListed(user, DataCategory.LEVELS_AND_RATINGS, resourceType, reach, shown);
		return new Board(Collections.unmodifiableMap(columns), List.copyOf(unassigned));
	}

	public record Board(Map<Level, List<Row>> columns, List<CensusEntry> unassigned) {

		/** The board counted per house (the houses of the residents on it), by house name. */
		public List<HouseLevels> byHouse() {
			Map<UUID, int[]> counts = new HashMap<>();
			Map<UUID, String> names = new HashMap<>();
			columns.forEach((level, rows) -> rows.forEach(row -> {
				names.put(row.resident().houseId(), row.resident().houseName());
				counts.computeIfAbsent(row.resident().houseId(), h -> new int[5])[level.number()]++;
			}));
			unassigned.forEach(entry -> {
				names.put(entry.houseId(), entry.houseName());
				counts.computeIfAbsent(entry.houseId(), h -> new int[5])[0]++;
			});
			return counts.entrySet().stream()
				.map(e -> HouseLevels.of(e.getKey(), names.get(e.getKey()), e.getValue()))
				.sorted(Comparator.comparing(HouseLevels::houseName).thenComparing(HouseLevels::houseId))
				.toList();
		}
	}

	public record Row(CensusEntry resident, CurrentLevel level) {
	}
}
