package org.milieu.levels.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.Accounts;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.milieu.levels.Level;
import org.milieu.levels.ResidentLevels;
import org.milieu.residents.Admissions;
import org.milieu.residents.Bed;
import org.milieu.residents.Census;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;
import org.milieu.shared.ProgramId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The level timeline and the house level distribution, over JSON and as pages: averages computed
 * from known ratings with corrections left out, the window's limits, who may look, and the audit.
 */
@MilieuWebTest
class LevelTimelineWebTests {

	@Autowired
	MockMvc mvc;

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
	ResidentLevels levels;

	@Autowired
	Census census;

	@Autowired
	JdbcClient jdbc;

	/** A new house with two residents (the first at level 2 since yesterday) and a staff member who works there. */
	record Setup(UUID house, String houseName, UUID first, UUID second, String staff, LocalDate today) {
	}

	Setup setup() {
		ProgramId program = signIns.user("director").programId();
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String name = "Timeline " + suffix;
		UUID house = houses.found(program, new HouseDetails(name, HouseKind.MIXED, null), 2).id();
		List<Bed> beds = houses.beds(program, house);
		LocalDate today = census.day(program);
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		admissions.admit(program, first, new NewAdmission("Tessa", "Lindqvist", null, LocalDate.of(1991, 4, 4),
				beds.get(0).id(), today.minusDays(60)));
		admissions.admit(program, second, new NewAdmission("Ravi", "Castell", null, LocalDate.of(1987, 7, 7),
				beds.get(1).id(), today.minusDays(10)));
		// admission starts each at level 1 once it has committed
		await().atMost(Duration.ofSeconds(10)).until(() -> !levels.history(program, first).isEmpty()
				&& !levels.history(program, second).isEmpty());
		levels.assign(program, first, Level.STABILISATION, today.minusDays(1), "clinician", "Two safe weeks.");
		String staff = "timeline-" + suffix;
		care.assignHouses(accounts.open(new NewAccount(program, staff, "Timeline Staff", null, Set.of(Role.STAFF), null)).id(),
				List.of(house));
		return new Setup(house, name, first, second, staff, today);
	}

	void rate(Setup s, LocalDate date, String shift, String ratings) throws Exception {
		mvc.perform(post("/api/v1/houses/" + s.house() + "/shift-ratings").with(signIns.as(s.staff())).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"shiftDate\": \"" + date + "\", \"shift\": \"" + shift + "\", \"entries\": [{\"residentId\": \""
					+ s.first() + "\", \"ratings\": [" + ratings + "]}]}"))
			.andExpect(status().isCreated());
	}

	long audited(String username, String resourceType) {
		return jdbc.sql("select count(*) from audit_record where username = ? and ? = any(resource_types) and action = 'READ'")
			.params(username, resourceType).query(Long.class).single();
	}

	@Test
	void theTimelineAveragesEachDaysCurrentRatingsAndLeavesCorrectedOnesOut() throws Exception {
		Setup s = setup();
		LocalDate twoDaysAgo = s.today().minusDays(2);
		LocalDate yesterday = s.today().minusDays(1);
		rate(s, twoDaysAgo, "DAY", "{\"domain\": \"SAFETY\", \"value\": 1}, {\"domain\": \"HYGIENE\", \"value\": 3}");
		rate(s, twoDaysAgo, "EVENING", "{\"domain\": \"SAFETY\", \"value\": 0, \"note\": \"Threw a chair\"}, "
				+ "{\"domain\": \"HYGIENE\", \"value\": 4}");
		rate(s, yesterday, "DAY", "{\"domain\": \"ORIENTATION\", \"value\": 1}");
		rate(s, yesterday, "EVENING", "{\"domain\": \"ORIENTATION\", \"value\": 3}");
		// the day shift's 1 was a slip: corrected to 4, the 1 is kept but no longer counts
		UUID slip = jdbc.sql("select id from levels_shift_rating where resident_id = ? and shift_date = ? and shift = 'DAY'")
			.params(s.first(), yesterday).query(UUID.class).single();
		mvc.perform(post("/api/v1/shift-ratings/" + slip + "/corrections").with(signIns.as(s.staff())).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"value\": 4, \"note\": \"Entered in the wrong row\"}"))
			.andExpect(status().isCreated());
		long before = audited(s.staff(), "LevelTimeline");

		mvc.perform(get("/api/v1/residents/" + s.first() + "/level-timeline?days=30").with(signIns.as(s.staff())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.residentId").value(s.first().toString()))
			.andExpect(jsonPath("$.from").value(s.today().minusDays(29).toString()))
			.andExpect(jsonPath("$.to").value(s.today().toString()))
			.andExpect(jsonPath("$.days.length()").value(30))
			.andExpect(jsonPath("$.days[27].date").value(twoDaysAgo.toString()))
			.andExpect(jsonPath("$.days[27].averages.HYGIENE").value(3.5))
			.andExpect(jsonPath("$.days[27].averages.SAFETY").value(0.5))
			.andExpect(jsonPath("$.days[27].destructive").value(1))
			.andExpect(jsonPath("$.days[27].averages", hasKey("RESPECT")))
			.andExpect(jsonPath("$.days[27].averages.RESPECT").value(nullValue()))
			.andExpect(jsonPath("$.days[28].date").value(yesterday.toString()))
			.andExpect(jsonPath("$.days[28].averages.ORIENTATION").value(3.5))
			.andExpect(jsonPath("$.days[28].destructive").value(0))
			.andExpect(jsonPath("$.days[29].averages.ORIENTATION").value(nullValue()))
			.andExpect(jsonPath("$.levels.length()").value(2))
			.andExpect(jsonPath("$.levels[0].level").value(1))
			.andExpect(jsonPath("$.levels[0].from").value(s.today().minusDays(60).toString()))
			.andExpect(jsonPath("$.levels[0].to").value(twoDaysAgo.toString()))
			.andExpect(jsonPath("$.levels[1].level").value(2))
			.andExpect(jsonPath("$.levels[1].from").value(yesterday.toString()))
			.andExpect(jsonPath("$.levels[1].to").value(nullValue()));
		assertThat(audited(s.staff(), "LevelTimeline")).as("the read is audited").isEqualTo(before + 1);
		assertThat(jdbc.sql("select count(*) from audit_record where username = ? and 'LevelTimeline' = any(resource_types) "
				+ "and resident_id = ? and 'LEVELS_AND_RATINGS' = any(categories)").params(s.staff(), s.first())
			.query(Long.class).single()).isEqualTo(1);
		// ninety days unless asked
		mvc.perform(get("/api/v1/residents/" + s.first() + "/level-timeline").with(signIns.as(s.staff())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.days.length()").value(90))
			.andExpect(jsonPath("$.from").value(s.today().minusDays(89).toString()));
	}

	@Test
	void aWindowOutsideOneTo365DaysIsRefusedNamingDaysAndNothingIsRead() throws Exception {
		Setup s = setup();
		long before = audited(s.staff(), "LevelTimeline");
		for (String days : List.of("0", "366", "-5")) {
			mvc.perform(get("/api/v1/residents/" + s.first() + "/level-timeline?days=" + days).with(signIns.as(s.staff())))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].field").value("days"));
		}
		mvc.perform(get("/api/v1/residents/" + s.first() + "/level-timeline?days=365").with(signIns.as(s.staff())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.days.length()").value(365));
		assertThat(audited(s.staff(), "LevelTimeline")).as("only the accepted read is audited").isEqualTo(before + 1);
	}

	@Test
	void staffOfAnotherHouseAreRefusedAndAnUnknownResidentIsNotFound() throws Exception {
		Setup s = setup();
		mvc.perform(get("/api/v1/residents/" + s.first() + "/level-timeline").with(signIns.as("staff")))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from audit_record where username = 'staff' and 'LevelTimeline' = any(resource_types) "
				+ "and resident_id = ? and action = 'ACCESS_DENIED'").param(s.first()).query(Long.class).single())
			.as("the refusal is audited").isEqualTo(1);
		mvc.perform(get("/api/v1/residents/" + UUID.randomUUID() + "/level-timeline").with(signIns.as("director")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/residents/" + s.first() + "/level-timeline").with(signIns.as("staff")))
			.andExpect(status().isForbidden());
	}

	@Test
	void thePageShowsTheChartDataAndTheWeeklyTableInTheReadersLanguage() throws Exception {
		Setup s = setup();
		rate(s, s.today().minusDays(2), "DAY", "{\"domain\": \"SAFETY\", \"value\": 1}, {\"domain\": \"RESPECT\", \"value\": 3}");
		rate(s, s.today().minusDays(1), "DAY", "{\"domain\": \"RESPECT\", \"value\": 4}");
		mvc.perform(get("/residents/" + s.first() + "/level-timeline?days=30").with(signIns.as(s.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Level timeline: Tessa Lindqvist")))
			.andExpect(content().string(containsString("id=\"timeline-chart\"")))
			.andExpect(content().string(containsString("data-chart=\"{&quot;labels&quot;")))
			.andExpect(content().string(containsString("/dist/chart.umd.js")))
			.andExpect(content().string(containsString("/js/level-charts.js")))
			.andExpect(content().string(containsString("Week by week")))
			// this week: respect 3 and 4 average 3.50; one safe shift of one
			.andExpect(content().string(containsString("3.50")))
			.andExpect(content().string(containsString("100%")))
			.andExpect(content().string(containsString("Level 2: Stabilisation")))
			.andExpect(content().string(not(containsString("<script>"))));
		mvc.perform(get("/residents/" + s.first() + "/level-timeline?days=30").with(signIns.as(s.staff()))
			.header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Evolución de nivel: Tessa Lindqvist")))
			.andExpect(content().string(containsString("Semana a semana")))
			.andExpect(content().string(containsString("3,50")));
		// the level tab of the record links to it
		mvc.perform(get("/residents/" + s.first() + "?tab=level").with(signIns.as(s.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/residents/" + s.first() + "/level-timeline")));
	}

	@Test
	void theDistributionCountsEachHousesResidentsByLevelAsFarAsTheReaderReaches() throws Exception {
		Setup s = setup();
		long before = audited(s.staff(), "LevelDistribution");
		mvc.perform(get("/api/v1/level-distribution").with(signIns.as(s.staff())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.date").value(s.today().toString()))
			.andExpect(jsonPath("$.houses.length()").value(1))
			.andExpect(jsonPath("$.houses[0].houseId").value(s.house().toString()))
			.andExpect(jsonPath("$.houses[0].houseName").value(s.houseName()))
			.andExpect(jsonPath("$.houses[0].levels.1").value(1))
			.andExpect(jsonPath("$.houses[0].levels.2").value(1))
			.andExpect(jsonPath("$.houses[0].levels.3").value(0))
			.andExpect(jsonPath("$.houses[0].levels.4").value(0))
			.andExpect(jsonPath("$.houses[0].withoutLevel").value(0))
			.andExpect(jsonPath("$.houses[0].total").value(2));
		assertThat(audited(s.staff(), "LevelDistribution")).as("each resident counted is audited").isEqualTo(before + 2);
		// the director sees every house, the new one among them
		mvc.perform(get("/api/v1/level-distribution").with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.houses[?(@.houseName == '" + s.houseName() + "')].total").value(2))
			.andExpect(jsonPath("$.houses[?(@.houseName == 'Bayview House')]").isNotEmpty());
		mvc.perform(get("/api/v1/level-distribution").with(signIns.as("resident01"))).andExpect(status().isForbidden());
		// the board shows the same counts per house
		mvc.perform(get("/levels").with(signIns.as(s.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Levels by house")))
			.andExpect(content().string(containsString("id=\"distribution-chart\"")))
			.andExpect(content().string(containsString("/dist/chart.umd.js")))
			.andExpect(content().string(containsString("Tessa Lindqvist")));
	}

	@Test
	void pagesWithoutAChartDoNotLoadChartJs() throws Exception {
		UUID resident = signIns.user("resident01").residentId();
		mvc.perform(get("/residents/" + resident).with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("chart.umd.js"))));
	}
}
