package org.milieu.levels;

import java.time.LocalDate;
import java.util.Random;

import org.milieu.platform.DemoCommunity;
import org.milieu.platform.DemoContributor;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Level histories for the demo residents: everyone starts at level 1 on admission and, the longer
 * they have been in the program, the further they have climbed, so all four levels are filled.
 */
@Component
@Order(300)
class LevelsDemoData implements DemoContributor {

	private static final int[][] DAYS_TO_NEXT_LEVEL = { { 14, 21 }, { 28, 40 }, { 42, 56 } };

	private final Census census;

	private final ResidentLevels levels;

	LevelsDemoData(Census census, ResidentLevels levels) {
		this.census = census;
		this.levels = levels;
	}

	@Override
	public void contribute(DemoCommunity community) {
		Random random = community.random();
		for (CensusEntry resident : census.today(community.program().id())) {
			LocalDate date = resident.admittedOn();
			levels.assign(community.program().id(), resident.residentId(), Level.SAFETY, date, "director",
					"Admitted; orientation level.");
			for (int step = 0; step < DAYS_TO_NEXT_LEVEL.length; step++) {
				int[] range = DAYS_TO_NEXT_LEVEL[step];
				date = date.plusDays(range[0] + random.nextInt(range[1] - range[0] + 1));
				if (date.isAfter(community.today())) {
					break;
				}
				levels.assign(community.program().id(), resident.residentId(), Level.of(step + 2), date, "clinician",
						"Team review: criteria for level " + (step + 2) + " met.");
			}
		}
	}
}
