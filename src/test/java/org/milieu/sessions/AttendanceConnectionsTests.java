package org.milieu.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.levels.Level;
import org.milieu.levels.ResidentLevels;
import org.milieu.residents.DischargeType;
import org.milieu.residents.Discharges;
import org.milieu.residents.NewDischarge;
import org.milieu.sessions.AttendanceFixtures.House;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a roll call feeds elsewhere: the resident's level evidence (ATTENDANCE facts beside the
 * community meetings' roll calls, without hand entry), the clinician's home page (missed mandatory
 * sessions of their caseload), and what a discharge ends (named attendee lists; marks stay).
 */
@MilieuWebTest
class AttendanceConnectionsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	AttendanceFixtures fixtures;

	@Autowired
	SessionAttendance attendance;

	@Autowired
	Sessions sessions;

	@Autowired
	ExpectedAttendees expected;

	@Autowired
	Discharges discharges;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ResidentLevels levels;

	@Autowired
	Clock clock;

	final JsonMapper json = JsonMapper.builder().build();

	ResultActions postJson(String url, String who, String body) throws Exception {
		return mvc.perform(post(url).with(signIns.as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	/** The house holds a community meeting now: scheduled, opened, the roll called (all present), closed. */
	UUID meeting(House h) throws Exception {
		String body = "{\"houseId\": \"" + h.id() + "\", \"kind\": \"AD_HOC\", \"title\": \"House meeting\", \"startsAt\": \""
				+ clock.instant().plusSeconds(300) + "\"}";
		UUID meeting = UUID.fromString(json.readTree(postJson("/api/v1/meetings", h.staff(), body)
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString());
		postJson("/api/v1/meetings/" + meeting + "/open", h.staff(), "{}").andExpect(status().isOk());
		postJson("/api/v1/meetings/" + meeting + "/attendance", h.staff(), "{\"present\": [" + h.residents().stream()
			.map(r -> "\"" + r + "\"").reduce((a, b) -> a + ", " + b).orElseThrow() + "], \"excused\": []}")
			.andExpect(status().isOk());
		postJson("/api/v1/meetings/" + meeting + "/close", h.staff(), "{}").andExpect(status().isOk());
		return meeting;
	}

	@Test
	void lateAndLeftEarlyCountAsAttendedAndExcusedStaysExcused() {
		assertThat(AttendanceFacts.outcome(AttendanceStatus.PRESENT)).isEqualTo("ATTENDED");
		assertThat(AttendanceFacts.outcome(AttendanceStatus.LATE)).isEqualTo("ATTENDED");
		assertThat(AttendanceFacts.outcome(AttendanceStatus.LEFT_EARLY)).isEqualTo("ATTENDED");
		assertThat(AttendanceFacts.outcome(AttendanceStatus.ABSENT)).isEqualTo("ABSENT");
		assertThat(AttendanceFacts.outcome(AttendanceStatus.EXCUSED)).isEqualTo("EXCUSED");
	}

	@Test
	void aMarkedSessionShowsInTheResidentsLevelEvidenceBesideTheMeetingsRollCallWithoutHandEntry() throws Exception {
		House h = fixtures.house();
		LocalDate today = fixtures.today();
		Session morning = fixtures.groupOn(h, today);
		Session afternoon = fixtures.namedOn(h, today, List.of(h.residents().get(0)));
		MilieuUser staff = fixtures.staffOf(h);
		UUID ana = h.residents().get(0);
		attendance.mark(staff, morning.id(), today, ana, AttendanceStatus.PRESENT, null, false);
		attendance.mark(staff, afternoon.id(), today, ana, AttendanceStatus.LATE, null, false);
		UUID meeting = meeting(h);

		String rollCall = "/sessions/" + morning.id() + "/occurrences/" + today + "/roll-call";
		mvc.perform(get("/api/v1/residents/" + ana + "/level/criteria/groups/entries").with(signIns.as(h.staff())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(3))
			.andExpect(jsonPath("$[?(@.origin.link == '" + rollCall + "')].outcomeKey").value("fact.outcome.ATTENDED"))
			.andExpect(jsonPath("$[?(@.origin.link == '" + rollCall + "')].origin.kind").value("SESSION"))
			.andExpect(jsonPath("$[?(@.origin.link == '" + rollCall + "')].byHand").value(false))
			.andExpect(jsonPath("$[?(@.origin.id == '" + afternoon.id() + "')].outcomeKey").value("fact.outcome.ATTENDED"))
			.andExpect(jsonPath("$[?(@.origin.id == '" + meeting + "')].origin.kind").value("MEETING"));
		mvc.perform(get("/residents/" + ana + "/level/criteria/groups").with(signIns.as(h.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"" + rollCall + "\"")))
			.andExpect(content().string(containsString("Session roll call")));
		assertThat(jdbc.sql("select count(*) from levels_fact where resident_id = ?").param(ana).query(Integer.class).single())
			.as("nothing entered by hand").isZero();
	}

	@Test
	void aMissedMandatorySessionShowsOnTheHomePageOfTheResidentsClinicianOnly() throws Exception {
		House h = fixtures.house();
		LocalDate yesterday = fixtures.today().minusDays(1);
		// community support is mandatory at levels 1 to 4; peer role modelling at none, and from level 2 on
		UUID cleo = h.residents().get(2);
		levels.assign(fixtures.program(), cleo, Level.STABILISATION, yesterday.minusDays(7), "director", "Steady week");
		Session mandatory = fixtures.groupOn(h, yesterday);
		Session optional = sessions.schedule(signIns.user("director"), new NewSession(fixtures.type("PEER_ROLE_MODELLING"),
				"Peer circle", h.id(), null, yesterday, LocalTime.of(16, 0), null, null, AttendeeKind.HOUSE, h.id(), null, null,
				List.of(h.staffId())));
		MilieuUser staff = fixtures.staffOf(h);
		UUID ana = h.residents().get(0);
		UUID ben = h.residents().get(1);
		attendance.mark(staff, mandatory.id(), yesterday, ana, AttendanceStatus.ABSENT, null, false);
		attendance.mark(staff, mandatory.id(), yesterday, ben, AttendanceStatus.EXCUSED, "Hospital appointment", false);
		attendance.mark(staff, optional.id(), yesterday, cleo, AttendanceStatus.ABSENT, null, false);

		mvc.perform(get("/attention").with(signIns.as(h.clinician())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ana Roll A")))
			.andExpect(content().string(containsString("missed a mandatory session: House check-in")))
			.andExpect(content().string(not(containsString("Ben Roll B"))))
			.andExpect(content().string(not(containsString("Cleo Roll C"))));
		assertThat(jdbc.sql("select count(*) from audit_record where username = ? and action = 'READ' "
				+ "and 'SessionAttendance' = any(resource_types)").param(h.clinician()).query(Long.class).single())
			.as("naming the resident is audited").isPositive();
		mvc.perform(get("/attention").with(signIns.as("clinician2")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Ana Roll A"))));
	}

	@Test
	void aDischargedResidentLeavesTheNamedListsAndTheirMarksStay() {
		House h = fixtures.house();
		LocalDate today = fixtures.today();
		UUID ana = h.residents().get(0);
		UUID ben = h.residents().get(1);
		Session weekly = AttendanceFixtures.atFirstFreeTime(sessions, signIns.user("director"),
				at -> new NewSession(fixtures.type("COMMUNITY_SUPPORT"), "Weekly circle", h.id(), null, today, at, null,
						"FREQ=WEEKLY;COUNT=4", AttendeeKind.RESIDENTS, null, null, List.of(ana, ben), List.of(h.staffId())),
				LocalTime.of(9, 0), LocalTime.of(3, 0), LocalTime.of(21, 0));
		attendance.mark(fixtures.staffOf(h), weekly.id(), today, ana, AttendanceStatus.PRESENT, null, false);

		discharges.discharge(fixtures.program(), ana, new NewDischarge(today, DischargeType.COMPLETED, null, null), "director");

		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
				"select removed_on from sessions_attendee where session_id = ? and resident_id = ?").params(weekly.id(), ana)
			.query(LocalDate.class).optional().filter(today::equals).isPresent());
		assertThat(expected.residents(fixtures.program(), weekly.id(), today.plusWeeks(1))).containsExactly(ben);
		assertThat(jdbc.sql("select status from sessions_attendance where session_id = ? and resident_id = ?")
			.params(weekly.id(), ana).query(String.class).single()).isEqualTo("PRESENT");
	}
}
