package org.milieu.levels;

import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;

import org.milieu.platform.DemoCommunity;
import org.milieu.platform.DemoContributor;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.residents.DischargedResident;
import org.milieu.residents.ResidentRecords;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Level histories for the demo residents: everyone starts at level 1 on admission and, the longer
 * they have been in the program, the further they have climbed, so all four levels are filled.
 * Former residents climbed the same way until the day they were discharged.
 */
@Component
@Order(300)
class LevelsDemoData implements DemoContributor {

	private static final int[][] DAYS_TO_NEXT_LEVEL = { { 14, 21 }, { 28, 40 }, { 42, 56 } };

	private final Census census;

	private final ResidentRecords records;

	private final ResidentLevels levels;

	LevelsDemoData(Census census, ResidentRecords records, ResidentLevels levels) {
		this.census = census;
		this.records = records;
		this.levels = levels;
	}

	@Override
	public void contribute(DemoCommunity community) {
		for (CensusEntry resident : census.today(community.program().id())) {
			climb(community, resident.residentId(), resident.admittedOn(), community.today());
		}
		for (DischargedResident former : records.discharged(community.program().id())) {
			climb(community, former.residentId(), former.admittedOn(), former.dischargedOn());
		}
	}

	private void climb(DemoCommunity community, UUID residentId, LocalDate admittedOn, LocalDate until) {
		Random random = community.random();
		LocalDate date = admittedOn;
		levels.assign(community.program().id(), residentId, Level.SAFETY, date, "director", "Admitted; orientation level.");
		for (int step = 0; step < DAYS_TO_NEXT_LEVEL.length; step++) {
			int[] range = DAYS_TO_NEXT_LEVEL[step];
			date = date.plusDays(range[0] + random.nextInt(range[1] - range[0] + 1));
			if (date.isAfter(until)) {
				break;
			}
			levels.assign(community.program().id(), residentId, Level.of(step + 2), date, "clinician",
					"Team review: criteria for level " + (step + 2) + " met.");
		}
	}
}
