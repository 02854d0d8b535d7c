package org.milieu.screening;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.milieu.platform.DemoCommunity;
import org.milieu.platform.DemoContributor;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.ProgramId;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A month of weekly ten-panel screens for the demo residents, mostly negative. Danny Okafor
 * (resident01, Bayview House) screened positive for cannabis four days ago, with an open
 * follow-up for the house's clinician, and once before, followed up and closed; Bri Foster
 * (resident04, Linden House) refused a screen, with an open follow-up for her caseload
 * clinician; one specimen of Kevin Tran's was dilute (invalid). Every result is invented.
 */
@Component
@Order(400)
class ScreeningDemoData implements DemoContributor {

	private static final int[] DAYS_AGO = { 25, 18, 11, 4 };

	private final Census census;

	private final DrugScreens screens;

	private final ScreenFollowUps followUps;

	ScreeningDemoData(Census census, DrugScreens screens, ScreenFollowUps followUps) {
		this.census = census;
		this.screens = screens;
		this.followUps = followUps;
	}

	@Override
	public void contribute(DemoCommunity community) {
		ProgramId program = community.program().id();
		ZoneId zone = community.program().timeZone();
		UUID danny = community.id("resident", "resident01");
		UUID bri = community.id("resident", "resident04");
		UUID kevin = community.id("resident", "resident07");
		int form = 0;
		for (CensusEntry resident : census.today(program)) {
			long daysIn = java.time.temporal.ChronoUnit.DAYS.between(resident.admittedOn(), community.today());
			boolean bayview = resident.houseName().startsWith("Bayview");
			for (int daysAgo : DAYS_AGO) {
				if (daysAgo >= daysIn) {
					continue;
				}
				form++;
				var collectedAt = community.today().minusDays(daysAgo).atTime(LocalTime.of(7, 15)).atZone(zone).toInstant();
				boolean refused = resident.residentId().equals(bri) && daysAgo == 11;
				List<SubstanceResult> results = new ArrayList<>();
				if (!refused) {
					for (Substance substance : Panel.TEN_PANEL.substances()) {
						SubstanceResult.Result result = SubstanceResult.Result.NEGATIVE;
						if (resident.residentId().equals(danny) && (daysAgo == 4 || daysAgo == 25)
								&& substance == Substance.CANNABIS) {
							result = SubstanceResult.Result.POSITIVE;
						}
						if (resident.residentId().equals(kevin) && daysAgo == 18 && substance == Substance.OPIATES) {
							result = SubstanceResult.Result.INVALID;
						}
						results.add(new SubstanceResult(substance, result));
					}
				}
				String custody = refused ? null : "HH-%05d".formatted(10_000 + form);
				String note = refused ? "Declined to give a specimen after two requests; offered again at noon, declined."
						: null;
				DrugScreen screen = screens.store(program, resident,
						community.id("drug-screen", resident.residentId() + "@" + daysAgo),
						new NewDrugScreen(collectedAt, Specimen.URINE, Panel.TEN_PANEL, daysAgo % 2 == 0, custody, null,
								refused, results, note),
						bayview ? "Luis Ferreira" : "Joan McAllister", bayview ? "staff" : "staff2");
				if (resident.residentId().equals(danny) && daysAgo == 25) {
					followUps.closeAll(program, screen.id(), "clinician",
							"Met with Danny the same day; relapse-prevention plan revised, weekly screens continue.");
				}
			}
		}
	}
}
