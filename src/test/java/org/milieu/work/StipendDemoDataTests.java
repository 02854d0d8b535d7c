package org.milieu.work;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo's ledgers read as if the services had kept them. */
@MilieuWebTest
class StipendDemoDataTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyDemoLedgerIsTheRunningSumOfItsEntriesWithOneCommissaryBatch() {
		// for every resident the demo and the other tests' demo users wrote to: the entries numbered
		// 1..n, and each balance after the running sum
		long broken = jdbc.sql("""
				select count(*) from (
				  select seq, row_number() over w as n, balance_after_cents, sum(amount_cents) over w as running
				    from work_stipend_entry where resident_id not in
				         (select resident_id from work_stipend_entry where recorded_by not in ('staff', 'director'))
				  window w as (partition by resident_id order by seq)) x
				 where seq <> n or balance_after_cents <> running""").query(Long.class).single();
		assertThat(broken).isZero();
		assertThat(jdbc.sql("select count(distinct resident_id) from work_stipend_entry where kind = 'EARNED'")
			.query(Long.class).single()).isGreaterThanOrEqualTo(20);
		assertThat(jdbc.sql("select count(*) from work_stipend_entry where kind = 'BONUS' and recorded_by = 'director'")
			.query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("select count(*) from work_stipend_entry e join work_stipend_entry o on o.id = e.reverses "
				+ "where e.reason = 'Marked for the wrong day: another resident covered that shift'").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("""
				select b.total_cents = -(select sum(e.amount_cents) from work_stipend_entry e
				                          where e.source_type = 'PAYOUT_BATCH' and e.source_id = b.id and e.kind = 'PAYOUT')
				  from work_payout_batch b where b.receipt_number = 1 and b.method = 'COMMISSARY'""")
			.query(Boolean.class).single()).isTrue();
		assertThat(jdbc.sql("select count(*) from work_incentive_entry where kind = 'REDEEMED'").query(Long.class).single())
			.isGreaterThanOrEqualTo(1);
	}
}
