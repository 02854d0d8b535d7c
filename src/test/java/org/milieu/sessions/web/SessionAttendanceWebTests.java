package org.milieu.sessions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.sessions.AttendanceFixtures;
import org.milieu.sessions.AttendanceFixtures.House;
import org.milieu.sessions.Session;
import org.milieu.sessions.Sessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Taking an occurrence's roll over the API and on the tablet page: every expected resident listed,
 * marks saved and changed (the last one stands, with who), excuses with a reason, walk-ins only
 * when said so, "all others present"; what is refused names its field and changes nothing, and
 * staff of another house are refused.
 */
@MilieuWebTest
class SessionAttendanceWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	AttendanceFixtures fixtures;

	@Autowired
	Sessions sessions;

	@Autowired
	JdbcClient jdbc;

	static String url(Session s, LocalDate day) {
		return "/api/v1/sessions/" + s.id() + "/occurrences/" + day + "/attendance";
	}

	ResultActions mark(String who, Session s, LocalDate day, UUID resident, String body) throws Exception {
		return mvc.perform(put(url(s, day) + "/" + resident).with(signIns.as(who)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	int marks(Session s) {
		return jdbc.sql("select count(*) from sessions_attendance where session_id = ?").param(s.id()).query(Integer.class)
			.single();
	}

	@Test
	void theRollListsEveryExpectedResidentUnmarkedUntilStaffMarkThem() throws Exception {
		House h = fixtures.house();
		Session group = fixtures.groupOn(h, fixtures.today());

		mvc.perform(get(url(group, fixtures.today())).with(signIns.as(h.staff())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lines.length()").value(3))
			.andExpect(jsonPath("$.unmarked").value(3))
			.andExpect(jsonPath("$.lines[0].name").value(containsString("Ana")))
			.andExpect(jsonPath("$.lines[0].expected").value(true))
			.andExpect(jsonPath("$.lines[0].mark").doesNotExist());
		assertThat(jdbc.sql("select count(*) from audit_record where username = ? and action = 'READ' "
				+ "and 'SessionAttendance' = any(resource_types)").param(h.staff()).query(Long.class).single())
			.as("the roll read is audited").isPositive();

		mark(h.staff(), group, fixtures.today(), h.residents().get(0), "{\"status\": \"present\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.mark.status").value("PRESENT"))
			.andExpect(jsonPath("$.mark.recordedBy").value(containsString("Roll Staff")))
			.andExpect(jsonPath("$.mark.walkIn").value(false));

		mvc.perform(get(url(group, fixtures.today())).with(signIns.as(h.staff())))
			.andExpect(jsonPath("$.unmarked").value(2))
			.andExpect(jsonPath("$.lines[0].mark.status").value("PRESENT"));
		assertThat(jdbc.sql("select count(*) from audit_record where username = ? and action = 'UPDATE' "
				+ "and 'SessionAttendance' = any(resource_types)").param(h.staff()).query(Long.class).single())
			.as("the mark is audited").isPositive();
	}

	@Test
	void aMarkMayBeChangedAndTheLastOneStandsWithWhoRecordedIt() throws Exception {
		House h = fixtures.house();
		Session group = fixtures.groupOn(h, fixtures.today());
		UUID ben = h.residents().get(1);

		mark(h.staff(), group, fixtures.today(), ben, "{\"status\": \"LATE\"}").andExpect(status().isOk());
		mark("director", group, fixtures.today(), ben, "{\"status\": \"LEFT_EARLY\", \"reason\": \"Called to the nurse\"}")
			.andExpect(status().isOk());

		assertThat(jdbc.sql("select status || '/' || reason || '/' || recorded_by_name from sessions_attendance "
				+ "where session_id = ? and resident_id = ?").params(group.id(), ben).query(String.class).single())
			.isEqualTo("LEFT_EARLY/Called to the nurse/" + signIns.user("director").displayName());
		assertThat(marks(group)).isEqualTo(1);
	}

	@Test
	void anExcuseWithoutAReasonIsRefusedNamingTheReasonAndNothingIsRecorded() throws Exception {
		House h = fixtures.house();
		Session group = fixtures.groupOn(h, fixtures.today());

		mark(h.staff(), group, fixtures.today(), h.residents().get(0), "{\"status\": \"EXCUSED\", \"reason\": \"  \"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		mark(h.staff(), group, fixtures.today(), h.residents().get(0), "{\"status\": \"SLEEPING\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		mark(h.staff(), group, fixtures.today(), h.residents().get(0), "{}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		mvc.perform(put("/api/v1/sessions/" + group.id() + "/occurrences/yesterday/attendance/" + h.residents().get(0))
			.with(signIns.as(h.staff())).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"PRESENT\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("date"));
		assertThat(marks(group)).isZero();

		mark(h.staff(), group, fixtures.today(), h.residents().get(0), "{\"status\": \"EXCUSED\", \"reason\": \"Court date\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.mark.reason").value("Court date"));
	}

	@Test
	void aCancelledOccurrenceADateTheSessionDoesNotHoldAndOneMoreThanAWeekAheadAreRefusedNamingTheDate() throws Exception {
		House h = fixtures.house();
		LocalDate today = fixtures.today();
		Session cancelled = fixtures.groupOn(h, today);
		sessions.cancelOccurrence(signIns.user("director"), cancelled.id(), today, "Outing of the whole house");
		Session farAhead = fixtures.groupOn(h, today.plusDays(8));
		Session soon = fixtures.groupOn(h, today.plusDays(3));
		UUID ana = h.residents().get(0);

		mark(h.staff(), cancelled, today, ana, "{\"status\": \"PRESENT\"}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("date"));
		mark(h.staff(), soon, today, ana, "{\"status\": \"PRESENT\"}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("date"));
		mark(h.staff(), farAhead, today.plusDays(8), ana, "{\"status\": \"EXCUSED\", \"reason\": \"Court date\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("date"));
		mark(h.staff(), soon, today.plusDays(3), ana, "{\"status\": \"PRESENT\"}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		assertThat(marks(cancelled) + marks(farAhead) + marks(soon)).isZero();

		// an absence known in advance may be excused up to a week ahead
		mark(h.staff(), soon, today.plusDays(3), ana, "{\"status\": \"EXCUSED\", \"reason\": \"Court date\"}")
			.andExpect(status().isOk());
	}

	@Test
	void staffOfAnotherHouseAndResidentsAreRefusedAndNothingIsRecorded() throws Exception {
		House h = fixtures.house();
		Session group = fixtures.groupOn(h, fixtures.today());

		mvc.perform(get(url(group, fixtures.today())).with(signIns.as("staff2"))).andExpect(status().isForbidden());
		mark("staff2", group, fixtures.today(), h.residents().get(0), "{\"status\": \"PRESENT\"}")
			.andExpect(status().isForbidden());
		mark("resident01", group, fixtures.today(), h.residents().get(0), "{\"status\": \"PRESENT\"}")
			.andExpect(status().isForbidden());
		mvc.perform(get("/sessions/" + group.id() + "/occurrences/" + fixtures.today() + "/roll-call")
			.with(signIns.as("staff2"))).andExpect(status().isForbidden());
		assertThat(marks(group)).isZero();
		assertThat(jdbc.sql("select count(*) from audit_record where username = 'staff2' and action = 'ACCESS_DENIED' "
				+ "and 'SessionAttendance' = any(resource_types) and occurred_at > now() - interval '1 minute'")
			.query(Long.class).single()).isPositive();
	}

	@Test
	void aResidentWhoIsNotExpectedIsMarkedOnlyAsAWalkIn() throws Exception {
		House h = fixtures.house();
		Session named = fixtures.namedOn(h, fixtures.today(), List.of(h.residents().get(0), h.residents().get(1)));
		UUID cleo = h.residents().get(2);

		mark(h.staff(), named, fixtures.today(), cleo, "{\"status\": \"PRESENT\"}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("residentId"));
		assertThat(marks(named)).isZero();

		mark(h.staff(), named, fixtures.today(), cleo, "{\"status\": \"PRESENT\", \"walkIn\": true}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.expected").value(false))
			.andExpect(jsonPath("$.mark.walkIn").value(true));
		mvc.perform(get(url(named, fixtures.today())).with(signIns.as(h.staff())))
			.andExpect(jsonPath("$.lines.length()").value(3))
			.andExpect(jsonPath("$.lines[2].residentId").value(cleo.toString()))
			.andExpect(jsonPath("$.lines[2].mark.walkIn").value(true))
			.andExpect(jsonPath("$.unmarked").value(2));
	}

	@Test
	void oneTapOnTheTabletPageRedrawsOnlyTheRowAndAllOthersPresentMarksTheRest() throws Exception {
		House h = fixtures.house();
		Session group = fixtures.groupOn(h, fixtures.today());
		String page = "/sessions/" + group.id() + "/occurrences/" + fixtures.today() + "/roll-call";
		UUID ana = h.residents().get(0);

		mvc.perform(get(page).with(signIns.as(h.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"row-" + ana + "\"")))
			.andExpect(content().string(containsString("Roll call: House check-in")))
			.andExpect(content().string(containsString("All others present (3 not marked yet)")));

		mvc.perform(post(page + "/" + ana).with(signIns.as(h.staff())).with(csrf()).header("HX-Request", "true")
			.param("status", "ABSENT").param("walkIn", "false"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"row-" + ana + "\"")))
			.andExpect(content().string(containsString("aria-pressed=\"true\"")))
			.andExpect(content().string(not(containsString("<html"))));

		mvc.perform(post(page + "/" + h.residents().get(1)).with(signIns.as(h.staff())).with(csrf())
			.header("HX-Request", "true").param("status", "EXCUSED").param("reason", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("role=\"alert\"")))
			.andExpect(content().string(containsString("This field is required.")));

		mvc.perform(post(page + "/others-present").with(signIns.as(h.staff())).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select status from sessions_attendance where session_id = ? order by status")
			.param(group.id()).query(String.class).list()).containsExactly("ABSENT", "PRESENT", "PRESENT");

		mvc.perform(get(page).with(signIns.as(h.staff())).header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Pasar lista: House check-in")))
			.andExpect(content().string(containsString("Ausente")));
	}

	@Test
	void aWalkInIsChosenOnThePageFromTheResidentsNotExpected() throws Exception {
		House h = fixtures.house();
		Session named = fixtures.namedOn(h, fixtures.today(), List.of(h.residents().get(0)));
		String page = "/sessions/" + named.id() + "/occurrences/" + fixtures.today() + "/roll-call";
		UUID cleo = h.residents().get(2);

		mvc.perform(get(page).with(signIns.as(h.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"" + cleo + "\"")));
		mvc.perform(post(page + "/walk-in").with(signIns.as(h.staff())).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(marks(named)).as("no resident chosen: nothing recorded").isZero();

		mvc.perform(post(page + "/walk-in").with(signIns.as(h.staff())).with(csrf()).param("residentId", cleo.toString()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select status || '/' || walk_in from sessions_attendance where session_id = ? and resident_id = ?")
			.params(named.id(), cleo).query(String.class).single()).isEqualTo("PRESENT/true");
		mvc.perform(get(page).with(signIns.as(h.staff())))
			.andExpect(content().string(containsString("id=\"row-" + cleo + "\"")))
			.andExpect(content().string(not(containsString("<option value=\"" + cleo + "\""))));
	}

	@Test
	void theStaffHomePageLinksToTodaysRollCallStillToTake() throws Exception {
		House h = fixtures.house();
		Session group = fixtures.groupOn(h, fixtures.today());
		String link = "/sessions/" + group.id() + "/occurrences/" + fixtures.today() + "/roll-call";

		mvc.perform(get("/attention").with(signIns.as(h.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"" + link + "\"")))
			.andExpect(content().string(containsString("Roll call to take: House check-in at " + group.startsAt())));

		mvc.perform(post(link + "/others-present").with(signIns.as(h.staff())).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/attention").with(signIns.as(h.staff())))
			.andExpect(content().string(not(containsString("href=\"" + link + "\""))));
	}
}
