package org.milieu.plans;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
import org.milieu.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A program's terms for treatment plans: the days from admission to the first plan in force, and the
 * days between reviews. A program has the defaults (7 and 30) until its director sets its own; each
 * term lies between 1 and 365 days. Only the director changes them, and every change is audited.
 */
@Service
public class PlanSettings {

	private final JdbcClient jdbc;

	private final AuditTrail trail;

	private final Clock clock;

	PlanSettings(JdbcClient jdbc, AuditTrail trail, Clock clock) {
		this.jdbc = jdbc;
		this.trail = trail;
		this.clock = clock;
	}

	/** The program's terms, the defaults when its director set none. */
	@Transactional(readOnly = true)
	public PlanTerms terms(UUID programId) {
		return jdbc.sql("select initial_plan_days, review_interval_days, revision from plans_settings where program_id = ?")
			.param(programId).query((rs, n) -> new PlanTerms(rs.getInt(1), rs.getInt(2), rs.getInt(3))).optional()
			.orElse(PlanTerms.DEFAULTS);
	}

	/**
	 * The director sets the program's terms; a number of days outside 1 to 365 (or none) is refused
	 * naming the field and changes nothing.
	 */
	@Transactional
	public PlanTerms set(MilieuUser director, Integer initialPlanDays, Integer reviewIntervalDays) {
		if (!director.has(Role.ADMIN)) {
			trail.recordIndependently(AuditEntry.of(director.actor(), AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)
				.on("PlanSettings", director.programId().value()).saying("the program's plan terms are the director's"));
			throw new AccessDeniedException("the program's plan terms are the director's");
		}
		int initial = days(initialPlanDays, "initialPlanDays");
		int interval = days(reviewIntervalDays, "reviewIntervalDays");
		UUID program = director.programId().value();
		jdbc.sql("""
				insert into plans_settings (program_id, initial_plan_days, review_interval_days, revision, updated_by,
				    updated_by_name, updated_at)
				values (?, ?, ?, 1, ?, ?, ?)
				on conflict (program_id) do update set initial_plan_days = excluded.initial_plan_days,
				    review_interval_days = excluded.review_interval_days, revision = plans_settings.revision + 1,
				    updated_by = excluded.updated_by, updated_by_name = excluded.updated_by_name,
				    updated_at = excluded.updated_at""")
			.params(program, initial, interval, director.accountId(), director.displayName(),
					clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		trail.record(AuditEntry.of(director.actor(), AuditAction.UPDATE, AuditOutcome.SUCCESS).on("PlanSettings", program)
			.saying("initial plan " + initial + " days, reviews every " + interval + " days"));
		return terms(program);
	}

	/** A number of days for a term or an interval: required, 1 to 365, else refused naming {@code field}. */
	static int days(Integer value, String field) {
		if (value == null) {
			throw new RuleViolation("plan.field.required", field);
		}
		if (value < PlanTerms.MIN_DAYS || value > PlanTerms.MAX_DAYS) {
			throw new RuleViolation("plan.settings.days.range", field, PlanTerms.MIN_DAYS, PlanTerms.MAX_DAYS);
		}
		return value;
	}
}
