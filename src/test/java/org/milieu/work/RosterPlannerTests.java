package org.milieu.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.milieu.work.RosterPlanner.Candidate;
import org.milieu.work.RosterPlanner.Placement;

/** The proposal's rules without the database: preferences, eligibility, crews, rotation and determinism. */
class RosterPlannerTests {

	static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

	static final UUID BAYVIEW = new UUID(1, 1);

	static final UUID LINDEN = new UUID(1, 2);

	static Job job(String name, int crew, int minLevel, boolean senior, UUID house) {
		return new Job(UUID.nameUUIDFromBytes(name.getBytes()), house, name, null, List.of(), minLevel, senior, crew,
				List.of(1, 3, 5), LocalTime.of(9, 0), 60, 200, RateUnit.PER_COMPLETION, "USD", "staff",
				JobClassification.THERAPEUTIC_CHORE, "The house", true, 1, "director", Instant.EPOCH);
	}

	static Job job(String name, int crew) {
		return job(name, crew, 1, false, null);
	}

	static Candidate resident(int n, UUID house, int level, List<Job> preferences) {
		return new Candidate(new UUID(2, n), house, level, false, preferences.stream().map(Job::id).toList(), Map.of(),
				Map.of(), false);
	}

	static Map<UUID, UUID> jobOf(List<Placement> placements) {
		return placements.stream().collect(Collectors.toMap(Placement::residentId, Placement::jobId));
	}

	@Test
	void eachResidentGetsTheirBestRankedJobWhileItHasRoom() {
		Job kitchen = job("Kitchen", 1);
		Job laundry = job("Laundry", 1);
		Job grounds = job("Grounds", 1);
		Candidate ana = resident(1, BAYVIEW, 2, List.of(kitchen, laundry));
		Candidate ben = resident(2, BAYVIEW, 2, List.of(kitchen, laundry));
		List<Placement> plan = RosterPlanner.plan(MONDAY, List.of(kitchen, laundry, grounds), List.of(ana, ben), 3);
		assertThat(plan).hasSize(2).allMatch(Placement::chosen);
		assertThat(jobOf(plan).values()).containsExactlyInAnyOrder(kitchen.id(), laundry.id());
	}

	@Test
	void aCrewIsNeverLargerThanItsSizeInAnyHouse() {
		Job dishes = job("Dishes", 2);
		List<Candidate> everyone = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			everyone.add(resident(i, i % 2 == 0 ? BAYVIEW : LINDEN, 1, List.of(dishes)));
		}
		List<Placement> plan = RosterPlanner.plan(MONDAY, List.of(dishes), everyone, 3);
		Map<UUID, Long> perHouse = plan.stream().collect(Collectors.groupingBy(Placement::houseId, Collectors.counting()));
		assertThat(perHouse).containsEntry(BAYVIEW, 2L).containsEntry(LINDEN, 2L);
		assertThat(plan).hasSize(4);
	}

	@Test
	void nobodyIsGivenAJobAboveTheirLevelOrASeniorJobWithoutThePrivilegeOrAnotherHousesJob() {
		Job coordinator = job("Coordinator", 3, 3, true, null);
		Job greeter = job("Greeter", 3, 2, false, null);
		Job lindenGarden = job("Linden garden", 3, 1, false, LINDEN);
		Candidate newcomer = resident(1, BAYVIEW, 1, List.of(coordinator, greeter, lindenGarden));
		Candidate senior = new Candidate(new UUID(2, 2), BAYVIEW, 3, false, List.of(coordinator.id()), Map.of(), Map.of(),
				false);
		Candidate restricted = new Candidate(new UUID(2, 3), BAYVIEW, 4, true, List.of(coordinator.id()), Map.of(), Map.of(),
				false);
		Map<UUID, UUID> plan = jobOf(RosterPlanner.plan(MONDAY, List.of(coordinator, greeter, lindenGarden),
				List.of(newcomer, senior, restricted), 3));
		assertThat(plan).doesNotContainKey(newcomer.residentId());
		assertThat(plan.get(senior.residentId())).as("level 3 without the senior privilege").isEqualTo(greeter.id());
		assertThat(plan.get(restricted.residentId())).isEqualTo(coordinator.id());
	}

	@Test
	void nobodyStaysOnAJobPastTheLimitUnlessItIsTheirFirstPreference() {
		Job kitchen = job("Kitchen", 5);
		Job laundry = job("Laundry", 5);
		Job coordinator = job("Coordinator", 1, 4, false, null);
		Candidate secondChoice = new Candidate(new UUID(2, 1), BAYVIEW, 2, false,
				List.of(coordinator.id(), laundry.id(), kitchen.id()),
				Map.of(laundry.id(), 3), Map.of(laundry.id(), 3), false);
		Candidate firstChoice = new Candidate(new UUID(2, 2), BAYVIEW, 2, false, List.of(laundry.id()),
				Map.of(laundry.id(), 3), Map.of(laundry.id(), 3), false);
		Candidate twoWeeks = new Candidate(new UUID(2, 3), BAYVIEW, 2, false, List.of(kitchen.id(), laundry.id()),
				Map.of(kitchen.id(), 2), Map.of(kitchen.id(), 2), false);
		Candidate nothingWanted = new Candidate(new UUID(2, 4), BAYVIEW, 2, false, List.of(), Map.of(laundry.id(), 3),
				Map.of(laundry.id(), 3), false);
		Map<UUID, UUID> plan = jobOf(RosterPlanner.plan(MONDAY, List.of(kitchen, laundry, coordinator),
				List.of(secondChoice, firstChoice, twoWeeks, nothingWanted), 3));
		assertThat(plan.get(secondChoice.residentId())).isEqualTo(kitchen.id());
		assertThat(plan.get(firstChoice.residentId())).isEqualTo(laundry.id());
		assertThat(plan.get(twoWeeks.residentId())).as("two weeks is within the limit").isEqualTo(kitchen.id());
		assertThat(plan.get(nothingWanted.residentId())).isEqualTo(kitchen.id());
		Map<UUID, UUID> longer = jobOf(RosterPlanner.plan(MONDAY, List.of(kitchen, laundry, coordinator),
				List.of(secondChoice), 4));
		assertThat(longer.get(secondChoice.residentId())).as("the limit is the program's").isEqualTo(laundry.id());
	}

	@Test
	void theLeastWantedJobsRotateAmongThoseWhoChoseNothing() {
		Job bins = job("Bins", 1);
		Job toilets = job("Toilets", 1);
		Candidate didBins = new Candidate(new UUID(2, 1), BAYVIEW, 1, false, List.of(), Map.of(bins.id(), 1),
				Map.of(bins.id(), 1), true);
		Candidate didToilets = new Candidate(new UUID(2, 2), BAYVIEW, 1, false, List.of(), Map.of(toilets.id(), 1),
				Map.of(toilets.id(), 1), true);
		Map<UUID, UUID> plan = jobOf(RosterPlanner.plan(MONDAY, List.of(bins, toilets), List.of(didBins, didToilets), 3));
		assertThat(plan.get(didBins.residentId())).isEqualTo(toilets.id());
		assertThat(plan.get(didToilets.residentId())).isEqualTo(bins.id());
	}

	@Test
	void whoeverDidAnUnchosenJobLastWeekIsServedFirst() {
		Job kitchen = job("Kitchen", 1);
		Job bins = job("Bins", 1);
		for (int week = 0; week < 20; week++) {
			LocalDate monday = MONDAY.plusWeeks(week);
			Candidate lucky = new Candidate(new UUID(2, 1), BAYVIEW, 1, false, List.of(kitchen.id()), Map.of(kitchen.id(), 1),
					Map.of(kitchen.id(), 1), false);
			Candidate stuck = new Candidate(new UUID(2, 2), BAYVIEW, 1, false, List.of(kitchen.id()), Map.of(bins.id(), 1),
					Map.of(bins.id(), 1), true);
			Map<UUID, UUID> plan = jobOf(RosterPlanner.plan(monday, List.of(kitchen, bins), List.of(lucky, stuck), 3));
			assertThat(plan.get(stuck.residentId())).as("week %s", monday).isEqualTo(kitchen.id());
			assertThat(plan.get(lucky.residentId())).isEqualTo(bins.id());
		}
	}

	@Test
	void theSameInputInAnyOrderGivesTheSameRosterAndTheOrderRotatesByWeek() {
		List<Job> jobs = new ArrayList<>();
		for (int j = 0; j < 10; j++) {
			jobs.add(job("Job " + j, 2));
		}
		Random random = new Random(7);
		List<Candidate> residents = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			List<Job> wishes = new ArrayList<>(jobs);
			Collections.shuffle(wishes, random);
			residents.add(resident(i, i % 2 == 0 ? BAYVIEW : LINDEN, 1 + random.nextInt(4), wishes.subList(0, 3)));
		}
		List<Placement> first = RosterPlanner.plan(MONDAY, jobs, residents, 3);
		List<Candidate> shuffled = new ArrayList<>(residents);
		Collections.shuffle(shuffled, random);
		List<Job> shuffledJobs = new ArrayList<>(jobs);
		Collections.shuffle(shuffledJobs, random);
		assertThat(jobOf(RosterPlanner.plan(MONDAY, shuffledJobs, shuffled, 3))).isEqualTo(jobOf(first));
		List<UUID> order = first.stream().map(Placement::residentId).toList();
		List<UUID> nextWeek = RosterPlanner.plan(MONDAY.plusWeeks(1), jobs, residents, 3).stream()
			.map(Placement::residentId).toList();
		assertThat(nextWeek).isNotEqualTo(order);
		Map<UUID, Integer> count = new HashMap<>();
		first.forEach(p -> count.merge(p.jobId(), 1, Integer::sum));
		assertThat(count.values()).allMatch(n -> n <= 4);
	}
}
