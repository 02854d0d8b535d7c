package org.milieu.government.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
class MotionListingWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Test
	void staffPageThroughTheMotionsOfEveryMeetingLatestFirst() throws Exception {
		List<String> expected = jdbc.sql("select id::text from government_motion order by moved_at desc, id desc")
			.query(String.class).list();
		assertThat(expected).isNotEmpty();
		assertThat(PagedListing.ids(mvc, signIns.as("staff"), "/api/v1/motions", 1)).isEqualTo(expected);
	}

	@Test
	void oneMeetingsMotionsAndEachResidentNamedIsAudited() throws Exception {
		UUID meeting = jdbc.sql("select meeting_id from government_motion where moved_by_resident is not null limit 1")
			.query(UUID.class).single();
		long before = jdbc.sql("select count(*) from audit_record where username = 'clinician' and 'Motion' = any(resource_types)")
			.query(Long.class).single();
		String body = mvc.perform(get("/api/v1/motions?meetingId=" + meeting).with(signIns.as("clinician")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> meetings = JsonPath.read(body, "$.items[*].meetingId");
		assertThat(meetings).isNotEmpty().allMatch(meeting.toString()::equals);
		assertThat(jdbc.sql("select count(*) from audit_record where username = 'clinician' and 'Motion' = any(resource_types)")
			.query(Long.class).single()).isGreaterThan(before);
	}

	@Test
	void aResidentSeesNoOtherHousesMotionsAndFamilyNone() throws Exception {
		UUID linden = jdbc.sql("select id from residents_house where name = 'Linden House'").query(UUID.class).single();
		String body = mvc.perform(get("/api/v1/motions?limit=200").with(signIns.as("resident01")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> meetings = JsonPath.read(body, "$.items[*].meetingId");
		List<String> ofLinden = jdbc.sql("select id::text from government_meeting where house_id = ?").param(linden)
			.query(String.class).list();
		assertThat(meetings).doesNotContainAnyElementsOf(ofLinden);
		mvc.perform(get("/api/v1/motions").with(signIns.as("family"))).andExpect(status().isForbidden());
	}
}
