package org.milieu.work;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Reach;
import org.milieu.identity.ResidentScope;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.residents.DischargedResident;
import org.milieu.residents.ResidentRecords;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payouts in batches (cash, card, commissary) with a receipt, and the staff's list of balances.
 * A batch is all or nothing: it is refused, naming the line ({@code payouts[i].amountCents}),
 * when any line is zero or negative, more than the resident's balance, more than the per-payout
 * cap, or would take the resident's payouts in the last seven days above the weekly cap. Each line
 * is a PAYOUT entry in the {@link StipendLedger}, written under the resident's lock; batches take
 * their receipt numbers one after the other under the program's settings lock.
 */
@Service
public class StipendPayouts {

	/** The {@code sourceType} of a payout entry: its source is the batch. */
	public static final String SOURCE = "PAYOUT_BATCH";

	/** How far back the weekly cap looks. */
	public static final Duration WEEK = Duration.ofDays(7);

	private static final int MAX_LINES = 500;

	private final JdbcClient jdbc;

	private final StipendLedger ledger;

	private final StipendSettingsStore settings;

	private final AccessPolicy policy;

	private final Census census;

	private final ResidentRecords records;

	private final Clock clock;

	StipendPayouts(JdbcClient jdbc, StipendLedger ledger, StipendSettingsStore settings, AccessPolicy policy, Census census,
			ResidentRecords records, Clock clock) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.settings = settings;
		this.policy = policy;
		this.census = census;
		this.records = records;
		this.clock = clock;
	}

	/** Pays out a batch, or refuses all of it; see the class comment. Staff of each resident's house or the director. */
	@Transactional
	public PayoutBatch payOut(MilieuUser user, PayoutMethod method, List<NewPayout> payouts) {
		ProgramId program = user.programId();
		if (method == null) {
			throw new RuleViolation("payout.method.required", "method");
		}
		if (payouts == null || payouts.isEmpty()) {
			throw new RuleViolation("payout.lines.required", "payouts");
		}
		if (payouts.size() > MAX_LINES) {
			throw new RuleViolation("payout.lines.too-many", "payouts", MAX_LINES);
		}
		StipendSettings rules = settings.lock(program, user.getUsername());
		UUID batch = UUID.randomUUID();
		Set<UUID> seen = new HashSet<>();
		for (int i = 0; i < payouts.size(); i++) {
			NewPayout line = payouts.get(i);
			String field = "payouts[" + i + "]";
			if (line == null || line.residentId() == null) {
				throw new RuleViolation("stipend.resident.required", field + ".residentId");
			}
			if (!seen.add(line.residentId())) {
				throw new RuleViolation("payout.resident.twice", field + ".residentId");
			}
			if (line.amountCents() <= 0) {
				throw new RuleViolation("stipend.amount.positive", field + ".amountCents");
			}
			if (line.amountCents() > rules.payoutCapCents()) {
				throw new RuleViolation("payout.cap.payout", field + ".amountCents", rules.payoutCapCents());
			}
			ResidentScope scope;
			try {
				scope = ledger.scope(program, line.residentId());
			}
			catch (RecordNotFound e) {
				throw new RuleViolation("payout.resident.unknown", field + ".residentId");
			}
			policy.enforce(user, AuditAction.CREATE, DataCategory.WORK_AND_STIPENDS, scope, "PayoutBatch", batch);
		}
		// lock the residents' ledgers in one order, so two batches never wait on each other
		List<UUID> order = payouts.stream().map(NewPayout::residentId).sorted(Comparator.comparing(UUID::toString)).toList();
		Map<UUID, String> currencies = new HashMap<>();
		for (UUID resident : order) {
			currencies.put(resident, heldCurrency(program, resident, rules.currency()));
		}
		Instant now = clock.instant();
		for (int i = 0; i < payouts.size(); i++) {
			NewPayout line = payouts.get(i);
			String field = "payouts[" + i + "].amountCents";
			if (!currencies.get(line.residentId()).equals(rules.currency())) {
				throw new RuleViolation("stipend.currency.other", "payouts[" + i + "].residentId",
						currencies.get(line.residentId()));
			}
			long balance = ledger.balance(line.residentId());
			if (line.amountCents() > balance) {
				throw new RuleViolation("stipend.balance.short", field, balance);
			}
			long week = paidSince(line.residentId(), now.minus(WEEK));
			if (week + line.amountCents() > rules.weeklyCapCents()) {
				throw new RuleViolation("payout.cap.weekly", field, rules.weeklyCapCents(), week);
			}
		}
		long total = payouts.stream().mapToLong(NewPayout::amountCents).sum();
		long receipt = jdbc.sql("select coalesce(max(receipt_number), 0) + 1 from work_payout_batch where program_id = ?")
			.param(program.value()).query(Long.class).single();
		jdbc.sql("""
				insert into work_payout_batch (id, program_id, method, receipt_number, total_cents, currency, line_count,
				                               paid_by, paid_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(batch, program.value(), method.name(), receipt, total, rules.currency(), payouts.size(),
					user.getUsername(), Timestamp.from(now))
			.update();
		for (NewPayout line : payouts) {
			ledger.append(user, line.residentId(), StipendKind.PAYOUT, -line.amountCents(), rules.currency(), SOURCE, batch,
					null, null, null);
		}
		return receipt(user, batch);
	}

	/** A batch as its printable receipt, with the lines of the residents the reader may see (each audited). */
	@Transactional
	public PayoutBatch receipt(MilieuUser user, UUID batchId) {
		Reach reach = policy.enforceListing(user, DataCategory.WORK_AND_STIPENDS, "PayoutBatch");
		PayoutBatch batch = jdbc.sql("select id, method, receipt_number, total_cents, currency, line_count, paid_by, paid_at "
				+ "from work_payout_batch where id = ? and program_id = ?").params(batchId, user.programId().value())
			.query((rs, n) -> new PayoutBatch(rs.getObject("id", UUID.class), PayoutMethod.valueOf(rs.getString("method")),
					rs.getLong("receipt_number"), rs.getLong("total_cents"), rs.getString("currency"), rs.getInt("line_count"),
					rs.getString("paid_by"), rs.getTimestamp("paid_at").toInstant(), List.of()))
			.optional().orElseThrow(() -> new RecordNotFound("PayoutBatch", batchId));
		Map<UUID, Where> where = whereabouts(user.programId());
		List<PayoutBatch.Line> lines = new ArrayList<>();
		List<ResidentScope> shown = new ArrayList<>();
		jdbc.sql("select e.id, e.resident_id, e.amount_cents, e.balance_after_cents, "
				+ "exists (select 1 from work_stipend_entry r where r.reverses = e.id) as reversed "
				+ "from work_stipend_entry e where e.source_type = ? and e.source_id = ? and e.kind = 'PAYOUT'")
			.params(SOURCE, batchId).query((rs, n) -> {
				UUID resident = rs.getObject("resident_id", UUID.class);
				Where w = where.getOrDefault(resident, new Where("?", null));
				if (reach.includes(resident, w.house())) {
					shown.add(new ResidentScope(resident, w.house()));
					lines.add(new PayoutBatch.Line(rs.getObject("id", UUID.class), resident, w.name(),
							-rs.getLong("amount_cents"), rs.getLong("balance_after_cents"), rs.getBoolean("reversed")));
				}
				return resident;
			}).list();
		policy.recordListed(user, DataCategory.WORK_AND_STIPENDS, "PayoutBatch", reach, shown);
		lines.sort(Comparator.comparing(PayoutBatch.Line::residentName));
		return new PayoutBatch(batch.id(), batch.method(), batch.receiptNumber(), batch.totalCents(), batch.currency(),
				batch.lineCount(), batch.paidBy(), batch.paidAt(), List.copyOf(lines));
	}

	/** The program's latest batches, newest first, without their lines (staff roles only). */
	@Transactional
	public List<PayoutBatch> batches(MilieuUser user, int limit) {
		policy.enforceListing(user, DataCategory.WORK_AND_STIPENDS, "PayoutBatch");
		return jdbc.sql("select id, method, receipt_number, total_cents, currency, line_count, paid_by, paid_at "
				+ "from work_payout_batch where program_id = ? order by paid_at desc, receipt_number desc limit ?")
			.params(user.programId().value(), Math.max(1, Math.min(limit, 200)))
			.query((rs, n) -> batch(rs))
			.list();
	}

	/** A batch without its lines, from a row of {@code work_payout_batch}. */
	static PayoutBatch batch(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new PayoutBatch(rs.getObject("id", UUID.class), PayoutMethod.valueOf(rs.getString("method")),
				rs.getLong("receipt_number"), rs.getLong("total_cents"), rs.getString("currency"), rs.getInt("line_count"),
				rs.getString("paid_by"), rs.getTimestamp("paid_at").toInstant(), List.of());
	}

	/**
	 * The balances of today's residents the reader may see (staff: their houses; the director:
	 * everyone), in census order; each resident shown is audited.
	 */
	@Transactional
	public List<StipendBalance> balances(MilieuUser user) {
		Reach reach = policy.enforceListing(user, DataCategory.WORK_AND_STIPENDS, "StipendBalances");
		List<CensusEntry> visible = census.today(user.programId()).stream()
			.filter(e -> reach.includes(e.residentId(), e.houseId())).toList();
		policy.recordListed(user, DataCategory.WORK_AND_STIPENDS, "StipendBalances", reach,
				visible.stream().map(e -> new ResidentScope(e.residentId(), e.houseId())).toList());
		Map<UUID, long[]> balances = new HashMap<>();
		Map<UUID, String> currencies = new HashMap<>();
		if (!visible.isEmpty()) {
			UUID[] ids = visible.stream().map(CensusEntry::residentId).toArray(UUID[]::new);
			jdbc.sql("select a.resident_id, a.currency, coalesce((select e.balance_after_cents from work_stipend_entry e "
					+ "where e.resident_id = a.resident_id order by e.seq desc limit 1), 0) as balance "
					+ "from work_stipend_account a where a.resident_id = any(?)")
				.param(ids).query((rs, n) -> {
					UUID id = rs.getObject(1, UUID.class);
					currencies.put(id, rs.getString(2));
					balances.put(id, new long[] { rs.getLong(3) });
					return id;
				}).list();
		}
		String fallback = settings.of(user.programId()).currency();
		return visible.stream().map(e -> new StipendBalance(e.residentId(), e.displayName(), e.houseId(), e.houseName(),
				balances.getOrDefault(e.residentId(), new long[] { 0 })[0],
				currencies.getOrDefault(e.residentId(), fallback))).toList();
	}

	/** What the resident was paid out since then, reversed payouts not counted. */
	long paidSince(UUID residentId, Instant since) {
		return jdbc.sql("select coalesce(-sum(amount_cents), 0) from work_stipend_entry where resident_id = ? "
				+ "and source_type = ? and recorded_at > ?")
			.params(residentId, SOURCE, Timestamp.from(since)).query(Long.class).single();
	}

	private String heldCurrency(ProgramId program, UUID resident, String currency) {
		String held = jdbc.sql("select currency from work_stipend_account where resident_id = ? and program_id = ?")
			.params(resident, program.value()).query(String.class).optional().orElse(currency);
		return ledger.lock(program, resident, held);
	}

	private record Where(String name, UUID house) {
	}

	private Map<UUID, Where> whereabouts(ProgramId program) {
		Map<UUID, Where> where = new HashMap<>();
		for (DischargedResident d : records.discharged(program)) {
			where.put(d.residentId(), new Where((d.preferredName() != null ? d.preferredName() : d.givenName()) + " "
					+ d.familyName(), d.houseId()));
		}
		for (CensusEntry e : census.today(program)) {
			where.put(e.residentId(), new Where(e.displayName(), e.houseId()));
		}
		return where;
	}
}
