package org.milieu.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.residents.DischargeClosures;
import org.milieu.residents.DischargeType;
import org.milieu.residents.ResidentDischarged;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The plan's part of a discharged resident's record: what the discharge ended (an open draft) and
 * the version in force then, recorded once per stay, even when the reaction runs twice.
 */
@MilieuWebTest
class PlanDischargeClosureTests {

	static final LocalDate START = LocalDate.of(2026, 12, 1);

	@Autowired
	TreatmentPlans plans;

	@Autowired
	PlanFixtures fixtures;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	PlansOnDischarge discharges;

	@Autowired
	PlanDischargeClosure closure;

	@Test
	void theRecordNamesTheDraftEndedAndTheVersionInForceOncePerStay() {
		MilieuUser clinician = signIns.user("clinician");
		MilieuUser resident = signIns.user(fixtures.aNewResidentOfTheClinician());
		PlanVersion draft = plans.startVersion(clinician, resident.residentId(), START);
		PlanVersion v1 = plans.revise(clinician, resident.residentId(), 1, draft.revision(), TreatmentPlansTests.aDraft());
		fixtures.sign(clinician, v1.planId(), 1, "wrote-with-resident", null);
		fixtures.sign(resident, v1.planId(), 1, "agreed", null);
		plans.startVersion(clinician, resident.residentId(), null);
		UUID stay = UUID.randomUUID();
		var stayEnded = new DischargeClosures.Stay(stay, START.plusDays(20));
		var scope = new ResidentScope(resident.residentId(), null);
		assertThat(closure.closed(clinician, scope, stayEnded)).isEmpty();

		var discharged = new ResidentDischarged(clinician.programId().value(), resident.residentId(), null, START.plusDays(20),
				DischargeType.values()[0], stay);
		discharges.close(discharged);
		discharges.close(discharged);

		assertThat(closure.closed(clinician, scope, stayEnded)).hasValueSatisfying(closed -> assertThat(closed.lines())
			.extracting(DischargeClosures.Line::key).containsExactly("closure.plans.draftsEnded", "closure.plans.inForce"));
		assertThat(closure.closed(clinician, scope, stayEnded).orElseThrow().lines().get(0).arguments()).startsWith(1);
		assertThat(closure.closed(clinician, scope, stayEnded).orElseThrow().lines().get(1).arguments()).containsExactly(1);
	}
}
