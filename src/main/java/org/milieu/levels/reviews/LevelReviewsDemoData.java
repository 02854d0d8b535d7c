package org.milieu.levels.reviews;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.milieu.levels.CurrentLevel;
import org.milieu.levels.ResidentLevels;
import org.milieu.levels.facts.Coverage;
import org.milieu.levels.facts.FactKind;
import org.milieu.levels.facts.LevelFacts;
import org.milieu.platform.DemoCommunity;
import org.milieu.platform.DemoContributor;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.ProgramId;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The facts entered by hand behind the demo residents' criteria for the last three weeks,
 * consistent with their levels: daily group meetings (newcomers sometimes confused or absent),
 * weekly family contact for most, work for those at level 2 and up, and clinicians' assessments.
 * Work and attendance are entered by hand only for the days before the work and government modules
 * keep records (their rosters and the first closed meeting, seeded before this): from then on the
 * evidence reads the demo's real job occurrences and roll calls. Then two open reviews:
 * an advancement for a level-2 resident who meets every criterion for level 3 (opened from the
 * measured evidence, as the engine does), and a step-down for a level-3 resident whose shift
 * rating yesterday evening recorded destructive behaviour.
 */
@Component
@Order(730)
class LevelReviewsDemoData implements DemoContributor {

	private static final long SEED = 3_2_1L;

	private static final int DAYS = 21;

	private final Census census;

	private final ResidentLevels levels;

	private final LevelEvidence evidence;

	private final LevelReviews reviews;

	private final JdbcTemplate jdbc;

	private final LevelFacts facts;

	LevelReviewsDemoData(Census census, ResidentLevels levels, LevelEvidence evidence, LevelReviews reviews,
			JdbcTemplate jdbc, LevelFacts facts) {
		this.facts = facts;
		this.census = census;
		this.levels = levels;
		this.evidence = evidence;
		this.reviews = reviews;
		this.jdbc = jdbc;
	}

	@Override
	public void contribute(DemoCommunity community) {
		ProgramId program = community.program().id();
		Random random = new Random(SEED);
		List<CensusEntry> residents = census.today(program);
		Map<UUID, CurrentLevel> current = levels.current(program);
		LocalDate today = community.today();
		CensusEntry candidate = residents.stream()
			.filter(e -> current.containsKey(e.residentId()) && current.get(e.residentId()).level().number() == 2
					&& current.get(e.residentId()).since().isBefore(today.minusDays(14)))
			.min(Comparator.comparing(CensusEntry::familyName)).orElse(null);
		List<Object[]> rows = new ArrayList<>();
		Map<FactKind, LocalDate> covered = new java.util.EnumMap<>(FactKind.class);
		for (Coverage c : facts.coverage(program)) {
			covered.merge(c.kind(), c.from(), (a, b) -> a.isBefore(b) ? a : b);
		}
		for (CensusEntry resident : residents) {
			CurrentLevel level = current.get(resident.residentId());
			if (level == null) {
				continue;
			}
			boolean model = candidate != null && resident.residentId().equals(candidate.residentId());
			facts(community, resident, level.level().number(), model, today, random, covered, rows);
		}
		jdbc.batchUpdate("""
				insert into levels_fact (id, program_id, resident_id, kind, occurred_on, outcome, detail, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		if (candidate != null) {
			Evidence measured = evidence.measure(program, candidate);
			if (measured.allMet()) {
				reviews.openAdvancement(program, measured, LevelReviews.SYSTEM, null);
			}
			else {
				reviews.openAdvancement(program, measured, "clinician",
						"Team meeting: ready to be considered for level 3 although not every criterion is met yet.");
			}
		}
		stepDown(community, residents, current, today);
	}

	private void facts(DemoCommunity community, CensusEntry resident, int level, boolean model, LocalDate today,
			Random random, Map<FactKind, LocalDate> covered, List<Object[]> rows) {
		UUID program = community.program().id().value();
		for (int back = DAYS; back >= 1; back--) {
			LocalDate day = today.minusDays(back);
			if (day.isBefore(resident.admittedOn())) {
				continue;
			}
			Timestamp at = Timestamp.from(day.atTime(20, 0).atZone(community.program().timeZone()).toInstant());
			String group = model ? "ATTENDED" : switch (level) {
				case 1 -> random.nextInt(10) < 6 ? "ATTENDED" : random.nextBoolean() ? "ATTENDED_CONFUSED" : "ABSENT";
				default -> random.nextInt(20) == 0 ? "ABSENT" : "ATTENDED";
			};
			if (!coveredOn(covered, FactKind.ATTENDANCE, day)) {
				rows.add(new Object[] { UUID.randomUUID(), program, resident.residentId(), "ATTENDANCE", day, group,
						"Morning community meeting", "staff", at });
			}
			if (level >= 2 && day.getDayOfWeek().getValue() <= 5 && !coveredOn(covered, FactKind.WORK, day)) {
				String work = model ? "DONE" : random.nextInt(6) == 0 ? "NOT_DONE" : random.nextInt(5) == 0 ? "PARTLY_DONE" : "DONE";
				rows.add(new Object[] { UUID.randomUUID(), program, resident.residentId(), "WORK", day, work,
						"House chores", "staff", at });
			}
			if ((model || (level >= 2 && random.nextInt(8) > 0)) && back % 7 == 3) {
				rows.add(new Object[] { UUID.randomUUID(), program, resident.residentId(), "FAMILY_CONTACT", day, "CONTACT",
						"Phone call with family", "clinician", at });
			}
			if (back == 5 && level >= 2) {
				rows.add(new Object[] { UUID.randomUUID(), program, resident.residentId(), "RESPONSIBILITY", day,
						model || level >= 3 ? "ACKNOWLEDGED" : "NOT_YET", "Individual session", "clinician", at });
			}
		}
	}

	private static boolean coveredOn(Map<FactKind, LocalDate> covered, FactKind kind, LocalDate day) {
		return covered.containsKey(kind) && !day.isBefore(covered.get(kind));
	}

	/** A level-3 resident's rating yesterday evening, corrected to record destructive behaviour, opens a step-down review. */
	private void stepDown(DemoCommunity community, List<CensusEntry> residents, Map<UUID, CurrentLevel> current,
			LocalDate today) {
		LocalDate yesterday = today.minusDays(1);
		for (CensusEntry resident : residents.stream().sorted(Comparator.comparing(CensusEntry::familyName).reversed())
			.toList()) {
			CurrentLevel level = current.get(resident.residentId());
			if (level == null || level.level().number() != 3 || !level.since().isBefore(yesterday)) {
				continue;
			}
			List<UUID> old = jdbc.queryForList("""
					select id from levels_shift_rating where resident_id = ? and shift_date = ? and shift = 'EVENING'
					   and domain = 'SAFETY' and superseded_by is null""", UUID.class, resident.residentId(), yesterday);
			if (old.isEmpty()) {
				continue;
			}
			UUID correction = UUID.randomUUID();
			// superseded first: one current rating per domain; the reference is checked at commit
			jdbc.update("update levels_shift_rating set superseded_by = ? where id = ?", correction, old.get(0));
			jdbc.update("""
					insert into levels_shift_rating (id, program_id, sheet_id, resident_id, house_id, shift_date, shift, domain,
					                                 value, note, rated_by, rated_at, late, supersedes)
					select ?, program_id, sheet_id, resident_id, house_id, shift_date, shift, domain, 0, ?, 'staff', rated_at,
					       late, id
					  from levels_shift_rating where id = ?""", correction,
					"Shouted at a housemate and kicked the door in the lounge; calmed with staff.", old.get(0));
			reviews.openStepDown(community.program().id(), resident.residentId(), 3,
					evidence.measure(community.program().id(), resident), Review.TriggerKind.DESTRUCTIVE_BEHAVIOUR,
					correction, yesterday);
			return;
		}
	}
}
