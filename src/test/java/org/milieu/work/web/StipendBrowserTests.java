package org.milieu.work.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.milieu.BrowserJourneys;
import org.milieu.identity.Accounts;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.milieu.residents.Admissions;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;
import org.milieu.shared.ProgramId;
import org.milieu.work.StipendLedger;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Stipends in real Chromium at tablet size: staff of a house pay out a commissary batch and open
 * its receipt, read a resident's statement and the incentives page; a resident reads their own
 * statement. axe-core checks every page at WCAG 2.1 AA.
 */
class StipendBrowserTests extends BrowserJourneys {

	private static final String PASSWORD = "ledger coin jar 7 maple";

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
	CareRelationships care;

	@Autowired
	StipendLedger ledger;

	@Autowired
	UserDetailsService users;

	@Test
	void staffPayOutABatchAndOpenItsReceiptAndAResidentReadsTheirStatement(TestInfo test) {
		ProgramId program = new ProgramId(accounts.findByUsername("director").orElseThrow().programId());
		String unique = UUID.randomUUID().toString().substring(0, 8);
		UUID house = houses.found(program, new HouseDetails("Cedar " + unique, HouseKind.MIXED, null), 2).id();
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		admissions.admit(program, first, new NewAdmission("Nora", "Quist", null, LocalDate.of(1991, 4, 4),
				houses.beds(program, house).get(0).id(), LocalDate.of(2026, 9, 1)));
		admissions.admit(program, second, new NewAdmission("Paul", "Renner", null, LocalDate.of(1987, 7, 7),
				houses.beds(program, house).get(1).id(), LocalDate.of(2026, 9, 1)));
		String staff = "stipend-staff-" + unique;
		care.assignHouses(accounts.open(new NewAccount(program, staff, "Kim Sato", PASSWORD, Set.of(Role.STAFF), null))
			.id(), List.of(house));
		MilieuUser director = directorUser();
		ledger.earn(director, first, 1_250, "USD", "COMPLETION", UUID.randomUUID(), "Kitchen crew");
		ledger.earn(director, second, 800, "USD", "COMPLETION", UUID.randomUUID(), "Laundry");

		journey(test, () -> {
			open("/login");
			signIn(staff, PASSWORD);
			open("/work/stipends");
			assertThat(heading()).isEqualTo("Stipends");
			assertAccessible("the stipends page");
			assertFitsTheTablet("the stipends page");

			browser.findElement(By.id("amount-" + first)).sendKeys("10.00");
			new Select(browser.findElement(By.id("method"))).selectByVisibleText("Commissary");
			browser.findElement(By.cssSelector("#payout-form button[type=submit]")).click();
			wait.until(ExpectedConditions.urlContains("/work/stipends/receipts/"));
			assertThat(heading()).startsWith("Payout receipt No. ");
			assertThat(browser.findElement(By.id("receipt-total")).getText()).isEqualTo("$10.00");
			assertThat(browser.findElement(By.id("receipt-lines")).getText()).contains("Nora Quist").doesNotContain("Paul");
			assertAccessible("a payout receipt");
			assertFitsTheTablet("a payout receipt");
			assertThat(ledger.balanceOf(first)).isEqualTo(250);

			// more than the balance: refused, nothing paid, the field marked
			open("/work/stipends");
			browser.findElement(By.id("amount-" + second)).sendKeys("9");
			browser.findElement(By.cssSelector("#payout-form button[type=submit]")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("payout-problem")));
			assertThat(browser.findElement(By.id("amount-" + second)).getAttribute("aria-invalid")).isEqualTo("true");
			assertAccessible("the stipends page with a refused batch");
			assertThat(ledger.balanceOf(second)).isEqualTo(800);

			clickToNewPage(browser.findElement(By.linkText("Nora Quist")));
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("stipend-balance")));
			assertThat(browser.findElement(By.id("stipend-balance")).getText()).isEqualTo("Balance: $2.50");
			assertAccessible("a resident's statement for staff");
			assertFitsTheTablet("a resident's statement for staff");

			open("/work/incentives?resident=" + first);
			assertAccessible("the incentives page");
			assertFitsTheTablet("the incentives page");
			browser.findElement(By.cssSelector("#award-form button[type=submit]")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "awarded"));

			browser.manage().deleteAllCookies();
			open("/login");
			signIn("resident01");
			open("/me/stipend");
			assertThat(heading()).isEqualTo("My stipend");
			assertThat(browser.findElement(By.id("stipend-balance")).getText()).startsWith("Balance: $");
			assertAccessible("the resident's own stipend page");
			assertFitsTheTablet("the resident's own stipend page");
		});
	}

	private MilieuUser directorUser() {
		return (MilieuUser) users.loadUserByUsername("director");
	}
}
