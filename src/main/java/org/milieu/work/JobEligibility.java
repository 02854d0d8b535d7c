package org.milieu.work;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.milieu.levels.CurrentLevel;
import org.milieu.levels.ResidentLevels;
import org.milieu.levels.privileges.LevelPrivileges;
import org.milieu.shared.ProgramId;
import org.springframework.stereotype.Component;

/**
 * Who may do a job: a resident of the job's house (or of any house for a job of every house),
 * at the job's minimum level or above, and for a senior job holding the SENIOR_JOBS privilege
 * now (the levels module decides, with its grants and restrictions). A resident without a level
 * counts as level 1.
 */
@Component
class JobEligibility {

	static final String SENIOR_JOBS = "SENIOR_JOBS";

	private final ResidentLevels levels;

	private final LevelPrivileges privileges;

	private final Clock clock;

	JobEligibility(ResidentLevels levels, LevelPrivileges privileges, Clock clock) {
		this.levels = levels;
		this.privileges = privileges;
		this.clock = clock;
	}

	int level(ProgramId program, UUID residentId) {
		return levels.currentOf(program, residentId).map(CurrentLevel::level).map(l -> l.number()).orElse(1);
	}

	boolean senior(ProgramId program, UUID residentId) {
		return privileges.may(program, residentId, SENIOR_JOBS, clock.instant()).allowed();
	}

	/** Why the resident may not do the job (a message key and its arguments), or empty when they may. */
	Optional<Refusal> refusal(ProgramId program, Job job, UUID residentId, UUID houseId) {
		if (!job.active()) {
			return Optional.of(new Refusal("roster.job.inactive", job.name()));
		}
		if (job.houseId() != null && !job.houseId().equals(houseId)) {
			return Optional.of(new Refusal("roster.job.otherHouse", job.name()));
		}
		int level = level(program, residentId);
		if (!job.admitsLevel(level)) {
			return Optional.of(new Refusal("roster.job.belowLevel", job.name(), job.minLevel(), level));
		}
		if (job.senior() && !senior(program, residentId)) {
			return Optional.of(new Refusal("roster.job.notSenior", job.name()));
		}
		return Optional.empty();
	}

	/** A refusal's message key and arguments. */
	record Refusal(String key, Object... arguments) {
	}
}
