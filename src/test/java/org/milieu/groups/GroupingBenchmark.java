package org.milieu.groups;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The grouping benchmark (bench/grouping): the proposer over a program shaped like a real one, 1,500
 * residents in 50 houses of 30 (levels 1–4 at 15/30/35/20%, 14-day rating means that rise with the
 * level, up to three of the six ASAM problem areas, two keep-apart pairs a house), groups of 6 to 10
 * with one structured. Last week's grouping is the proposer's own on last week's program; this week
 * 5% of the residents were discharged and replaced by newcomers, 5% changed level and every rating
 * drifted a little. Times the proposal of all 50 houses (after warm-up runs) and prints the moves
 * against last week's grouping. A plain main on the test class path: no Spring, no database.
 * <p>
 * Usage: {@code java -cp target/classes:target/test-classes org.milieu.groups.GroupingBenchmark [houses] [perHouse] [runs]}
 */
public final class GroupingBenchmark {

	private static final String[] AREAS = { "ASAM1_INTOXICATION_WITHDRAWAL", "ASAM2_BIOMEDICAL", "ASAM3_EMOTIONAL",
			"ASAM4_READINESS", "ASAM5_RELAPSE", "ASAM6_RECOVERY_ENVIRONMENT" };

	private GroupingBenchmark() {
	}

	public static void main(String[] args) {
		int houses = args.length > 0 ? Integer.parseInt(args[0]) : 50;
		int perHouse = args.length > 1 ? Integer.parseInt(args[1]) : 30;
		int runs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
		Random random = new Random(20261212);
		GroupProposer proposer = new GroupProposer();
		GroupSettings settings = GroupSettings.DEFAULT;

		record House(List<GroupSlot> slots, List<NeedProfile> lastWeek, List<NeedProfile> thisWeek, List<Separation> apart) {
		}
		List<House> program = new ArrayList<>();
		for (int h = 0; h < houses; h++) {
			List<NeedProfile> last = new ArrayList<>();
			for (int i = 0; i < perHouse; i++) {
				last.add(resident(random, level(random)));
			}
			List<NeedProfile> now = new ArrayList<>();
			for (NeedProfile r : last) {
				double roll = random.nextDouble();
				if (roll < 0.05) {
					now.add(resident(random, 1));
				}
				else {
					int level = roll < 0.10 ? Math.max(1, Math.min(4, r.level() + (random.nextBoolean() ? 1 : -1))) : r.level();
					double drift = Math.max(1, Math.min(4, r.ratingMean() + random.nextGaussian() * 0.15));
					now.add(new NeedProfile(r.residentId(), level, drift, r.problemAreas(), Map.of()));
				}
			}
			List<Separation> apart = List.of(new Separation(now.get(0).residentId(), now.get(1).residentId()),
					new Separation(now.get(2).residentId(), now.get(3).residentId()));
			int count = settings.groupsFor(perHouse);
			List<GroupSlot> slots = new ArrayList<>();
			for (int g = 0; g < count; g++) {
				slots.add(new GroupSlot(UUID.randomUUID(), GroupingRows.label(g + 1), g < settings.structuredGroups()));
			}
			program.add(new House(slots, last, now, apart));
		}
		List<Map<UUID, UUID>> lastWeeks = new ArrayList<>();
		for (House house : program) {
			lastWeeks.add(proposer.propose(house.lastWeek(), house.slots(), Map.of(), house.apart(), settings.maxSize()).groupOf());
		}

		for (int warm = 0; warm < 5; warm++) {
			runAll(proposer, program.stream().map(h -> new Object[] { h.thisWeek(), h.slots(), h.apart() }).toList(), lastWeeks,
					settings.maxSize());
		}
		long[] nanos = new long[runs];
		int moves = 0;
		int placed = 0;
		List<Object[]> inputs = program.stream().map(h -> new Object[] { h.thisWeek(), h.slots(), h.apart() }).toList();
		for (int run = 0; run < runs; run++) {
			long start = System.nanoTime();
			int[] counts = runAll(proposer, inputs, lastWeeks, settings.maxSize());
			nanos[run] = System.nanoTime() - start;
			moves = counts[0];
			placed = counts[1];
		}
		Arrays.sort(nanos);
		double median = nanos[runs / 2] / 1e6;
		double max = nanos[runs - 1] / 1e6;
		System.out.printf(Locale.ROOT, "%d houses of %d residents, %d runs after 5 warm-up runs: median %.1f ms, slowest %.1f ms%n",
				houses, perHouse, runs, median, max);
		System.out.printf(Locale.ROOT, "grouping residents=%d houses=%d median_ms=%.1f max_ms=%.1f moves=%d newly_placed=%d (goal <= 1000 ms)%n",
				houses * perHouse, houses, median, max, moves, placed);
	}

	@SuppressWarnings("unchecked")
	private static int[] runAll(GroupProposer proposer, List<Object[]> inputs, List<Map<UUID, UUID>> lastWeeks, int maxSize) {
		int moves = 0;
		int placed = 0;
		for (int h = 0; h < inputs.size(); h++) {
			Object[] in = inputs.get(h);
			Proposal p = proposer.propose((List<NeedProfile>) in[0], (List<GroupSlot>) in[1], lastWeeks.get(h),
					(List<Separation>) in[2], maxSize);
			moves += p.moves();
			placed += p.newlyPlaced();
		}
		return new int[] { moves, placed };
	}

	private static int level(Random random) {
		double roll = random.nextDouble();
		return roll < 0.15 ? 1 : roll < 0.45 ? 2 : roll < 0.80 ? 3 : 4;
	}

	private static NeedProfile resident(Random random, int level) {
		double rating = Math.max(1, Math.min(4, 1.2 + 0.6 * level + random.nextGaussian() * 0.4));
		Set<String> areas = new TreeSet<>();
		int count = random.nextInt(4);
		for (int i = 0; i < count; i++) {
			areas.add(AREAS[random.nextInt(AREAS.length)]);
		}
		return new NeedProfile(new UUID(random.nextLong(), random.nextLong()), level, rating, areas, new HashMap<>());
	}
}
