package org.milieu.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.Accounts;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.residents.Admissions;
import org.milieu.residents.Houses;
import org.milieu.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The stipend ledger as other parts call it: entries, their rules and refusals, the lock and the balance invariant. */
@MilieuWebTest
class StipendLedgerTests {

	@Autowired
	StipendLedger ledger;

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

	/** A new house with two residents, a staff member and a clinician who work there. */
	record Setup(UUID house, UUID first, UUID second, MilieuUser staff, MilieuUser clinician) {
	}

	Setup setup() {
		LedgerHouse h = LedgerHouse.create(signIns, houses, admissions, accounts, care, 2);
		return new Setup(h.house(), h.first(), h.second(), h.staff(), h.clinician());
	}

	long sum(UUID resident) {
		return jdbc.sql("select coalesce(sum(amount_cents), 0) from work_stipend_entry where resident_id = ?").param(resident)
			.query(Long.class).single();
	}

	static Consumer<Throwable> field(String field) {
		return e -> assertThat(((RuleViolation) e).field()).isEqualTo(field);
	}

	@Test
	void earningsBonusesDeductionsAndReversalsKeepTheBalanceTheSumOfTheEntries() {
		Setup s = setup();
		StipendEntry earned = ledger.earn(s.staff(), s.first(), 1200, "USD", "COMPLETION", UUID.randomUUID(), "Kitchen");
		assertThat(earned.kind()).isEqualTo(StipendKind.EARNED);
		assertThat(earned.seq()).isEqualTo(1);
		assertThat(earned.balanceAfterCents()).isEqualTo(1200);
		ledger.bonus(s.staff(), s.first(), 300, "USD", "Covered an extra shift");
		StipendEntry deduction = ledger.deduction(s.clinician(), s.first(), 500, "USD", "Broke the TV", "consequence-17");
		assertThat(deduction.amountCents()).isEqualTo(-500);
		assertThat(deduction.consequenceRef()).isEqualTo("consequence-17");
		StipendEntry reversal = ledger.reverse(s.staff(), deduction.id(), "Consequence overturned on appeal");
		assertThat(reversal.amountCents()).isEqualTo(500);
		assertThat(reversal.reverses()).isEqualTo(deduction.id());
		StipendStatement statement = ledger.statement(s.staff(), s.first(), null, 50);
		assertThat(statement.balanceCents()).isEqualTo(1500).isEqualTo(sum(s.first()));
		assertThat(statement.currency()).isEqualTo("USD");
		assertThat(statement.entries()).extracting(StipendEntry::seq).containsExactly(4L, 3L, 2L, 1L);
		assertThat(statement.entries().get(1).reversedBy()).isEqualTo(reversal.id());
		assertThat(statement.entries().get(1).reversible()).isFalse();
		assertThat(statement.nextBefore()).isNull();
		StipendStatement page = ledger.statement(s.staff(), s.first(), null, 3);
		assertThat(page.entries()).extracting(StipendEntry::seq).containsExactly(4L, 3L, 2L);
		assertThat(ledger.statement(s.staff(), s.first(), page.nextBefore(), 3).entries()).extracting(StipendEntry::seq)
			.containsExactly(1L);
		assertThat(jdbc.sql("select count(*) from audit_record where resident_id = ? and 'WORK_AND_STIPENDS' = any(categories)")
			.param(s.first()).query(Integer.class).single()).isGreaterThanOrEqualTo(6);
	}

	@Test
	void aResidentWithNoEntriesHasABalanceOfZero() {
		Setup s = setup();
		StipendStatement statement = ledger.statement(s.staff(), s.second(), null, 20);
		assertThat(statement.balanceCents()).isZero();
		assertThat(statement.entries()).isEmpty();
	}

	@Test
	void anEarningIsRecordedOncePerSource() {
		Setup s = setup();
		UUID completion = UUID.randomUUID();
		StipendEntry first = ledger.earn(s.staff(), s.first(), 800, "USD", "COMPLETION", completion, null);
		assertThat(ledger.earn(s.staff(), s.first(), 800, "USD", "COMPLETION", completion, null).id()).isEqualTo(first.id());
		assertThatThrownBy(() -> ledger.earn(s.staff(), s.first(), 900, "USD", "COMPLETION", completion, null))
			.isInstanceOf(RuleViolation.class).satisfies(field("sourceId"));
		// a crew: the same completion earns for each member
		ledger.earn(s.staff(), s.second(), 800, "USD", "COMPLETION", completion, null);
		assertThat(sum(s.first())).isEqualTo(800);
		assertThat(sum(s.second())).isEqualTo(800);
	}

	@Test
	void badAmountsAndCurrenciesAreRefusedAndChangeNothing() {
		Setup s = setup();
		assertThatThrownBy(() -> ledger.earn(s.staff(), s.first(), 0, "USD", "COMPLETION", UUID.randomUUID(), null))
			.isInstanceOf(RuleViolation.class).satisfies(field("amountCents"));
		assertThatThrownBy(() -> ledger.bonus(s.staff(), s.first(), -5, "USD", "Why not"))
			.isInstanceOf(RuleViolation.class).satisfies(field("amountCents"));
		assertThatThrownBy(() -> ledger.bonus(s.staff(), s.first(), 5, "usd", "Why not"))
			.isInstanceOf(RuleViolation.class).satisfies(field("currency"));
		assertThatThrownBy(() -> ledger.bonus(s.staff(), s.first(), 5, "USD", " "))
			.isInstanceOf(RuleViolation.class).satisfies(field("reason"));
		ledger.bonus(s.staff(), s.first(), 5, "USD", "Tidy room");
		assertThatThrownBy(() -> ledger.bonus(s.staff(), s.first(), 5, "EUR", "Tidy room"))
			.isInstanceOf(RuleViolation.class).satisfies(field("currency"));
		assertThat(sum(s.first())).isEqualTo(5);
	}

	@Test
	void aDeductionNeedsAnApprovedConsequenceAndNeverTakesMoreThanTheBalance() {
		Setup s = setup();
		ledger.earn(s.staff(), s.first(), 1000, "USD", "COMPLETION", UUID.randomUUID(), null);
		assertThatThrownBy(() -> ledger.deduction(s.staff(), s.first(), 100, "USD", "Late", "c-1"))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> ledger.deduction(s.clinician(), s.first(), 100, "USD", null, "c-1"))
			.isInstanceOf(RuleViolation.class).satisfies(field("reason"));
		assertThatThrownBy(() -> ledger.deduction(s.clinician(), s.first(), 100, "USD", "Late", ""))
			.isInstanceOf(RuleViolation.class).satisfies(field("consequenceRef"));
		assertThatThrownBy(() -> ledger.deduction(s.clinician(), s.first(), 1001, "USD", "Late", "c-1"))
			.isInstanceOf(RuleViolation.class).satisfies(field("amountCents"));
		assertThatThrownBy(() -> ledger.deduction(signIns.user("clinician2"), s.first(), 100, "USD", "Late", "c-1"))
			.isInstanceOf(AccessDeniedException.class);
		ledger.deduction(signIns.user("director"), s.first(), 1000, "USD", "Damage", "c-2");
		assertThat(sum(s.first())).isZero();
	}

	@Test
	void aReversalIsNeverReversedNorAnEntryReversedTwiceNorTheBalanceTakenBelowZero() {
		Setup s = setup();
		StipendEntry earned = ledger.earn(s.staff(), s.first(), 700, "USD", "COMPLETION", UUID.randomUUID(), null);
		StipendEntry reversal = ledger.reverse(s.staff(), earned.id(), "Verified by mistake");
		assertThatThrownBy(() -> ledger.reverse(s.staff(), reversal.id(), "Undo"))
			.isInstanceOf(RuleViolation.class).satisfies(field("id"));
		assertThatThrownBy(() -> ledger.reverse(s.staff(), earned.id(), "Again"))
			.isInstanceOf(RuleViolation.class).satisfies(field("id"));
		StipendEntry bonus = ledger.bonus(s.staff(), s.first(), 400, "USD", "Helped a peer");
		ledger.deduction(s.clinician(), s.first(), 300, "USD", "Damage", "c-3");
		assertThatThrownBy(() -> ledger.reverse(s.staff(), bonus.id(), "Not deserved"))
			.isInstanceOf(RuleViolation.class).satisfies(field("id"));
		assertThatThrownBy(() -> ledger.reverse(s.staff(), bonus.id(), " "))
			.isInstanceOf(RuleViolation.class).satisfies(field("reason"));
		assertThat(sum(s.first())).isEqualTo(100);
		assertThat(ledger.statement(s.staff(), s.first(), null, 10).balanceCents()).isEqualTo(100);
	}

	@Test
	void staffOfAnotherHouseAndOtherResidentsMayNeitherWriteNorRead() {
		Setup s = setup();
		assertThatThrownBy(() -> ledger.bonus(signIns.user("staff"), s.first(), 100, "USD", "Nice"))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> ledger.statement(signIns.user("staff"), s.first(), null, 10))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> ledger.statement(signIns.user("resident01"), s.first(), null, 10))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> ledger.bonus(s.clinician(), s.first(), 100, "USD", "Nice"))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(ledger.statement(s.clinician(), s.first(), null, 10).balanceCents()).isZero();
	}

	@Test
	void theDatabaseRefusesToChangeOrDeleteAnEntry() {
		Setup s = setup();
		StipendEntry earned = ledger.earn(s.staff(), s.first(), 700, "USD", "COMPLETION", UUID.randomUUID(), null);
		assertThatThrownBy(() -> jdbc.sql("update work_stipend_entry set amount_cents = 7000 where id = ?")
			.param(earned.id()).update()).isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.sql("delete from work_stipend_entry where id = ?").param(earned.id()).update())
			.isInstanceOf(DataAccessException.class);
		assertThat(sum(s.first())).isEqualTo(700);
	}
}
