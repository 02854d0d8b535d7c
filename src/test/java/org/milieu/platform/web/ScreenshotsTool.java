package org.milieu.platform.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.milieu.BrowserJourneys;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Takes the screenshots in docs/screenshots from the demo community: the main pages as the director,
 * a member of staff and a resident see them, on a desktop and on a tablet. Not a test: it runs only
 * when asked, {@code ./mvnw -B test -Dtest=ScreenshotsTool -Dscreenshots=true}.
 */
@EnabledIfSystemProperty(named = "screenshots", matches = "true")
class ScreenshotsTool extends BrowserJourneys {

	private static final Path FOLDER = Path.of("docs", "screenshots");

	record Shot(String file, String user, String page, int width, int height) {
	}

	@Test
	void takeTheScreenshots() throws Exception {
		Files.createDirectories(FOLDER);
		List<Shot> shots = List.of(
				new Shot("director-home.png", "director", "/", 1280, 900),
				new Shot("director-census.png", "director", "/residents", 1280, 900),
				new Shot("director-levels.png", "director", "/levels", 1280, 1000),
				new Shot("director-work.png", "director", "/work/roster", 1280, 900),
				new Shot("director-meetings.png", "director", "/meetings", 1280, 900),
				new Shot("staff-shift-board.png", "staff", "/staffing", 1280, 900),
				new Shot("staff-whereabouts.png", "staff", "/passes", 1280, 900),
				new Shot("staff-home-tablet.png", "staff", "/", 768, 1024),
				new Shot("resident-day.png", "resident01", "/", 1280, 900),
				new Shot("resident-day-tablet.png", "resident01", "/", 768, 1024));
		String signedIn = null;
		for (Shot shot : shots) {
			if (!shot.user().equals(signedIn)) {
				browser.manage().deleteAllCookies();
				open("/login");
				signIn(shot.user());
				signedIn = shot.user();
			}
			browser.manage().window().setSize(new Dimension(shot.width(), shot.height()));
			open(shot.page() + (shot.page().contains("?") ? "&" : "?") + "lang=en");
			wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
			Files.write(FOLDER.resolve(shot.file()), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		}
	}
}
