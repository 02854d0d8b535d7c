package org.milieu.groups;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Proposes a house's small groups for a week: pure and deterministic (the same input gives the same
 * proposal, whatever the order of the lists), no database, no clock.
 * <p>
 * Needs are compared as a distance from 0 to 1 between a resident and a group's members: half the
 * difference in level, three tenths the difference in the mean of the last 14 days' ratings, a fifth
 * the share of the resident's plan problem areas no member of the group shares; when instrument
 * scores are given on both sides they take 15% of the weight.
 * <ol>
 * <li>Stability first: everyone stays in last week's group, unless a newcomer (level 1) is outside a
 * structured group, a group is over its size, or two residents who must be kept apart share it (the
 * one whose needs are farther from the group leaves).</li>
 * <li>A settled resident moves for their needs alone only when another group with room is closer by
 * more than {@link #MOVE_GAIN}, so small changes in ratings never reshuffle a house.</li>
 * <li>Everyone else (new residents, and those who had to leave) is placed newcomers first, then in
 * order of need, in the closest group with room that keeps every separation; newcomers only in
 * structured groups. Empty groups are seeded by need quantiles, structured groups with the lowest,
 * so a first grouping puts similar needs together. A separation or the structure is given up only
 * when no group could keep it, and the reason then says so.</li>
 * </ol>
 */
public final class GroupProposer {

	/** How much closer another group must be before a settled resident moves for their needs alone. */
	static final double MOVE_GAIN = 0.30;

	static final String STAYED = "groups.reason.stayed";

	static final String NEWCOMER = "groups.reason.newcomer";

	static final String SIMILAR = "groups.reason.similar";

	static final String MOVED_NEEDS = "groups.reason.moved.needs";

	static final String MOVED_STRUCTURE = "groups.reason.moved.structure";

	static final String MOVED_FULL = "groups.reason.moved.full";

	static final String MOVED_APART = "groups.reason.moved.keepApart";

	static final String REGROUPED = "groups.reason.regrouped";

	static final String UNMET_STRUCTURE = "groups.reason.unmet.structure";

	static final String UNMET_APART = "groups.reason.unmet.keepApart";

	private enum Cause {
		STAYED, NEW, NEEDS, STRUCTURE, FULL, APART, GONE, UNMET_STRUCTURE, UNMET_APART
	}

	/**
	 * Groups {@code residents} into {@code groups} (at least one), keeping last week's grouping
	 * ({@code lastWeek}: resident → group id) as far as the rules allow.
	 *
	 * @param maxSize the most residents a group should take; exceeded only when the house has more
	 * residents than the groups can hold
	 */
	public Proposal propose(Collection<NeedProfile> residents, List<GroupSlot> groups, Map<UUID, UUID> lastWeek,
			Collection<Separation> separations, int maxSize) {
		if (residents.isEmpty()) {
			return new Proposal(List.of(), 0, 0);
		}
		if (groups.isEmpty()) {
			throw new IllegalArgumentException("no group to place " + residents.size() + " residents in");
		}
		return new Run(residents, groups, lastWeek, separations, maxSize).run();
	}

	/** Sums over a group's members, so distances need no pass over the members. */
	private static final class Profile {

		int count;

		double levels;

		int rated;

		double ratings;

		final Map<String, Integer> areas = new HashMap<>();

		final Map<String, double[]> instruments = new HashMap<>();

		void add(NeedProfile r, int sign) {
			count += sign;
			levels += sign * r.effectiveLevel();
			if (r.ratingMean() != null) {
				rated += sign;
				ratings += sign * r.ratingMean();
			}
			for (String area : r.problemAreas()) {
				areas.merge(area, sign, Integer::sum);
			}
			r.instrumentScores().forEach((code, score) -> {
				double[] sum = instruments.computeIfAbsent(code, c -> new double[2]);
				sum[0] += sign * score;
				sum[1] += sign;
			});
		}

		int shared(NeedProfile r) {
			int shared = 0;
			for (String area : r.problemAreas()) {
				if (areas.getOrDefault(area, 0) > 0) {
					shared++;
				}
			}
			return shared;
		}

		double distance(NeedProfile r) {
			double level = Math.abs(r.effectiveLevel() - levels / count) / 3.0;
			double rating = r.ratingMean() == null || rated == 0 ? 0.25 : Math.min(1, Math.abs(r.ratingMean() - ratings / rated) / 3.0);
			double area = r.problemAreas().isEmpty() ? 0.5 : 1.0 - (double) shared(r) / r.problemAreas().size();
			double needs = 0.5 * level + 0.3 * rating + 0.2 * area;
			double instrument = 0;
			int common = 0;
			for (Map.Entry<String, Double> score : r.instrumentScores().entrySet()) {
				double[] sum = instruments.get(score.getKey());
				if (sum != null && sum[1] > 0) {
					double mean = sum[0] / sum[1];
					instrument += Math.min(1, Math.abs(score.getValue() - mean) / Math.max(1, Math.abs(mean)));
					common++;
				}
			}
			return common == 0 ? needs : 0.85 * needs + 0.15 * instrument / common;
		}
	}

	private static final class Run {

		final List<NeedProfile> residents;

		final List<GroupSlot> slots;

		final Map<UUID, Integer> slotIndex = new HashMap<>();

		final Map<UUID, UUID> lastWeek;

		final Map<UUID, Set<UUID>> apart = new HashMap<>();

		final Profile[] profiles;

		final Profile[] seeds;

		final List<Set<UUID>> members = new ArrayList<>();

		final Map<UUID, Integer> at = new HashMap<>();

		final Map<UUID, Cause> causes = new HashMap<>();

		final boolean anyStructured;

		final int cap;

		final int hard;

		Run(Collection<NeedProfile> residents, List<GroupSlot> groups, Map<UUID, UUID> lastWeek,
				Collection<Separation> separations, int maxSize) {
			this.residents = residents.stream().sorted(Comparator.comparing(NeedProfile::residentId)).toList();
			this.slots = List.copyOf(groups);
			for (int i = 0; i < slots.size(); i++) {
				slotIndex.put(slots.get(i).groupId(), i);
				members.add(new HashSet<>());
			}
			this.lastWeek = Map.copyOf(lastWeek);
			Set<UUID> here = new HashSet<>();
			this.residents.forEach(r -> here.add(r.residentId()));
			for (Separation s : separations) {
				if (here.contains(s.residentA()) && here.contains(s.residentB()) && !s.residentA().equals(s.residentB())) {
					apart.computeIfAbsent(s.residentA(), k -> new HashSet<>()).add(s.residentB());
					apart.computeIfAbsent(s.residentB(), k -> new HashSet<>()).add(s.residentA());
				}
			}
			this.profiles = new Profile[slots.size()];
			for (int i = 0; i < profiles.length; i++) {
				profiles[i] = new Profile();
			}
			this.anyStructured = slots.stream().anyMatch(GroupSlot::structured);
			int n = this.residents.size();
			this.cap = (n + slots.size() - 1) / slots.size();
			this.hard = Math.max(maxSize, cap);
			this.seeds = seeds();
		}

		/** Each group's stand-in while it is empty: the resident at its quantile of need, structured groups lowest. */
		private Profile[] seeds() {
			List<NeedProfile> byNeed = residents.stream().sorted(NEED).toList();
			List<Integer> order = new ArrayList<>();
			for (int i = 0; i < slots.size(); i++) {
				if (slots.get(i).structured()) {
					order.add(i);
				}
			}
			for (int i = 0; i < slots.size(); i++) {
				if (!slots.get(i).structured()) {
					order.add(i);
				}
			}
			Profile[] seeds = new Profile[slots.size()];
			for (int q = 0; q < order.size(); q++) {
				int index = (int) Math.min(byNeed.size() - 1, Math.floor((q + 0.5) * byNeed.size() / order.size()));
				Profile seed = new Profile();
				seed.add(byNeed.get(index), 1);
				seeds[order.get(q)] = seed;
			}
			return seeds;
		}

		Proposal run() {
			List<NeedProfile> pending = new ArrayList<>();
			Map<UUID, NeedProfile> byId = new HashMap<>();
			for (NeedProfile r : residents) {
				byId.put(r.residentId(), r);
				UUID last = lastWeek.get(r.residentId());
				Integer group = last == null ? null : slotIndex.get(last);
				if (group == null) {
					causes.put(r.residentId(), last == null ? Cause.NEW : Cause.GONE);
					pending.add(r);
				}
				else if (r.newcomer() && anyStructured && !slots.get(group).structured()) {
					causes.put(r.residentId(), Cause.STRUCTURE);
					pending.add(r);
				}
				else {
					causes.put(r.residentId(), Cause.STAYED);
					place(r, group);
				}
			}
			for (int g = 0; g < slots.size(); g++) {
				while (members.get(g).size() > hard) {
					NeedProfile leaving = farthest(g, members.get(g).stream().map(byId::get).toList());
					unplace(leaving);
					causes.put(leaving.residentId(), Cause.FULL);
					pending.add(leaving);
				}
			}
			for (NeedProfile r : residents) {
				Integer g = at.get(r.residentId());
				if (g == null) {
					continue;
				}
				List<NeedProfile> clash = new ArrayList<>();
				for (UUID other : apart.getOrDefault(r.residentId(), Set.of())) {
					if (g.equals(at.get(other))) {
						clash.add(byId.get(other));
					}
				}
				if (!clash.isEmpty()) {
					clash.add(r);
					NeedProfile leaving = farthest(g, clash);
					unplace(leaving);
					causes.put(leaving.residentId(), Cause.APART);
					pending.add(leaving);
				}
			}
			moveForNeeds();
			pending.sort(Comparator.comparing((NeedProfile r) -> !r.newcomer()).thenComparing(NEED));
			for (NeedProfile r : pending) {
				placeBest(r);
			}
			return answer(byId);
		}

		private void moveForNeeds() {
			record Candidate(NeedProfile resident, double gain) {
			}
			List<Candidate> candidates = new ArrayList<>();
			for (NeedProfile r : residents) {
				Integer g = at.get(r.residentId());
				if (g != null) {
					double gain = gain(r, g);
					if (gain > MOVE_GAIN) {
						candidates.add(new Candidate(r, gain));
					}
				}
			}
			candidates.sort(Comparator.comparingDouble(Candidate::gain).reversed()
				.thenComparing(c -> c.resident().residentId()));
			for (Candidate c : candidates) {
				NeedProfile r = c.resident();
				int from = at.get(r.residentId());
				double own = without(r, from);
				int best = -1;
				double bestDistance = Double.MAX_VALUE;
				for (int h = 0; h < slots.size(); h++) {
					if (h != from && allowed(r, h) && members.get(h).size() < cap) {
						double d = distance(r, h);
						if (d < bestDistance) {
							bestDistance = d;
							best = h;
						}
					}
				}
				if (best >= 0 && own - bestDistance > MOVE_GAIN) {
					unplace(r);
					place(r, best);
					causes.put(r.residentId(), Cause.NEEDS);
				}
			}
		}

		private double gain(NeedProfile r, int from) {
			double own = without(r, from);
			double best = Double.MAX_VALUE;
			for (int h = 0; h < slots.size(); h++) {
				if (h != from && allowed(r, h) && members.get(h).size() < cap) {
					best = Math.min(best, distance(r, h));
				}
			}
			return best == Double.MAX_VALUE ? 0 : own - best;
		}

		private void placeBest(NeedProfile r) {
			int[] tiers = { 1, 2, 3, 4 };
			for (int tier : tiers) {
				int best = -1;
				double bestDistance = Double.MAX_VALUE;
				for (int h = 0; h < slots.size(); h++) {
					boolean fits = switch (tier) {
						case 1 -> allowed(r, h) && members.get(h).size() < cap;
						case 2 -> allowed(r, h) && members.get(h).size() < hard;
						case 3 -> apartFrom(r, h) && members.get(h).size() < hard;
						default -> true;
					};
					if (!fits) {
						continue;
					}
					double d = distance(r, h);
					if (d < bestDistance - 1e-12 || (Math.abs(d - bestDistance) <= 1e-12 && members.get(h).size() < members.get(best).size())) {
						bestDistance = d;
						best = h;
					}
				}
				if (best >= 0) {
					place(r, best);
					if (tier == 3 && r.newcomer() && anyStructured && !slots.get(best).structured()) {
						causes.put(r.residentId(), Cause.UNMET_STRUCTURE);
					}
					else if (tier == 4 && !apartFrom(r, best)) {
						causes.put(r.residentId(), Cause.UNMET_APART);
					}
					return;
				}
			}
		}

		private boolean allowed(NeedProfile r, int h) {
			return apartFrom(r, h) && (!r.newcomer() || !anyStructured || slots.get(h).structured());
		}

		private boolean apartFrom(NeedProfile r, int h) {
			for (UUID other : apart.getOrDefault(r.residentId(), Set.of())) {
				if (members.get(h).contains(other) && !other.equals(r.residentId())) {
					return false;
				}
			}
			return true;
		}

		private double distance(NeedProfile r, int h) {
			return profiles[h].count == 0 ? seeds[h].distance(r) : profiles[h].distance(r);
		}

		/** The distance from a member to the rest of their group (to the group's seed when alone). */
		private double without(NeedProfile r, int g) {
			profiles[g].add(r, -1);
			try {
				return distance(r, g);
			}
			finally {
				profiles[g].add(r, 1);
			}
		}

		/** Of these members of group g, the one whose needs are farthest from the rest; ties to the larger id. */
		private NeedProfile farthest(int g, List<NeedProfile> among) {
			return among.stream()
				.max(Comparator.comparingDouble((NeedProfile r) -> without(r, g)).thenComparing(NeedProfile::residentId))
				.orElseThrow();
		}

		private void place(NeedProfile r, int g) {
			members.get(g).add(r.residentId());
			profiles[g].add(r, 1);
			at.put(r.residentId(), g);
		}

		private void unplace(NeedProfile r) {
			int g = at.remove(r.residentId());
			members.get(g).remove(r.residentId());
			profiles[g].add(r, -1);
		}

		private Proposal answer(Map<UUID, NeedProfile> byId) {
			Map<Integer, List<UUID>> byGroup = new TreeMap<>();
			at.forEach((resident, g) -> byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(resident));
			List<Placement> placements = new ArrayList<>();
			int moves = 0;
			int fresh = 0;
			for (Map.Entry<Integer, List<UUID>> entry : byGroup.entrySet()) {
				int g = entry.getKey();
				GroupSlot slot = slots.get(g);
				List<UUID> ids = entry.getValue();
				ids.sort(Comparator.naturalOrder());
				for (UUID id : ids) {
					NeedProfile r = byId.get(id);
					UUID last = lastWeek.get(id);
					boolean moved = last != null && !last.equals(slot.groupId());
					if (moved) {
						moves++;
					}
					if (last == null) {
						fresh++;
					}
					placements.add(new Placement(id, slot.groupId(), key(r, g), args(r, g, last), moved, last));
				}
			}
			return new Proposal(placements, moves, fresh);
		}

		private String key(NeedProfile r, int g) {
			return switch (causes.get(r.residentId())) {
				case STAYED -> STAYED;
				case NEW -> r.newcomer() && slots.get(g).structured() ? NEWCOMER : SIMILAR;
				case NEEDS -> MOVED_NEEDS;
				case STRUCTURE -> MOVED_STRUCTURE;
				case FULL -> MOVED_FULL;
				case APART -> MOVED_APART;
				case GONE -> REGROUPED;
				case UNMET_STRUCTURE -> UNMET_STRUCTURE;
				case UNMET_APART -> UNMET_APART;
			};
		}

		private List<String> args(NeedProfile r, int g, UUID last) {
			String group = slots.get(g).name();
			Integer from = last == null ? null : slotIndex.get(last);
			String fromName = from == null ? "" : slots.get(from).name();
			String level = r.level() == 0 ? "–" : String.valueOf(r.level());
			String rating = r.ratingMean() == null ? "–" : String.format(Locale.ROOT, "%.1f", r.ratingMean());
			profiles[g].add(r, -1);
			int shared = profiles[g].shared(r);
			profiles[g].add(r, 1);
			return switch (causes.get(r.residentId())) {
				case STAYED -> List.of(group, level, rating, String.valueOf(shared));
				case NEW, GONE -> List.of(group, level, rating, String.valueOf(shared));
				case NEEDS -> List.of(group, fromName, level, rating);
				case STRUCTURE, APART -> List.of(group, fromName);
				case FULL -> List.of(group, fromName, String.valueOf(hard));
				case UNMET_STRUCTURE, UNMET_APART -> List.of(group);
			};
		}
	}

	/** Lowest need first: level, then the ratings' mean (none counts as 2.5), then id. */
	static final Comparator<NeedProfile> NEED = Comparator.comparingInt(NeedProfile::effectiveLevel)
		.thenComparingDouble(r -> r.ratingMean() == null ? 2.5 : r.ratingMean())
		.thenComparing(NeedProfile::residentId);

}
