package org.milieu.work;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessDecision;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.identity.Role;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.residents.DischargedResident;
import org.milieu.residents.ResidentRecords;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stipend ledger: per resident, an append-only list of entries in integer cents with a
 * currency. The balance is the sum of the entries; it is never a field anyone edits. Every change
 * first locks the resident's ledger (their {@code work_stipend_account} row), then computes the
 * new balance from the latest entry, so concurrent earnings, deductions, reversals and payouts on
 * one resident run one after the other and the balance never drops below zero (the database
 * refuses it too). Each change and each read passes the access policy for
 * {@link DataCategory#WORK_AND_STIPENDS} and is audited in the same transaction.
 * <p>
 * Deductions: until a conduct module approves consequences, a deduction is approved by the
 * clinician or director who records it, with a reason and a reference to the consequence.
 */
@Service
public class StipendLedger {

	/** The currency of a resident with no entries yet, as statements show it. */
	public static final String DEFAULT_CURRENCY = "USD";

	/** The largest page of a statement. */
	public static final int MAX_PAGE = 500;

	/** The {@code sourceType} of an earning for a verified completion, its {@code sourceId} the completion. */
	public static final String SOURCE_COMPLETION = "COMPLETION";

	/** The {@code sourceType} of a deduction: it comes from a consequence. */
	public static final String SOURCE_CONSEQUENCE = "CONSEQUENCE";

	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	private static final String COLUMNS = "e.id, e.resident_id, e.seq, e.kind, e.amount_cents, e.currency, "
			+ "e.balance_after_cents, e.source_type, e.source_id, e.consequence_ref, e.reverses, "
			+ "(select r.id from work_stipend_entry r where r.reverses = e.id) as reversed_by, e.reason, "
			+ "e.recorded_by, e.recorded_at";

	private final JdbcClient jdbc;

	private final Census census;

	private final ResidentRecords records;

	private final AccessPolicy policy;

	private final AuditTrail trail;

	private final Clock clock;

	StipendLedger(JdbcClient jdbc, Census census, ResidentRecords records, AccessPolicy policy, AuditTrail trail,
			Clock clock) {
		this.jdbc = jdbc;
		this.census = census;
		this.records = records;
		this.policy = policy;
		this.trail = trail;
		this.clock = clock;
	}

	/**
	 * Records a stipend earned by verified work. Once per resident and source: the same source
	 * again with the same amount returns the first entry, with another amount it is refused
	 * ({@code sourceId}). Refused when the amount is not positive ({@code amountCents}), the
	 * currency is not the resident's ({@code currency}), or the source is missing.
	 */
	@Transactional
	public StipendEntry earn(MilieuUser verifier, UUID residentId, long cents, String currency, String sourceType,
			UUID sourceId, String note) {
		ResidentScope scope = scope(verifier.programId(), residentId);
		requirePositive(cents);
		String cur = requireCurrency(currency);
		String type = required(sourceType, "sourceType", 60);
		if (sourceId == null) {
			throw new RuleViolation("stipend.source.required", "sourceId");
		}
		policy.enforce(verifier, AuditAction.CREATE, DataCategory.WORK_AND_STIPENDS, scope, "StipendEntry", sourceId);
		lock(verifier.programId(), residentId, cur);
		StipendEntry earlier = jdbc.sql("select " + COLUMNS + " from work_stipend_entry e where e.resident_id = ? "
				+ "and e.kind = 'EARNED' and e.source_type = ? and e.source_id = ?")
			.params(residentId, type, sourceId).query(StipendLedger::entry).optional().orElse(null);
		if (earlier != null) {
			if (earlier.amountCents() == cents && earlier.currency().equals(cur)) {
				return earlier;
			}
			throw new RuleViolation("stipend.source.earned", "sourceId", earlier.id());
		}
		return append(verifier, residentId, StipendKind.EARNED, cents, cur, type, sourceId, null, null,
				optional(note, "note"));
	}

	/** A bonus for a resident, with its reason. Staff of the resident's house or the director. */
	@Transactional
	public StipendEntry bonus(MilieuUser user, UUID residentId, long cents, String currency, String reason) {
		ResidentScope scope = scope(user.programId(), residentId);
		requirePositive(cents);
		String cur = requireCurrency(currency);
		String why = required(reason, "reason", 2000);
		policy.enforce(user, AuditAction.CREATE, DataCategory.WORK_AND_STIPENDS, scope, "StipendEntry", residentId);
		lock(user.programId(), residentId, cur);
		return append(user, residentId, StipendKind.BONUS, cents, cur, null, null, null, null, why);
	}

	/**
	 * A deduction, only by an approved consequence: the one recording it is a clinician with the
	 * resident in their care or the director, who thereby approves it; a reason and a reference
	 * to the consequence ({@code consequenceRef}) are required. Never more than the balance
	 * ({@code amountCents}).
	 */
	@Transactional
	public StipendEntry deduction(MilieuUser approver, UUID residentId, long cents, String currency, String reason,
			String consequenceRef) {
		ResidentScope scope = scope(approver.programId(), residentId);
		requireApprover(approver, scope);
		requirePositive(cents);
		String cur = requireCurrency(currency);
		String why = required(reason, "reason", 2000);
		String ref = required(consequenceRef, "consequenceRef", 200);
		trail.record(AuditEntry.of(approver.actor(), AuditAction.CREATE, AuditOutcome.SUCCESS)
			.about(residentId, DataCategory.WORK_AND_STIPENDS).on("StipendEntry", residentId)
			.saying("deduction approved for consequence " + ref));
		lock(approver.programId(), residentId, cur);
		if (balance(residentId) < cents) {
			throw new RuleViolation("stipend.balance.short", "amountCents", balance(residentId));
		}
		return append(approver, residentId, StipendKind.DEDUCTION, -cents, cur, SOURCE_CONSEQUENCE, null, ref, null, why);
	}

	/**
	 * Reverses one entry with a reason: a new entry of the opposite amount. Refused ({@code id})
	 * for a reversal, for an entry already reversed, and when it would take the balance below zero.
	 */
	@Transactional
	public StipendEntry reverse(MilieuUser user, UUID entryId, String reason) {
		StipendEntry original = jdbc.sql("select " + COLUMNS + " from work_stipend_entry e where e.id = ? and e.program_id = ?")
			.params(entryId, user.programId().value()).query(StipendLedger::entry).optional()
			.orElseThrow(() -> new RecordNotFound("StipendEntry", entryId));
		ResidentScope scope = scope(user.programId(), original.residentId());
		policy.enforce(user, AuditAction.CREATE, DataCategory.WORK_AND_STIPENDS, scope, "StipendEntry", entryId);
		String why = required(reason, "reason", 2000);
		lock(user.programId(), original.residentId(), original.currency());
		if (original.kind() == StipendKind.REVERSAL) {
			throw new RuleViolation("stipend.reversal.of-reversal", "id");
		}
		UUID reversedBy = jdbc.sql("select id from work_stipend_entry where reverses = ?").param(entryId).query(UUID.class)
			.optional().orElse(null);
		if (reversedBy != null) {
			throw new RuleViolation("stipend.reversal.twice", "id", reversedBy);
		}
		long balance = balance(original.residentId());
		if (balance - original.amountCents() < 0) {
			throw new RuleViolation("stipend.reversal.below-zero", "id", balance);
		}
		return append(user, original.residentId(), StipendKind.REVERSAL, -original.amountCents(), original.currency(),
				original.sourceType(), original.sourceId(), null, original.id(), why);
	}

	/**
	 * The resident's balance and a page of entries, newest first: those before {@code before}
	 * (a {@code seq}; null for the newest) up to {@code limit}. A resident reads their own, staff
	 * their house's, clinicians their house's and caseload; the read is audited.
	 */
	@Transactional
	public StipendStatement statement(MilieuUser user, UUID residentId, Long before, int limit) {
		ResidentScope scope = scope(user.programId(), residentId);
		if (limit < 1 || limit > MAX_PAGE) {
			throw new RuleViolation("stipend.limit.range", "limit", 1, MAX_PAGE);
		}
		policy.enforce(user, AuditAction.READ, DataCategory.WORK_AND_STIPENDS, scope, "StipendStatement", residentId);
		return read(user.programId(), residentId, before, limit);
	}

	/** The balance of a resident, for other parts of the module that already passed the policy. */
	@Transactional(readOnly = true)
	public long balanceOf(UUID residentId) {
		return balance(residentId);
	}

	StipendStatement read(ProgramId program, UUID residentId, Long before, int limit) {
		record Account(String currency, long balance) {
		}
		Account account = jdbc.sql("select a.currency, coalesce((select e.balance_after_cents from work_stipend_entry e "
				+ "where e.resident_id = a.resident_id order by e.seq desc limit 1), 0) from work_stipend_account a "
				+ "where a.resident_id = ? and a.program_id = ?")
			.params(residentId, program.value()).query((rs, n) -> new Account(rs.getString(1), rs.getLong(2))).optional()
			.orElse(null);
		if (account == null) {
			return new StipendStatement(residentId, 0, DEFAULT_CURRENCY, List.of(), null);
		}
		String currency = account.currency();
		long balance = account.balance();
		List<StipendEntry> entries = jdbc.sql("select " + COLUMNS + " from work_stipend_entry e where e.resident_id = ? "
				+ "and e.seq < ? order by e.seq desc limit ?")
			.params(residentId, before == null ? Long.MAX_VALUE : before, limit + 1).query(StipendLedger::entry).list();
		Long next = null;
		if (entries.size() > limit) {
			entries = entries.subList(0, limit);
			next = entries.get(limit - 1).seq();
		}
		return new StipendStatement(residentId, balance, currency, List.copyOf(entries), next);
	}

	/**
	 * Locks the resident's ledger for the rest of the transaction, opening it (in this currency)
	 * on first use. Refused when the resident's ledger runs in another currency.
	 */
	String lock(ProgramId program, UUID residentId, String currency) {
		jdbc.sql("insert into work_stipend_account (resident_id, program_id, currency, opened_at) values (?, ?, ?, ?) "
				+ "on conflict (resident_id) do nothing")
			.params(residentId, program.value(), currency, Timestamp.from(clock.instant())).update();
		String held = jdbc.sql("select currency from work_stipend_account where resident_id = ? and program_id = ? for update")
			.params(residentId, program.value()).query(String.class).optional()
			.orElseThrow(() -> new RecordNotFound("Resident", residentId));
		if (!held.equals(currency)) {
			throw new RuleViolation("stipend.currency.other", "currency", held);
		}
		return held;
	}

	/** The balance: the latest entry's balance after it (the sum of all entries), zero with none. */
	long balance(UUID residentId) {
		return jdbc.sql("select balance_after_cents from work_stipend_entry where resident_id = ? order by seq desc limit 1")
			.param(residentId).query(Long.class).optional().orElse(0L);
	}

	/** Appends one entry; the caller holds the resident's lock and has checked the rules. */
	StipendEntry append(MilieuUser user, UUID residentId, StipendKind kind, long signedCents, String currency,
			String sourceType, UUID sourceId, String consequenceRef, UUID reverses, String reason) {
		record Last(long seq, long balance) {
		}
		Last last = jdbc.sql("select seq, balance_after_cents from work_stipend_entry where resident_id = ? "
				+ "order by seq desc limit 1").param(residentId)
			.query((rs, n) -> new Last(rs.getLong(1), rs.getLong(2))).optional().orElse(new Last(0, 0));
		long after = Math.addExact(last.balance(), signedCents);
		if (after < 0) {
			throw new RuleViolation("stipend.balance.short", "amountCents", last.balance());
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into work_stipend_entry (id, program_id, resident_id, seq, kind, amount_cents, currency,
				    balance_after_cents, source_type, source_id, consequence_ref, reverses, reason, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, user.programId().value(), residentId, last.seq() + 1, kind.name(), signedCents, currency, after,
					sourceType, sourceId, consequenceRef, reverses, reason, user.getUsername(), Timestamp.from(now))
			.update();
		return new StipendEntry(id, residentId, last.seq() + 1, kind, signedCents, currency, after, sourceType, sourceId,
				consequenceRef, reverses, null, reason, user.getUsername(), now);
	}

	/** Where the policy places the resident: their house today, else the house of their latest stay. */
	ResidentScope scope(ProgramId program, UUID residentId) {
		if (residentId == null) {
			throw new RuleViolation("stipend.resident.required", "residentId");
		}
		UUID house = census.find(program, residentId).map(CensusEntry::houseId).orElse(null);
		if (house == null) {
			house = records.discharged(program).stream().filter(d -> d.residentId().equals(residentId))
				.map(DischargedResident::houseId).findFirst()
				.orElseThrow(() -> new RecordNotFound("Resident", residentId));
		}
		return new ResidentScope(residentId, house);
	}

	/**
	 * A deduction's approver: a clinician with the resident in their care, or the director. The
	 * clinician's reach is their read reach (clinicians read, and approve, but do not keep the
	 * ledger); a refusal is recorded on its own and thrown.
	 */
	private void requireApprover(MilieuUser user, ResidentScope scope) {
		String reason;
		if (!user.has(Role.CLINICIAN) && !user.has(Role.ADMIN)) {
			reason = "only a clinician or the director approves a consequence, not " + user.getUsername();
		}
		else {
			AccessDecision decision = policy.decide(user, AccessAction.READ, DataCategory.WORK_AND_STIPENDS, scope);
			reason = decision.allowed() && !decision.emergency() ? null : decision.reason();
		}
		if (reason != null) {
			trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)
				.about(scope.residentId(), DataCategory.WORK_AND_STIPENDS).on("StipendEntry", scope.residentId())
				.saying("CREATE refused: " + reason));
			throw new AccessDeniedException(reason);
		}
	}

	private static void requirePositive(long cents) {
		if (cents <= 0) {
			throw new RuleViolation("stipend.amount.positive", "amountCents");
		}
	}

	static String requireCurrency(String currency) {
		if (currency == null || !CURRENCY.matcher(currency).matches()) {
			throw new RuleViolation("stipend.currency.invalid", "currency");
		}
		return currency;
	}

	private static String required(String text, String field, int max) {
		if (text == null || text.isBlank()) {
			throw new RuleViolation("stipend.text.required", field);
		}
		return optional(text, field, max);
	}

	private static String optional(String text, String field) {
		return optional(text, field, 2000);
	}

	private static String optional(String text, String field, int max) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String stripped = text.strip();
		if (stripped.length() > max) {
			throw new RuleViolation("stipend.text.too-long", field, max);
		}
		return stripped;
	}

	static StipendEntry entry(ResultSet rs, int n) throws SQLException {
		return new StipendEntry(rs.getObject("id", UUID.class), rs.getObject("resident_id", UUID.class), rs.getLong("seq"),
				StipendKind.valueOf(rs.getString("kind")), rs.getLong("amount_cents"), rs.getString("currency"),
				rs.getLong("balance_after_cents"), rs.getString("source_type"), rs.getObject("source_id", UUID.class),
				rs.getString("consequence_ref"), rs.getObject("reverses", UUID.class),
				rs.getObject("reversed_by", UUID.class), rs.getString("reason"), rs.getString("recorded_by"),
				rs.getTimestamp("recorded_at").toInstant());
	}
}
