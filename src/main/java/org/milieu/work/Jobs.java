package org.milieu.work;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.milieu.identity.Account;
import org.milieu.identity.Accounts;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
import org.milieu.residents.Houses;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.TextInput;
import org.milieu.shared.UtcTimestamps;
import org.milieu.shared.VersionConflict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The program's job catalogue: what work there is, who may do it, when, and what it pays. The
 * director (ADMIN) adds and changes jobs; a job is never deleted, only made inactive, so the
 * assignments and stipends that name it keep their meaning. A zero or negative rate is refused:
 * work in the program is paid (the database refuses it too). The catalogue is the program's
 * rules, not a resident's data, so reading it is not audited.
 */
@Service("workJobs")
public class Jobs {

	private static final TextInput TEXT = new TextInput("job");

	static final int MAX_NAME = 120;

	static final int MAX_DESCRIPTION = 1000;

	static final int MAX_SKILL = 60;

	static final int MAX_SKILLS = 20;

	static final int MAX_BENEFICIARY = 200;

	static final int MAX_CREW = 50;

	static final int MAX_MINUTES = 24 * 60;

	/** A ceiling on one rate (10,000.00 in the currency) against a slipped digit. */
	static final long MAX_RATE_CENTS = 1_000_000;

	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	static final String SELECT = """
			select id, house_id, name, description, skills, min_level, senior, crew_size, days, starts_at,
			       expected_minutes, rate_cents, rate_unit, currency, supervisor, classification, beneficiary, active,
			       version, created_by, created_at
			  from work_job where program_id = ?""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Houses houses;

	private final Accounts accounts;

	Jobs(JdbcClient jdbc, Clock clock, Houses houses, Accounts accounts) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.houses = houses;
		this.accounts = accounts;
	}

	/** The whole catalogue, active jobs first, by name. */
	@Transactional(readOnly = true)
	public List<Job> list(ProgramId program) {
		return jdbc.sql(SELECT + " order by active desc, name, id").param(program.value()).query((rs, n) -> job(rs)).list();
	}

	/** The active jobs, by name: those a roster may use and a resident may prefer. */
	@Transactional(readOnly = true)
	public List<Job> active(ProgramId program) {
		return list(program).stream().filter(Job::active).toList();
	}

	/** One job of the program, if there is one. */
	@Transactional(readOnly = true)
	public Optional<Job> find(ProgramId program, UUID id) {
		if (id == null) {
			return Optional.empty();
		}
		return jdbc.sql(SELECT + " and id = ?").params(program.value(), id).query((rs, n) -> job(rs)).optional();
	}

	/** One job of the program, or {@link RecordNotFound}. */
	@Transactional(readOnly = true)
	public Job get(ProgramId program, UUID id) {
		return find(program, id).orElseThrow(() -> new RecordNotFound("Job", id));
	}

	/**
	 * Adds a job to the catalogue. The director only. Every term is checked before anything is
	 * stored, and a wrong one is refused naming its field: the rate must be above zero, the level
	 * 1 to 4, the crew at least one, the days ISO days 1 to 7, the supervisor a staff member of
	 * the program.
	 */
	@Transactional
	public Job create(MilieuUser admin, JobTerms terms) {
		requireDirector(admin, "add a job");
		Checked job = check(admin.programId(), terms);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into work_job (id, program_id, house_id, name, description, skills, min_level, senior, crew_size, days,
				                      starts_at, expected_minutes, rate_cents, rate_unit, currency, supervisor, classification,
				                      beneficiary, active, version, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::smallint[], ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""")
			.params(id, admin.programId().value(), job.houseId, job.name, job.description, job.skills, job.minLevel,
					job.senior, job.crewSize, job.days, job.startsAt, job.expectedMinutes, job.rateCents, job.rateUnit.name(),
					job.currency, job.supervisor, job.classification.name(), job.beneficiary, job.active,
					admin.getUsername(), utc(clock.instant()))
			.update();
		return get(admin.programId(), id);
	}

	/**
	 * Changes a job's terms, all of them at once, as {@link #create} checks them. The director
	 * only; when {@code expectedVersion} is given it must be the job's version (else a
	 * {@link VersionConflict}). A rate change applies to rosters proposed from now on: the
	 * assignments of earlier rosters keep the terms they were proposed with.
	 */
	@Transactional
	public Job update(MilieuUser admin, UUID id, Integer expectedVersion, JobTerms terms) {
		requireDirector(admin, "change a job");
		ProgramId program = admin.programId();
		Job current = jdbc.sql(SELECT + " and id = ? for update").params(program.value(), id).query((rs, n) -> job(rs))
			.optional().orElseThrow(() -> new RecordNotFound("Job", id));
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw new VersionConflict("Job", expectedVersion, current.version());
		}
		Checked job = check(program, terms);
		jdbc.sql("""
				update work_job set house_id = ?, name = ?, description = ?, skills = ?, min_level = ?, senior = ?,
				                    crew_size = ?, days = ?::smallint[], starts_at = ?, expected_minutes = ?, rate_cents = ?,
				                    rate_unit = ?, currency = ?, supervisor = ?, classification = ?, beneficiary = ?,
				                    active = ?, version = version + 1, updated_by = ?, updated_at = ?
				 where id = ?""")
			.params(job.houseId, job.name, job.description, job.skills, job.minLevel, job.senior, job.crewSize, job.days,
					job.startsAt, job.expectedMinutes, job.rateCents, job.rateUnit.name(), job.currency, job.supervisor,
					job.classification.name(), job.beneficiary, job.active, admin.getUsername(), utc(clock.instant()), id)
			.update();
		return get(program, id);
	}

	/** The terms, checked field by field in the order a form shows them. */
	private Checked check(ProgramId program, JobTerms terms) {
		if (terms == null) {
			throw new RuleViolation("job.field.required", "name");
		}
		Checked c = new Checked();
		c.name = required(terms.name(), "name", MAX_NAME);
		c.description = optional(terms.description(), "description", MAX_DESCRIPTION);
		if (terms.houseId() != null) {
			boolean ours = houses.list(program).stream().anyMatch(h -> h.house().id().equals(terms.houseId()));
			if (!ours) {
				throw new RuleViolation("job.house.unknown", "houseId");
			}
		}
		c.houseId = terms.houseId();
		Set<String> skills = new LinkedHashSet<>();
		for (String skill : terms.skills() == null ? List.<String>of() : terms.skills()) {
			String text = optional(skill, "skills", MAX_SKILL);
			if (text != null) {
				skills.add(text);
			}
		}
		if (skills.size() > MAX_SKILLS) {
			throw new RuleViolation("job.skills.tooMany", "skills", MAX_SKILLS);
		}
		c.skills = skills.toArray(String[]::new);
		if (terms.minLevel() == null) {
			throw new RuleViolation("job.field.required", "minLevel");
		}
		if (terms.minLevel() < 1 || terms.minLevel() > 4) {
			throw new RuleViolation("job.minLevel.range", "minLevel", 1, 4);
		}
		c.minLevel = terms.minLevel();
		c.senior = Boolean.TRUE.equals(terms.senior());
		if (terms.crewSize() == null) {
			throw new RuleViolation("job.field.required", "crewSize");
		}
		if (terms.crewSize() < 1 || terms.crewSize() > MAX_CREW) {
			throw new RuleViolation("job.crewSize.range", "crewSize", 1, MAX_CREW);
		}
		c.crewSize = terms.crewSize();
		if (terms.days() == null || terms.days().isEmpty()) {
			throw new RuleViolation("job.days.required", "days");
		}
		TreeSet<Integer> days = new TreeSet<>();
		for (Integer day : terms.days()) {
			if (day == null || day < 1 || day > 7) {
				throw new RuleViolation("job.days.range", "days", 1, 7);
			}
			days.add(day);
		}
		c.days = days.toArray(Integer[]::new);
		if (terms.startsAt() == null) {
			throw new RuleViolation("job.field.required", "startsAt");
		}
		c.startsAt = terms.startsAt();
		if (terms.expectedMinutes() == null) {
			throw new RuleViolation("job.field.required", "expectedMinutes");
		}
		if (terms.expectedMinutes() < 1 || terms.expectedMinutes() > MAX_MINUTES) {
			throw new RuleViolation("job.expectedMinutes.range", "expectedMinutes", 1, MAX_MINUTES);
		}
		c.expectedMinutes = terms.expectedMinutes();
		if (terms.rateCents() == null) {
			throw new RuleViolation("job.field.required", "rateCents");
		}
		if (terms.rateCents() <= 0) {
			throw new RuleViolation("job.rateCents.positive", "rateCents");
		}
		if (terms.rateCents() > MAX_RATE_CENTS) {
			throw new RuleViolation("job.rateCents.tooHigh", "rateCents", MAX_RATE_CENTS);
		}
		c.rateCents = terms.rateCents();
		if (terms.rateUnit() == null) {
			throw new RuleViolation("job.field.required", "rateUnit");
		}
		c.rateUnit = terms.rateUnit();
		String currency = terms.currency() == null ? "" : terms.currency().trim();
		if (currency.isEmpty()) {
			throw new RuleViolation("job.field.required", "currency");
		}
		if (!CURRENCY.matcher(currency).matches()) {
			throw new RuleViolation("job.currency.invalid", "currency");
		}
		c.currency = currency;
		c.supervisor = required(terms.supervisor(), "supervisor", 100);
		Optional<Account> supervisor = accounts.findByUsername(c.supervisor);
		if (supervisor.isEmpty() || !supervisor.get().programId().equals(program.value())
				|| supervisor.get().roles().stream().noneMatch(r -> r == Role.ADMIN || r == Role.CLINICIAN || r == Role.STAFF)) {
			throw new RuleViolation("job.supervisor.notStaff", "supervisor", c.supervisor);
		}
		if (terms.classification() == null) {
			throw new RuleViolation("job.field.required", "classification");
		}
		c.classification = terms.classification();
		c.beneficiary = required(terms.beneficiary(), "beneficiary", MAX_BENEFICIARY);
		c.active = terms.active() == null || terms.active();
		return c;
	}

	private static void requireDirector(MilieuUser user, String what) {
		if (!user.has(Role.ADMIN)) {
			throw new AccessDeniedException("only the program director may " + what + ", not " + user.getUsername());
		}
	}

	static String required(String value, String field, int max) {
		return TEXT.required(value, field, max);
	}

	static String optional(String value, String field, int max) {
		return TEXT.optional(value, field, max);
	}

	static OffsetDateTime utc(Instant instant) {
		return UtcTimestamps.utc(instant);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return UtcTimestamps.instant(rs, column);
	}

	static List<Integer> days(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		List<Integer> days = new ArrayList<>();
		for (Object day : (Object[]) array.getArray()) {
			days.add(((Number) day).intValue());
		}
		return List.copyOf(days);
	}

	static Job job(ResultSet rs) throws SQLException {
		Array skills = rs.getArray("skills");
		return new Job(rs.getObject("id", UUID.class), rs.getObject("house_id", UUID.class), rs.getString("name"),
				rs.getString("description"), List.copyOf(Arrays.asList((String[]) skills.getArray())), rs.getInt("min_level"),
				rs.getBoolean("senior"), rs.getInt("crew_size"), days(rs, "days"), rs.getObject("starts_at", LocalTime.class),
				rs.getInt("expected_minutes"), rs.getLong("rate_cents"), RateUnit.valueOf(rs.getString("rate_unit")),
				rs.getString("currency"), rs.getString("supervisor"),
				JobClassification.valueOf(rs.getString("classification")), rs.getString("beneficiary"),
				rs.getBoolean("active"), rs.getInt("version"), rs.getString("created_by"), instant(rs, "created_at"));
	}

	/** Terms that passed every check. */
	private static final class Checked {

		UUID houseId;

		String name;

		String description;

		String[] skills;

		int minLevel;

		boolean senior;

		int crewSize;

		Integer[] days;

		LocalTime startsAt;

		int expectedMinutes;

		long rateCents;

		RateUnit rateUnit;

		String currency;

		String supervisor;

		JobClassification classification;

		String beneficiary;

		boolean active;
	}
}
