package org.milieu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The home page: what needs attention, grouped by kind with counts and each item once; a resident's
 * day; and the main menu grouped by what people do, showing only what the role may open.
 */
@MilieuWebTest
class HomePageWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Test
	void theDirectorSeesWhatNeedsAttentionGroupedByKindWithCountsAndEachItemOnce() throws Exception {
		Document home = page("/", signIns.as("director"));
		List<Element> groups = home.select("#attention .attention-group");
		assertThat(groups).isNotEmpty();
		for (Element group : groups) {
			assertThat(group.select("li")).as(group.id()).hasSize(Integer.parseInt(group.selectFirst("h3 .count").text()));
		}
		assertThat(home.select("#attention li a").eachText()).as("no item reads the same as another").doesNotHaveDuplicates();
		assertThat(home.select("#attention .attention-group").eachAttr("id")).doesNotHaveDuplicates();
		// the demo's two houses each have an overdue action item of the same title: the house tells them apart
		assertThat(home.select("#attention-action li a").eachText())
			.anySatisfy(t -> assertThat(t).startsWith("Action item overdue in Bayview House: "))
			.anySatisfy(t -> assertThat(t).startsWith("Action item overdue in Linden House: "));
		// urgent kinds first
		assertThat(groups.get(0).hasClass("urgent")).isTrue();
	}

	@Test
	void theMenuShowsEachRoleOnlyWhatItMayOpenAndMarksTheCurrentPage() throws Exception {
		assertThat(groups(page("/", signIns.as("director")))).containsExactly("Today", "Residents", "Levels", "Community",
				"Work", "Program settings");
		Document staff = page("/residents", signIns.as("staff"));
		assertThat(groups(staff)).containsExactly("Today", "Residents", "Levels", "Community", "Work");
		assertThat(staff.select("#site-nav a[aria-current=page]").eachAttr("href")).containsExactly("/residents");
		assertThat(staff.selectFirst(".nav-group.current summary").text()).isEqualTo("Residents");
		Document resident = page("/", signIns.as("resident01"));
		assertThat(groups(resident)).containsExactly("Today", "Levels", "Community", "Work");
		assertThat(resident.select("#site-nav a").eachAttr("href")).doesNotContain("/residents", "/levels", "/audit")
			.contains("/me", "/me/level", "/me/work", "/me/stipend");
		assertThat(groups(page("/", signIns.as("family")))).containsExactly("Today");
	}

	@Test
	void aResidentsHomePageIsTheirDay() throws Exception {
		Document home = page("/", signIns.as("resident01"));
		assertThat(home.select(".today-cards > li").eachAttr("id")).containsSubsequence("today-work", "today-meeting",
				"today-level", "today-stipend");
		assertThat(home.selectFirst("#today-level").text()).contains("Your level").containsPattern("for [0-9]+ days");
		assertThat(home.selectFirst("#today-stipend").text()).containsPattern("Balance: [0-9,]+\\.[0-9]{2} [A-Z]{3}");
		assertThat(home.selectFirst("#today-meeting").text()).contains("Next community meeting");
		assertThat(home.select("#attention")).as("no staff attention list for a resident").isEmpty();
		Document spanish = page("/?lang=es", signIns.as("resident01"));
		assertThat(spanish.selectFirst("#today-level h3").text()).isEqualTo("Su nivel");
	}

	@Test
	void residentNamesLeadToTheResidentForStaffAndAreTextForNoOneElse() throws Exception {
		Document board = page("/levels", signIns.as("staff"));
		assertThat(board.select(".board-column .name")).isNotEmpty()
			.allSatisfy(n -> assertThat(n.selectFirst("a.resident-link").attr("href")).matches("/residents/[0-9a-f-]{36}"));
	}

	private static List<String> groups(Document page) {
		return page.select("#site-nav .nav-group summary").eachText();
	}

	private Document page(String path, RequestPostProcessor who) throws Exception {
		return Jsoup.parse(mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString());
	}
}
