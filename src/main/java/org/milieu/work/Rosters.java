package org.milieu.work;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Reach;
import org.milieu.identity.ResidentScope;
import org.milieu.levels.CurrentLevel;
import org.milieu.levels.ResidentLevels;
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
 * The weekly rosters of the program and their assignments: who does which job in which week,
 * on the terms the job had when the roster was proposed. Staff propose a week's roster for every
 * resident living in a house (a program-wide act, like drawing up a rota: each resident placed is
 * recorded in the audit trail), adjust single assignments (for residents of the houses they work
 * in), and publish it; at most one roster per week is published, and then residents see their
 * assignments. How residents are placed is {@link RosterPlanner}'s rule.
 */
@Service("workRosters")
public class Rosters {

	static final int DEFAULT_MAX_CONSECUTIVE_WEEKS = 3;

	/** How many past weeks count for rotation of the least wanted jobs. */
	static final int RECENT_WEEKS = 8;

	static final String ASSIGNMENT = """
			select a.id, a.roster_id, r.week_start, r.status, a.job_id, j.name as job_name, j.days, j.starts_at,
			       j.supervisor, a.resident_id, a.house_id, a.rate_cents, a.rate_unit, a.currency, a.expected_minutes,
			       a.chosen, a.left_on
			  from work_assignment a
			  join work_roster r on r.id = a.roster_id
			  join work_job j on j.id = a.job_id
			 where a.program_id = ?""";

	private static final String ROSTER = """
			select id, week_start, status, created_by, created_at, published_by, published_at
			  from work_roster where program_id = ?""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AccessPolicy policy;

	private final AuditTrail trail;

	private final Census census;

	private final ResidentLevels levels;

	private final Jobs jobs;

	private final JobEligibility eligibility;

	Rosters(JdbcClient jdbc, Clock clock, AccessPolicy policy, AuditTrail trail, Census census, ResidentLevels levels,
			Jobs jobs, JobEligibility eligibility) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.policy = policy;
		this.trail = trail;
		this.census = census;
		this.levels = levels;
		this.jobs = jobs;
		this.eligibility = eligibility;
	}

	/**
	 * One assignment of the program with its roster's week and status and the job's days, start
	 * time, supervisor and name; {@link RecordNotFound} when the program has none by that id. A
	 * question other parts of the work module ask (for example whether a completion falls on a
	 * day the job happens), without a person behind it: it is neither decided by the access
	 * policy nor audited, so the caller must have passed the policy for the resident already.
	 */
	@Transactional(readOnly = true)
	public Assignment assignment(ProgramId program, UUID assignmentId) {
		return jdbc.sql(ASSIGNMENT + " and a.id = ?").params(program.value(), assignmentId)
			.query((rs, n) -> assignment(rs)).optional().orElseThrow(() -> new RecordNotFound("Assignment", assignmentId));
	}

	/** The program's rule for rotation: the most weeks in a row on one job, unless it is the first preference. */
	@Transactional(readOnly = true)
	public int maxConsecutiveWeeks(ProgramId program) {
		return jdbc.sql("select max_consecutive_weeks from work_settings where program_id = ?").param(program.value())
			.query(Integer.class).optional().orElse(DEFAULT_MAX_CONSECUTIVE_WEEKS);
	}

	/**
	 * Proposes the roster of the week starting {@code weekStart} (a Monday) for every resident
	 * living in a house, by {@link RosterPlanner}'s rules, with each job's terms copied. An earlier
	 * proposal for the week is superseded (kept). A week already published is refused naming
	 * {@code weekStart}. Staff roles only (a list of residents); every resident placed is audited.
	 */
	@Transactional
	public Roster propose(MilieuUser user, LocalDate weekStart) {
		Reach reach = policy.enforceListing(user, DataCategory.WORK_AND_STIPENDS, "WorkRoster");
		ProgramId program = user.programId();
		UUID id = plan(program, weekStart, user.getUsername());
		List<UUID> placed = jdbc.sql("select resident_id from work_assignment where roster_id = ?").param(id)
			.query(UUID.class).list();
		trail.recordAll(placed.stream().map(r -> AuditEntry.of(user.actor(), AuditAction.CREATE, AuditOutcome.SUCCESS)
			.about(r, DataCategory.WORK_AND_STIPENDS).on("WorkRoster", id)).toList());
		return view(user, program, id, reach);
	}

	/**
	 * Plans and stores the week's proposal for the program; the id of the new roster. Without a
	 * person behind it: callers apply the access policy and the audit (the demo seeds through it).
	 */
	@Transactional
	UUID plan(ProgramId program, LocalDate weekStart, String proposedBy) {
		requireMonday(weekStart);
		jdbc.sql("select pg_advisory_xact_lock(?)").param(RosterPlanner.mix(program.value(), weekStart.toEpochDay()))
			.query((rs, n) -> 1).list();
		if (published(program, weekStart).isPresent()) {
			throw new RuleViolation("roster.week.published", "weekStart", weekStart);
		}
		List<RosterPlanner.Placement> placements = RosterPlanner.plan(weekStart, jobs.active(program),
				candidates(program, weekStart), maxConsecutiveWeeks(program));
		jdbc.sql("update work_roster set status = 'SUPERSEDED' where program_id = ? and week_start = ? and status = 'PROPOSED'")
			.params(program.value(), weekStart).update();
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into work_roster (id, program_id, week_start, status, created_by, created_at)
				values (?, ?, ?, 'PROPOSED', ?, ?)""")
			.params(id, program.value(), weekStart, proposedBy, Jobs.utc(clock.instant())).update();
		jdbc.sql("""
				insert into work_assignment (id, program_id, roster_id, job_id, resident_id, house_id, rate_cents, rate_unit,
				                             currency, expected_minutes, chosen, created_at)
				select gen_random_uuid(), ?, ?, j.id, x.resident_id, x.house_id, j.rate_cents, j.rate_unit, j.currency,
				       j.expected_minutes, x.chosen, ?
				  from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::boolean[]) as x(resident_id, house_id, job_id, chosen)
				  join work_job j on j.id = x.job_id""")
			.params(program.value(), id, Jobs.utc(clock.instant()),
					placements.stream().map(p -> p.residentId().toString()).toArray(String[]::new),
					placements.stream().map(p -> p.houseId() == null ? null : p.houseId().toString()).toArray(String[]::new),
					placements.stream().map(p -> p.jobId().toString()).toArray(String[]::new),
					placements.stream().map(p -> Boolean.toString(p.chosen())).toArray(String[]::new))
			.update();
		return id;
	}

	/** Marks a proposed roster published; without a person behind it (see {@link #plan}). */
	@Transactional
	void markPublished(ProgramId program, UUID rosterId, String publishedBy) {
		RosterStatus status = jdbc.sql("select status from work_roster where program_id = ? and id = ? for update")
			.params(program.value(), rosterId).query(String.class).optional().map(RosterStatus::valueOf)
			.orElseThrow(() -> new RecordNotFound("WorkRoster", rosterId));
		if (status == RosterStatus.PUBLISHED) {
			throw new RuleViolation("roster.alreadyPublished", "id");
		}
		if (status == RosterStatus.SUPERSEDED) {
			throw new RuleViolation("roster.superseded", "id");
		}
		jdbc.sql("update work_roster set status = 'PUBLISHED', published_by = ?, published_at = ? where id = ?")
			.params(publishedBy, Jobs.utc(clock.instant()), rosterId).update();
	}

	/** A roster with the assignments the reader may see; staff roles only, the residents shown audited. */
	@Transactional
	public Roster roster(MilieuUser user, UUID rosterId) {
		Reach reach = policy.enforceListing(user, DataCategory.WORK_AND_STIPENDS, "WorkRoster");
		return view(user, user.programId(), rosterId, reach);
	}

	/** The week's roster staff work on: the published one, else the latest proposal; empty when there is none. */
	@Transactional
	public Optional<Roster> week(MilieuUser user, LocalDate weekStart) {
		Reach reach = policy.enforceListing(user, DataCategory.WORK_AND_STIPENDS, "WorkRoster");
		return jdbc.sql("select id from work_roster where program_id = ? and week_start = ? and status <> 'SUPERSEDED' "
				+ "order by status = 'PUBLISHED' desc, created_at desc limit 1")
			.params(user.programId().value(), weekStart).query(UUID.class).optional()
			.map(id -> view(user, user.programId(), id, reach));
	}

	/**
	 * Publishes a proposed roster: residents see their assignments from now on. A roster already
	 * published (or superseded by a newer proposal) is refused naming {@code id}. Staff roles only;
	 * every resident on it is audited.
	 */
	@Transactional
	public Roster publish(MilieuUser user, UUID rosterId) {
		Reach reach = policy.enforceListing(user, DataCategory.WORK_AND_STIPENDS, "WorkRoster");
		ProgramId program = user.programId();
		markPublished(program, rosterId, user.getUsername());
		List<UUID> residents = jdbc.sql("select resident_id from work_assignment where roster_id = ?").param(rosterId)
			.query(UUID.class).list();
		trail.recordAll(residents.stream().map(r -> AuditEntry.of(user.actor(), AuditAction.UPDATE, AuditOutcome.SUCCESS)
			.about(r, DataCategory.WORK_AND_STIPENDS).on("WorkRoster", rosterId).saying("published")).toList());
		return view(user, program, rosterId, reach);
	}

	/**
	 * Changes one assignment of a proposed roster: another resident on it ({@code residentId}) or
	 * another job for its resident ({@code jobId}), exactly one of the two. The resident must be
	 * allowed the job (house, level, the senior privilege) and the job's crew in the house not be
	 * full; a refusal names the field and changes nothing. The job's terms are copied anew. Staff
	 * of the residents' houses (and the director) only.
	 */
	@Transactional
	public Assignment adjust(MilieuUser user, UUID assignmentId, UUID residentId, UUID jobId) {
		ProgramId program = user.programId();
		Assignment current = assignment(program, assignmentId);
		policy.enforce(user, AuditAction.UPDATE, DataCategory.WORK_AND_STIPENDS,
				new ResidentScope(current.residentId(), current.houseId()), "JobAssignment", assignmentId);
		if ((residentId == null) == (jobId == null)) {
			throw new RuleViolation("roster.adjust.oneOf", residentId == null ? "jobId" : "residentId");
		}
		// one change of a roster at a time, so two adjustments cannot both fill a crew's last place
		RosterStatus status = jdbc.sql("select status from work_roster where id = ? for update").param(current.rosterId())
			.query(String.class).optional().map(RosterStatus::valueOf).orElse(current.rosterStatus());
		if (status != RosterStatus.PROPOSED) {
			throw new RuleViolation("roster.notProposed", "id");
		}
		if (jobId != null) {
			Job job = jobs.find(program, jobId).orElseThrow(() -> new RuleViolation("roster.job.unknown", "jobId"));
			eligibility.refusal(program, job, current.residentId(), current.houseId()).ifPresent(r -> {
				throw new RuleViolation(r.key(), "jobId", r.arguments());
			});
			if (!job.id().equals(current.jobId()) && crewTaken(current.rosterId(), job.id(), current.houseId()) >= job.crewSize()) {
				throw new RuleViolation("roster.crew.full", "jobId", job.name(), job.crewSize());
			}
			jdbc.sql("""
					update work_assignment set job_id = ?, rate_cents = ?, rate_unit = ?, currency = ?, expected_minutes = ?,
					                           chosen = ?, updated_by = ?, updated_at = ?
					 where id = ?""")
				.params(job.id(), job.rateCents(), job.rateUnit().name(), job.currency(), job.expectedMinutes(),
						preferred(current.residentId(), job.id()), user.getUsername(), Jobs.utc(clock.instant()), assignmentId)
				.update();
		}
		else {
			CensusEntry resident = census.find(program, residentId)
				.orElseThrow(() -> new RuleViolation("roster.resident.notInProgram", "residentId"));
			policy.enforce(user, AuditAction.UPDATE, DataCategory.WORK_AND_STIPENDS,
					new ResidentScope(resident.residentId(), resident.houseId()), "JobAssignment", assignmentId);
			boolean placed = jdbc.sql("select count(*) from work_assignment where roster_id = ? and resident_id = ? and id <> ?")
				.params(current.rosterId(), residentId, assignmentId).query(Long.class).single() > 0;
			if (placed) {
				throw new RuleViolation("roster.resident.alreadyPlaced", "residentId", resident.displayName());
			}
			Job job = jobs.get(program, current.jobId());
			eligibility.refusal(program, job, residentId, resident.houseId()).ifPresent(r -> {
				throw new RuleViolation(r.key(), "residentId", r.arguments());
			});
			if (!resident.houseId().equals(current.houseId())
					&& crewTaken(current.rosterId(), job.id(), resident.houseId()) >= job.crewSize()) {
				throw new RuleViolation("roster.crew.full", "residentId", job.name(), job.crewSize());
			}
			jdbc.sql("update work_assignment set resident_id = ?, house_id = ?, chosen = ?, updated_by = ?, updated_at = ? "
					+ "where id = ?")
				.params(residentId, resident.houseId(), preferred(residentId, job.id()), user.getUsername(),
						Jobs.utc(clock.instant()), assignmentId)
				.update();
		}
		return assignment(program, assignmentId);
	}

	/**
	 * A resident's assignments on published rosters, newest week first (at most a year's worth).
	 * Read by the resident themself, staff of their house, their clinicians and the director; audited.
	 */
	@Transactional
	public List<Assignment> publishedFor(MilieuUser user, UUID residentId) {
		ProgramId program = user.programId();
		UUID house = census.find(program, residentId).map(CensusEntry::houseId).orElseGet(() -> jdbc
			.sql("select house_id from work_assignment where program_id = ? and resident_id = ? order by created_at desc limit 1")
			.params(program.value(), residentId).query(UUID.class).optional()
			.orElseThrow(() -> new RecordNotFound("Resident", residentId)));
		policy.enforce(user, AuditAction.READ, DataCategory.WORK_AND_STIPENDS, new ResidentScope(residentId, house),
				"JobAssignment", residentId);
		return jdbc.sql(ASSIGNMENT + " and a.resident_id = ? and r.status = 'PUBLISHED' order by r.week_start desc limit 53")
			.params(program.value(), residentId).query((rs, n) -> assignment(rs)).list();
	}

	/**
	 * The other assignments of the same roster in the same house: what a resident may ask to swap
	 * with. For the resident's own page, which shows only the jobs and their dates, never who does them.
	 */
	@Transactional(readOnly = true)
	public List<Assignment> housemates(ProgramId program, Assignment mine) {
		return jdbc.sql(ASSIGNMENT + " and a.roster_id = ? and a.house_id is not distinct from ? and a.id <> ? order by j.name")
			.params(program.value(), mine.rosterId(), mine.houseId(), mine.id()).query((rs, n) -> assignment(rs)).list();
	}

	/** The Monday of the week the day falls in. */
	public static LocalDate weekOf(LocalDate day) {
		return day.with(DayOfWeek.MONDAY);
	}

	private Roster view(MilieuUser user, ProgramId program, UUID rosterId, Reach reach) {
		Roster roster = jdbc.sql(ROSTER + " and id = ?").params(program.value(), rosterId)
			.query((rs, n) -> new Roster(rs.getObject("id", UUID.class), rs.getObject("week_start", LocalDate.class),
					RosterStatus.valueOf(rs.getString("status")), rs.getString("created_by"), Jobs.instant(rs, "created_at"),
					rs.getString("published_by"), Jobs.instant(rs, "published_at"), List.of()))
			.optional().orElseThrow(() -> new RecordNotFound("WorkRoster", rosterId));
		List<Assignment> shown = jdbc.sql(ASSIGNMENT + " and a.roster_id = ? order by j.name, a.house_id, a.resident_id")
			.params(program.value(), rosterId).query((rs, n) -> assignment(rs)).list().stream()
			.filter(a -> reach.includes(a.residentId(), a.houseId())).toList();
		policy.recordListed(user, DataCategory.WORK_AND_STIPENDS, "WorkRoster", reach,
				shown.stream().map(a -> new ResidentScope(a.residentId(), a.houseId())).toList());
		return new Roster(roster.id(), roster.weekStart(), roster.status(), roster.createdBy(), roster.createdAt(),
				roster.publishedBy(), roster.publishedAt(), shown);
	}

	private Optional<UUID> published(ProgramId program, LocalDate weekStart) {
		return jdbc.sql("select id from work_roster where program_id = ? and week_start = ? and status = 'PUBLISHED'")
			.params(program.value(), weekStart).query(UUID.class).optional();
	}

	private long crewTaken(UUID rosterId, UUID jobId, UUID houseId) {
		return jdbc.sql("select count(*) from work_assignment where roster_id = ? and job_id = ? and house_id is not distinct from ? "
				+ "and left_on is null")
			.params(rosterId, jobId, houseId).query(Long.class).single();
	}

	private boolean preferred(UUID residentId, UUID jobId) {
		return jdbc.sql("select count(*) from work_job_preference where resident_id = ? and job_id = ?")
			.params(residentId, jobId).query(Long.class).single() > 0;
	}

	static void requireMonday(LocalDate weekStart) {
		if (weekStart == null) {
			throw new RuleViolation("roster.field.required", "weekStart");
		}
		if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
			throw new RuleViolation("roster.week.notMonday", "weekStart");
		}
	}

	/** Everyone living in a house, as the planner sees them, with their last weeks on published rosters. */
	private List<RosterPlanner.Candidate> candidates(ProgramId program, LocalDate weekStart) {
		List<CensusEntry> living = census.today(program);
		Map<UUID, CurrentLevel> current = levels.current(program);
		Map<UUID, List<UUID>> preferences = new HashMap<>();
		jdbc.sql("select resident_id, job_id from work_job_preference where program_id = ? order by resident_id, rank")
			.param(program.value())
			.query((rs, n) -> Map.entry(rs.getObject("resident_id", UUID.class), rs.getObject("job_id", UUID.class)))
			.list().forEach(e -> preferences.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		// week index (1 = last week) -> resident -> [job, chosen]
		Map<UUID, Map<Integer, Object[]>> past = new HashMap<>();
		jdbc.sql("""
				select a.resident_id, a.job_id, a.chosen, r.week_start
				  from work_assignment a join work_roster r on r.id = a.roster_id
				 where r.program_id = ? and r.status = 'PUBLISHED' and r.week_start >= ? and r.week_start < ?""")
			.params(program.value(), weekStart.minusWeeks(RECENT_WEEKS), weekStart)
			.query((rs, n) -> new Object[] { rs.getObject("resident_id", UUID.class), rs.getObject("job_id", UUID.class),
					rs.getBoolean("chosen"), rs.getObject("week_start", LocalDate.class) })
			.list()
			.forEach(row -> past.computeIfAbsent((UUID) row[0], k -> new HashMap<>())
				.put((int) java.time.temporal.ChronoUnit.WEEKS.between((LocalDate) row[3], weekStart), row));
		boolean anySenior = jobs.active(program).stream().anyMatch(Job::senior);
		List<RosterPlanner.Candidate> candidates = new ArrayList<>();
		for (CensusEntry entry : living) {
			UUID resident = entry.residentId();
			Map<Integer, Object[]> weeks = past.getOrDefault(resident, Map.of());
			Map<UUID, Integer> recent = weeks.values().stream()
				.collect(Collectors.toMap(row -> (UUID) row[1], row -> 1, Integer::sum));
			Map<UUID, Integer> inARow = new LinkedHashMap<>();
			Object[] last = weeks.get(1);
			if (last != null) {
				int run = 1;
				while (weeks.containsKey(run + 1) && weeks.get(run + 1)[1].equals(last[1])) {
					run++;
				}
				inARow.put((UUID) last[1], run);
			}
			int level = Optional.ofNullable(current.get(resident)).map(c -> c.level().number()).orElse(1);
			candidates.add(new RosterPlanner.Candidate(resident, entry.houseId(), level,
					anySenior && eligibility.senior(program, resident), preferences.getOrDefault(resident, List.of()), inARow,
					recent, last != null && !((Boolean) last[2])));
		}
		return candidates;
	}

	static Assignment assignment(ResultSet rs) throws SQLException {
		return new Assignment(rs.getObject("id", UUID.class), rs.getObject("roster_id", UUID.class),
				rs.getObject("week_start", LocalDate.class), RosterStatus.valueOf(rs.getString("status")),
				rs.getObject("job_id", UUID.class), rs.getString("job_name"), Jobs.days(rs, "days"),
				rs.getObject("starts_at", LocalTime.class), rs.getString("supervisor"),
				rs.getObject("resident_id", UUID.class), rs.getObject("house_id", UUID.class), rs.getLong("rate_cents"),
				RateUnit.valueOf(rs.getString("rate_unit")), rs.getString("currency"), rs.getInt("expected_minutes"),
				rs.getBoolean("chosen"), rs.getObject("left_on", LocalDate.class));
	}
}
