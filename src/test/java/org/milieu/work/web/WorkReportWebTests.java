package org.milieu.work.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Work reports over the demo's marked work: per house, job and person, within each reader's reach; the CSV export. */
@MilieuWebTest
class WorkReportWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	Clock clock;

	@Autowired
	org.milieu.levels.privileges.LevelPrivileges privileges;

	String period() {
		LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
		return "?from=" + today.minusDays(14) + "&to=" + today;
	}

	@Test
	void staffSeeTheirHousesWorkAndTheDirectorEveryHouses() throws Exception {
		mvc.perform(get("/api/v1/work-reports" + period()).with(signIns.as("staff"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.houses.length()").value(1)).andExpect(jsonPath("$.people.length()").value(Matchers.greaterThan(3)))
			.andExpect(jsonPath("$.people[*].house").value(Matchers.everyItem(Matchers.is("Bayview House"))))
			.andExpect(jsonPath("$.jobs[0].marked").value(Matchers.greaterThan(0)));
		mvc.perform(get("/api/v1/work-reports" + period()).with(signIns.as("director"))).andExpect(status().isOk())
			// the demo's two houses, and any house other tests founded with work in the period
			.andExpect(jsonPath("$.houses[*].name").value(Matchers.hasItems("Bayview House", "Linden House")))
			.andExpect(jsonPath("$.houses[?(@.name == 'Bayview House' || @.name == 'Linden House')].earnedCents")
				.value(Matchers.everyItem(Matchers.greaterThan(0))));
		mvc.perform(get("/api/v1/work-reports?from=2026-11-10&to=2026-11-01").with(signIns.as("staff")))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("to"));
		mvc.perform(get("/api/v1/work-reports").with(signIns.as("staff"))).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		mvc.perform(get("/api/v1/work-reports" + period()).with(signIns.as("resident01"))).andExpect(status().isForbidden());
	}

	@Test
	void theCsvIsForThoseWhoMayExportWorkData() throws Exception {
		mvc.perform(get("/api/v1/work-reports.csv" + period()).with(signIns.as("staff"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/work-reports.csv" + period()).with(signIns.as("clinician"))).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(content().string(Matchers.startsWith("kind,name,house,marked,done")))
			.andExpect(content().string(Matchers.containsString("\r\nperson,")));
	}

	@Test
	void thePagesShowTheDaysWorkAndTheReports() throws Exception {
		mvc.perform(get("/work/reports").with(signIns.as("staff"))).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Per person")));
		mvc.perform(get("/work/verification").with(signIns.as("staff"))).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Each person&#39;s work")));
		String plain = java.util.stream.IntStream.rangeClosed(1, 32).mapToObj(i -> String.format("resident%02d", i))
			.filter(u -> signIns.user(u).residentId() != null && !privileges.may(signIns.user(u).programId(),
					signIns.user(u).residentId(), "WORK_COORDINATOR", clock.instant()).allowed())
			.findFirst().orElseThrow();
		mvc.perform(get("/work/verification").with(signIns.as(plain))).andExpect(status().isForbidden());
	}
}
