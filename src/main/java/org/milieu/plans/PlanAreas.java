package org.milieu.plans;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.TextInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The areas a problem of a plan belongs to: the director's list per program. The six ASAM
 * dimensions are the first ones, put in place the first time a program's list is read. The director
 * adds an area, renames one (a standard one too) and retires one; nothing is ever deleted, so a part
 * written in an area keeps it, and a retired area is only refused for a part that did not have it.
 * Every change is audited.
 */
@Service
public class PlanAreas {

	/** The six ASAM dimensions, as codes; their words are the message keys {@code plan.area.<code>}. */
	public static final List<String> ASAM = List.of("ASAM1_INTOXICATION_WITHDRAWAL", "ASAM2_BIOMEDICAL",
			"ASAM3_EMOTIONAL_BEHAVIOURAL", "ASAM4_READINESS_TO_CHANGE", "ASAM5_RELAPSE_POTENTIAL",
			"ASAM6_RECOVERY_ENVIRONMENT");

	static final int NAME_MAX = 200;

	private static final TextInput TEXT = new TextInput("plan");

	private final JdbcClient jdbc;

	private final AuditTrail trail;

	private final Clock clock;

	PlanAreas(JdbcClient jdbc, AuditTrail trail, Clock clock) {
		this.jdbc = jdbc;
		this.trail = trail;
		this.clock = clock;
	}

	/** Every area of the program in the director's order, retired ones too (parts written in them show them). */
	@Transactional
	public List<PlanArea> all(UUID programId) {
		seedDefaults(programId);
		return jdbc.sql("""
				select code, name, retired_at is not null as retired from plans_area where program_id = ?
				order by position, code""").param(programId)
			.query((rs, n) -> new PlanArea(rs.getString("code"), rs.getString("name"), ASAM.contains(rs.getString("code")),
					rs.getBoolean("retired")))
			.list();
	}

	/** The areas a new problem may be written in: those not retired. */
	@Transactional
	public List<PlanArea> offered(UUID programId) {
		return all(programId).stream().filter(a -> !a.retired()).toList();
	}

	/**
	 * The area a problem is written in, checked against the program's {@code areas}: one not retired, or
	 * the area the part already had ({@code before}), retired or not. Refused naming {@code field}.
	 */
	static String accepted(List<PlanArea> areas, String code, String before, String field) {
		Optional<PlanArea> area = areas.stream().filter(a -> a.code().equals(code)).findFirst();
		if (area.isEmpty() || (area.get().retired() && !code.equals(before))) {
			throw new RuleViolation("plan.area.unknown", field);
		}
		return code;
	}

	/** The director adds an area at the end of the list; its name must be new to the program. */
	@Transactional
	public PlanArea add(MilieuUser director, String name) {
		UUID program = requireDirector(director, null);
		String words = name(program, name, null);
		String code = "AREA_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
		jdbc.sql("""
				insert into plans_area (program_id, code, name, position, created_at)
				select ?, ?, ?, coalesce(max(position), -1) + 1, ? from plans_area where program_id = ?""")
			.params(program, code, words, clock.instant().atOffset(ZoneOffset.UTC), program).update();
		audit(director, AuditAction.CREATE, code, "added");
		return find(program, code);
	}

	/** The director renames an area (a standard one then shows the director's words in every language). */
	@Transactional
	public PlanArea rename(MilieuUser director, String code, String name) {
		UUID program = requireDirector(director, code);
		find(program, code);
		String words = name(program, name, code);
		jdbc.sql("update plans_area set name = ? where program_id = ? and code = ?").params(words, program, code).update();
		audit(director, AuditAction.UPDATE, code, "renamed");
		return find(program, code);
	}

	/** The director retires an area (no new problem is written in it) or brings it back. */
	@Transactional
	public PlanArea retire(MilieuUser director, String code, boolean retired) {
		UUID program = requireDirector(director, code);
		find(program, code);
		jdbc.sql("update plans_area set retired_at = case when ? then coalesce(retired_at, ?) end where program_id = ? and code = ?")
			.params(retired, clock.instant().atOffset(ZoneOffset.UTC), program, code).update();
		audit(director, AuditAction.UPDATE, code, retired ? "retired" : "in use again");
		return find(program, code);
	}

	private PlanArea find(UUID program, String code) {
		return all(program).stream().filter(a -> a.code().equals(code)).findFirst()
			.orElseThrow(() -> new RecordNotFound("PlanArea", code));
	}

	private String name(UUID program, String name, String code) {
		String words = TEXT.required(name, "name", NAME_MAX);
		boolean taken = jdbc.sql("""
				select exists (select 1 from plans_area where program_id = ? and lower(name) = lower(?)
				               and code <> coalesce(?, ''))""")
			.params(program, words, code).query(Boolean.class).single();
		if (taken) {
			throw new RuleViolation("plan.area.name.taken", "name");
		}
		return words;
	}

	/** Puts the six ASAM dimensions in place the first time a program's list is read. */
	private void seedDefaults(UUID programId) {
		boolean any = jdbc.sql("select exists (select 1 from plans_area where program_id = ?)").param(programId)
			.query(Boolean.class).single();
		if (any) {
			return;
		}
		for (int i = 0; i < ASAM.size(); i++) {
			jdbc.sql("""
					insert into plans_area (program_id, code, position, created_at) values (?, ?, ?, ?)
					on conflict do nothing""").params(programId, ASAM.get(i), i, clock.instant().atOffset(ZoneOffset.UTC))
				.update();
		}
	}

	private UUID requireDirector(MilieuUser user, String code) {
		if (!user.has(Role.ADMIN)) {
			trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)
				.on("PlanArea", code).saying("the program's plan areas are the director's"));
			throw new AccessDeniedException("the program's plan areas are the director's");
		}
		return user.programId().value();
	}

	private void audit(MilieuUser director, AuditAction action, String code, String what) {
		trail.record(AuditEntry.of(director.actor(), action, AuditOutcome.SUCCESS).on("PlanArea", code)
			.saying("plan area " + what));
	}
}
