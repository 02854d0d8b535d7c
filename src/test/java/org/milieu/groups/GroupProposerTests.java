package org.milieu.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The grouping proposer's rules, without Spring or a database. */
class GroupProposerTests {

	final GroupProposer proposer = new GroupProposer();

	int next = 1;

	NeedProfile resident(int level, double rating, String... areas) {
		return new NeedProfile(new UUID(0, next++), level, rating, Set.of(areas), Map.of());
	}

	static List<GroupSlot> groups(int count, int structured) {
		List<GroupSlot> slots = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			slots.add(new GroupSlot(new UUID(1, i + 1), String.valueOf((char) ('A' + i)), i < structured));
		}
		return slots;
	}

	static Map<UUID, Set<Integer>> levelsByGroup(Proposal proposal, List<NeedProfile> residents) {
		Map<UUID, Integer> level = residents.stream().collect(Collectors.toMap(NeedProfile::residentId, NeedProfile::level));
		Map<UUID, Set<Integer>> levels = new HashMap<>();
		proposal.placements().forEach(p -> levels.computeIfAbsent(p.groupId(), g -> new java.util.TreeSet<>()).add(level.get(p.residentId())));
		return levels;
	}

	@Test
	void residentsWithSimilarNeedsAreGroupedTogether() {
		List<NeedProfile> residents = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			residents.add(resident(2, 1.8, "ASAM5_RELAPSE"));
			residents.add(resident(3, 2.9, "ASAM6_RECOVERY_ENVIRONMENT"));
			residents.add(resident(4, 3.7, "ASAM4_READINESS"));
		}
		Collections.shuffle(residents, new Random(7));
		Proposal proposal = proposer.propose(residents, groups(3, 1), Map.of(), List.of(), 10);

		assertThat(proposal.placements()).hasSize(24);
		assertThat(levelsByGroup(proposal, residents).values()).containsExactlyInAnyOrder(Set.of(2), Set.of(3), Set.of(4));
		assertThat(proposal.moves()).isZero();
		assertThat(proposal.newlyPlaced()).isEqualTo(24);
		assertThat(proposal.placements()).allSatisfy(p -> assertThat(p.reasonKey()).isEqualTo(GroupProposer.SIMILAR));
		Placement first = proposal.placements().get(0);
		assertThat(first.reasonArgs()).hasSize(4);
		assertThat(first.reasonArgs().get(3)).as("plan areas shared with the group").isEqualTo("1");
	}

	@Test
	void ratingsSeparateResidentsOfTheSameLevel() {
		List<NeedProfile> residents = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			residents.add(resident(3, 1.2));
			residents.add(resident(3, 3.9));
		}
		Proposal proposal = proposer.propose(residents, groups(2, 0), Map.of(), List.of(), 10);
		Map<UUID, Double> rating = residents.stream().collect(Collectors.toMap(NeedProfile::residentId, NeedProfile::ratingMean));
		Map<UUID, Set<Double>> ratings = new HashMap<>();
		proposal.placements().forEach(p -> ratings.computeIfAbsent(p.groupId(), g -> new java.util.HashSet<>()).add(rating.get(p.residentId())));
		assertThat(ratings.values()).containsExactlyInAnyOrder(Set.of(1.2), Set.of(3.9));
	}

	@Test
	void newcomersLandInTheStructuredGroups() {
		List<NeedProfile> residents = new ArrayList<>();
		List<UUID> newcomers = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			NeedProfile newcomer = resident(1, 2.0);
			newcomers.add(newcomer.residentId());
			residents.add(newcomer);
		}
		NeedProfile withoutLevel = new NeedProfile(new UUID(0, next++), 0, null, Set.of(), Map.of());
		newcomers.add(withoutLevel.residentId());
		residents.add(withoutLevel);
		for (int i = 0; i < 14; i++) {
			residents.add(resident(2 + i % 3, 3.0));
		}
		List<GroupSlot> slots = groups(3, 1);
		Proposal proposal = proposer.propose(residents, slots, Map.of(), List.of(), 10);

		UUID structured = slots.get(0).groupId();
		assertThat(proposal.placements()).filteredOn(p -> newcomers.contains(p.residentId()))
			.hasSize(6)
			.allSatisfy(p -> {
				assertThat(p.groupId()).isEqualTo(structured);
				assertThat(p.reasonKey()).isEqualTo(GroupProposer.NEWCOMER);
			});
	}

	@Test
	void aNewcomerOutsideAStructuredGroupIsMovedIntoOne() {
		List<GroupSlot> slots = groups(2, 1);
		List<NeedProfile> residents = new ArrayList<>();
		Map<UUID, UUID> lastWeek = new HashMap<>();
		for (int i = 0; i < 6; i++) {
			NeedProfile a = resident(2, 2.5);
			NeedProfile b = resident(4, 3.5);
			residents.add(a);
			residents.add(b);
			lastWeek.put(a.residentId(), slots.get(0).groupId());
			lastWeek.put(b.residentId(), slots.get(1).groupId());
		}
		NeedProfile demoted = resident(1, 1.5);
		residents.add(demoted);
		lastWeek.put(demoted.residentId(), slots.get(1).groupId());

		Proposal proposal = proposer.propose(residents, slots, lastWeek, List.of(), 10);
		Placement placed = placementOf(proposal, demoted.residentId());
		assertThat(placed.groupId()).isEqualTo(slots.get(0).groupId());
		assertThat(placed.reasonKey()).isEqualTo(GroupProposer.MOVED_STRUCTURE);
		assertThat(placed.reasonArgs()).containsExactly("A", "B");
		assertThat(proposal.moves()).isEqualTo(1);
	}

	@Test
	void keepApartPairsAreNeverInOneGroup() {
		List<NeedProfile> residents = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			residents.add(resident(3, 3.0, "ASAM5_RELAPSE"));
		}
		List<Separation> apart = List.of(new Separation(residents.get(0).residentId(), residents.get(1).residentId()),
				new Separation(residents.get(2).residentId(), residents.get(3).residentId()),
				new Separation(residents.get(0).residentId(), residents.get(2).residentId()));
		Proposal proposal = proposer.propose(residents, groups(2, 0), Map.of(), apart, 10);
		Map<UUID, UUID> group = proposal.groupOf();
		for (Separation s : apart) {
			assertThat(group.get(s.residentA())).as("%s", s).isNotEqualTo(group.get(s.residentB()));
		}
	}

	@Test
	void aNewKeepApartPairInOneGroupMovesOneOfThemOnly() {
		List<GroupSlot> slots = groups(2, 0);
		List<NeedProfile> residents = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			residents.add(resident(3, 3.0));
		}
		Proposal first = proposer.propose(residents, slots, Map.of(), List.of(), 10);
		Map<UUID, UUID> lastWeek = first.groupOf();
		UUID a = first.placements().get(0).residentId();
		UUID b = first.placements().get(1).residentId();
		assertThat(lastWeek.get(a)).isEqualTo(lastWeek.get(b));

		Proposal second = proposer.propose(residents, slots, lastWeek, List.of(new Separation(a, b)), 10);
		assertThat(second.groupOf().get(a)).isNotEqualTo(second.groupOf().get(b));
		assertThat(second.moves()).isEqualTo(1);
		assertThat(second.placements()).filteredOn(Placement::moved).singleElement()
			.satisfies(p -> assertThat(p.reasonKey()).isEqualTo(GroupProposer.MOVED_APART));
	}

	@Test
	void aKeepApartPairThatNoGroupCanHonourIsPlacedAndSaysSo() {
		NeedProfile a = resident(3, 3.0);
		NeedProfile b = resident(3, 3.0);
		Proposal proposal = proposer.propose(List.of(a, b), groups(1, 0), Map.of(), List.of(new Separation(a.residentId(),
				b.residentId())), 10);
		assertThat(proposal.placements()).hasSize(2);
		assertThat(proposal.placements()).extracting(Placement::reasonKey).contains(GroupProposer.UNMET_APART);
	}

	@Test
	void lastWeeksGroupsStayWhenResidentsComeAndGoAndRatingsDriftALittle() {
		List<GroupSlot> slots = groups(3, 1);
		List<NeedProfile> residents = new ArrayList<>();
		for (int i = 0; i < 27; i++) {
			residents.add(resident(1 + i % 4, 1.5 + (i % 5) * 0.5, "AREA" + (i % 3)));
		}
		Proposal lastWeek = proposer.propose(residents, slots, Map.of(), List.of(), 10);

		List<NeedProfile> thisWeek = new ArrayList<>();
		for (NeedProfile r : residents.subList(2, residents.size())) {
			thisWeek.add(new NeedProfile(r.residentId(), r.level(), r.ratingMean() + 0.2, r.problemAreas(), Map.of()));
		}
		NeedProfile arrival = resident(1, 2.0);
		NeedProfile transfer = resident(3, 3.0);
		thisWeek.add(arrival);
		thisWeek.add(transfer);

		Proposal proposal = proposer.propose(thisWeek, slots, lastWeek.groupOf(), List.of(), 10);
		assertThat(proposal.moves()).isZero();
		assertThat(proposal.newlyPlaced()).isEqualTo(2);
		for (NeedProfile r : residents.subList(2, residents.size())) {
			Placement p = placementOf(proposal, r.residentId());
			assertThat(p.groupId()).isEqualTo(lastWeek.groupOf().get(r.residentId()));
			assertThat(p.reasonKey()).isEqualTo(GroupProposer.STAYED);
		}
		assertThat(placementOf(proposal, arrival.residentId()).groupId()).isEqualTo(slots.get(0).groupId());
	}

	@Test
	void aResidentWhoseNeedsChangedALotMovesToACloserGroup() {
		List<GroupSlot> slots = groups(2, 1);
		List<NeedProfile> residents = new ArrayList<>();
		Map<UUID, UUID> lastWeek = new HashMap<>();
		for (int i = 0; i < 6; i++) {
			NeedProfile low = resident(1, 1.5);
			NeedProfile high = resident(4, 3.8);
			residents.add(low);
			residents.add(high);
			lastWeek.put(low.residentId(), slots.get(0).groupId());
			lastWeek.put(high.residentId(), slots.get(1).groupId());
		}
		NeedProfile promoted = resident(4, 3.8);
		residents.add(promoted);
		lastWeek.put(promoted.residentId(), slots.get(0).groupId());

		Proposal proposal = proposer.propose(residents, slots, lastWeek, List.of(), 10);
		assertThat(proposal.moves()).isEqualTo(1);
		Placement moved = placementOf(proposal, promoted.residentId());
		assertThat(moved.groupId()).isEqualTo(slots.get(1).groupId());
		assertThat(moved.reasonKey()).isEqualTo(GroupProposer.MOVED_NEEDS);
		assertThat(moved.reasonArgs()).containsExactly("B", "A", "4", "3.8");
		assertThat(moved.fromGroupId()).isEqualTo(slots.get(0).groupId());
	}

	@Test
	void aGroupOverItsSizeGivesUpOnlyTheResidentsItMust() {
		List<GroupSlot> slots = groups(2, 0);
		List<NeedProfile> residents = new ArrayList<>();
		Map<UUID, UUID> lastWeek = new HashMap<>();
		for (int i = 0; i < 12; i++) {
			NeedProfile r = resident(3, 3.0);
			residents.add(r);
			lastWeek.put(r.residentId(), slots.get(i < 10 ? 0 : 1).groupId());
		}
		Proposal proposal = proposer.propose(residents, slots, lastWeek, List.of(), 8);
		assertThat(proposal.moves()).isEqualTo(2);
		assertThat(proposal.placements()).filteredOn(Placement::moved)
			.allSatisfy(p -> assertThat(p.reasonKey()).isEqualTo(GroupProposer.MOVED_FULL));
		assertThat(proposal.placements().stream().filter(p -> p.groupId().equals(slots.get(0).groupId()))).hasSize(8);
	}

	@Test
	void aResidentWhoseGroupIsNoLongerUsedIsRegroupedAndCountsAsAMove() {
		List<GroupSlot> three = groups(3, 0);
		List<NeedProfile> residents = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			residents.add(resident(2 + i % 3, 3.0));
		}
		Proposal lastWeek = proposer.propose(residents, three, Map.of(), List.of(), 10);
		long inThird = lastWeek.placements().stream().filter(p -> p.groupId().equals(three.get(2).groupId())).count();

		Proposal proposal = proposer.propose(residents, three.subList(0, 2), lastWeek.groupOf(), List.of(), 10);
		assertThat(proposal.moves()).isEqualTo((int) inThird);
		assertThat(proposal.placements()).filteredOn(Placement::moved)
			.allSatisfy(p -> assertThat(p.reasonKey()).isEqualTo(GroupProposer.REGROUPED));
	}

	@Test
	void theSameInputGivesTheSameProposalWhateverItsOrder() {
		Random random = new Random(42);
		List<NeedProfile> residents = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			residents.add(resident(1 + random.nextInt(4), 1 + random.nextInt(30) / 10.0, "AREA" + random.nextInt(5)));
		}
		List<Separation> apart = List.of(new Separation(residents.get(3).residentId(), residents.get(9).residentId()));
		List<GroupSlot> slots = groups(4, 1);
		Proposal once = proposer.propose(residents, slots, Map.of(), apart, 10);
		List<NeedProfile> shuffled = new ArrayList<>(residents);
		Collections.shuffle(shuffled, new Random(1));
		Proposal again = proposer.propose(shuffled, slots, Map.of(), apart, 10);
		assertThat(again).isEqualTo(once);

		Map<UUID, UUID> lastWeek = once.groupOf();
		assertThat(proposer.propose(shuffled, slots, lastWeek, apart, 10))
			.isEqualTo(proposer.propose(residents, slots, new HashMap<>(lastWeek), apart, 10));
	}

	@Test
	void instrumentScoresWeighWhenBothSidesHaveThem() {
		List<NeedProfile> residents = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			residents.add(new NeedProfile(new UUID(0, next++), 3, 3.0, Set.of(), Map.of("PHQ9", 4.0)));
			residents.add(new NeedProfile(new UUID(0, next++), 3, 3.0, Set.of(), Map.of("PHQ9", 22.0)));
		}
		Proposal proposal = proposer.propose(residents, groups(2, 0), Map.of(), List.of(), 10);
		Map<UUID, Double> score = residents.stream().collect(Collectors.toMap(NeedProfile::residentId, r -> r.instrumentScores().get("PHQ9")));
		Map<UUID, Set<Double>> scores = new HashMap<>();
		proposal.placements().forEach(p -> scores.computeIfAbsent(p.groupId(), g -> new java.util.HashSet<>()).add(score.get(p.residentId())));
		assertThat(scores.values()).containsExactlyInAnyOrder(Set.of(4.0), Set.of(22.0));
	}

	@Test
	void residentsNeedAGroupToBePlacedIn() {
		assertThatThrownBy(() -> proposer.propose(List.of(resident(2, 2.0)), List.of(), Map.of(), List.of(), 10))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(proposer.propose(List.of(), List.of(), Map.of(), List.of(), 10).placements()).isEmpty();
	}

	static Placement placementOf(Proposal proposal, UUID resident) {
		return proposal.placements().stream().filter(p -> p.residentId().equals(resident)).findFirst().orElseThrow();
	}
}
