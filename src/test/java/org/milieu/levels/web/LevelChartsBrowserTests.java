package org.milieu.levels.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.milieu.BrowserJourneys;
import org.milieu.identity.Accounts;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The level charts in real Chromium at tablet size: a staff member opens a resident's timeline
 * from the record's level tab, then the level board with its per-house distribution. Each chart is
 * drawn by Chart.js under the content security policy; axe-core checks each page at WCAG 2.1 AA.
 */
class LevelChartsBrowserTests extends BrowserJourneys {

	@Override
	protected String windowSize() {
		return "768,1024";
	}

	@Autowired
	Accounts accounts;

	@Test
	void staffReadATimelineAndTheDistributionOfLevelsByHouse(TestInfo test) {
		UUID resident = accounts.findByUsername("resident01").orElseThrow().residentId();
		journey(test, () -> {
			open("/login");
			signIn("staff");
			open("/residents/" + resident + "?tab=level");
			browser.findElement(By.id("level-timeline-link")).click();
			wait.until(ExpectedConditions.urlContains("/level-timeline"));
			assertThat(heading()).startsWith("Level timeline: ");
			wait.until(d -> drawn("timeline-chart"));
			// five rating domains, the level held and the destructive shifts
			assertThat(datasets("timeline-chart")).isEqualTo(7);
			assertThat(browser.findElement(By.id("timeline-chart")).getAttribute("aria-label")).startsWith("Chart of the daily");
			assertThat(browser.findElements(By.cssSelector("#timeline-weeks tbody tr"))).hasSize(13);
			assertAccessible("the level timeline");
			assertFitsTheTablet("the level timeline");

			browser.findElement(By.linkText("30 days")).click();
			wait.until(ExpectedConditions.urlContains("days=30"));
			wait.until(d -> drawn("timeline-chart"));
			assertThat(browser.findElements(By.cssSelector("#timeline-weeks tbody tr"))).hasSize(5);

			open("/levels");
			wait.until(d -> drawn("distribution-chart"));
			// levels 1 to 4 and those without a level, one bar per house the staff member works in
			assertThat(datasets("distribution-chart")).isEqualTo(5);
			assertThat(browser.findElements(By.cssSelector("#distribution-table tbody tr"))).isNotEmpty();
			assertAccessible("the level board with its distribution");
			assertFitsTheTablet("the level board");
		});
	}

	private boolean drawn(String canvas) {
		return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
				"return typeof Chart !== 'undefined' && Chart.getChart(document.getElementById(arguments[0])) != null;",
				canvas));
	}

	private long datasets(String canvas) {
		return (Long) ((JavascriptExecutor) browser).executeScript(
				"return Chart.getChart(document.getElementById(arguments[0])).data.datasets.length;", canvas);
	}
}
