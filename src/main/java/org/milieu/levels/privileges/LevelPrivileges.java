package org.milieu.levels.privileges;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.milieu.audit.AuditAction;
import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.levels.CurrentLevel;
import org.milieu.levels.Level;
import org.milieu.levels.ResidentLevels;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each resident may do: the privileges of the catalogue their level brings, with the
 * individual grants and restrictions a clinician has made for them. Other modules ask
 * {@link #may} (<em>may resident X do Y now, and why not?</em>); the resident's privileges page and
 * the API read {@link #of}. An active restriction beats the level (and any grant); an active
 * grant allows a privilege below the level. A resident's level is the one
 * {@link ResidentLevels#currentOf} gives (level 1 until their first one is recorded).
 * <p>
 * Granting, restricting and ending are clinical decisions: they pass the access policy under
 * {@link DataCategory#CLINICAL_NOTES}, which clinicians of the resident's house or caseload and
 * the director may write, and are audited; reading a resident's privileges, with the reasons of
 * their grants and restrictions, is {@link DataCategory#LEVELS_AND_RATINGS}, which staff of their
 * house and the resident themself may read.
 */
@Service
public class LevelPrivileges {

	static final int MAX_REASON = 2000;

	private static final String SELECT = """
			select a.id, a.resident_id, p.code, a.kind, a.starts_at, a.ends_at, a.reason, a.decided_by, a.decided_at,
			       a.ended_by, a.ended_at, a.end_reason, a.privilege_id
			  from levels_privilege_adjustment a join levels_privilege p on p.id = a.privilege_id
			 where a.program_id = ?""";

	private final JdbcClient jdbc;

	private final PrivilegeCatalogue catalogue;

	private final ResidentLevels levels;

	private final Census census;

	private final AccessPolicy policy;

	private final Programs programs;

	private final Clock clock;

	LevelPrivileges(JdbcClient jdbc, PrivilegeCatalogue catalogue, ResidentLevels levels, Census census,
			AccessPolicy policy, Programs programs, Clock clock) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.levels = levels;
		this.census = census;
		this.policy = policy;
		this.programs = programs;
		this.clock = clock;
	}

	/**
	 * May this resident use this privilege at {@code at}? A question other modules ask for the
	 * program, without a person behind it (passes ask it for {@code OFF_SITE_PASS}): it returns
	 * only yes or no and the reason, so it is neither decided by the access policy nor audited.
	 * A resident without an open stay may not; a code the program lacks, or a privilege it does
	 * not offer, is refused. {@code at} decides which grants and restrictions are in force; the
	 * level is the resident's level today.
	 */
	@Transactional
	public Answer may(ProgramId program, UUID residentId, String privilegeCode, Instant at) {
		if (census.find(program, residentId).isEmpty()) {
			return Answer.notInProgram();
		}
		Optional<Privilege> privilege = catalogue.find(program, privilegeCode);
		if (privilege.isEmpty()) {
			return Answer.unknown(privilegeCode);
		}
		List<PrivilegeAdjustment> adjustments = jdbc.sql(SELECT + " and a.resident_id = ? and a.privilege_id = ?")
			.params(program.value(), residentId, privilege.get().id()).query((rs, n) -> adjustment(rs)).list();
		return PrivilegeRule.decide(privilege.get(), levelOf(program, residentId), adjustments, at, zone(program));
	}

	/**
	 * Every privilege of the catalogue for one resident now, each allowed or not and why, with
	 * their grants and restrictions in force. The reader needs the access policy's leave to read
	 * the resident's levels and ratings (staff of their house, their clinicians, the director, or
	 * the resident themself); the read is audited. A discharged resident may do none of them.
	 */
	@Transactional
	public List<PrivilegeStatus> of(MilieuUser reader, UUID residentId) {
		ProgramId program = reader.programId();
		Optional<CensusEntry> resident = census.find(program, residentId);
		policy.enforce(reader, AuditAction.READ, DataCategory.LEVELS_AND_RATINGS, scope(residentId, resident), "Privileges",
				residentId);
		requireKnown(program, residentId, resident);
		Instant now = clock.instant();
		ZoneId zone = zone(program);
		int level = levelOf(program, residentId);
		Map<String, List<PrivilegeAdjustment>> byCode = load(program, residentId).stream()
			.collect(Collectors.groupingBy(PrivilegeAdjustment::privilegeCode));
		return catalogue.list(program).stream().map(p -> {
			List<PrivilegeAdjustment> own = byCode.getOrDefault(p.code(), List.of());
			Answer answer = resident.isEmpty() ? Answer.notInProgram() : PrivilegeRule.decide(p, level, own, now, zone);
			return new PrivilegeStatus(p, answer, own.stream().filter(a -> a.inForce(now)).toList());
		}).toList();
	}

	/** A resident's grants and restrictions, ended ones too, newest first; read like {@link #of} and audited. */
	@Transactional
	public List<PrivilegeAdjustment> adjustments(MilieuUser reader, UUID residentId) {
		ProgramId program = reader.programId();
		Optional<CensusEntry> resident = census.find(program, residentId);
		policy.enforce(reader, AuditAction.READ, DataCategory.LEVELS_AND_RATINGS, scope(residentId, resident),
				"PrivilegeAdjustment", residentId);
		requireKnown(program, residentId, resident);
		return load(program, residentId);
	}

	/**
	 * Grants or restricts one privilege for one resident of today's census, with a reason
	 * (required: an exception nobody can explain is not one), from {@code from} (null: now)
	 * until {@code until} (null: until someone ends it; else after the start and in the future).
	 * The privilege must be one the program offers. A clinical decision: clinicians of the
	 * resident's house or caseload and the director only; nothing is stored when the input is bad.
	 */
	@Transactional
	public PrivilegeAdjustment adjust(MilieuUser user, UUID residentId, NewAdjustment command) {
		ProgramId program = user.programId();
		Optional<CensusEntry> resident = census.find(program, residentId);
		UUID id = UUID.randomUUID();
		policy.enforce(user, AuditAction.CREATE, DataCategory.CLINICAL_NOTES, scope(residentId, resident),
				"PrivilegeAdjustment", id);
		if (resident.isEmpty()) {
			throw new RuleViolation("privilege.notInProgram", "resident");
		}
		if (command.privilegeCode() == null || command.privilegeCode().isBlank()) {
			throw new RuleViolation("privilege.field.required", "privilegeCode");
		}
		Privilege privilege = catalogue.find(program, command.privilegeCode())
			.orElseThrow(() -> new RuleViolation("privilege.unknown", "privilegeCode", command.privilegeCode().trim()));
		if (!privilege.active()) {
			throw new RuleViolation("privilege.inactive", "privilegeCode", privilege.code());
		}
		if (command.kind() == null) {
			throw new RuleViolation("privilege.field.required", "kind");
		}
		String reason = PrivilegeCatalogue.required(command.reason(), "reason", MAX_REASON);
		Instant now = clock.instant();
		Instant from = command.from() == null ? now : command.from();
		if (command.until() != null && !command.until().isAfter(from)) {
			throw new RuleViolation("privilege.until.beforeFrom", "until");
		}
		if (command.until() != null && !command.until().isAfter(now)) {
			throw new RuleViolation("privilege.until.past", "until");
		}
		jdbc.sql("""
				insert into levels_privilege_adjustment (id, program_id, resident_id, privilege_id, kind, starts_at, ends_at,
				                                         reason, decided_by, decided_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, program.value(), residentId, privilege.id(), command.kind().name(), PrivilegeCatalogue.utc(from),
					command.until() == null ? null : PrivilegeCatalogue.utc(command.until()), reason, user.getUsername(),
					PrivilegeCatalogue.utc(now))
			.update();
		return find(program, id).orElseThrow();
	}

	/**
	 * Ends a grant or restriction before its planned end (or before it begins), with who, when
	 * and why (required); the row stays in the record. One already ended, by a person or by its
	 * own end, is refused. Clinicians and the director only, like making one.
	 */
	@Transactional
	public PrivilegeAdjustment end(MilieuUser user, UUID adjustmentId, String reason) {
		ProgramId program = user.programId();
		if (policy.reach(user, AccessAction.WRITE, DataCategory.CLINICAL_NOTES).nobody()) {
			throw new AccessDeniedException("no role of " + user.getUsername() + " may end a privilege grant or restriction");
		}
		PrivilegeAdjustment adjustment = jdbc.sql(SELECT + " and a.id = ? for update of a").params(program.value(), adjustmentId)
			.query((rs, n) -> adjustment(rs)).optional()
			.orElseThrow(() -> new RecordNotFound("PrivilegeAdjustment", adjustmentId));
		policy.enforce(user, AuditAction.UPDATE, DataCategory.CLINICAL_NOTES,
				scope(adjustment.residentId(), census.find(program, adjustment.residentId())), "PrivilegeAdjustment",
				adjustmentId);
		Instant now = clock.instant();
		if (adjustment.status(now) == PrivilegeAdjustment.Status.ENDED) {
			throw new RuleViolation("privilege.adjustment.alreadyEnded", "adjustment");
		}
		String why = PrivilegeCatalogue.required(reason, "reason", MAX_REASON);
		jdbc.sql("update levels_privilege_adjustment set ended_by = ?, ended_at = ?, end_reason = ? where id = ?")
			.params(user.getUsername(), PrivilegeCatalogue.utc(now), why, adjustmentId).update();
		return find(program, adjustmentId).orElseThrow();
	}

	/**
	 * Whether the access policy would let this person grant and restrict privileges for this
	 * resident, asked without recording: to offer the form only to those who may use it.
	 */
	@Transactional(readOnly = true)
	public boolean mayAdjust(MilieuUser user, UUID residentId) {
		Optional<CensusEntry> resident = census.find(user.programId(), residentId);
		return resident.isPresent()
				&& policy.decide(user, AccessAction.WRITE, DataCategory.CLINICAL_NOTES, scope(residentId, resident)).allowed();
	}

	/** The program's time zone, for showing times. */
	@Transactional(readOnly = true)
	public ZoneId zone(ProgramId program) {
		return programs.find(program).map(Program::timeZone).orElse(ZoneOffset.UTC);
	}

	private int levelOf(ProgramId program, UUID residentId) {
		return levels.currentOf(program, residentId).map(CurrentLevel::level).orElse(Level.SAFETY).number();
	}

	/** A resident not in today's census is known if they ever had a level here (every admission gets one). */
	private void requireKnown(ProgramId program, UUID residentId, Optional<CensusEntry> resident) {
		if (resident.isEmpty() && levels.currentOf(program, residentId).isEmpty()) {
			throw new RecordNotFound("Resident", residentId);
		}
	}

	private List<PrivilegeAdjustment> load(ProgramId program, UUID residentId) {
		return jdbc.sql(SELECT + " and a.resident_id = ? order by a.starts_at desc, a.decided_at desc")
			.params(program.value(), residentId).query((rs, n) -> adjustment(rs)).list();
	}

	private Optional<PrivilegeAdjustment> find(ProgramId program, UUID id) {
		return jdbc.sql(SELECT + " and a.id = ?").params(program.value(), id).query((rs, n) -> adjustment(rs)).optional();
	}

	/** The resident and the house they live in now (none once discharged), for the access policy. */
	private static ResidentScope scope(UUID residentId, Optional<CensusEntry> resident) {
		return new ResidentScope(residentId, resident.map(CensusEntry::houseId).orElse(null));
	}

	private static PrivilegeAdjustment adjustment(ResultSet rs) throws SQLException {
		return new PrivilegeAdjustment(rs.getObject("id", UUID.class), rs.getObject("resident_id", UUID.class),
				rs.getString("code"), AdjustmentKind.valueOf(rs.getString("kind")), PrivilegeCatalogue.instant(rs, "starts_at"),
				PrivilegeCatalogue.instant(rs, "ends_at"), rs.getString("reason"), rs.getString("decided_by"),
				PrivilegeCatalogue.instant(rs, "decided_at"), rs.getString("ended_by"), PrivilegeCatalogue.instant(rs, "ended_at"),
				rs.getString("end_reason"));
	}
}
