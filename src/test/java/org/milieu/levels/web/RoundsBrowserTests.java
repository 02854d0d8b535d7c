package org.milieu.levels.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.milieu.BrowserJourneys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The night staff's rounds in real Chromium on a tablet-sized window: the demo resident whose
 * 15-minute check is overdue shows first, highlighted; recording a check clears it, and axe-core
 * finds no WCAG 2.1 AA violation before or after. A failing journey leaves a screenshot under
 * target/screenshots.
 */
class RoundsBrowserTests extends BrowserJourneys {

	@Override
	protected String windowSize() {
		return "1024,768";
	}

	@Autowired
	JdbcClient jdbc;

	@Test
	void theNightStaffRecordAnOverdueCheckOnTheRoundsPage(TestInfo test) {
		// the demo's resident on 15-minute checks, overdue since the demo was seeded
		UUID order = jdbc.sql("select id from levels_observation_order where frequency = 'EVERY_15' and ordered_by = 'clinician' "
				+ "and reason like 'Low mood after a difficult family call%'").query(UUID.class).single();
		UUID resident = jdbc.sql("select resident_id from levels_observation_order where id = ?").param(order)
			.query(UUID.class).single();
		UUID house = jdbc.sql("select house_id from levels_observation where order_id = ? limit 1").param(order)
			.query(UUID.class).single();
		String staff = jdbc.sql("""
				select a.username from identity_account a join identity_account_house h on h.account_id = a.id
				 where h.house_id = ? and a.username in ('staff', 'staff2') order by a.username limit 1""")
			.param(house).query(String.class).single();
		journey(test, () -> {
			open("/login");
			signIn(staff);
			open("/houses/" + house + "/rounds");
			WebElement card = browser.findElement(By.cssSelector("li[data-resident='" + resident + "']"));
			assertThat(card.getAttribute("class")).contains("overdue");
			assertThat(card.getText()).contains("Every 15 minutes").contains("Overdue since");
			assertAccessible("rounds page with an overdue check");

			card.findElement(By.cssSelector("input[name=location]")).sendKeys("Day room");
			card.findElement(By.cssSelector("input[name=activity]")).sendKeys("Watching TV");
			card.findElement(By.cssSelector("input[name=moodBehaviour]")).sendKeys("Calm, chatting");
			card.findElement(By.cssSelector("button[type=submit]")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=status]")));
			assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).startsWith("Check of ");
			WebElement after = browser.findElement(By.cssSelector("li[data-resident='" + resident + "']"));
			assertThat(after.getAttribute("class")).doesNotContain("overdue");
			assertAccessible("rounds page after the check");
		});
	}

}
