package org.milieu.levels;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.milieu.platform.DemoCommunity;
import org.milieu.platform.DemoContributor;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Two weeks of point sheets (day and evening shifts) for every house of the demo community:
 * the higher a resident's level on the day, the better they are rated, and level-1 residents
 * now and then show destructive behaviour, with a note. A few sheets were filled in late. Uses a
 * random source of its own so the rest of the demo community does not shift, and batch inserts
 * so seeding stays fast.
 */
@Component
@Order(310)
class ShiftRatingsDemoData implements DemoContributor {

	static final int DAYS = 14;

	private static final long SEED = 20_261_127L;

	private final Census census;

	private final ResidentLevels levels;

	private final JdbcTemplate jdbc;

	ShiftRatingsDemoData(Census census, ResidentLevels levels, JdbcTemplate jdbc) {
		this.census = census;
		this.levels = levels;
		this.jdbc = jdbc;
	}

	@Override
	public void contribute(DemoCommunity community) {
		Random random = new Random(SEED);
		UUID program = community.program().id().value();
		ZoneId zone = community.program().timeZone();
		List<CensusEntry> residents = census.today(community.program().id());
		Map<UUID, List<LevelHistoryEntry>> histories = new HashMap<>();
		for (CensusEntry resident : residents) {
			histories.put(resident.residentId(), levels.history(community.program().id(), resident.residentId()));
		}
		Map<String, UUID> sheets = new HashMap<>();
		List<Object[]> sheetRows = new ArrayList<>();
		List<Object[]> ratingRows = new ArrayList<>();
		for (int back = DAYS; back >= 1; back--) {
			LocalDate date = community.today().minusDays(back);
			for (ShiftKind shift : List.of(ShiftKind.DAY, ShiftKind.EVENING)) {
				for (CensusEntry resident : residents) {
					if (date.isBefore(resident.admittedOn())) {
						continue;
					}
					String key = resident.houseId() + "/" + date + "/" + shift;
					boolean late = random.nextInt(50) == 0;
					ZonedDateTime ratedAt = late ? shift.end(date, zone).plusHours(14) : shift.end(date, zone).minusMinutes(30);
					UUID sheet = sheets.computeIfAbsent(key, k -> {
						UUID id = community.id("rating-sheet", k);
						sheetRows.add(new Object[] { id, program, resident.houseId(), date, shift.name(), "staff",
								Timestamp.from(ratedAt.toInstant()) });
						return id;
					});
					int level = levelOn(histories.get(resident.residentId()), date);
					for (RatingDomain domain : RatingDomain.values()) {
						int value;
						String note = null;
						if (domain.yesNo()) {
							boolean destructive = random.nextInt(100) < (level == 1 ? 4 : 1);
							value = destructive ? 0 : 1;
							note = destructive ? "Raised voice and threw a chair in the lounge; calmed with staff." : null;
						}
						else {
							double mean = 1.4 + 0.65 * level;
							value = (int) Math.max(1, Math.min(4, Math.round(mean + random.nextGaussian() * 0.7)));
						}
						ratingRows.add(new Object[] { UUID.randomUUID(), program, sheet, resident.residentId(),
								resident.houseId(), date, shift.name(), domain.name(), value, note, "staff",
								Timestamp.from(ratedAt.toInstant()), late });
					}
				}
			}
		}
		jdbc.batchUpdate("""
				insert into levels_rating_sheet (id, program_id, house_id, shift_date, shift, opened_by, opened_at)
				values (?, ?, ?, ?, ?, ?, ?)""", sheetRows);
		jdbc.batchUpdate("""
				insert into levels_shift_rating (id, program_id, sheet_id, resident_id, house_id, shift_date, shift, domain,
				                                 value, note, rated_by, rated_at, late)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", ratingRows);
	}

	private static int levelOn(List<LevelHistoryEntry> history, LocalDate date) {
		// the history is newest first: the first step that took effect on or before the date
		return history.stream().filter(h -> !h.effectiveOn().isAfter(date)).findFirst()
			.map(h -> h.level().number()).orElse(1);
	}
}
