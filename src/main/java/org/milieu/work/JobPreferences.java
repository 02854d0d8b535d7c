package org.milieu.work;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import java.time.Clock;

import org.milieu.audit.AuditAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.identity.Role;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' ranked wishes for work, which the roster proposal honours. A resident ranks their
 * own (choosing work is theirs to do), or staff of their house do it with them; the whole list
 * is replaced at once. Only jobs the resident may do can be ranked: a job above their level, or
 * a senior one without the SENIOR_JOBS privilege, is refused naming {@code jobIds}.
 */
@Service
public class JobPreferences {

	static final int MAX_PREFERENCES = 20;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AccessPolicy policy;

	private final Census census;

	private final Jobs jobs;

	private final JobEligibility eligibility;

	JobPreferences(JdbcClient jdbc, Clock clock, AccessPolicy policy, Census census, Jobs jobs,
			JobEligibility eligibility) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.policy = policy;
		this.census = census;
		this.jobs = jobs;
		this.eligibility = eligibility;
	}

	/** The resident's wish list, rank 1 first; read as their work record, audited. */
	@Transactional
	public List<JobPreference> of(MilieuUser user, UUID residentId) {
		CensusEntry resident = resident(user.programId(), residentId);
		policy.enforce(user, AuditAction.READ, DataCategory.WORK_AND_STIPENDS,
				new ResidentScope(residentId, resident.houseId()), "JobPreference", residentId);
		return load(user.programId(), residentId);
	}

	/**
	 * Replaces the resident's wish list with {@code jobIds} in order (an empty list clears it). By
	 * the resident themself or staff of their house; a job named twice, unknown or inactive, or
	 * one the resident may not do, is refused naming {@code jobIds}, and nothing changes.
	 */
	@Transactional
	public List<JobPreference> replace(MilieuUser user, UUID residentId, List<UUID> jobIds) {
		ProgramId program = user.programId();
		CensusEntry resident = resident(program, residentId);
		ResidentScope scope = new ResidentScope(residentId, resident.houseId());
		if (user.has(Role.RESIDENT)) {
			policy.enforceResidentContribution(user, AuditAction.UPDATE, DataCategory.WORK_AND_STIPENDS, scope,
					"JobPreference", residentId, null);
		}
		else {
			policy.enforce(user, AuditAction.UPDATE, DataCategory.WORK_AND_STIPENDS, scope, "JobPreference", residentId);
		}
		if (jobIds == null) {
			throw new RuleViolation("roster.field.required", "jobIds");
		}
		if (jobIds.size() > MAX_PREFERENCES) {
			throw new RuleViolation("roster.preference.tooMany", "jobIds", MAX_PREFERENCES);
		}
		Map<UUID, Job> catalogue = jobs.list(program).stream().collect(Collectors.toMap(Job::id, Function.identity()));
		Set<UUID> seen = new HashSet<>();
		List<Job> ranked = new ArrayList<>();
		for (UUID id : jobIds) {
			Job job = id == null ? null : catalogue.get(id);
			if (job == null) {
				throw new RuleViolation("roster.preference.unknown", "jobIds", String.valueOf(id));
			}
			if (!seen.add(id)) {
				throw new RuleViolation("roster.preference.twice", "jobIds", job.name());
			}
			eligibility.refusal(program, job, residentId, resident.houseId()).ifPresent(r -> {
				throw new RuleViolation(r.key(), "jobIds", r.arguments());
			});
			ranked.add(job);
		}
		jdbc.sql("delete from work_job_preference where resident_id = ?").param(residentId).update();
		for (int i = 0; i < ranked.size(); i++) {
			jdbc.sql("""
					insert into work_job_preference (program_id, resident_id, job_id, rank, chosen_by, chosen_at)
					values (?, ?, ?, ?, ?, ?)""")
				.params(program.value(), residentId, ranked.get(i).id(), i + 1, user.getUsername(), Jobs.utc(clock.instant()))
				.update();
		}
		return load(program, residentId);
	}

	private List<JobPreference> load(ProgramId program, UUID residentId) {
		Map<UUID, Job> catalogue = jobs.list(program).stream().collect(Collectors.toMap(Job::id, Function.identity()));
		return jdbc.sql("select job_id, rank from work_job_preference where program_id = ? and resident_id = ? order by rank")
			.params(program.value(), residentId)
			.query((rs, n) -> new JobPreference(rs.getInt("rank"), catalogue.get(rs.getObject("job_id", UUID.class))))
			.list();
	}

	private CensusEntry resident(ProgramId program, UUID residentId) {
		return census.find(program, residentId).orElseThrow(() -> new RecordNotFound("Resident", residentId));
	}
}
