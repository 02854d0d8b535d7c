package org.milieu.government.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.government.GovernmentSettings;
import org.milieu.government.MeetingAttendance;
import org.milieu.government.Quorum;
import org.milieu.government.Settings;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;

/** Attendance at a meeting and its quorum, and the program's government settings, over JSON. */
@MilieuWebTest
class MeetingAttendanceWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	MeetingAttendance attendance;

	@Autowired
	GovernmentSettings settings;

	UUID houseOf(String username) {
		return jdbc.sql("select house_id from residents_stay where resident_id = ? and discharged_on is null")
			.param(signIns.user(username).residentId()).query(UUID.class).single();
	}

	List<UUID> residentsOf(UUID house) {
		return jdbc.sql("select resident_id from residents_stay where house_id = ? and discharged_on is null "
				+ "order by resident_id").param(house).query(UUID.class).list();
	}

	MockHttpServletRequestBuilder postJson(String path, String who, String body) {
		return post(path).with(signIns.as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	UUID schedule(UUID house) throws Exception {
		String json = mvc.perform(postJson("/api/v1/meetings", "staff", "{" + (house == null ? "" : "\"houseId\": \""
				+ house + "\", ") + "\"kind\": \"AD_HOC\", \"title\": \"Attendance test\", \"startsAt\": \""
				+ clock.instant().plus(Duration.ofDays(3)) + "\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return UUID.fromString(JsonMapper.builder().build().readTree(json).get("id").asString());
	}

	static String present(List<UUID> residents) {
		return "{\"present\": [" + residents.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(", ")) + "]}";
	}

	int attendanceRows(UUID meeting) {
		return jdbc.sql("select count(*) from government_attendance where meeting_id = ?").param(meeting)
			.query(Integer.class).single();
	}

	@Test
	void staffRecordWhoIsPresentAndTheQuorumFollowsAllAudited() throws Exception {
		UUID house = houseOf("resident01");
		List<UUID> members = residentsOf(house);
		int n = members.size();
		int required = n / 2 + 1;
		UUID meeting = schedule(house);
		mvc.perform(get("/api/v1/meetings/" + meeting).with(signIns.as("staff")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.present.length()").value(0))
			.andExpect(jsonPath("$.quorum.members").value(n))
			.andExpect(jsonPath("$.quorum.required").value(required))
			.andExpect(jsonPath("$.quorum.met").value(false));

		List<UUID> few = members.subList(0, required - 1);
		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/attendance", "staff", present(few)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.present.length()").value(few.size()))
			.andExpect(jsonPath("$.quorum.present").value(few.size()))
			.andExpect(jsonPath("$.quorum.met").value(false));
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'UPDATE' and 'MeetingAttendance' = any(resource_types) "
				+ "and ? = any(resource_ids) and 'GOVERNMENT' = any(categories) and resident_id is not null").param(meeting.toString())
			.query(Integer.class).single()).isEqualTo(few.size());

		// the list is replaced: one leaves, enough come to make the quorum
		List<UUID> enough = members.subList(1, required + 1);
		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/attendance", "clinician", present(enough)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.quorum.present").value(required))
			.andExpect(jsonPath("$.quorum.required").value(required))
			.andExpect(jsonPath("$.quorum.met").value(true));
		assertThat(attendance.present(meeting)).containsExactlyInAnyOrderElementsOf(enough);
		assertThat(attendance.quorum(signIns.user("staff").programId(), meeting))
			.isEqualTo(new Quorum(required, n, required, true));
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'UPDATE' and 'MeetingAttendance' = any(resource_types) "
				+ "and ? = any(resource_ids) and resident_id = ? and detail = 'no longer present'").params(meeting.toString(),
						members.get(0)).query(Integer.class).single()).isEqualTo(1);

		mvc.perform(get("/api/v1/meetings/" + meeting).with(signIns.as("resident01")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.present.length()").value(required))
			.andExpect(jsonPath("$.quorum.met").value(true));
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'READ' and 'MeetingAttendance' = any(resource_types) "
				+ "and username = 'resident01' and ? = any(resource_ids)").param(meeting.toString()).query(Integer.class).single())
			.isEqualTo(required);
	}

	@Test
	void theRollCallKeepsThoseExcusedAndEveryOtherMemberIsAbsentWhenTheMeetingCloses() throws Exception {
		UUID house = houseOf("resident01");
		List<UUID> members = residentsOf(house);
		String json = mvc.perform(postJson("/api/v1/meetings", "staff", "{\"houseId\": \"" + house + "\", \"kind\": \"AD_HOC\", "
				+ "\"title\": \"Roll call test\", \"startsAt\": \"" + clock.instant().plus(Duration.ofMinutes(5)) + "\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		UUID meeting = UUID.fromString(JsonMapper.builder().build().readTree(json).get("id").asString());
		UUID here = members.get(0);
		UUID excused = members.get(1);

		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/attendance", "staff",
				"{\"present\": [\"" + here + "\"], \"excused\": [\"" + here + "\"]}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("excused"));
		assertThat(attendanceRows(meeting)).isZero();
		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/attendance", "staff",
				"{\"present\": [\"" + here + "\"], \"excused\": [\"" + excused + "\"]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.present.length()").value(1))
			.andExpect(jsonPath("$.excused[0]").value(excused.toString()))
			.andExpect(jsonPath("$.quorum.present").value(1));
		// a list of those present alone leaves the excused as they are
		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/attendance", "staff", present(List.of(here))))
			.andExpect(status().isOk()).andExpect(jsonPath("$.excused[0]").value(excused.toString()));

		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/open", "staff", "{}")).andExpect(status().isOk());
		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/close", "staff", "{}")).andExpect(status().isOk());
		List<String> roll = jdbc.sql("select status from government_attendance where meeting_id = ? order by resident_id")
			.param(meeting).query(String.class).list();
		assertThat(roll).hasSize(members.size());
		assertThat(roll.stream().filter("ABSENT"::equals).count()).isEqualTo(members.size() - 2L);
		assertThat(jdbc.sql("select status from government_attendance where meeting_id = ? and resident_id = ?")
			.params(meeting, excused).query(String.class).single()).isEqualTo("EXCUSED");
		assertThat(attendance.present(meeting)).containsExactly(here);
		assertThat(jdbc.sql("select count(*) from audit_record where 'MeetingAttendance' = any(resource_types) and ? = any(resource_ids) "
				+ "and detail = 'absent at the close'").param(meeting.toString()).query(Integer.class).single())
			.isEqualTo(members.size() - 2);
	}

	@Test
	void aWholeProgramMeetingCountsEveryResidentInAHouse() throws Exception {
		UUID meeting = schedule(null);
		int everyone = jdbc.sql("select count(*) from residents_stay s join residents_resident r on r.id = s.resident_id "
				+ "where s.discharged_on is null and s.program_id = ?").param(signIns.user("staff").programId().value())
			.query(Integer.class).single();
		List<UUID> two = List.of(signIns.user("resident01").residentId(), signIns.user("resident02").residentId());
		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/attendance", "director", present(two)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.quorum.members").value(everyone))
			.andExpect(jsonPath("$.quorum.present").value(2))
			.andExpect(jsonPath("$.quorum.required").value(everyone / 2 + 1));
	}

	@Test
	void attendanceIsRefusedForOtherHousesClosedMeetingsAndResidentsStoringNothing() throws Exception {
		UUID house = houseOf("resident01");
		UUID meeting = schedule(house);
		UUID mine = signIns.user("resident01").residentId();
		UUID elsewhere = signIns.user("resident02").residentId();
		assertThat(houseOf("resident02")).isNotEqualTo(house);

		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/attendance", "staff", present(List.of(mine, elsewhere))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("present"));
		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/attendance", "staff", "{}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("present"));
		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/attendance", "resident01", present(List.of(mine))))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'ACCESS_DENIED' and username = 'resident01' "
				+ "and 'MeetingAttendance' = any(resource_types) and ? = any(resource_ids)").param(meeting.toString())
			.query(Integer.class).single()).isEqualTo(1);
		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/attendance", "family", present(List.of(mine))))
			.andExpect(status().isForbidden());
		assertThat(attendanceRows(meeting)).isZero();

		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/attendance", "staff", present(List.of(mine))))
			.andExpect(status().isOk());
		jdbc.sql("update government_meeting set status = 'CLOSED' where id = ?").param(meeting).update();
		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/attendance", "staff", present(List.of())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("meetingId"));
		assertThat(attendance.present(meeting)).containsExactly(mine);
		mvc.perform(postJson("/api/v1/meetings/" + UUID.randomUUID() + "/attendance", "staff", present(List.of(mine))))
			.andExpect(status().isNotFound());
	}

	@Test
	void theDirectorChangesTheSettingsAndTheQuorumFollows() throws Exception {
		var program = signIns.user("director").programId();
		Settings before = settings.of(program);
		try {
			mvc.perform(get("/api/v1/meeting-settings").with(signIns.as("resident01")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.quorumPercent").value(before.quorumPercent()));
			mvc.perform(put("/api/v1/meeting-settings").with(signIns.as("director")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"meetingDay\": \"MONDAY\", \"meetingTime\": \"17:00\", \"quorumPercent\": 75, "
						+ "\"officerTermWeeks\": 6, \"officerTermLimit\": 3}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.meetingDay").value("MONDAY"))
				.andExpect(jsonPath("$.meetingTime").value("17:00"));
			assertThat(settings.of(program)).isEqualTo(new Settings(java.time.DayOfWeek.MONDAY,
					java.time.LocalTime.of(17, 0), 75, 6, 3));
			UUID house = houseOf("resident01");
			int n = residentsOf(house).size();
			assertThat(attendance.quorum(program, schedule(house)).required()).isEqualTo(n * 75 / 100 + 1);

			String[][] bad = { { "meetingDay", "\"FUNDAY\"" }, { "meetingTime", "\"late\"" }, { "meetingTime", "null" },
					{ "quorumPercent", "101" }, { "quorumPercent", "null" }, { "officerTermWeeks", "0" },
					{ "officerTermLimit", "13" } };
			for (String[] b : bad) {
				java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
				fields.put("meetingDay", "\"TUESDAY\"");
				fields.put("meetingTime", "\"19:00\"");
				fields.put("quorumPercent", "60");
				fields.put("officerTermWeeks", "5");
				fields.put("officerTermLimit", "2");
				fields.put(b[0], b[1]);
				String body = fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
					.collect(Collectors.joining(", ", "{", "}"));
				mvc.perform(put("/api/v1/meeting-settings").with(signIns.as("director")).with(csrf())
					.contentType(MediaType.APPLICATION_JSON).content(body))
					.andExpect(status().isUnprocessableContent())
					.andExpect(jsonPath("$.errors[0].field").value(b[0]));
			}
			mvc.perform(put("/api/v1/meeting-settings").with(signIns.as("staff")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"meetingDay\": \"TUESDAY\", \"meetingTime\": \"19:00\", "
						+ "\"quorumPercent\": 60, \"officerTermWeeks\": 5, \"officerTermLimit\": 2}"))
				.andExpect(status().isForbidden());
			assertThat(settings.of(program).meetingDay()).isEqualTo(java.time.DayOfWeek.MONDAY);
		}
		finally {
			settings.update(signIns.user("director"), before);
		}
	}
}
