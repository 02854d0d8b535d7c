package org.milieu.sessions;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.TextInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The kinds of session a program holds. The six techniques of the model are put in place the first
 * time a program's list is read; the director changes their terms, names them, adds kinds of their
 * own and retires any (never deletes: sessions of a retired kind keep it). Every change is audited.
 */
@Service
public class SessionTypes {

	/** The techniques of the model, as codes; their words are the message keys {@code session.type.<code>}. */
	public static final List<String> TECHNIQUES = List.of("COMMUNITY_SUPPORT", "PEER_ROLE_MODELLING", "SOCIAL_SKILLS",
			"PSYCHIATRIC_SUPPORT", "PSYCHO_EDUCATION", "FAMILY_COUNSELLING");

	static final int NAME_MAX = 120;

	static final int HIGHEST_LEVEL = 9;

	private static final TextInput TEXT = new TextInput("session");

	private final JdbcClient jdbc;

	private final AuditTrail trail;

	private final Clock clock;

	SessionTypes(JdbcClient jdbc, AuditTrail trail, Clock clock) {
		this.jdbc = jdbc;
		this.trail = trail;
		this.clock = clock;
	}

	/** Every kind of the program in the director's order, retired ones too. */
	@Transactional
	public List<SessionType> all(ProgramId program) {
		seedDefaults(program.value());
		return jdbc.sql("select * from sessions_type where program_id = ? order by position, id").param(program.value())
			.query(SessionTypes::row).list();
	}

	/** The kinds a new session may be of: those not retired. */
	@Transactional
	public List<SessionType> offered(ProgramId program) {
		return all(program).stream().filter(t -> !t.retired()).toList();
	}

	/** One kind of the program. */
	@Transactional
	public SessionType find(ProgramId program, UUID id) {
		return all(program).stream().filter(t -> t.id().equals(id)).findFirst()
			.orElseThrow(() -> new RecordNotFound("SessionType", id));
	}

	/** The director adds a kind of their own, at the end of the list; its name must be new to the program. */
	@Transactional
	public SessionType add(MilieuUser director, SessionTypeTerms terms) {
		ProgramId program = requireDirector(director, null);
		all(program);
		UUID id = UUID.randomUUID();
		String name = name(program, TEXT.required(terms.name(), "name", NAME_MAX), id);
		Checked checked = check(terms, null);
		jdbc.sql("""
				insert into sessions_type (id, program_id, name, duration_minutes, facilitator_roles, minimum_level,
				    mandatory_levels, family, position, created_at)
				select ?, ?, ?, ?, ?, ?, ?, ?, coalesce(max(position), -1) + 1, ? from sessions_type where program_id = ?""")
			.params(id, program.value(), name, checked.duration, checked.roles, checked.minimumLevel,
					checked.mandatoryLevels, checked.family, clock.instant().atOffset(ZoneOffset.UTC), program.value())
			.update();
		audit(director, AuditAction.CREATE, id, "added");
		return find(program, id);
	}

	/**
	 * The director changes a kind's terms; a field left null keeps its value (a default technique's
	 * name too). Refused as stale when {@code revision} is not the kind's current one.
	 */
	@Transactional
	public SessionType change(MilieuUser director, UUID id, SessionTypeTerms terms, int revision) {
		ProgramId program = requireDirector(director, id);
		SessionType before = find(program, id);
		if (before.revision() != revision) {
			throw new RuleViolation("session.type.stale", "revision");
		}
		String name = TEXT.optional(terms.name(), "name", NAME_MAX);
		if (name == null && before.code() == null) {
			name = before.name();
		}
		if (name != null) {
			name(program, name, id);
		}
		Checked checked = check(terms, before);
		jdbc.sql("""
				update sessions_type set name = coalesce(?, name), duration_minutes = ?, facilitator_roles = ?,
				    minimum_level = ?, mandatory_levels = ?, family = ?, revision = revision + 1
				where program_id = ? and id = ?""")
			.params(name, checked.duration, checked.roles, checked.minimumLevel, checked.mandatoryLevels, checked.family,
					program.value(), id)
			.update();
		audit(director, AuditAction.UPDATE, id, "changed");
		return find(program, id);
	}

	/** The director retires a kind (no new session is of it) or brings it back. */
	@Transactional
	public SessionType retire(MilieuUser director, UUID id, boolean retired) {
		ProgramId program = requireDirector(director, id);
		find(program, id);
		jdbc.sql("""
				update sessions_type set retired_at = case when ? then coalesce(retired_at, ?) end, revision = revision + 1
				where program_id = ? and id = ?""")
			.params(retired, clock.instant().atOffset(ZoneOffset.UTC), program.value(), id).update();
		audit(director, AuditAction.UPDATE, id, retired ? "retired" : "in use again");
		return find(program, id);
	}

	private record Checked(int duration, String roles, Integer minimumLevel, Integer[] mandatoryLevels, boolean family) {
	}

	private static Checked check(SessionTypeTerms terms, SessionType before) {
		Integer duration = terms.durationMinutes() != null ? terms.durationMinutes()
				: before == null ? null : before.durationMinutes();
		if (duration == null) {
			throw new RuleViolation("session.field.required", "durationMinutes");
		}
		if (duration < 5 || duration > 480) {
			throw new RuleViolation("session.duration.range", "durationMinutes", 5, 480);
		}
		List<Role> roles = new ArrayList<>();
		List<String> named = terms.facilitatorRoles() != null ? terms.facilitatorRoles()
				: before == null ? List.of() : before.facilitatorRoles().stream().map(Role::name).toList();
		for (String role : named) {
			Role r = role == null ? null : Arrays.stream(Role.values()).filter(x -> x.name().equals(role)).findFirst().orElse(null);
			if (r == null || r == Role.RESIDENT || r == Role.FAMILY) {
				throw new RuleViolation("session.type.role", "facilitatorRoles", String.valueOf(role));
			}
			if (!roles.contains(r)) {
				roles.add(r);
			}
		}
		if (roles.isEmpty()) {
			throw new RuleViolation("session.field.required", "facilitatorRoles");
		}
		Integer minimum = terms.minimumLevel() != null ? terms.minimumLevel() : before == null ? null : before.minimumLevel();
		if (minimum != null && (minimum < 1 || minimum > HIGHEST_LEVEL)) {
			throw new RuleViolation("session.type.level", "minimumLevel", 1, HIGHEST_LEVEL);
		}
		List<Integer> mandatory = terms.mandatoryLevels() != null ? terms.mandatoryLevels()
				: before == null ? List.of() : before.mandatoryLevels();
		for (Integer level : mandatory) {
			if (level == null || level < 1 || level > HIGHEST_LEVEL) {
				throw new RuleViolation("session.type.level", "mandatoryLevels", 1, HIGHEST_LEVEL);
			}
		}
		boolean family = terms.family() != null ? terms.family() : before != null && before.family();
		return new Checked(duration, String.join(",", roles.stream().map(Role::name).toList()), minimum,
				mandatory.stream().distinct().sorted().toArray(Integer[]::new), family);
	}

	private String name(ProgramId program, String name, UUID id) {
		boolean taken = jdbc.sql("select exists (select 1 from sessions_type where program_id = ? and lower(name) = lower(?) and id <> ?)")
			.params(program.value(), name, id).query(Boolean.class).single();
		if (taken) {
			throw new RuleViolation("session.type.name.taken", "name");
		}
		return name;
	}

	/** The six techniques, with usual terms, the first time a program's list is read. */
	private void seedDefaults(UUID program) {
		boolean any = jdbc.sql("select exists (select 1 from sessions_type where program_id = ?)").param(program)
			.query(Boolean.class).single();
		if (any) {
			return;
		}
		Object[][] defaults = {
			{ "COMMUNITY_SUPPORT", 60, "STAFF,CLINICIAN", null, new Integer[] { 1, 2, 3, 4 }, false },
			{ "PEER_ROLE_MODELLING", 45, "STAFF,CLINICIAN", 2, new Integer[] {}, false },
			{ "SOCIAL_SKILLS", 60, "CLINICIAN,STAFF", null, new Integer[] { 1, 2 }, false },
			{ "PSYCHIATRIC_SUPPORT", 30, "CLINICIAN", null, new Integer[] {}, false },
			{ "PSYCHO_EDUCATION", 60, "CLINICIAN", null, new Integer[] { 1, 2, 3 }, false },
			{ "FAMILY_COUNSELLING", 90, "CLINICIAN", null, new Integer[] {}, true } };
		for (int i = 0; i < defaults.length; i++) {
			Object[] d = defaults[i];
			jdbc.sql("""
					insert into sessions_type (id, program_id, code, duration_minutes, facilitator_roles, minimum_level,
					    mandatory_levels, family, position, created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
				.params(UUID.randomUUID(), program, d[0], d[1], d[2], d[3], d[4], d[5], i,
						clock.instant().atOffset(ZoneOffset.UTC))
				.update();
		}
	}

	private ProgramId requireDirector(MilieuUser user, UUID id) {
		if (!user.has(Role.ADMIN)) {
			trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)
				.on("SessionType", id).saying("the program's kinds of session are the director's"));
			throw new AccessDeniedException("the program's kinds of session are the director's");
		}
		return user.programId();
	}

	private void audit(MilieuUser director, AuditAction action, UUID id, String what) {
		trail.record(AuditEntry.of(director.actor(), action, AuditOutcome.SUCCESS).on("SessionType", id)
			.saying("kind of session " + what));
	}

	private static SessionType row(ResultSet rs, int n) throws SQLException {
		List<Role> roles = Arrays.stream(rs.getString("facilitator_roles").split(",")).map(Role::valueOf).toList();
		Array mandatory = rs.getArray("mandatory_levels");
		List<Integer> levels = mandatory == null ? List.of() : List.of((Integer[]) mandatory.getArray());
		int level = rs.getInt("minimum_level");
		Integer minimum = rs.wasNull() ? null : level;
		return new SessionType(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
				rs.getInt("duration_minutes"), roles, minimum, levels, rs.getBoolean("family"),
				rs.getTimestamp("retired_at") != null, rs.getInt("revision"));
	}
}
