package org.milieu.work;

import java.sql.Timestamp;
import java.time.Clock;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each program's {@link StipendSettings}: the defaults until the director changes them; changes are audited. */
@Service
public class StipendSettingsStore {

	private final JdbcClient jdbc;

	private final AuditTrail trail;

	private final Clock clock;

	StipendSettingsStore(JdbcClient jdbc, AuditTrail trail, Clock clock) {
		this.jdbc = jdbc;
		this.trail = trail;
		this.clock = clock;
	}

	/** The program's settings, or the defaults. */
	@Transactional(readOnly = true)
	public StipendSettings of(ProgramId program) {
		return jdbc.sql("select currency, weekly_cap_cents, payout_cap_cents, incentive_yearly_cap_cents, point_value_cents "
				+ "from work_stipend_settings where program_id = ?").param(program.value())
			.query((rs, n) -> new StipendSettings(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
			.optional().orElse(StipendSettings.DEFAULTS);
	}

	/**
	 * Changes the settings; the director only. Every amount must be more than zero (the field
	 * named), the currency a three-letter code. The program's ledgers keep the currency they were
	 * opened in.
	 */
	@Transactional
	public StipendSettings update(MilieuUser user, StipendSettings settings) {
		if (!user.has(Role.ADMIN)) {
			trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)
				.on("StipendSettings", user.programId().value()).saying("UPDATE refused: only the director changes stipend settings"));
			throw new AccessDeniedException("only the director changes stipend settings");
		}
		StipendLedger.requireCurrency(settings.currency());
		positive(settings.weeklyCapCents(), "weeklyCapCents");
		positive(settings.payoutCapCents(), "payoutCapCents");
		positive(settings.incentiveYearlyCapCents(), "incentiveYearlyCapCents");
		positive(settings.pointValueCents(), "pointValueCents");
		if (settings.payoutCapCents() > settings.weeklyCapCents()) {
			throw new RuleViolation("payout.settings.cap-above-week", "payoutCapCents");
		}
		jdbc.sql("""
				insert into work_stipend_settings (program_id, currency, weekly_cap_cents, payout_cap_cents,
				    incentive_yearly_cap_cents, point_value_cents, updated_by, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (program_id) do update set currency = excluded.currency,
				    weekly_cap_cents = excluded.weekly_cap_cents, payout_cap_cents = excluded.payout_cap_cents,
				    incentive_yearly_cap_cents = excluded.incentive_yearly_cap_cents,
				    point_value_cents = excluded.point_value_cents, updated_by = excluded.updated_by,
				    updated_at = excluded.updated_at""")
			.params(user.programId().value(), settings.currency(), settings.weeklyCapCents(), settings.payoutCapCents(),
					settings.incentiveYearlyCapCents(), settings.pointValueCents(), user.getUsername(),
					Timestamp.from(clock.instant()))
			.update();
		trail.record(AuditEntry.of(user.actor(), AuditAction.UPDATE, AuditOutcome.SUCCESS)
			.on("StipendSettings", user.programId().value()).saying(settings.toString()));
		return of(user.programId());
	}

	/**
	 * Locks the program's settings row for the rest of the transaction (creating it with the
	 * defaults if need be), so payout batches take their receipt numbers one after the other.
	 */
	StipendSettings lock(ProgramId program, String by) {
		StipendSettings d = StipendSettings.DEFAULTS;
		jdbc.sql("""
				insert into work_stipend_settings (program_id, currency, weekly_cap_cents, payout_cap_cents,
				    incentive_yearly_cap_cents, point_value_cents, updated_by, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (program_id) do nothing""")
			.params(program.value(), d.currency(), d.weeklyCapCents(), d.payoutCapCents(), d.incentiveYearlyCapCents(),
					d.pointValueCents(), by, Timestamp.from(clock.instant()))
			.update();
		return jdbc.sql("select currency, weekly_cap_cents, payout_cap_cents, incentive_yearly_cap_cents, point_value_cents "
				+ "from work_stipend_settings where program_id = ? for update").param(program.value())
			.query((rs, n) -> new StipendSettings(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
			.single();
	}

	private static void positive(long value, String field) {
		if (value <= 0) {
			throw new RuleViolation("stipend.amount.positive", field);
		}
	}
}
