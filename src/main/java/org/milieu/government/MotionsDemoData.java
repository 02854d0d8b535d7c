package org.milieu.government;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.levels.privileges.DefaultPrivilege;
import org.milieu.levels.privileges.LevelPrivileges;
import org.milieu.platform.DemoCommunity;
import org.milieu.platform.DemoContributor;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.ProgramId;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The votes of the demo community, after last week's meetings ({@link FollowUpDemoData}):
 * <ul>
 * <li>the house rules the program started with, for the whole program and for each house;</li>
 * <li>at last week's meeting of each house: everyone present, a chair and a secretary elected by
 * secret ballot from the residents who may stand, the film-night proposal carried on an open
 * ballot, a change of the kitchen rule carried by two thirds, and the secretary's minutes saved
 * (a draft until this week's meeting approves them);</li>
 * <li>this week's meeting of the first house under way since half an hour ago, everyone present,
 * with its agenda and an open, seconded motion that three residents have voted on.</li>
 * </ul>
 * Invented content only.
 */
@Component
@Order(620)
class MotionsDemoData implements DemoContributor {

	private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private final Census census;

	private final LevelPrivileges privileges;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private int receipts;

	MotionsDemoData(Census census, LevelPrivileges privileges, JdbcTemplate jdbc, Clock clock) {
		this.census = census;
		this.privileges = privileges;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void contribute(DemoCommunity community) {
		ProgramId program = community.program().id();
		Instant now = clock.instant();
		Instant founded = now.minus(Duration.ofDays(90));
		rule(community, null, "Quiet hours", "Quiet hours are from 22:00 to 07:00 every day.", founded);
		rule(community, null, "Visitors", "Visitors sign in at the front desk and stay in the shared rooms.", founded);
		Map<UUID, List<CensusEntry>> byHouse = new LinkedHashMap<>();
		for (CensusEntry entry : census.today(program)) {
			byHouse.computeIfAbsent(entry.houseId(), h -> new ArrayList<>()).add(entry);
		}
		boolean first = true;
		for (Map.Entry<UUID, List<CensusEntry>> house : byHouse.entrySet()) {
			UUID houseId = house.getKey();
			List<CensusEntry> residents = house.getValue();
			UUID kitchen = rule(community, houseId, "Kitchen", "The kitchen is clean and closed by 21:00.", founded);
			UUID last = community.id("government-meeting-last", houseId.toString());
			Instant lastAt = jdbc.query("select starts_at from government_meeting where id = ?",
					rs -> rs.next() ? rs.getTimestamp(1).toInstant() : null, last);
			if (lastAt == null || residents.size() < 4) {
				continue;
			}
			attend(last, residents, lastAt);
			List<CensusEntry> eligible = residents.stream().filter(e -> privileges
				.may(program, e.residentId(), DefaultPrivilege.GOVERNMENT_OFFICE.name(), now).allowed()).toList();
			LocalDate lastDay = lastAt.atZone(community.program().timeZone()).toLocalDate();
			if (!eligible.isEmpty()) {
				elect(community, last, houseId, Office.CHAIR, eligible, 0, residents, lastAt.plus(Duration.ofMinutes(10)), lastDay);
			}
			if (eligible.size() > 1) {
				elect(community, last, houseId, Office.SECRETARY, eligible, 1, residents, lastAt.plus(Duration.ofMinutes(20)),
						lastDay);
			}
			UUID proposal = community.id("agenda-item-last", last + "/2");
			UUID film = motion(community, last, proposal, MotionKind.ORDINARY, "Hold a film night every Friday in the day room.",
					false, residents.get(1), residents.get(2), lastAt.plus(Duration.ofMinutes(30)), null, null);
			ballots(film, residents, new int[] { residents.size() - 2, 1, 1 }, false);
			close(film, residents.size() - 2, 1, 1, lastAt.plus(Duration.ofMinutes(40)));
			UUID rule = motion(community, last, null, MotionKind.RULE_CHANGE, "Keep the kitchen open half an hour longer on weekends.",
					true, residents.get(3), residents.get(0), lastAt.plus(Duration.ofMinutes(45)), kitchen,
					"The kitchen is clean and closed by 21:00, and by 21:30 on Fridays and Saturdays.");
			int no = Math.max(1, (residents.size() - 1) / 4);
			int yes = residents.size() - 1 - no;
			ballots(rule, residents, new int[] { yes, no, 1 }, true);
			Instant adopted = lastAt.plus(Duration.ofMinutes(55));
			close(rule, yes, no, 1, adopted);
			jdbc.update("insert into government_rule_version (id, rule_id, text, motion_id, adopted_at, adopted_by) values (?, ?, ?, ?, ?, 'staff')",
					community.id("rule-version", rule.toString()), kitchen,
					"The kitchen is clean and closed by 21:00, and by 21:30 on Fridays and Saturdays.", rule,
					Timestamp.from(adopted));
			String secretary = eligible.size() > 1 ? username(eligible.get(1).residentId()) : "staff";
			jdbc.update("insert into government_minutes_revision (meeting_id, revision, text, saved_by, saved_at) values (?, 1, ?, ?, ?)",
					last, minutes(residents.size(), eligible, yes, no), secretary, Timestamp.from(lastAt.plus(Duration.ofDays(1))));
			if (first) {
				underWay(community, houseId, residents, now);
				first = false;
			}
		}
	}

	/** This week's meeting of the house, opened half an hour ago, with an open motion three residents have voted on. */
	private void underWay(DemoCommunity community, UUID houseId, List<CensusEntry> residents, Instant now) {
		UUID meeting = community.id("government-meeting-now", houseId.toString());
		Instant startedAt = now.minus(Duration.ofMinutes(30));
		jdbc.update("""
				insert into government_meeting (id, program_id, house_id, kind, title, starts_at, status, created_by, created_at,
				                                opened_at, opened_by)
				values (?, ?, ?, 'AD_HOC', 'House meeting about the garden', ?, 'OPEN', 'staff', ?, ?, 'staff')""",
				meeting, community.program().id().value(), houseId, Timestamp.from(startedAt),
				Timestamp.from(now.minus(Duration.ofDays(1))), Timestamp.from(startedAt));
		UUID garden = community.id("agenda-item-now", meeting + "/1");
		UUID tools = community.id("agenda-item-now", meeting + "/2");
		jdbc.update("""
				insert into government_agenda_item (id, meeting_id, kind, title, description, submitted_by, submitted_by_resident,
				                                    position, status, submitted_at)
				values (?, ?, 'PROPOSAL', 'A vegetable garden behind the house', 'Two raised beds; residents look after them in turns.',
				        ?, ?, 1, 'OPEN', ?), (?, ?, 'ANNOUNCEMENT', 'Garden tools arrive on Monday', null, 'staff', null, 2, 'OPEN', ?)""",
				garden, meeting, username(residents.get(0).residentId()), residents.get(0).residentId(),
				Timestamp.from(now.minus(Duration.ofHours(20))), tools, meeting, Timestamp.from(now.minus(Duration.ofHours(19))));
		jdbc.update("update government_meeting set current_item_id = ? where id = ?", garden, meeting);
		attend(meeting, residents, startedAt);
		UUID motion = motion(community, meeting, garden, MotionKind.ORDINARY, "Start a vegetable garden with two raised beds this spring.",
				false, residents.get(0), residents.get(1), now.minus(Duration.ofMinutes(10)), null, null);
		for (int i = 2; i < 5 && i < residents.size(); i++) {
			jdbc.update("insert into government_ballot_voter (motion_id, resident_id, via) values (?, ?, 'DEVICE')", motion,
					residents.get(i).residentId());
			jdbc.update("insert into government_ballot (id, motion_id, choice, voter_resident, receipt) values (?, ?, ?, ?, ?)",
					UUID.randomUUID(), motion, i == 4 ? "NO" : "YES", residents.get(i).residentId(), receipt());
		}
	}

	private UUID rule(DemoCommunity community, UUID house, String title, String text, Instant at) {
		UUID rule = community.id("house-rule", (house == null ? "program" : house.toString()) + "/" + title);
		jdbc.update("insert into government_rule (id, program_id, house_id, title, created_at) values (?, ?, ?, ?, ?)", rule,
				community.program().id().value(), house, title, Timestamp.from(at));
		jdbc.update("insert into government_rule_version (id, rule_id, text, motion_id, adopted_at, adopted_by) "
				+ "values (?, ?, ?, null, ?, 'director')", community.id("rule-version", rule.toString()), rule, text,
				Timestamp.from(at));
		return rule;
	}

	private void attend(UUID meeting, List<CensusEntry> residents, Instant at) {
		for (CensusEntry e : residents) {
			jdbc.update("insert into government_attendance (meeting_id, resident_id, recorded_by, recorded_at) values (?, ?, 'staff', ?)",
					meeting, e.residentId(), Timestamp.from(at));
		}
	}

	private void elect(DemoCommunity community, UUID meeting, UUID house, Office office, List<CensusEntry> eligible,
			int winner, List<CensusEntry> residents, Instant at, LocalDate day) {
		UUID motion = community.id("government-election", meeting + "/" + office);
		jdbc.update("""
				insert into government_motion (id, program_id, meeting_id, kind, text, secret, office, moved_by, moved_at, status)
				values (?, ?, ?, 'ELECTION', ?, true, ?, 'staff', ?, 'VOTING')""",
				motion, community.program().id().value(), meeting,
				office == Office.CHAIR ? "Election of the chair for the next term" : "Election of the secretary for the next term",
				office.name(), Timestamp.from(at));
		List<CensusEntry> standing = new ArrayList<>();
		standing.add(eligible.get(winner));
		if (eligible.size() > 2) {
			standing.add(eligible.get(2));
		}
		for (CensusEntry c : standing) {
			jdbc.update("insert into government_candidate (motion_id, resident_id) values (?, ?)", motion, c.residentId());
		}
		int abstain = 1;
		int rival = standing.size() > 1 ? (residents.size() - abstain) / 3 : 0;
		int votes = residents.size() - abstain - rival;
		for (int i = 0; i < residents.size(); i++) {
			jdbc.update("insert into government_ballot_voter (motion_id, resident_id, via) values (?, ?, 'DEVICE')", motion,
					residents.get(i).residentId());
			UUID candidate = i < votes ? standing.get(0).residentId() : i < votes + rival ? standing.get(1).residentId() : null;
			jdbc.update("insert into government_ballot (id, motion_id, choice, candidate_id, receipt) values (?, ?, ?, ?, ?)",
					UUID.randomUUID(), motion, candidate == null ? "ABSTAIN" : null, candidate, receipt());
		}
		jdbc.update("""
				update government_motion set status = 'CLOSED', closed_by = 'staff', closed_at = ?, yes_count = 0, no_count = 0,
				       abstain_count = ?, outcome = 'CARRIED', elected_resident = ? where id = ?""",
				Timestamp.from(at.plus(Duration.ofMinutes(5))), abstain, standing.get(0).residentId(), motion);
		jdbc.update("""
				insert into government_officer (id, program_id, house_id, office, resident_id, starts_on, ends_on, motion_id)
				values (?, ?, ?, ?, ?, ?, ?, ?)""",
				community.id("government-officer", motion.toString()), community.program().id().value(), house, office.name(),
				standing.get(0).residentId(), Date.valueOf(day), Date.valueOf(day.plusWeeks(4)), motion);
	}

	private UUID motion(DemoCommunity community, UUID meeting, UUID item, MotionKind kind, String text, boolean secret,
			CensusEntry mover, CensusEntry seconder, Instant at, UUID ruleId, String ruleText) {
		UUID motion = community.id("government-motion", meeting + "/" + text);
		jdbc.update("""
				insert into government_motion (id, program_id, meeting_id, agenda_item_id, kind, text, secret, rule_id, rule_text,
				                               moved_by, moved_by_resident, moved_at, seconded_by_resident, seconded_at, status)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'VOTING')""",
				motion, community.program().id().value(), meeting, item, kind.name(), text, secret, ruleId, ruleText,
				username(mover.residentId()), mover.residentId(), Timestamp.from(at), seconder.residentId(),
				Timestamp.from(at.plus(Duration.ofMinutes(1))));
		return motion;
	}

	private void ballots(UUID motion, List<CensusEntry> residents, int[] counts, boolean secret) {
		int i = 0;
		String[] choices = { "YES", "NO", "ABSTAIN" };
		for (int c = 0; c < 3; c++) {
			for (int n = 0; n < counts[c]; n++, i++) {
				UUID voter = residents.get(i).residentId();
				jdbc.update("insert into government_ballot_voter (motion_id, resident_id, via) values (?, ?, 'DEVICE')", motion, voter);
				jdbc.update("insert into government_ballot (id, motion_id, choice, voter_resident, receipt) values (?, ?, ?, ?, ?)",
						UUID.randomUUID(), motion, choices[c], secret ? null : voter, receipt());
			}
		}
	}

	private void close(UUID motion, int yes, int no, int abstain, Instant at) {
		jdbc.update("""
				update government_motion set status = 'CLOSED', closed_by = 'staff', closed_at = ?, yes_count = ?, no_count = ?,
				       abstain_count = ?, outcome = 'CARRIED' where id = ?""", Timestamp.from(at), yes, no, abstain, motion);
	}

	private String minutes(int present, List<CensusEntry> officers, int yes, int no) {
		StringBuilder text = new StringBuilder("Community meeting. Present: all " + present + " residents; quorum met.\n");
		if (!officers.isEmpty()) {
			text.append("Elected chair: ").append(officers.get(0).displayName()).append(".\n");
		}
		if (officers.size() > 1) {
			text.append("Elected secretary: ").append(officers.get(1).displayName()).append(".\n");
		}
		text.append("""

				1. Noise in the hallway after quiet hours (problem): discussed. Staff will ask maintenance about door
				   closers; a resident makes a quiet-hours sign.
				2. A film night on Fridays (proposal): carried on an open ballot. A resident collects film suggestions.
				Rule change: the kitchen closes at 21:30 on Fridays and Saturdays, carried by two thirds (yes %d, no %d,
				abstain 1).
				""".formatted(yes, no));
		return text.toString().strip();
	}

	private String username(UUID resident) {
		return jdbc.query("select username from identity_account where resident_id = ?", rs -> rs.next() ? rs.getString(1) : "resident",
				resident);
	}

	private String receipt() {
		// deterministic, distinct codes for demo ballots; real ballots draw theirs at random
		int n = ++receipts;
		char[] code = new char[9];
		for (int i = 8; i >= 0; i--) {
			if (i == 4) {
				code[i] = '-';
				continue;
			}
			code[i] = ALPHABET[n % ALPHABET.length];
			n /= ALPHABET.length;
		}
		return new String(code);
	}
}
