package org.milieu.work;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.milieu.platform.DemoCommunity;
import org.milieu.platform.DemoContributor;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stipends of the demo community: an earning for each verified completion of the rosters
 * ({@link WorkCompletionDemoData}), a bonus, one earning reversed with its reason, and last week's
 * commissary payout batch (receipt 1) for the residents of the first house; incentive rules and a catalogue, a few
 * awards and one redemption. Written in the past, entry by entry with the balance after each, so
 * the ledgers read exactly as if the services had kept them. Uses a random source of its own.
 */
@Component
@Order(720)
class StipendDemoData implements DemoContributor {

	private static final long SEED = 20_261_127_720L;


	private final Census census;

	private final JdbcTemplate jdbc;

	StipendDemoData(Census census, JdbcTemplate jdbc) {
		this.census = census;
		this.jdbc = jdbc;
	}

	/** A resident's ledger as it is written: the next seq and the balance so far. */
	private static final class Ledger {

		long seq;

		long balance;

		UUID lastEarned;

		long lastEarnedCents;
	}

	@Override
	public void contribute(DemoCommunity community) {
		Random random = new Random(SEED);
		UUID program = community.program().id().value();
		ZoneId zone = community.program().timeZone();
		List<CensusEntry> residents = census.today(community.program().id());
		if (residents.isEmpty()) {
			return;
		}
		Map<UUID, Ledger> ledgers = new HashMap<>();
		List<Object[]> accounts = new ArrayList<>();
		List<Object[]> entries = new ArrayList<>();
		List<Object[]> settled = new ArrayList<>();
		LocalDate today = community.today();
		LocalDate lastMonday = today.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
			.minusWeeks(1);
		Instant opened = lastMonday.minusDays(1).atTime(9, 0).atZone(zone).toInstant();
		java.util.function.Function<UUID, Ledger> ledgerOf = resident -> ledgers.computeIfAbsent(resident, r -> {
			accounts.add(new Object[] { r, program, "USD", Timestamp.from(opened) });
			return new Ledger();
		});
		UUID firstHouse = residents.get(0).houseId();
		UUID batch = community.id("payout-batch", "commissary-last-week");
		long batchTotal = 0;
		int batchLines = 0;
		Instant bonusAt = lastMonday.plusDays(2).atTime(19, 0).atZone(zone).toInstant();
		Instant paidAt = lastMonday.plusDays(6).atTime(19, 0).atZone(zone).toInstant();
		Instant reverseAfter = lastMonday.plusDays(3).atTime(0, 0).atZone(zone).toInstant();
		boolean bonusDone = false;
		boolean paid = false;
		boolean reversed = false;
		UUID reversedResident = residents.get(Math.min(2, residents.size() - 1)).residentId();
		// the earnings are the verified completions of the rosters (WorkCompletionDemoData), in the order verified
		List<Object[]> earned = jdbc.query("""
				select c.id, a.resident_id, c.earned_cents, c.verified_at, j.name, c.occurs_on
				  from work_completion c join work_assignment a on a.id = c.assignment_id join work_job j on j.id = a.job_id
				 where c.program_id = ? and c.verified_at is not null and c.earned_cents > 0
				 order by c.verified_at, c.id""",
				(rs, n) -> new Object[] { rs.getObject("id", UUID.class), rs.getObject("resident_id", UUID.class),
						rs.getLong("earned_cents"), rs.getTimestamp("verified_at").toInstant(), rs.getString("name"),
						rs.getObject("occurs_on", LocalDate.class) },
				program);
		for (int k = 0; k <= earned.size(); k++) {
			Instant at = k < earned.size() ? (Instant) earned.get(k)[3] : Instant.MAX;
			if (!bonusDone && at.isAfter(bonusAt) && residents.size() > 1) {
				entries.add(entry(UUID.randomUUID(), program, residents.get(1).residentId(),
						ledgerOf.apply(residents.get(1).residentId()), "BONUS", 500, null, null, null,
						"Covered the kitchen shift of a peer who was ill", bonusAt));
				bonusDone = true;
			}
			if (!paid && at.isAfter(paidAt)) {
				for (CensusEntry resident : residents) {
					Ledger ledger = ledgers.get(resident.residentId());
					if (ledger == null || !resident.houseId().equals(firstHouse) || ledger.balance < 100) {
						continue;
					}
					long cents = Math.min(ledger.balance, 1_500);
					entries.add(entry(UUID.randomUUID(), program, resident.residentId(), ledger, "PAYOUT", -cents,
							StipendPayouts.SOURCE, batch, null, null, paidAt));
					batchTotal += cents;
					batchLines++;
				}
				paid = true;
			}
			if (k == earned.size()) {
				break;
			}
			Object[] e = earned.get(k);
			UUID resident = (UUID) e[1];
			Ledger ledger = ledgerOf.apply(resident);
			UUID id = UUID.randomUUID();
			entries.add(entry(id, program, resident, ledger, "EARNED", (long) e[2], StipendLedger.SOURCE_COMPLETION,
					(UUID) e[0], null, e[4] + " " + e[5], at));
			settled.add(new Object[] { id, e[0] });
			if (!reversed && resident.equals(reversedResident) && at.isAfter(reverseAfter)) {
				entries.add(entry(UUID.randomUUID(), program, resident, ledger, "REVERSAL", -(long) e[2], StipendLedger.SOURCE_COMPLETION,
						null, id, "Marked for the wrong day: another resident covered that shift", at.plusSeconds(3600)));
				reversed = true;
			}
		}
		jdbc.batchUpdate("insert into work_stipend_account (resident_id, program_id, currency, opened_at) values (?, ?, ?, ?)",
				accounts);
		if (batchLines > 0) {
			jdbc.update("""
					insert into work_payout_batch (id, program_id, method, receipt_number, total_cents, currency, line_count,
					                               paid_by, paid_at)
					values (?, ?, 'COMMISSARY', 1, ?, 'USD', ?, 'staff', ?)""", batch, program, batchTotal, batchLines,
					Timestamp.from(paidAt));
		}
		// entries in ledger order: a reversal after the entry it reverses
		jdbc.batchUpdate("""
				insert into work_stipend_entry (id, program_id, resident_id, seq, kind, amount_cents, currency,
				    balance_after_cents, source_type, source_id, consequence_ref, reverses, reason, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, 'USD', ?, ?, ?, null, ?, ?, ?, ?)""", entries);
		jdbc.batchUpdate("update work_completion set stipend_entry_id = ? where id = ?", settled);
		incentives(community, residents, random);
	}

	private static Object[] entry(UUID id, UUID program, UUID resident, Ledger ledger, String kind, long cents,
			String sourceType, UUID sourceId, UUID reverses, String reason, Instant at) {
		ledger.seq++;
		ledger.balance += cents;
		return new Object[] { id, program, resident, ledger.seq, kind, cents, ledger.balance, sourceType, sourceId, reverses,
				reason, kind.equals("EARNED") ? "staff" : kind.equals("PAYOUT") ? "staff" : "director", Timestamp.from(at) };
	}

	private void incentives(DemoCommunity community, List<CensusEntry> residents, Random random) {
		UUID program = community.program().id().value();
		ZoneId zone = community.program().timeZone();
		LocalDate today = community.today();
		Timestamp created = Timestamp.from(today.minusDays(30).atTime(9, 0).atZone(zone).toInstant());
		Object[][] rules = { { "Seven days of full attendance", "Every group and meeting attended for seven days in a row.", 50 },
				{ "Negative drug screen", "A negative screen, observed or not.", 30 },
				{ "Group assignment completed", "Homework from a group handed in on time.", 20 } };
		List<UUID> ruleIds = new ArrayList<>();
		for (Object[] rule : rules) {
			UUID id = community.id("incentive-rule", (String) rule[0]);
			ruleIds.add(id);
			jdbc.update("insert into work_incentive_rule (id, program_id, name, description, points, created_by, created_at) "
					+ "values (?, ?, ?, ?, ?, 'director', ?)", id, program, rule[0], rule[1], rule[2], created);
		}
		Object[][] items = { { "Snack pack for movie night", "ITEM", 40 }, { "Toiletries kit", "ITEM", 60 },
				{ "Bus pass for a week", "VOUCHER", 150 }, { "Grocery voucher", "VOUCHER", 200 } };
		List<UUID> itemIds = new ArrayList<>();
		for (Object[] item : items) {
			UUID id = community.id("incentive-item", (String) item[0]);
			itemIds.add(id);
			jdbc.update("insert into work_incentive_item (id, program_id, name, kind, points, created_by, created_at) "
					+ "values (?, ?, ?, ?, ?, 'director', ?)", id, program, item[0], item[1], item[2], created);
		}
		long pointValue = StipendSettings.DEFAULTS.pointValueCents();
		List<Object[]> accounts = new ArrayList<>();
		List<Object[]> entries = new ArrayList<>();
		for (int i = 0; i < Math.min(8, residents.size()); i++) {
			UUID resident = residents.get(i).residentId();
			accounts.add(new Object[] { resident, program, created });
			long seq = 0;
			long balance = 0;
			for (int back = 12; back >= 2; back -= 5) {
				int r = random.nextInt(ruleIds.size());
				int points = (int) rules[r][2];
				seq++;
				balance += points;
				entries.add(new Object[] { UUID.randomUUID(), program, resident, seq, "EARNED", points, points * pointValue,
						balance, ruleIds.get(r), null, null, "staff",
						Timestamp.from(today.minusDays(back).atTime(18, 0).atZone(zone).toInstant()) });
			}
			if (i == 0 && balance >= 40) {
				seq++;
				balance -= 40;
				entries.add(new Object[] { UUID.randomUUID(), program, resident, seq, "REDEEMED", -40, -40 * pointValue, balance,
						null, itemIds.get(0), "Picked up before movie night", "staff",
						Timestamp.from(today.minusDays(1).atTime(19, 0).atZone(zone).toInstant()) });
			}
		}
		jdbc.batchUpdate("insert into work_incentive_account (resident_id, program_id, opened_at) values (?, ?, ?)", accounts);
		jdbc.batchUpdate("""
				insert into work_incentive_entry (id, program_id, resident_id, seq, kind, points, value_cents,
				    balance_after_points, rule_id, item_id, note, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", entries);
	}
}
