package org.milieu.work;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.milieu.platform.DemoCommunity;
import org.milieu.platform.DemoContributor;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.ProgramId;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Work for the demo: a catalogue of a dozen jobs (chores, training and productive work, peer
 * roles and a senior coordinator), ranked preferences for most residents (each only among jobs
 * they may do), and last week's and this week's rosters, proposed by the planner and published.
 * Draws from a random source of its own, so the other contributors' draws do not change.
 */
@Component
@Order(700)
class WorkRosterDemoData implements DemoContributor {

	/** name, description, skills, min level, senior, crew, days, start, minutes, cents, unit, classification, beneficiary */
	private static final Object[][] JOBS = {
			{ "Kitchen crew", "Prepare lunch and dinner for the house with the cook.", new String[] { "food hygiene", "teamwork", "time keeping" }, 1, false, 3, new Integer[] { 1, 2, 3, 4, 5 }, "10:30", 120, 300L, RateUnit.PER_COMPLETION, JobClassification.VOCATIONAL_TRAINING, "The house" },
			{ "Dishes", "Wash, dry and put away after dinner.", new String[] { "teamwork", "reliability" }, 1, false, 2, new Integer[] { 1, 2, 3, 4, 5, 6, 7 }, "19:00", 45, 100L, RateUnit.PER_COMPLETION, JobClassification.THERAPEUTIC_CHORE, "The house" },
			{ "Laundry", "Run the house's linen and towel loads, fold and stock.", new String[] { "reliability", "care of shared things" }, 1, false, 2, new Integer[] { 2, 5 }, "09:00", 90, 150L, RateUnit.PER_COMPLETION, JobClassification.THERAPEUTIC_CHORE, "The house" },
			{ "Grounds and garden", "Mow, weed and tend the vegetable beds.", new String[] { "horticulture", "tool safety" }, 2, false, 3, new Integer[] { 1, 3 }, "14:00", 120, 700L, RateUnit.PER_HOUR, JobClassification.VOCATIONAL_TRAINING, "The program" },
			{ "House upkeep", "Small repairs, painting and checks with the maintenance lead.", new String[] { "basic repairs", "tool safety", "planning" }, 2, false, 2, new Integer[] { 4 }, "13:00", 180, 800L, RateUnit.PER_HOUR, JobClassification.VOCATIONAL_TRAINING, "The program" },
			{ "Common room cleaning", "Vacuum, dust and tidy the common rooms.", new String[] { "reliability" }, 1, false, 2, new Integer[] { 1, 4 }, "08:30", 60, 120L, RateUnit.PER_COMPLETION, JobClassification.THERAPEUTIC_CHORE, "The house" },
			{ "Bathrooms", "Clean the shared bathrooms to the checklist.", new String[] { "hygiene standards", "reliability" }, 1, false, 2, new Integer[] { 2, 6 }, "08:30", 60, 150L, RateUnit.PER_COMPLETION, JobClassification.THERAPEUTIC_CHORE, "The house" },
			{ "Recycling and bins", "Sort recycling and take the bins out on collection days.", new String[] { "reliability" }, 1, false, 1, new Integer[] { 3, 7 }, "20:00", 30, 100L, RateUnit.PER_COMPLETION, JobClassification.THERAPEUTIC_CHORE, "The house" },
			{ "Greeter", "Welcome visitors at the front desk and sign them in.", new String[] { "customer service", "communication" }, 2, false, 1, new Integer[] { 6, 7 }, "13:00", 180, 600L, RateUnit.PER_HOUR, JobClassification.VOCATIONAL_TRAINING, "The program" },
			{ "Orientation buddy", "Show a newcomer the house, the schedule and the rules in their first week.", new String[] { "mentoring", "communication" }, 3, true, 1, new Integer[] { 1, 3, 5 }, "16:00", 60, 400L, RateUnit.PER_COMPLETION, JobClassification.THERAPEUTIC_CHORE, "Residents" },
			{ "Work coordinator", "Keep the week's job board, remind crews and report to staff.", new String[] { "leadership", "planning", "communication" }, 3, true, 1, new Integer[] { 1, 2, 3, 4, 5 }, "08:00", 30, 500L, RateUnit.PER_COMPLETION, JobClassification.VOCATIONAL_TRAINING, "The house" },
			{ "Thrift shop", "Sort donations and serve at the program's thrift shop in town.", new String[] { "retail", "cash handling", "customer service" }, 3, true, 2, new Integer[] { 2, 4, 6 }, "10:00", 240, 900L, RateUnit.PER_HOUR, JobClassification.PRODUCTIVE_WORK, "Outside: the public" } };

	private final JdbcClient jdbc;

	private final Census census;

	private final Rosters rosters;

	private final JobEligibility eligibility;

	private final Jobs jobs;

	WorkRosterDemoData(JdbcClient jdbc, Census census, Rosters rosters, JobEligibility eligibility, Jobs jobs) {
		this.jdbc = jdbc;
		this.census = census;
		this.rosters = rosters;
		this.eligibility = eligibility;
		this.jobs = jobs;
	}

	@Override
	public void contribute(DemoCommunity community) {
		ProgramId program = community.program().id();
		for (Object[] j : JOBS) {
			String name = (String) j[0];
			jdbc.sql("""
					insert into work_job (id, program_id, name, description, skills, min_level, senior, crew_size, days, starts_at,
					                      expected_minutes, rate_cents, rate_unit, currency, supervisor, classification, beneficiary,
					                      active, created_by, created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?::smallint[], ?, ?, ?, ?, 'USD', ?, ?, ?, true, 'director', now())""")
				.params(community.id("work-job", name), program.value(), name, j[1], j[2], j[3], j[4], j[5], j[6],
						LocalTime.parse((String) j[7]), j[8], j[9], ((RateUnit) j[10]).name(),
						((Integer) j[3]) >= 3 ? "staff2" : "staff", ((JobClassification) j[11]).name(), j[12])
				.update();
		}
		List<Job> catalogue = jobs.active(program);
		Random random = new Random(700);
		int n = 0;
		for (CensusEntry resident : census.today(program)) {
			if (n++ % 5 == 4) {
				continue; // one in five has not ranked any job yet
			}
			List<Job> open = new ArrayList<>(catalogue.stream()
				.filter(job -> eligibility.refusal(program, job, resident.residentId(), resident.houseId()).isEmpty()).toList());
			java.util.Collections.shuffle(open, random);
			for (int rank = 1; rank <= Math.min(3, open.size()); rank++) {
				jdbc.sql("""
						insert into work_job_preference (program_id, resident_id, job_id, rank, chosen_by, chosen_at)
						values (?, ?, ?, ?, 'demo', now())""")
					.params(program.value(), resident.residentId(), open.get(rank - 1).id(), rank).update();
			}
		}
		java.time.LocalDate thisWeek = Rosters.weekOf(community.today());
		UUID last = rosters.plan(program, thisWeek.minusWeeks(1), "staff");
		rosters.markPublished(program, last, "staff");
		UUID current = rosters.plan(program, thisWeek, "staff");
		rosters.markPublished(program, current, "staff");
	}
}
