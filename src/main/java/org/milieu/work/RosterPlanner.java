package org.milieu.work;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The rules of a week's roster proposal, without the database: who may do which job, and who
 * gets which. Each resident gets at most one job, and a job never has more than its crew size
 * from one house. Residents are served one by one in an order that rotates from week to week
 * (a hash of the resident and the week), those who did a job they had not chosen last week
 * first; each gets their best-ranked preference still open. Whoever is left (no preferences, or
 * none open) gets the open job they did least in recent weeks, then the emptiest, so the least
 * wanted jobs rotate. Nobody is given a job they have done {@code maxConsecutiveWeeks} weeks in a
 * row unless it is their first preference. The same input, in any order, gives the same roster.
 */
final class RosterPlanner {

	private RosterPlanner() {
	}

	/**
	 * A resident as the planner sees them: house, level, whether they hold the SENIOR_JOBS
	 * privilege, their preferences (rank 1 first), how many weeks in a row up to last week they
	 * did each job, how often they did each job in recent weeks, and whether last week's job was
	 * one they had not chosen.
	 */
	record Candidate(UUID residentId, UUID houseId, int level, boolean seniorAllowed, List<UUID> preferences,
			Map<UUID, Integer> weeksInARow, Map<UUID, Integer> recentWeeks, boolean unchosenLastWeek) {

		Candidate {
			preferences = List.copyOf(preferences);
			weeksInARow = Map.copyOf(weeksInARow);
			recentWeeks = Map.copyOf(recentWeeks);
		}

		boolean firstChoice(UUID jobId) {
			return !preferences.isEmpty() && preferences.get(0).equals(jobId);
		}
	}

	/** One resident on one job; {@code chosen}: the job was among their preferences. */
	record Placement(UUID residentId, UUID houseId, UUID jobId, boolean chosen) {
	}

	/** Whether the resident may do the job at all: their house, their level, the senior privilege. */
	static boolean eligible(Job job, Candidate resident) {
		return job.active() && (job.houseId() == null || job.houseId().equals(resident.houseId()))
				&& job.admitsLevel(resident.level()) && (!job.senior() || resident.seniorAllowed());
	}

	/** Whether the rotation lets the resident do the job again this week. */
	static boolean mayStay(Job job, Candidate resident, int maxConsecutiveWeeks) {
		return resident.weeksInARow().getOrDefault(job.id(), 0) < maxConsecutiveWeeks || resident.firstChoice(job.id());
	}

	/** The week's placements, in the order the residents were served. */
	static List<Placement> plan(LocalDate weekStart, List<Job> jobs, List<Candidate> residents, int maxConsecutiveWeeks) {
		Map<UUID, Job> byId = new HashMap<>();
		jobs.forEach(j -> byId.put(j.id(), j));
		List<Job> ordered = jobs.stream().sorted(Comparator.comparing(Job::id)).toList();
		List<Candidate> queue = residents.stream()
			.sorted(Comparator.comparing((Candidate c) -> !c.unchosenLastWeek())
				.thenComparingLong(c -> mix(c.residentId(), weekStart.toEpochDay()))
				.thenComparing(Candidate::residentId))
			.toList();
		Map<Slot, Integer> taken = new HashMap<>();
		List<Placement> placements = new ArrayList<>();
		List<Candidate> left = new ArrayList<>();
		for (Candidate resident : queue) {
			Optional<Job> wish = resident.preferences().stream().map(byId::get)
				.filter(j -> j != null && open(j, resident, taken, maxConsecutiveWeeks)).findFirst();
			if (wish.isPresent()) {
				place(wish.get(), resident, true, taken, placements);
			}
			else {
				left.add(resident);
			}
		}
		for (Candidate resident : left) {
			ordered.stream().filter(j -> open(j, resident, taken, maxConsecutiveWeeks))
				.min(Comparator.comparingInt((Job j) -> resident.recentWeeks().getOrDefault(j.id(), 0))
					.thenComparingDouble(j -> taken.getOrDefault(Slot.of(j, resident), 0) / (double) j.crewSize())
					.thenComparingLong(j -> mix(j.id(), weekStart.toEpochDay() ^ resident.residentId().hashCode()))
					.thenComparing(Job::id))
				.ifPresent(j -> place(j, resident, resident.preferences().contains(j.id()), taken, placements));
		}
		return placements;
	}

	private static boolean open(Job job, Candidate resident, Map<Slot, Integer> taken, int maxConsecutiveWeeks) {
		return eligible(job, resident) && mayStay(job, resident, maxConsecutiveWeeks)
				&& taken.getOrDefault(Slot.of(job, resident), 0) < job.crewSize();
	}

	private static void place(Job job, Candidate resident, boolean chosen, Map<Slot, Integer> taken,
			List<Placement> placements) {
		taken.merge(Slot.of(job, resident), 1, Integer::sum);
		placements.add(new Placement(resident.residentId(), resident.houseId(), job.id(), chosen));
	}

	/** A stable, well-spread number for an id and a week (the finaliser of MurmurHash3). */
	static long mix(UUID id, long salt) {
		long h = id.getMostSignificantBits() ^ Long.rotateLeft(id.getLeastSignificantBits(), 17)
				^ (salt * 0x9E3779B97F4A7C15L);
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb93e1bb2b9c3L;
		h ^= h >>> 33;
		return h;
	}

	/** A job's places in one house: crew sizes count per house. */
	private record Slot(UUID jobId, UUID houseId) {

		static Slot of(Job job, Candidate resident) {
			return new Slot(job.id(), resident.houseId());
		}
	}
}
