package org.milieu.plans;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.levels.Level;
import org.milieu.levels.ResidentLevels;
import org.milieu.levels.facts.CriterionLink;
import org.milieu.levels.reviews.CriterionChoice;
import org.milieu.levels.reviews.ResidentCriteria;
import org.milieu.residents.Census;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Test fixture for objectives linked to level criteria: a criterion of the resident's next level
 * (putting the resident at level 2 first if they are at the top), a draft with one linked and one
 * unlinked objective, a version in force, and a signed (or unsigned) review rating objectives,
 * written with SQL into the review tables, as the review service would.
 */
@Component
public class PlanObjectiveLinks {

	private final ResidentCriteria criteria;

	private final ResidentLevels levels;

	private final Census census;

	private final TreatmentPlans plans;

	private final PlanFixtures fixtures;

	private final JdbcClient jdbc;

	PlanObjectiveLinks(ResidentCriteria criteria, ResidentLevels levels, Census census, TreatmentPlans plans,
			PlanFixtures fixtures, JdbcClient jdbc) {
		this.criteria = criteria;
		this.levels = levels;
		this.census = census;
		this.plans = plans;
		this.fixtures = fixtures;
		this.jdbc = jdbc;
	}

	/** A criterion of the level just above the resident's own. */
	public CriterionChoice nextCriterion(MilieuUser clinician, MilieuUser resident) {
		List<CriterionChoice> ahead = criteria.ahead(clinician, resident.residentId());
		if (ahead.isEmpty()) {
			levels.assign(resident.programId(), resident.residentId(), Level.of(2), today(resident), "clinician",
					"back to level 2 for the linked objective");
			ahead = criteria.ahead(clinician, resident.residentId());
		}
		return ahead.get(0);
	}

	public LocalDate today(MilieuUser resident) {
		return census.day(resident.programId());
	}

	/** Version 1 with a linked objective and an unlinked one, signed by both: in force. */
	public PlanVersion inForce(MilieuUser clinician, MilieuUser resident, CriterionLink link, String linkedWords) {
		LocalDate start = census.find(resident.programId(), resident.residentId()).orElseThrow().admittedOn();
		PlanVersion draft = plans.startVersion(clinician, resident.residentId(), start);
		PlanVersion written = plans.revise(clinician, resident.residentId(), 1, draft.revision(), new PlanDraft(start, List.of(
				new NewItem(null, ItemKind.OBJECTIVE, null, linkedWords, null, "Chair signs the sheet",
						start.plusDays(60), null, null, link),
				new NewItem(null, ItemKind.OBJECTIVE, null, "Walks every morning", null, "Own diary", start.plusDays(60),
						null, null))));
		fixtures.sign(clinician, written.planId(), 1, "wrote-with-resident", null);
		fixtures.sign(resident, written.planId(), 1, "agreed", null);
		return plans.version(clinician, resident.residentId(), 1);
	}

	/** A review of the version held on a day, signed or not, rating each objective given with its rating. */
	public UUID review(PlanVersion version, MilieuUser clinician, LocalDate heldOn, boolean signed, Object... itemsAndRatings) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into plans_review (id, plan_id, program_id, resident_id, version_number, reason, held_on,
				    created_by, created_by_name, created_at, signed_at)
				values (?, ?, ?, ?, ?, 'SCHEDULED', ?, ?, ?, now(), case when ? then now() end)""")
			.params(id, version.planId(), clinician.programId().value(), version.residentId(), version.number(), heldOn,
					clinician.accountId(), clinician.displayName(), signed)
			.update();
		for (int i = 0; i < itemsAndRatings.length; i += 2) {
			jdbc.sql("insert into plans_review_rating (review_id, item_id, program_id, rating) values (?, ?, ?, ?)")
				.params(id, itemsAndRatings[i], clinician.programId().value(), itemsAndRatings[i + 1]).update();
		}
		return id;
	}
}
