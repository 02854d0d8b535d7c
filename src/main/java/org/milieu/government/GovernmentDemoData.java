package org.milieu.government;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.platform.DemoCommunity;
import org.milieu.platform.DemoContributor;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * This week's community meeting of each house of the demo community (next Thursday evening),
 * with agenda items brought by up to three of its residents and one by staff. Invented content only.
 */
@Component
@Order(600)
class GovernmentDemoData implements DemoContributor {

	private static final String[][] FROM_RESIDENTS = {
			{ "PROBLEM", "Dishes left in the sink overnight", "The evening kitchen crew finds the sink full most nights." },
			{ "PROPOSAL", "A Sunday walk to the park", "A group walk after lunch, for anyone on level 2 or above." },
			{ "APPEAL", "Quiet hours on the top floor", "Ask to start quiet hours at ten instead of eleven." } };

	private static final String[][] FROM_STAFF = {
			{ "ANNOUNCEMENT", "New laundry schedule", "The laundry room rota changes from Monday; see the board." } };

	private final Census census;

	private final JdbcTemplate jdbc;

	GovernmentDemoData(Census census, JdbcTemplate jdbc) {
		this.census = census;
		this.jdbc = jdbc;
	}

	@Override
	public void contribute(DemoCommunity community) {
		UUID program = community.program().id().value();
		Map<UUID, List<CensusEntry>> byHouse = new LinkedHashMap<>();
		for (CensusEntry entry : census.today(community.program().id())) {
			byHouse.computeIfAbsent(entry.houseId(), h -> new ArrayList<>()).add(entry);
		}
		Timestamp startsAt = Timestamp.from(community.today().with(TemporalAdjusters.next(DayOfWeek.THURSDAY))
			.atTime(LocalTime.of(18, 30)).atZone(community.program().timeZone()).toInstant());
		Timestamp scheduledAt = Timestamp.from(community.today().minusDays(3).atTime(LocalTime.of(9, 0))
			.atZone(community.program().timeZone()).toInstant());
		for (Map.Entry<UUID, List<CensusEntry>> house : byHouse.entrySet()) {
			UUID meeting = community.id("government-meeting", house.getKey().toString());
			jdbc.update("""
					insert into government_meeting (id, program_id, house_id, kind, title, starts_at, status, created_by, created_at)
					values (?, ?, ?, 'REGULAR', 'Weekly community meeting', ?, 'SCHEDULED', 'staff', ?)""",
					meeting, program, house.getKey(), startsAt, scheduledAt);
			int position = 0;
			List<CensusEntry> residents = house.getValue();
			for (int i = 0; i < FROM_RESIDENTS.length && i < residents.size(); i++) {
				UUID resident = residents.get(i).residentId();
				String username = jdbc.query("select username from identity_account where resident_id = ?",
						rs -> rs.next() ? rs.getString(1) : "resident", resident);
				insert(community, meeting, FROM_RESIDENTS[i], username, resident, ++position, scheduledAt);
			}
			insert(community, meeting, FROM_STAFF[0], "staff", null, ++position, scheduledAt);
		}
	}

	private void insert(DemoCommunity community, UUID meeting, String[] item, String by, UUID resident, int position,
			Timestamp at) {
		jdbc.update("""
				insert into government_agenda_item (id, meeting_id, kind, title, description, submitted_by,
				                                    submitted_by_resident, position, status, submitted_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""",
				community.id("agenda-item", meeting + "/" + position), meeting, item[0], item[1], item[2], by, resident,
				position, new Timestamp(at.getTime() + position * 3_600_000L));
	}
}
