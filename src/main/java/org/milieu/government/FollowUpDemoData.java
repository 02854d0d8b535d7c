package org.milieu.government;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
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
 * Last week's community meeting of each house of the demo community, closed: a week before this
 * week's (after {@link GovernmentDemoData}), titled Community meeting, with a problem and a proposal
 * discussed, the problem's follow-up in progress, and three action items: one a resident has done,
 * one a resident still has open, and one of staff's, open and overdue. Invented content only.
 */
@Component
@Order(610)
class FollowUpDemoData implements DemoContributor {

	private final Census census;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	FollowUpDemoData(Census census, JdbcTemplate jdbc, Clock clock) {
		this.census = census;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void contribute(DemoCommunity community) {
		UUID program = community.program().id().value();
		LocalDate today = community.today();
		Map<UUID, List<CensusEntry>> byHouse = new LinkedHashMap<>();
		for (CensusEntry entry : census.today(community.program().id())) {
			byHouse.computeIfAbsent(entry.houseId(), h -> new ArrayList<>()).add(entry);
		}
		Instant next = today.with(TemporalAdjusters.next(DayOfWeek.THURSDAY)).atTime(LocalTime.of(18, 30))
			.atZone(community.program().timeZone()).toInstant();
		Instant last = next.minus(Duration.ofDays(7));
		if (!last.isBefore(clock.instant())) {
			last = last.minus(Duration.ofDays(7));
		}
		LocalDate lastDay = last.atZone(community.program().timeZone()).toLocalDate();
		for (Map.Entry<UUID, List<CensusEntry>> house : byHouse.entrySet()) {
			List<String[]> residents = new ArrayList<>();
			for (CensusEntry e : house.getValue()) {
				String username = jdbc.query("select username from identity_account where resident_id = ?",
						rs -> rs.next() ? rs.getString(1) : null, e.residentId());
				if (username != null) {
					residents.add(new String[] { username, e.residentId().toString() });
				}
			}
			if (residents.size() < 2) {
				continue;
			}
			residents.sort(Comparator.comparing(r -> r[0]));
			String[] first = residents.get(0);
			String[] second = residents.get(1);
			UUID meeting = community.id("government-meeting-last", house.getKey().toString());
			jdbc.update("""
					insert into government_meeting (id, program_id, house_id, kind, title, starts_at, status, created_by, created_at)
					values (?, ?, ?, 'REGULAR', 'Community meeting', ?, 'CLOSED', 'staff', ?)""",
					meeting, program, house.getKey(), Timestamp.from(last), Timestamp.from(last.minus(Duration.ofDays(4))));
			UUID problem = community.id("agenda-item-last", meeting + "/1");
			UUID proposal = community.id("agenda-item-last", meeting + "/2");
			Timestamp submitted = Timestamp.from(last.minus(Duration.ofDays(2)));
			jdbc.update("""
					insert into government_agenda_item (id, meeting_id, kind, title, description, submitted_by,
					                                    submitted_by_resident, position, status, submitted_at)
					values (?, ?, 'PROBLEM', 'Noise in the hallway after quiet hours', 'Doors banging and loud talk after ten.',
					        ?, ?, 1, 'DISCUSSED', ?), (?, ?, 'PROPOSAL', 'A film night on Fridays',
					        'Pick a film together and watch it in the day room.', ?, ?, 2, 'DISCUSSED', ?)""",
					problem, meeting, first[0], UUID.fromString(first[1]), submitted, proposal, meeting, second[0],
					UUID.fromString(second[1]), submitted);
			jdbc.update("""
					insert into government_follow_up (program_id, agenda_item_id, status, note, due_on, recorded_by, recorded_at)
					values (?, ?, 'IN_PROGRESS', 'Maintenance asked to fit door closers; quiet-hours reminder at house meeting.',
					        ?, 'staff', ?)""",
					program, problem, Date.valueOf(today.plusDays(7)), Timestamp.from(last.plus(Duration.ofDays(1))));
			Timestamp created = Timestamp.from(last.plus(Duration.ofHours(1)));
			jdbc.update("""
					insert into government_action_item (id, program_id, meeting_id, agenda_item_id, title, owner_resident,
					                                    due_on, status, created_by, created_at, done_by, done_at, done_note)
					values (?, ?, ?, ?, 'Put up a quiet-hours sign in the hallway', ?, ?, 'DONE', 'staff', ?, ?, ?,
					        'Sign made with the art group and put up by the stairs.')""",
					community.id("action-item", meeting + "/1"), program, meeting, problem, UUID.fromString(first[1]),
					Date.valueOf(lastDay.plusDays(3)), created, first[0], Timestamp.from(last.plus(Duration.ofDays(2))));
			jdbc.update("""
					insert into government_action_item (id, program_id, meeting_id, agenda_item_id, title, description,
					                                    owner_resident, due_on, status, created_by, created_at)
					values (?, ?, ?, ?, 'Collect film suggestions from the house', 'A list on the board; bring it next week.',
					        ?, ?, 'OPEN', 'staff', ?)""",
					community.id("action-item", meeting + "/2"), program, meeting, proposal, UUID.fromString(second[1]),
					Date.valueOf(today.plusDays(3)), created);
			jdbc.update("""
					insert into government_action_item (id, program_id, meeting_id, agenda_item_id, title, description,
					                                    owner_staff, due_on, status, created_by, created_at)
					values (?, ?, ?, ?, 'Ask maintenance about the door closers', 'The hallway doors slam shut.',
					        'staff', ?, 'OPEN', 'staff', ?)""",
					community.id("action-item", meeting + "/3"), program, meeting, problem, Date.valueOf(today.minusDays(1)),
					created);
		}
	}
}
