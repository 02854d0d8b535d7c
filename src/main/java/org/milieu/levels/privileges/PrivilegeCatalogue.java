package org.milieu.levels.privileges;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
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
 * Each program's catalogue of privileges: which freedom comes with which level. Every program
 * has the {@link DefaultPrivilege default ones}, created the first time its catalogue is read;
 * the director (ADMIN) changes the level a privilege comes with, stops or resumes offering it,
 * and adds custom privileges. Nothing is overwritten silently: each version of a privilege,
 * from the first, is kept in its history with who made it and why. The catalogue is the
 * program's rules, not a resident's data, so reading it is not audited.
 */
@Service
public class PrivilegeCatalogue {

	private static final TextInput TEXT = new TextInput("privilege");

	static final int MAX_NAME = 120;

	static final int MAX_DESCRIPTION = 500;

	static final int MAX_REASON = 500;

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

	private static final String SELECT = """
			select id, code, name, description, min_level, active, custom, version, changed_by, changed_at
			  from levels_privilege where program_id = ?""";

	private final JdbcClient jdbc;

	private final Clock clock;

	PrivilegeCatalogue(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The whole catalogue, offered or not, by level and then code. The default privileges a
	 * program lacks (a new program, or a default added in a later release) are created here, once.
	 */
	@Transactional
	public List<Privilege> list(ProgramId program) {
		List<Privilege> catalogue = load(program);
		Set<String> present = catalogue.stream().map(Privilege::code).collect(Collectors.toSet());
		boolean added = false;
		for (DefaultPrivilege missing : DefaultPrivilege.values()) {
			if (!present.contains(missing.name())) {
				added |= createDefault(program, missing);
			}
		}
		return added ? load(program) : catalogue;
	}

	/** One privilege of the program by code, if there is one. */
	@Transactional
	public Optional<Privilege> find(ProgramId program, String code) {
		if (code == null) {
			return Optional.empty();
		}
		return list(program).stream().filter(p -> p.code().equals(code.trim())).findFirst();
	}

	/** A privilege's versions, newest first, from the one it was created with. */
	@Transactional
	public List<PrivilegeChange> history(ProgramId program, String code) {
		Privilege privilege = find(program, code).orElseThrow(() -> new RecordNotFound("Privilege", code));
		return jdbc.sql("""
				select version, name, description, min_level, active, reason, changed_by, changed_at
				  from levels_privilege_change where privilege_id = ? order by version desc""")
			.param(privilege.id())
			.query((rs, n) -> new PrivilegeChange(privilege.code(), rs.getInt("version"), rs.getString("name"),
					rs.getString("description"), rs.getInt("min_level"), rs.getBoolean("active"), rs.getString("reason"),
					rs.getString("changed_by"), instant(rs, "changed_at")))
			.list();
	}

	/**
	 * Adds a custom privilege. The director only. The code is upper case (letters, digits and
	 * underscores, 2 to 40) and new to the program; the name is required; the level is 1 to 4.
	 */
	@Transactional
	public Privilege add(MilieuUser admin, NewPrivilege command) {
		requireDirector(admin, "add a privilege");
		ProgramId program = admin.programId();
		String code = command.code() == null ? "" : command.code().trim();
		if (code.isEmpty()) {
			throw new RuleViolation("privilege.field.required", "code");
		}
		if (!CODE.matcher(code).matches()) {
			throw new RuleViolation("privilege.code.invalid", "code");
		}
		if (find(program, code).isPresent()) {
			throw new RuleViolation("privilege.code.taken", "code", code);
		}
		String name = required(command.name(), "name", MAX_NAME);
		String description = optional(command.description(), "description", MAX_DESCRIPTION);
		int minLevel = level(command.minLevel());
		String reason = optional(command.reason(), "reason", MAX_REASON);
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into levels_privilege (id, program_id, code, name, description, min_level, active, custom, version,
				                              changed_by, changed_at)
				values (?, ?, ?, ?, ?, ?, true, true, 1, ?, ?)""")
			.params(id, program.value(), code, name, description, minLevel, admin.getUsername(), utc(now)).update();
		Privilege added = load(program).stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
		keep(program, added, reason);
		return added;
	}

	/**
	 * Changes the level a privilege comes with and whether it is offered; for a custom one also
	 * its name and description (a default privilege's come from the message bundles, so giving
	 * one is refused). The director only, on the version they read: a newer one is a
	 * {@link VersionConflict}. The new version is kept in the history; a change that changes
	 * nothing writes nothing.
	 */
	@Transactional
	public Privilege revise(MilieuUser admin, String code, int expectedVersion, RevisedPrivilege command) {
		requireDirector(admin, "change a privilege");
		ProgramId program = admin.programId();
		Privilege current = find(program, code).orElseThrow(() -> new RecordNotFound("Privilege", code));
		current = jdbc.sql(SELECT + " and id = ? for update").params(program.value(), current.id())
			.query((rs, n) -> privilege(rs)).single();
		if (current.version() != expectedVersion) {
			throw new VersionConflict("Privilege", expectedVersion, current.version());
		}
		int minLevel = level(command.minLevel());
		if (command.active() == null) {
			throw new RuleViolation("privilege.field.required", "active");
		}
		String name = null;
		String description = null;
		if (current.custom()) {
			name = required(command.name(), "name", MAX_NAME);
			description = optional(command.description(), "description", MAX_DESCRIPTION);
		}
		else if (command.name() != null && !command.name().isBlank()) {
			throw new RuleViolation("privilege.name.notCustom", "name");
		}
		else if (command.description() != null && !command.description().isBlank()) {
			throw new RuleViolation("privilege.name.notCustom", "description");
		}
		String reason = optional(command.reason(), "reason", MAX_REASON);
		if (minLevel == current.minLevel() && command.active() == current.active() && Objects.equals(name, current.name())
				&& Objects.equals(description, current.description())) {
			return current;
		}
		jdbc.sql("""
				update levels_privilege set name = ?, description = ?, min_level = ?, active = ?, version = version + 1,
				                            changed_by = ?, changed_at = ?
				 where id = ?""")
			.params(name, description, minLevel, command.active(), admin.getUsername(), utc(clock.instant()), current.id())
			.update();
		Privilege revised = jdbc.sql(SELECT + " and id = ?").params(program.value(), current.id())
			.query((rs, n) -> privilege(rs)).single();
		keep(program, revised, reason);
		return revised;
	}

	private List<Privilege> load(ProgramId program) {
		return jdbc.sql(SELECT + " order by min_level, custom, code").param(program.value()).query((rs, n) -> privilege(rs))
			.list();
	}

	/** Creates a default privilege unless someone just did; true if this call created it. */
	private boolean createDefault(ProgramId program, DefaultPrivilege privilege) {
		Instant now = clock.instant();
		Optional<UUID> id = jdbc.sql("""
				insert into levels_privilege (id, program_id, code, min_level, active, custom, version, changed_by, changed_at)
				values (?, ?, ?, ?, true, false, 1, 'system', ?)
				on conflict (program_id, code) do nothing
				returning id""")
			.params(UUID.randomUUID(), program.value(), privilege.name(), privilege.minLevel(), utc(now))
			.query(UUID.class).optional();
		id.ifPresent(created -> keep(program, new Privilege(created, privilege.name(), null, null, privilege.minLevel(), true,
				false, 1, "system", now), null));
		return id.isPresent();
	}

	/** Copies a version of a privilege to the history. */
	private void keep(ProgramId program, Privilege version, String reason) {
		jdbc.sql("""
				insert into levels_privilege_change (id, program_id, privilege_id, version, name, description, min_level, active,
				                                     reason, changed_by, changed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), program.value(), version.id(), version.version(), version.name(),
					version.description(), version.minLevel(), version.active(), reason, version.changedBy(),
					utc(version.changedAt()))
			.update();
	}

	private static void requireDirector(MilieuUser user, String what) {
		if (!user.has(Role.ADMIN)) {
			throw new AccessDeniedException("only the program director may " + what + ", not " + user.getUsername());
		}
	}

	private static int level(Integer level) {
		if (level == null) {
			throw new RuleViolation("privilege.field.required", "minLevel");
		}
		if (level < 1 || level > 4) {
			throw new RuleViolation("privilege.minLevel.range", "minLevel", 1, 4);
		}
		return level;
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

	private static Privilege privilege(ResultSet rs) throws SQLException {
		return new Privilege(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
				rs.getString("description"), rs.getInt("min_level"), rs.getBoolean("active"), rs.getBoolean("custom"),
				rs.getInt("version"), rs.getString("changed_by"), instant(rs, "changed_at"));
	}
}
