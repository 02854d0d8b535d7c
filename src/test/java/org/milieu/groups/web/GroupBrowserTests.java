package org.milieu.groups.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.milieu.BrowserJourneys;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A house's small groups in real Chromium at tablet width, in English and in Spanish: staff open them
 * from the houses, have a grouping proposed, move a resident, see a refused setting, and approve.
 * axe-core checks every screen at WCAG 2.1 AA.
 */
class GroupBrowserTests extends BrowserJourneys {

	@Override
	protected String windowSize() {
		return "768,1024";
	}

	@Test
	void staffProposeAdjustAndApproveTheirHousesSmallGroups(TestInfo test) {
		journey(test, () -> {
			open("/login");
			signIn("staff");
			open("/houses");
			browser.findElement(By.cssSelector("a[aria-label='Small groups of Bayview House']")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("proposal-heading")));
			assertThat(heading()).isEqualTo("Small groups of Bayview House");
			assertAccessible("the small groups before a proposal");

			browser.findElement(By.id("propose")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("proposal-moves")));
			assertThat(browser.findElement(By.id("groups-notice")).getText()).isEqualTo("A new grouping is proposed.");
			assertThat(browser.findElement(By.id("proposal-heading")).getText()).startsWith("Proposal for the week of");
			List<WebElement> groups = browser.findElements(By.cssSelector("#proposal .group-card"));
			assertThat(groups).isNotEmpty();
			assertThat(groups.get(0).getText()).contains("Group A", "Structured");
			assertAccessible("the proposal");
			assertFitsTheTablet("the proposal");

			if (groups.size() > 1) {
				WebElement firstMove = browser.findElement(By.cssSelector("#proposal-group-A select[name='groupId']"));
				new Select(firstMove).selectByVisibleText("Group B");
				firstMove.findElement(By.xpath("./following-sibling::button")).click();
				wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("groups-notice"), "The resident is moved."));
				assertThat(browser.findElement(By.id("proposal-group-B")).getText()).contains("Moved to group B by hand by");
			}

			browser.findElement(By.id("maxSize")).clear();
			browser.findElement(By.id("maxSize")).sendKeys("99");
			browser.findElement(By.id("save-settings")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("groups-error")));
			assertThat(browser.findElement(By.id("groups-error")).getText()).isEqualTo("Give a size from 2 to 30.");
			assertThat(browser.findElement(By.id("maxSize")).getAttribute("aria-invalid")).isEqualTo("true");
			assertAccessible("a refused setting");

			clickToNewPage(browser.findElement(By.id("approve")));
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("in-force-approval")));
			assertThat(browser.findElement(By.id("groups-notice")).getText()).isEqualTo("The grouping is approved.");
			assertThat(browser.findElement(By.id("in-force-approval")).getText()).startsWith("Approved by");
			assertThat(browser.findElement(By.id("history")).getText()).contains("approved by");
			assertAccessible("the approved grouping");
			assertFitsTheTablet("the approved grouping");

			open(browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "").replaceFirst("#.*$", "") + "?lang=es");
			assertThat(heading()).isEqualTo("Grupos pequeños de Bayview House");
			assertThat(browser.findElement(By.id("in-force-approval")).getText()).startsWith("Aprobada por");
			assertThat(browser.findElement(By.id("settings-heading")).getText()).isEqualTo("Ajustes");
			assertAccessible("the small groups in Spanish");
			assertFitsTheTablet("the small groups in Spanish");
		});
	}
}
