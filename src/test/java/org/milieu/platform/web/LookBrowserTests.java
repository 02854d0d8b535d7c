package org.milieu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.milieu.BrowserJourneys;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web shell's look on a desktop (1280 px) and a tablet (768 px): the menu grouped by what people
 * do and showing only what the role may open, folded behind one button on the tablet, the current
 * page marked, resident names that lead to the resident, and a resident's home page that is their
 * day. axe-core checks every page.
 */
class LookBrowserTests extends BrowserJourneys {

	private static final List<String> DIRECTOR_PAGES = List.of("/", "/residents", "/levels", "/levels/reviews", "/passes",
			"/staffing", "/meetings", "/action-items", "/work/roster", "/admin/users", "/audit");

	private static final Dimension DESKTOP = new Dimension(1280, 900);

	private static final Dimension TABLET = new Dimension(768, 1024);

	@Test
	void theDirectorFindsEveryPartOfTheProgramInSixGroupsOnADesktop(TestInfo test) {
		journey(test, () -> {
			open("/login");
			signIn("director");
			assertThat(groups()).containsExactly("Today", "Residents", "Levels", "Community", "Work", "Program settings");
			assertThat(browser.findElement(By.cssSelector(".nav-toggle")).isDisplayed()).as("no menu button on a desktop")
				.isFalse();
			WebElement home = browser.findElement(By.cssSelector("#site-nav a[href='/']"));
			assertThat(home.getAttribute("aria-current")).isEqualTo("page");

			// a group opens alone, and Escape closes it
			WebElement levels = summary("Levels");
			levels.click();
			assertThat(browser.findElement(By.cssSelector("#site-nav a[href='/levels/reviews']")).isDisplayed()).isTrue();
			summary("Community").click();
			assertThat(browser.findElement(By.cssSelector("#site-nav a[href='/levels/reviews']")).isDisplayed())
				.as("opening one group closes the other").isFalse();
			browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
			assertThat(browser.findElement(By.cssSelector("#site-nav a[href='/meetings']")).isDisplayed()).isFalse();

			followMenu("/levels");
			wait.until(ExpectedConditions.urlMatches(".*/levels$"));
			assertThat(browser.findElement(By.cssSelector("#site-nav a[href='/levels']")).getAttribute("aria-current"))
				.isEqualTo("page");
			assertThat(browser.findElements(By.cssSelector("#site-nav a[aria-current=page]"))).hasSize(1);
			assertThat(browser.findElement(By.cssSelector(".nav-group.current summary")).getText()).isEqualTo("Levels");

			// every name on the level board leads to the resident
			List<WebElement> names = browser.findElements(By.cssSelector(".board-column .name"));
			assertThat(names).isNotEmpty();
			assertThat(names).allSatisfy(n -> assertThat(n.findElement(By.tagName("a")).getAttribute("href"))
				.matches(".*/residents/[0-9a-f-]{36}$"));
			String name = names.get(0).getText();
			names.get(0).findElement(By.tagName("a")).click();
			wait.until(ExpectedConditions.urlMatches(".*/residents/[0-9a-f-]{36}$"));
			assertThat(heading()).contains(name);
		});
	}

	@Test
	void everyPageOfTheDirectorIsAccessibleOnADesktopAndFitsATablet(TestInfo test) {
		journey(test, () -> {
			open("/login");
			signIn("director");
			// each page loaded once and checked at both widths: the menu reads the width when it is used, and
			// the layout follows the window as it is resized
			for (String page : DIRECTOR_PAGES) {
				browser.manage().window().setSize(DESKTOP);
				open(page);
				assertAccessible(page + " at 1280 px");
				browser.manage().window().setSize(TABLET);
				assertAccessible(page + " at 768 px");
				assertFitsTheTablet(page);
			}
		});
	}

	@Test
	void theDirectorOpensTheMenuOnATabletWithOneButton(TestInfo test) {
		journey(test, () -> {
			browser.manage().window().setSize(TABLET);
			open("/login");
			signIn("director");
			WebElement toggle = browser.findElement(By.cssSelector(".nav-toggle"));
			assertThat(toggle.isDisplayed()).isTrue();
			assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
			assertThat(browser.findElement(By.id("site-nav")).isDisplayed()).as("the menu is folded").isFalse();
			toggle.click();
			assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
			assertThat(browser.findElement(By.cssSelector("#site-nav a[href='/audit']")).isDisplayed()).isTrue();
			assertAccessible("home with the menu open at 768 px");
			toggle.click();
			assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
		});
	}

	@Test
	void aStaffMemberSeesWhatNeedsAttentionGroupedAndNoProgramSettings(TestInfo test) {
		journey(test, () -> {
			open("/login");
			signIn("staff");
			assertThat(groups()).containsExactly("Today", "Residents", "Levels", "Community", "Work");
			assertThat(browser.findElements(By.cssSelector("#site-nav a[href='/admin/users']"))).isEmpty();
			// read at once: the attention list is redrawn by its 30-second poll, which would leave found elements stale
			Object counts = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
					return Array.from(document.querySelectorAll('#attention .attention-group')).map(g =>
					    [g.querySelector('h3 .count').textContent.trim(), String(g.querySelectorAll('li').length)]);""");
			for (Object pair : (List<?>) counts) {
				List<?> shownAndListed = (List<?>) pair;
				assertThat(shownAndListed.get(1)).as("the items listed, as the group's count says").isEqualTo(shownAndListed.get(0));
			}
			assertAccessible("staff home at 1280 px");
			browser.manage().window().setSize(TABLET);
			for (String page : List.of("/", "/residents", "/passes", "/staffing", "/work/roster")) {
				open(page);
				assertAccessible(page + " as staff at 768 px");
				assertFitsTheTablet(page);
			}
		});
	}

	@Test
	void aResidentsHomePageIsTheirDay(TestInfo test) {
		journey(test, () -> {
			open("/login");
			signIn("resident01");
			assertThat(groups()).containsExactly("Today", "Levels", "Community", "Work");
			assertThat(browser.findElements(By.cssSelector("#site-nav a[href='/residents']"))).isEmpty();
			assertThat(browser.findElement(By.id("today-work")).getText()).contains("Today's jobs");
			assertThat(browser.findElement(By.id("today-meeting")).getText()).contains("Next community meeting");
			assertThat(browser.findElement(By.id("today-level")).getText()).contains("Your level");
			assertThat(browser.findElement(By.id("today-stipend")).getText()).containsPattern("Balance: [0-9,]+\\.[0-9]{2} ");
			assertAccessible("a resident's day at 1280 px");
			browser.manage().window().setSize(TABLET);
			open("/");
			assertAccessible("a resident's day at 768 px");
			assertFitsTheTablet("a resident's day");
			followMenu("/me/level");
			wait.until(ExpectedConditions.urlMatches(".*/me/level$"));
			assertAccessible("my level at 768 px");
			assertFitsTheTablet("/me/level");
		});
	}

	private List<String> groups() {
		return browser.findElements(By.cssSelector("#site-nav .nav-group summary")).stream()
			.map(s -> s.getAttribute("textContent").trim()).toList();
	}

	private WebElement summary(String group) {
		return browser.findElements(By.cssSelector("#site-nav .nav-group summary")).stream()
			.filter(s -> s.getText().equals(group)).findFirst().orElseThrow();
	}
}
