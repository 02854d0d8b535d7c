package org.milieu.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.Accounts;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.DemoSignIns;
import org.milieu.residents.Admissions;
import org.milieu.residents.Houses;
import org.milieu.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Earnings, deductions and payouts on the same residents from parallel threads: the balance never
 * drops below zero, always equals the sum of the entries, and nothing is lost.
 */
@MilieuWebTest
class StipendConcurrencyTests {

	@Autowired
	StipendLedger ledger;

	@Autowired
	StipendPayouts payouts;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	Houses houses;

	@Autowired
	Admissions admissions;

	@Autowired
	Accounts accounts;

	@Autowired
	CareRelationships care;

	@Autowired
	JdbcClient jdbc;

	@Test
	void parallelEarningsDeductionsAndPayoutsKeepTheInvariant() throws Exception {
		LedgerHouse h = LedgerHouse.create(signIns, houses, admissions, accounts, care, 2);
		int earners = 3;
		int payers = 3;
		int rounds = 20;
		ExecutorService pool = Executors.newFixedThreadPool(earners + payers + 1);
		CountDownLatch start = new CountDownLatch(1);
		AtomicInteger paid = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		AtomicInteger deducted = new AtomicInteger();
		ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
		List<Future<?>> jobs = new ArrayList<>();
		for (int t = 0; t < earners; t++) {
			jobs.add(pool.submit(() -> {
				await(start);
				for (int i = 0; i < rounds; i++) {
					try {
						ledger.earn(h.staff(), h.first(), 100, "USD", "COMPLETION", UUID.randomUUID(), null);
						ledger.earn(h.staff(), h.second(), 100, "USD", "COMPLETION", UUID.randomUUID(), null);
					}
					catch (Throwable e) {
						unexpected.add(e);
					}
				}
			}));
		}
		for (int t = 0; t < payers; t++) {
			jobs.add(pool.submit(() -> {
				await(start);
				for (int i = 0; i < rounds; i++) {
					try {
						// both residents in one batch, in both orders across threads: all or nothing, and no deadlock
						List<NewPayout> lines = i % 2 == 0
								? List.of(new NewPayout(h.first(), 150), new NewPayout(h.second(), 50))
								: List.of(new NewPayout(h.second(), 50), new NewPayout(h.first(), 150));
						payouts.payOut(h.staff(), PayoutMethod.CASH, lines);
						paid.incrementAndGet();
					}
					catch (RuleViolation e) {
						refused.incrementAndGet();
					}
					catch (Throwable e) {
						unexpected.add(e);
					}
				}
			}));
		}
		jobs.add(pool.submit(() -> {
			await(start);
			for (int i = 0; i < rounds; i++) {
				try {
					ledger.deduction(h.clinician(), h.first(), 30, "USD", "Damage", "c-" + i);
					deducted.incrementAndGet();
				}
				catch (RuleViolation e) {
					// the balance was short at that moment
				}
				catch (Throwable e) {
					unexpected.add(e);
				}
			}
		}));
		start.countDown();
		for (Future<?> job : jobs) {
			job.get(2, TimeUnit.MINUTES);
		}
		pool.shutdown();
		assertThat(unexpected).isEmpty();
		assertThat(paid.get() + refused.get()).isEqualTo(payers * rounds);
		assertThat(paid.get()).isPositive();
		for (UUID resident : h.residents()) {
			long sum = jdbc.sql("select sum(amount_cents) from work_stipend_entry where resident_id = ?").param(resident)
				.query(Long.class).single();
			assertThat(ledger.balanceOf(resident)).isEqualTo(sum).isGreaterThanOrEqualTo(0);
			assertThat(jdbc.sql("select count(*) from work_stipend_entry where resident_id = ? and kind = 'EARNED'")
				.param(resident).query(Long.class).single()).isEqualTo(earners * rounds);
			// every balance after is the running sum, in seq order, with no gap
			List<long[]> rows = jdbc.sql("select seq, amount_cents, balance_after_cents from work_stipend_entry "
					+ "where resident_id = ? order by seq").param(resident)
				.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).list();
			long running = 0;
			for (int i = 0; i < rows.size(); i++) {
				running += rows.get(i)[1];
				assertThat(rows.get(i)[0]).isEqualTo(i + 1);
				assertThat(rows.get(i)[2]).isEqualTo(running).isGreaterThanOrEqualTo(0);
			}
		}
		long payoutsFirst = -jdbc.sql("select coalesce(sum(amount_cents), 0) from work_stipend_entry where resident_id = ? "
				+ "and kind = 'PAYOUT'").param(h.first()).query(Long.class).single();
		assertThat(payoutsFirst).isEqualTo(150L * paid.get());
		assertThat(ledger.balanceOf(h.first())).isEqualTo(100L * earners * rounds - 150L * paid.get() - 30L * deducted.get());
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
