package org.milieu.government.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.platform.web.PagedListing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@MilieuWebTest
class MeetingListingWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Test
	void staffPageThroughEveryMeetingLatestFirstWithoutDuplicatesOrGaps() throws Exception {
		List<String> expected = jdbc.sql("select id::text from government_meeting where program_id = "
				+ "(select program_id from residents_house limit 1) order by starts_at desc, id desc").query(String.class).list();
		assertThat(expected.size()).as("demo meetings").isGreaterThan(2);
		List<String> paged = PagedListing.ids(mvc, signIns.as("staff"), "/api/v1/meetings", 2);
		assertThat(paged).isEqualTo(expected);
	}

	@Test
	void filtersByHouseStatusAndDays() throws Exception {
		UUID bayview = house("Bayview House");
		String body = mvc.perform(get("/api/v1/meetings?limit=200&houseId=" + bayview + "&status=CLOSED")
			.with(signIns.as("director"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> houses = JsonPath.read(body, "$.items[*].houseId");
		List<String> statuses = JsonPath.read(body, "$.items[*].status");
		assertThat(houses).isNotEmpty().allMatch(bayview.toString()::equals);
		assertThat(statuses).allMatch("CLOSED"::equals);
		Instant first = jdbc.sql("select min(starts_at) from government_meeting").query(Instant.class).single();
		java.time.ZoneId chicago = java.time.ZoneId.of("America/Chicago");
		java.time.LocalDate day = first.atZone(chicago).toLocalDate();
		String oneDay = mvc.perform(get("/api/v1/meetings?limit=200&from=" + day + "&to=" + day)
			.with(signIns.as("director"))).andReturn().getResponse().getContentAsString();
		List<String> starts = JsonPath.read(oneDay, "$.items[*].startsAt");
		assertThat(starts).as("the program's day").isNotEmpty()
			.allMatch(s -> Instant.parse(s).atZone(chicago).toLocalDate().equals(day));
	}

	@Test
	void aDayIsTheProgramsDayNotUtcs() throws Exception {
		// a Bayview meeting at 19:30 in Chicago, 01:30 the next day in UTC, on a day no other test books
		UUID bayview = house("Bayview House");
		java.time.LocalDate day = java.time.LocalDate.of(2031, 3, 12);
		Instant at = day.atTime(19, 30).atZone(java.time.ZoneId.of("America/Chicago")).toInstant();
		String created = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/meetings")
			.with(signIns.as("staff")).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("{\"houseId\": \"" + bayview + "\", \"kind\": \"AD_HOC\", \"title\": \"Evening meeting\", \"startsAt\": \""
					+ at + "\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(created, "$.id");

		assertThat(idsOn(day, day)).containsExactly(id);
		assertThat(idsOn(day.plusDays(1), day.plusDays(1))).as("not on the next day, where UTC would put it").isEmpty();
		assertThat(idsOn(day.minusDays(1), day)).containsExactly(id);
	}

	private List<String> idsOn(java.time.LocalDate from, java.time.LocalDate to) throws Exception {
		String body = mvc.perform(get("/api/v1/meetings?limit=200&from=" + from + "&to=" + to).with(signIns.as("director")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.items[*].id");
	}

	@Test
	void aResidentSeesTheirHousesAndTheProgramsMeetingsAndFamilyNone() throws Exception {
		UUID linden = house("Linden House");
		String body = mvc.perform(get("/api/v1/meetings?limit=200").with(signIns.as("resident01")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> houses = JsonPath.read(body, "$.items[*].houseId");
		assertThat(houses).isNotEmpty().doesNotContain(linden.toString());
		mvc.perform(get("/api/v1/meetings").with(signIns.as("family"))).andExpect(status().isForbidden());
	}

	private UUID house(String name) {
		return jdbc.sql("select id from residents_house where name = ?").param(name).query(UUID.class).single();
	}
}
