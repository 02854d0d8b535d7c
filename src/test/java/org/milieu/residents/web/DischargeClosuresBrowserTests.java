package org.milieu.residents.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.milieu.BrowserJourneys;
import org.milieu.identity.Accounts;
import org.milieu.identity.MilieuUser;
import org.milieu.levels.rounds.Frequency;
import org.milieu.levels.rounds.NewObservationOrder;
import org.milieu.levels.rounds.ObservationRounds;
import org.milieu.residents.Admissions;
import org.milieu.residents.Census;
import org.milieu.residents.DischargeType;
import org.milieu.residents.Discharges;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;
import org.milieu.residents.NewDischarge;
import org.milieu.shared.ProgramId;
import org.milieu.work.StipendLedger;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The director reads on a tablet what a discharge closed and pays the stipend balance out from
 * the discharged record, in real Chromium at 768 px; axe-core checks the record at WCAG 2.1 AA.
 */
class DischargeClosuresBrowserTests extends BrowserJourneys {

	@Override
	protected String windowSize() {
		return "768,1024";
	}

	@Autowired
	Accounts accounts;

	@Autowired
	Houses houses;

	@Autowired
	Admissions admissions;

	@Autowired
	Discharges discharges;

	@Autowired
	Census census;

	@Autowired
	ObservationRounds rounds;

	@Autowired
	StipendLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void theDirectorSeesWhatTheDischargeClosedAndPaysOutTheBalance(TestInfo test) {
		ProgramId program = new ProgramId(accounts.findByUsername("director").orElseThrow().programId());
		MilieuUser director = (MilieuUser) users.loadUserByUsername("director");
		UUID house = houses.found(program,
				new HouseDetails("Tablet " + UUID.randomUUID().toString().substring(0, 8), HouseKind.MIXED, null), 1).id();
		UUID resident = UUID.randomUUID();
		LocalDate today = census.day(program);
		admissions.admit(program, resident, new NewAdmission("Casey", "Tablet", null, LocalDate.of(1988, 8, 8),
				houses.beds(program, house).get(0).id(), today.minusDays(30)));
		rounds.order(director, resident, new NewObservationOrder(Frequency.EVERY_30, "Restless nights", null, null));
		ledger.bonus(director, resident, 800, "USD", "Painted the porch");
		discharges.discharge(program, resident, new NewDischarge(today, DischargeType.COMPLETED, null, null), "director");
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from levels_discharge_closure l "
				+ "join work_discharge_closure w using (stay_id) join government_discharge_closure g using (stay_id) "
				+ "where l.resident_id = ?").param(resident).query(Integer.class).single() == 1);
		journey(test, () -> {
			open("/login");
			signIn("director");
			open("/residents/" + resident);
			String closures = browser.findElement(By.id("discharge-closures")).getText();
			assertThat(closures).contains("What the discharge closed", "One observation order ended.",
					"Stipend balance still to be paid out: $8.00").doesNotContain("Still being closed");
			assertAccessible("discharged record with what was closed");
			assertFitsTheTablet("discharged record with what was closed");

			browser.findElement(By.cssSelector("#discharge-payout button[type=submit]")).click();
			wait.until(ExpectedConditions.urlContains("/work/stipends/receipts/"));
			open("/residents/" + resident);
			assertThat(browser.findElement(By.id("discharge-closures")).getText()).contains("nothing left to pay out");
			assertThat(browser.findElements(By.id("discharge-payout"))).isEmpty();
		});
	}
}
