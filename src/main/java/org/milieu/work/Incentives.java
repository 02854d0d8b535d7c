package org.milieu.work;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.identity.Role;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incentives (contingency management): a points ledger per resident, separate from the stipend.
 * Staff award the program's rules, the same for every resident, and redeem points for items or
 * vouchers from the catalogue, never for cash. What a resident earns in a calendar year (where the
 * program is), in cents' worth, stays within the yearly cap; an award above it is refused
 * ({@code ruleId}). Like the stipend ledger, every change locks the resident's incentive account,
 * entries are append-only, and reads and changes pass the access policy for
 * {@link DataCategory#WORK_AND_STIPENDS}. The director keeps the rules and the catalogue.
 */
@Service
public class Incentives {

	private static final String COLUMNS = "e.id, e.resident_id, e.seq, e.kind, e.points, e.value_cents, "
			+ "e.balance_after_points, e.rule_id, e.item_id, coalesce(r.name, i.name) as what, e.reverses, "
			+ "(select x.id from work_incentive_entry x where x.reverses = e.id) as reversed_by, e.note, e.recorded_by, "
			+ "e.recorded_at";

	private static final String FROM = " from work_incentive_entry e left join work_incentive_rule r on r.id = e.rule_id "
			+ "left join work_incentive_item i on i.id = e.item_id";

	private final JdbcClient jdbc;

	private final StipendLedger ledger;

	private final StipendSettingsStore settings;

	private final AccessPolicy policy;

	private final AuditTrail trail;

	private final Programs programs;

	private final Clock clock;

	Incentives(JdbcClient jdbc, StipendLedger ledger, StipendSettingsStore settings, AccessPolicy policy, AuditTrail trail,
			Programs programs, Clock clock) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.settings = settings;
		this.policy = policy;
		this.trail = trail;
		this.programs = programs;
		this.clock = clock;
	}

	/** The program's rules, active first, by name. */
	@Transactional(readOnly = true)
	public List<IncentiveRule> rules(ProgramId program) {
		return jdbc.sql("select id, name, description, points, active from work_incentive_rule where program_id = ? "
				+ "order by active desc, name").param(program.value())
			.query((rs, n) -> new IncentiveRule(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getBoolean(5)))
			.list();
	}

	/** The program's catalogue, active first, by points then name. */
	@Transactional(readOnly = true)
	public List<IncentiveItem> items(ProgramId program) {
		return jdbc.sql("select id, name, kind, points, active from work_incentive_item where program_id = ? "
				+ "order by active desc, points, name").param(program.value())
			.query((rs, n) -> new IncentiveItem(rs.getObject(1, UUID.class), rs.getString(2),
					IncentiveItem.Kind.valueOf(rs.getString(3)), rs.getInt(4), rs.getBoolean(5)))
			.list();
	}

	/** Adds a rule; the director only. Refused for a blank or taken name ({@code name}) or points not above zero ({@code points}). */
	@Transactional
	public IncentiveRule addRule(MilieuUser user, String name, String description, int points) {
		requireDirector(user, "IncentiveRule");
		String n = text(name, "name", 120);
		requirePoints(points);
		UUID id = UUID.randomUUID();
		try {
			jdbc.sql("insert into work_incentive_rule (id, program_id, name, description, points, created_by, created_at) "
					+ "values (?, ?, ?, ?, ?, ?, ?)")
				.params(id, user.programId().value(), n, description == null || description.isBlank() ? null : description.strip(),
						points, user.getUsername(), Timestamp.from(clock.instant()))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new RuleViolation("incentive.name.taken", "name");
		}
		trail.record(AuditEntry.of(user.actor(), AuditAction.CREATE, AuditOutcome.SUCCESS).on("IncentiveRule", id));
		return new IncentiveRule(id, n, description, points, true);
	}

	/** Adds an item or voucher to the catalogue; the director only. */
	@Transactional
	public IncentiveItem addItem(MilieuUser user, String name, IncentiveItem.Kind kind, int points) {
		requireDirector(user, "IncentiveItem");
		String n = text(name, "name", 120);
		if (kind == null) {
			throw new RuleViolation("incentive.kind.required", "kind");
		}
		requirePoints(points);
		UUID id = UUID.randomUUID();
		try {
			jdbc.sql("insert into work_incentive_item (id, program_id, name, kind, points, created_by, created_at) "
					+ "values (?, ?, ?, ?, ?, ?, ?)")
				.params(id, user.programId().value(), n, kind.name(), points, user.getUsername(), Timestamp.from(clock.instant()))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new RuleViolation("incentive.name.taken", "name");
		}
		trail.record(AuditEntry.of(user.actor(), AuditAction.CREATE, AuditOutcome.SUCCESS).on("IncentiveItem", id));
		return new IncentiveItem(id, n, kind, points, true);
	}

	/**
	 * Awards a rule's points to a resident. Refused for an unknown or inactive rule ({@code ruleId})
	 * and when the points' worth would take the resident's earnings this year above the cap ({@code ruleId}).
	 */
	@Transactional
	public IncentiveEntry award(MilieuUser user, UUID residentId, UUID ruleId, String note) {
		ProgramId program = user.programId();
		ResidentScope scope = ledger.scope(program, residentId);
		if (ruleId == null) {
			throw new RuleViolation("incentive.rule.unknown", "ruleId");
		}
		IncentiveRule rule = rules(program).stream().filter(r -> r.id().equals(ruleId) && r.active()).findFirst()
			.orElseThrow(() -> new RuleViolation("incentive.rule.unknown", "ruleId"));
		policy.enforce(user, AuditAction.CREATE, DataCategory.WORK_AND_STIPENDS, scope, "IncentiveEntry", ruleId);
		StipendSettings rules = settings.of(program);
		lock(program, residentId);
		long value = rule.points() * rules.pointValueCents();
		long year = earnedThisYear(program, residentId);
		if (year + value > rules.incentiveYearlyCapCents()) {
			throw new RuleViolation("incentive.cap.yearly", "ruleId", rules.incentiveYearlyCapCents(), year);
		}
		return append(user, residentId, IncentiveEntry.Kind.EARNED, rule.points(), value, ruleId, null, null,
				note == null || note.isBlank() ? null : text(note, "note", 2000));
	}

	/** Redeems points for an item or voucher of the catalogue; refused ({@code itemId}) for an unknown item or too few points. */
	@Transactional
	public IncentiveEntry redeem(MilieuUser user, UUID residentId, UUID itemId, String note) {
		ProgramId program = user.programId();
		ResidentScope scope = ledger.scope(program, residentId);
		if (itemId == null) {
			throw new RuleViolation("incentive.item.unknown", "itemId");
		}
		IncentiveItem item = items(program).stream().filter(i -> i.id().equals(itemId) && i.active()).findFirst()
			.orElseThrow(() -> new RuleViolation("incentive.item.unknown", "itemId"));
		policy.enforce(user, AuditAction.CREATE, DataCategory.WORK_AND_STIPENDS, scope, "IncentiveEntry", itemId);
		lock(program, residentId);
		long balance = balance(residentId);
		if (balance < item.points()) {
			throw new RuleViolation("incentive.points.short", "itemId", balance);
		}
		return append(user, residentId, IncentiveEntry.Kind.REDEEMED, -item.points(),
				-item.points() * settings.of(program).pointValueCents(), null, itemId, null,
				note == null || note.isBlank() ? null : text(note, "note", 2000));
	}

	/**
	 * Reverses one incentive entry with a reason; refused ({@code id}) for a reversal, an entry
	 * already reversed, or when the points are no longer there.
	 */
	@Transactional
	public IncentiveEntry reverse(MilieuUser user, UUID entryId, String reason) {
		IncentiveEntry original = jdbc.sql("select " + COLUMNS + FROM + " where e.id = ? and e.program_id = ?")
			.params(entryId, user.programId().value()).query(Incentives::entry).optional()
			.orElseThrow(() -> new RecordNotFound("IncentiveEntry", entryId));
		policy.enforce(user, AuditAction.CREATE, DataCategory.WORK_AND_STIPENDS,
				ledger.scope(user.programId(), original.residentId()), "IncentiveEntry", entryId);
		String why = text(reason, "reason", 2000);
		lock(user.programId(), original.residentId());
		if (original.kind() == IncentiveEntry.Kind.REVERSAL) {
			throw new RuleViolation("stipend.reversal.of-reversal", "id");
		}
		if (original.reversedBy() != null) {
			throw new RuleViolation("stipend.reversal.twice", "id", original.reversedBy());
		}
		long balance = balance(original.residentId());
		if (balance - original.points() < 0) {
			throw new RuleViolation("incentive.points.short", "id", balance);
		}
		return append(user, original.residentId(), IncentiveEntry.Kind.REVERSAL, -original.points(), -original.valueCents(),
				original.ruleId(), original.itemId(), original.id(), why);
	}

	/** A resident's incentives with their latest entries; a resident reads their own. Audited. */
	@Transactional
	public IncentiveAccount account(MilieuUser user, UUID residentId, int limit) {
		ProgramId program = user.programId();
		ResidentScope scope = ledger.scope(program, residentId);
		policy.enforce(user, AuditAction.READ, DataCategory.WORK_AND_STIPENDS, scope, "IncentiveAccount", residentId);
		StipendSettings rules = settings.of(program);
		List<IncentiveEntry> entries = jdbc.sql("select " + COLUMNS + FROM + " where e.resident_id = ? order by e.seq desc limit ?")
			.params(residentId, Math.max(1, Math.min(limit, StipendLedger.MAX_PAGE))).query(Incentives::entry).list();
		return new IncentiveAccount(residentId, balance(residentId), earnedThisYear(program, residentId),
				rules.incentiveYearlyCapCents(), rules.pointValueCents(), rules.currency(), entries);
	}

	/** The worth of what the resident earned since the start of this calendar year where the program is, reversals netted. */
	long earnedThisYear(ProgramId program, UUID residentId) {
		ZoneId zone = programs.find(program).map(Program::timeZone).orElse(ZoneOffset.UTC);
		Instant start = clock.instant().atZone(zone).toLocalDate().withDayOfYear(1).atStartOfDay(zone).toInstant();
		return jdbc.sql("select coalesce(sum(e.value_cents), 0) from work_incentive_entry e where e.resident_id = ? "
				+ "and e.recorded_at >= ? and (e.kind = 'EARNED' or (e.kind = 'REVERSAL' and e.rule_id is not null))")
			.params(residentId, Timestamp.from(start)).query(Long.class).single();
	}

	private long balance(UUID residentId) {
		return jdbc.sql("select balance_after_points from work_incentive_entry where resident_id = ? order by seq desc limit 1")
			.param(residentId).query(Long.class).optional().orElse(0L);
	}

	private void lock(ProgramId program, UUID residentId) {
		jdbc.sql("insert into work_incentive_account (resident_id, program_id, opened_at) values (?, ?, ?) "
				+ "on conflict (resident_id) do nothing")
			.params(residentId, program.value(), Timestamp.from(clock.instant())).update();
		jdbc.sql("select resident_id from work_incentive_account where resident_id = ? for update").param(residentId)
			.query(UUID.class).single();
	}

	private IncentiveEntry append(MilieuUser user, UUID residentId, IncentiveEntry.Kind kind, int points, long valueCents,
			UUID ruleId, UUID itemId, UUID reverses, String note) {
		record Last(long seq, long balance) {
		}
		Last last = jdbc.sql("select seq, balance_after_points from work_incentive_entry where resident_id = ? "
				+ "order by seq desc limit 1").param(residentId)
			.query((rs, n) -> new Last(rs.getLong(1), rs.getLong(2))).optional().orElse(new Last(0, 0));
		long after = last.balance() + points;
		if (after < 0) {
			throw new RuleViolation("incentive.points.short", "itemId", last.balance());
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into work_incentive_entry (id, program_id, resident_id, seq, kind, points, value_cents,
				    balance_after_points, rule_id, item_id, reverses, note, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, user.programId().value(), residentId, last.seq() + 1, kind.name(), points, valueCents, after, ruleId,
					itemId, reverses, note, user.getUsername(), Timestamp.from(clock.instant()))
			.update();
		return jdbc.sql("select " + COLUMNS + FROM + " where e.id = ?").param(id).query(Incentives::entry).single();
	}

	private void requireDirector(MilieuUser user, String what) {
		if (!user.has(Role.ADMIN)) {
			trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)
				.on(what, null).saying("CREATE refused: only the director keeps the incentive rules and catalogue"));
			throw new AccessDeniedException("only the director keeps the incentive rules and catalogue");
		}
	}

	private static void requirePoints(int points) {
		if (points <= 0) {
			throw new RuleViolation("incentive.points.positive", "points");
		}
	}

	private static String text(String text, String field, int max) {
		if (text == null || text.isBlank()) {
			throw new RuleViolation("stipend.text.required", field);
		}
		String stripped = text.strip();
		if (stripped.length() > max) {
			throw new RuleViolation("stipend.text.too-long", field, max);
		}
		return stripped;
	}

	private static IncentiveEntry entry(ResultSet rs, int n) throws SQLException {
		return new IncentiveEntry(rs.getObject("id", UUID.class), rs.getObject("resident_id", UUID.class), rs.getLong("seq"),
				IncentiveEntry.Kind.valueOf(rs.getString("kind")), rs.getInt("points"), rs.getLong("value_cents"),
				rs.getLong("balance_after_points"), rs.getObject("rule_id", UUID.class), rs.getObject("item_id", UUID.class),
				rs.getString("what"), rs.getObject("reverses", UUID.class), rs.getObject("reversed_by", UUID.class),
				rs.getString("note"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
	}
}
