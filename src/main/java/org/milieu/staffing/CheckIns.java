package org.milieu.staffing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.Accounts;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
import org.milieu.residents.Houses;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RuleViolation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff checking in to a house when their shift starts and out when it ends. Whoever is checked
 * in counts toward the house's staff on shift. A check-in left open for 16 hours was forgotten:
 * the ratio watch closes it, so a forgotten check-out does not hide a house without staff.
 */
@Service
public class CheckIns {

	static final Duration FORGOTTEN_AFTER = Duration.ofHours(16);

	private static final String SELECT = """
			select id, house_id, account_id, checked_in_at, checked_out_at from staffing_check_in""";

	private final JdbcClient jdbc;

	private final Houses houses;

	private final Workplaces workplaces;

	private final Accounts accounts;

	private final AuditTrail audit;

	private final Clock clock;

	private final RatioAlerts alerts;

	CheckIns(JdbcClient jdbc, Houses houses, Workplaces workplaces, Accounts accounts, AuditTrail audit, Clock clock,
			RatioAlerts alerts) {
		this.jdbc = jdbc;
		this.houses = houses;
		this.workplaces = workplaces;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
		this.alerts = alerts;
	}

	/**
	 * Checks the caller in to a house they work in (the director to any house of the program).
	 * Someone already checked in, here or elsewhere, must check out first.
	 */
	@Transactional
	public CheckIn checkIn(MilieuUser user, UUID houseId) {
		houses.find(user.programId(), houseId);
		if (!workplaces.of(user).contains(houseId)) {
			throw new RuleViolation("staffing.checkIn.notYourHouse", "houseId");
		}
		if (current(user.accountId()).isPresent()) {
			throw new RuleViolation("staffing.checkIn.already", "houseId");
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		try {
			jdbc.sql("""
					insert into staffing_check_in (id, program_id, house_id, account_id, checked_in_at)
					values (?, ?, ?, ?, ?)""")
				.params(id, user.programId().value(), houseId, user.accountId(), java.sql.Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException raced) {
			throw new RuleViolation("staffing.checkIn.already", "houseId");
		}
		audit.record(AuditEntry.of(user.actor(), AuditAction.CREATE, AuditOutcome.SUCCESS).on("CheckIn", id));
		alerts.evaluate(user.programId());
		return new CheckIn(id, houseId, user.accountId(), user.displayName(), now, null);
	}

	/**
	 * Checks the caller out; the director may check out someone else who forgot. Answers the
	 * closed check-in.
	 */
	@Transactional
	public CheckIn checkOut(MilieuUser user, UUID accountId) {
		UUID whom = accountId == null ? user.accountId() : accountId;
		if (!whom.equals(user.accountId()) && !user.has(Role.ADMIN)) {
			throw new AccessDeniedException("Only the director checks out someone else");
		}
		CheckIn open = current(whom).filter(c -> inProgram(user.programId(), c))
			.orElseThrow(() -> new RuleViolation("staffing.checkOut.notCheckedIn", accountId == null ? null : "accountId"));
		Instant now = clock.instant();
		jdbc.sql("update staffing_check_in set checked_out_at = ?, checked_out_by = ? where id = ? and checked_out_at is null")
			.params(java.sql.Timestamp.from(now), user.getUsername(), open.id())
			.update();
		audit.record(AuditEntry.of(user.actor(), AuditAction.UPDATE, AuditOutcome.SUCCESS).on("CheckIn", open.id())
			.saying("checked out"));
		alerts.evaluate(user.programId());
		return new CheckIn(open.id(), open.houseId(), open.accountId(), open.displayName(), open.checkedInAt(), now);
	}

	/** The person's open check-in, if they are on shift. */
	@Transactional(readOnly = true)
	public Optional<CheckIn> current(UUID accountId) {
		return jdbc.sql(SELECT + " where account_id = ? and checked_out_at is null")
			.param(accountId)
			.query((rs, n) -> row(rs))
			.optional().map(c -> named(List.of(c)).get(0));
	}

	/** Everyone checked in now, across the program's houses. */
	@Transactional(readOnly = true)
	public List<CheckIn> onShift(ProgramId program) {
		return named(jdbc.sql(SELECT + " where program_id = ? and checked_out_at is null order by checked_in_at")
			.param(program.value())
			.query((rs, n) -> row(rs))
			.list());
	}

	/** Closes check-ins forgotten for longer than {@link #FORGOTTEN_AFTER}; answers how many. */
	@Transactional
	int closeForgotten(ProgramId program) {
		Instant now = clock.instant();
		return jdbc.sql("""
				update staffing_check_in set checked_out_at = checked_in_at + interval '16 hours', checked_out_by = 'system'
				 where program_id = ? and checked_out_at is null and checked_in_at < ?""")
			.params(program.value(), java.sql.Timestamp.from(now.minus(FORGOTTEN_AFTER)))
			.update();
	}

	private boolean inProgram(ProgramId program, CheckIn checkIn) {
		return jdbc.sql("select exists (select 1 from staffing_check_in where id = ? and program_id = ?)")
			.params(checkIn.id(), program.value()).query(Boolean.class).single();
	}

	private static CheckIn row(java.sql.ResultSet rs) throws java.sql.SQLException {
		java.sql.Timestamp out = rs.getTimestamp("checked_out_at");
		return new CheckIn(rs.getObject("id", UUID.class), rs.getObject("house_id", UUID.class),
				rs.getObject("account_id", UUID.class), null, rs.getTimestamp("checked_in_at").toInstant(),
				out == null ? null : out.toInstant());
	}

	/** The check-ins with the names of their people, looked up together. */
	private List<CheckIn> named(List<CheckIn> checkIns) {
		java.util.Map<UUID, String> names = accounts.displayNames(checkIns.stream().map(CheckIn::accountId).toList());
		return checkIns.stream()
			.map(c -> new CheckIn(c.id(), c.houseId(), c.accountId(), names.getOrDefault(c.accountId(), "?"), c.checkedInAt(),
					c.checkedOutAt()))
			.toList();
	}
}
