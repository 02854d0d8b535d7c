package org.milieu.levels.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A resident's level evidence reads work and attendance from the modules that keep them: a job
 * occurrence once staff verified it (as corrected, if it was), a meeting's roll call once the
 * meeting closed; each fact links to its record, and staff can no longer enter those by hand for
 * the days the modules cover. Facts entered by hand before stay, marked as such.
 */
@MilieuWebTest
class LevelFactsFromModulesWebTests {

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

	@Autowired
	Clock clock;

	final JsonMapper json = JsonMapper.builder().build();

	/** A new house with a newcomer at level 1, a resident at level 3 (level 4's criteria read work), and its staff member. */
	record House(UUID id, UUID newcomer, UUID senior, String staff) {
	}

	ProgramId program() {
		return signIns.user("director").programId();
	}

	LocalDate today() {
		return census.day(program());
	}

	House house() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		UUID house = houses.found(program(), new HouseDetails("Facts " + suffix, HouseKind.MIXED, null), 2).id();
		List<Bed> beds = houses.beds(program(), house);
		UUID newcomer = UUID.randomUUID();
		UUID senior = UUID.randomUUID();
		admissions.admit(program(), newcomer, new NewAdmission("Facts", "Newcomer", null, LocalDate.of(1991, 2, 3),
				beds.get(0).id(), today().minusDays(20)));
		admissions.admit(program(), senior, new NewAdmission("Facts", "Senior", null, LocalDate.of(1987, 4, 5),
				beds.get(1).id(), today().minusDays(80)));
		await().atMost(Duration.ofSeconds(10)).until(() -> levels.currentOf(program(), newcomer).isPresent()
				&& levels.currentOf(program(), senior).isPresent());
		levels.assign(program(), senior, Level.RESPONSIBILITY, today().minusDays(30), "director", "Test: level 3.");
		String staff = "facts-" + suffix;
		care.assignHouses(accounts.open(new NewAccount(program(), staff, "Facts Staff", null, Set.of(Role.STAFF), null)).id(),
				List.of(house));
		return new House(house, newcomer, senior, staff);
	}

	ResultActions postJson(String url, String who, String body) throws Exception {
		return mvc.perform(post(url).with(signIns.as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	JsonNode read(ResultActions result) throws Exception {
		return json.readTree(result.andReturn().getResponse().getContentAsString());
	}

	/** The house holds a meeting now: scheduled, opened, the roll called, closed. */
	UUID meeting(House h, List<UUID> present, List<UUID> excused) throws Exception {
		String body = "{\"houseId\": \"" + h.id() + "\", \"kind\": \"AD_HOC\", \"title\": \"House check-in\", \"startsAt\": \""
				+ clock.instant().plusSeconds(300) + "\"}";
		UUID meeting = UUID.fromString(read(postJson("/api/v1/meetings", h.staff(), body).andExpect(status().isCreated()))
			.get("id").asString());
		postJson("/api/v1/meetings/" + meeting + "/open", h.staff(), "{}").andExpect(status().isOk());
		postJson("/api/v1/meetings/" + meeting + "/attendance", h.staff(), "{\"present\": " + ids(present)
				+ ", \"excused\": " + ids(excused) + "}").andExpect(status().isOk());
		postJson("/api/v1/meetings/" + meeting + "/close", h.staff(), "{}").andExpect(status().isOk());
		return meeting;
	}

	static String ids(List<UUID> ids) {
		return ids.stream().map(id -> "\"" + id + "\"").toList().toString();
	}

	/** The senior's assignment, on a job held every day, in the latest published roster of a week already begun. */
	UUID assignment(House h) throws Exception {
		String body = "{\"name\": \"Garden watering " + UUID.randomUUID().toString().substring(0, 6) + "\", "
				+ "\"skills\": [\"gardening\"], \"minLevel\": 1, \"crewSize\": 4, \"days\": [1, 2, 3, 4, 5, 6, 7], "
				+ "\"startsAt\": \"09:00\", \"expectedMinutes\": 30, \"rateCents\": 400, \"rateUnit\": \"PER_COMPLETION\", "
				+ "\"currency\": \"USD\", \"supervisor\": \"staff\", \"classification\": \"THERAPEUTIC_CHORE\", "
				+ "\"beneficiary\": \"The house\"}";
		UUID job = UUID.fromString(read(postJson("/api/v1/jobs", "director", body).andExpect(status().isCreated()))
			.get("id").asString());
		UUID roster = jdbc.sql("select id from work_roster where program_id = ? and status = 'PUBLISHED' and week_start < ? "
				+ "order by week_start desc limit 1").params(program().value(), today()).query(UUID.class).single();
		UUID assignment = UUID.randomUUID();
		jdbc.sql("insert into work_assignment (id, program_id, roster_id, job_id, resident_id, house_id, rate_cents, rate_unit, "
				+ "currency, expected_minutes, chosen, created_at) values (?, ?, ?, ?, ?, ?, 400, 'PER_COMPLETION', 'USD', 30, "
				+ "false, now())").params(assignment, program().value(), roster, job, h.senior(), h.id()).update();
		return assignment;
	}

	LocalDate weekStart(UUID assignment) {
		return jdbc.sql("select r.week_start from work_roster r join work_assignment a on a.roster_id = r.id where a.id = ?")
			.param(assignment).query(LocalDate.class).single();
	}

	ResultActions entries(UUID resident, String criterion, String who) throws Exception {
		return mvc.perform(get("/api/v1/residents/" + resident + "/level/criteria/" + criterion + "/entries")
			.with(signIns.as(who))).andExpect(status().isOk());
	}

	int handFacts(UUID resident) {
		return jdbc.sql("select count(*) from levels_fact where resident_id = ?").param(resident).query(Integer.class).single();
	}

	@Test
	void aClosedMeetingsRollCallIsEachResidentsAttendanceLinkedToTheMeeting() throws Exception {
		House h = house();
		UUID first = meeting(h, List.of(h.newcomer()), List.of());
		UUID second = meeting(h, List.of(h.newcomer()), List.of(h.senior()));

		entries(h.newcomer(), "groups", h.staff())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[?(@.origin.id == '" + first + "')].outcomeKey").value("fact.outcome.ATTENDED"))
			.andExpect(jsonPath("$[?(@.origin.id == '" + first + "')].origin.kind").value("MEETING"))
			.andExpect(jsonPath("$[?(@.origin.id == '" + first + "')].origin.link").value("/meetings/" + first))
			.andExpect(jsonPath("$[?(@.origin.id == '" + first + "')].byHand").value(false))
			.andExpect(jsonPath("$[?(@.origin.id == '" + first + "')].counts").value(true));
		entries(h.senior(), "sessions", h.staff())
			.andExpect(jsonPath("$[?(@.origin.id == '" + first + "')].outcomeKey").value("fact.outcome.ABSENT"))
			.andExpect(jsonPath("$[?(@.origin.id == '" + second + "')].outcomeKey").value("fact.outcome.EXCUSED"));
		mvc.perform(get("/api/v1/residents/" + h.newcomer() + "/level").with(signIns.as(h.staff())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.criteria[?(@.name == 'groups')].value").value(100.0))
			.andExpect(jsonPath("$.criteria[?(@.name == 'groups')].basis").value(2));
		mvc.perform(get("/residents/" + h.newcomer() + "/level/criteria/groups").with(signIns.as(h.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/meetings/" + first + "\"")));
		assertThat(handFacts(h.newcomer()) + handFacts(h.senior())).isZero();
	}

	@Test
	void aResidentTheChairMarksExcusedOnTheRunPageIsExcusedInTheLevelEvidence() throws Exception {
		House h = house();
		String body = "{\"houseId\": \"" + h.id() + "\", \"kind\": \"AD_HOC\", \"title\": \"Roll call on the page\", "
				+ "\"startsAt\": \"" + clock.instant().plusSeconds(300) + "\"}";
		UUID meeting = UUID.fromString(read(postJson("/api/v1/meetings", h.staff(), body).andExpect(status().isCreated()))
			.get("id").asString());
		postJson("/api/v1/meetings/" + meeting + "/open", h.staff(), "{}").andExpect(status().isOk());
		mvc.perform(get("/meetings/" + meeting + "/run").with(signIns.as(h.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"excused-" + h.senior() + "\"")))
			.andExpect(content().string(containsString("Excused")));
		mvc.perform(get("/meetings/" + meeting + "/run").with(signIns.as(h.staff())).header("Accept-Language", "es"))
			.andExpect(content().string(containsString("Excusado")));

		// a place that is none of the three changes nothing
		mvc.perform(post("/meetings/" + meeting + "/run/attendance").with(signIns.as(h.staff())).with(csrf())
			.param("shown", h.newcomer().toString(), h.senior().toString())
			.param("place-" + h.newcomer(), "PRESENT").param("place-" + h.senior(), "ON_LEAVE"))
			.andExpect(flash().attribute("problem", "meeting.attendance.place"));
		assertThat(roll(meeting)).isEmpty();

		mvc.perform(post("/meetings/" + meeting + "/run/attendance").with(signIns.as(h.staff())).with(csrf())
			.param("shown", h.newcomer().toString(), h.senior().toString())
			.param("place-" + h.newcomer(), "PRESENT").param("place-" + h.senior(), "EXCUSED"))
			.andExpect(flash().attribute("notice", "meeting.run.attendanceSaved"));
		assertThat(roll(meeting)).containsExactlyInAnyOrder(h.newcomer() + " PRESENT", h.senior() + " EXCUSED");
		String page = mvc.perform(get("/meetings/" + meeting + "/run").with(signIns.as(h.staff())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).as("the roll call shows the senior excused")
			.containsPattern("id=\"excused-" + h.senior() + "\"\\s+value=\"EXCUSED\"\\s+checked")
			.containsPattern("id=\"present-" + h.newcomer() + "\"\\s+value=\"PRESENT\"\\s+checked")
			.doesNotContainPattern("id=\"present-" + h.senior() + "\"\\s+value=\"PRESENT\"\\s+checked");

		postJson("/api/v1/meetings/" + meeting + "/close", h.staff(), "{}").andExpect(status().isOk());
		entries(h.senior(), "sessions", h.staff())
			.andExpect(jsonPath("$[?(@.origin.id == '" + meeting + "')].outcomeKey").value("fact.outcome.EXCUSED"))
			.andExpect(jsonPath("$[?(@.origin.id == '" + meeting + "')].origin.kind").value("MEETING"));
		entries(h.newcomer(), "groups", h.staff())
			.andExpect(jsonPath("$[?(@.origin.id == '" + meeting + "')].outcomeKey").value("fact.outcome.ATTENDED"));
	}

	private List<String> roll(UUID meeting) {
		return jdbc.sql("select resident_id || ' ' || status from government_attendance where meeting_id = ?").param(meeting)
			.query(String.class).list();
	}

	@Test
	void verifiedWorkCountsAsStaffVerifiedItAndAsTheyCorrectedIt() throws Exception {
		House h = house();
		UUID assignment = assignment(h);
		LocalDate monday = weekStart(assignment);
		UUID waiting = UUID.randomUUID();
		// a work coordinator's mark, waiting for staff to verify it: not a fact yet
		jdbc.sql("insert into work_completion (id, program_id, assignment_id, occurs_on, outcome, minutes, marked_by, marked_at, "
				+ "currency) values (?, ?, ?, ?, 'DONE', 30, 'resident01', now(), 'USD')")
			.params(waiting, program().value(), assignment, monday).update();
		entries(h.senior(), "work", h.staff()).andExpect(jsonPath("$.length()").value(0));

		postJson("/api/v1/job-completions/" + waiting + "/verification", h.staff(), "").andExpect(status().isOk());
		entries(h.senior(), "work", h.staff())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].id").value(waiting.toString()))
			.andExpect(jsonPath("$[0].outcomeKey").value("fact.outcome.DONE"))
			.andExpect(jsonPath("$[0].origin.kind").value("JOB_OCCURRENCE"))
			.andExpect(jsonPath("$[0].origin.module").value("work"))
			.andExpect(jsonPath("$[0].origin.link").value("/work/verification?date=" + monday))
			.andExpect(jsonPath("$[0].byHand").value(false));
		mvc.perform(get("/api/v1/residents/" + h.senior() + "/level").with(signIns.as(h.staff())))
			.andExpect(jsonPath("$.criteria[?(@.name == 'work')].value").value(100.0));

		postJson("/api/v1/job-completions/" + waiting + "/correction", h.staff(),
				"{\"outcome\": \"NOT_DONE\", \"reason\": \"The beds were found dry; it was not done.\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("NOT_DONE"))
			.andExpect(jsonPath("$.earnedCents").value(0));
		entries(h.senior(), "work", h.staff())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].outcomeKey").value("fact.outcome.NOT_DONE"))
			.andExpect(jsonPath("$[0].counts").value(false));
		mvc.perform(get("/api/v1/residents/" + h.senior() + "/level").with(signIns.as(h.staff())))
			.andExpect(jsonPath("$.criteria[?(@.name == 'work')].value").value(0.0));
		assertThat(jdbc.sql("select coalesce(sum(amount_cents), 0) from work_stipend_entry where resident_id = ?")
			.param(h.senior()).query(Long.class).single()).as("the stipend follows the correction").isZero();
		assertThat(jdbc.sql("select previous_outcome from work_completion_correction where completion_id = ?").param(waiting)
			.query(String.class).single()).isEqualTo("DONE");
		assertThat(handFacts(h.senior())).isZero();
	}

	@Test
	void aCorrectionWithoutAReasonOrOfWorkNotYetVerifiedIsRefusedAndChangesNothing() throws Exception {
		House h = house();
		UUID assignment = assignment(h);
		LocalDate monday = weekStart(assignment);
		UUID waiting = UUID.randomUUID();
		jdbc.sql("insert into work_completion (id, program_id, assignment_id, occurs_on, outcome, minutes, marked_by, marked_at, "
				+ "currency) values (?, ?, ?, ?, 'DONE', 30, 'resident01', now(), 'USD')")
			.params(waiting, program().value(), assignment, monday).update();
		postJson("/api/v1/job-completions/" + waiting + "/correction", h.staff(), "{\"outcome\": \"NOT_DONE\", \"reason\": \"x\"}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("id"));
		postJson("/api/v1/job-completions/" + waiting + "/verification", h.staff(), "").andExpect(status().isOk());
		postJson("/api/v1/job-completions/" + waiting + "/correction", h.staff(), "{\"outcome\": \"NOT_DONE\"}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("reason"));
		postJson("/api/v1/job-completions/" + waiting + "/correction", h.staff(), "{\"outcome\": \"DONE\", \"reason\": \"x\"}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("outcome"));
		postJson("/api/v1/job-completions/" + waiting + "/correction", "resident01",
				"{\"outcome\": \"NOT_DONE\", \"reason\": \"x\"}").andExpect(status().isForbidden());
		assertThat(jdbc.sql("select outcome from work_completion where id = ?").param(waiting).query(String.class).single())
			.isEqualTo("DONE");
		assertThat(jdbc.sql("select count(*) from work_completion_correction where completion_id = ?").param(waiting)
			.query(Integer.class).single()).isZero();
	}

	@Test
	void aKindADayAModuleRecordsIsRefusedByHandNamingTheModuleAndChangesNothing() throws Exception {
		House h = house();
		UUID assignment = assignment(h);
		LocalDate monday = weekStart(assignment);
		postJson("/api/v1/residents/" + h.senior() + "/level-facts", h.staff(),
				"{\"kind\": \"WORK\", \"occurredOn\": \"" + monday + "\", \"outcome\": \"DONE\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("kind"))
			.andExpect(jsonPath("$.detail").value(containsString("work module")));
		meeting(h, List.of(h.newcomer(), h.senior()), List.of());
		mvc.perform(post("/api/v1/residents/" + h.newcomer() + "/level-facts").with(signIns.as(h.staff())).with(csrf())
			.header("Accept-Language", "es").contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\": \"ATTENDANCE\", \"occurredOn\": \"" + today() + "\", \"outcome\": \"ABSENT\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("kind"))
			.andExpect(jsonPath("$.detail").value(containsString("módulo de gobierno de los residentes")));

		MvcResult page = mvc.perform(post("/residents/" + h.senior() + "/level/facts").with(signIns.as(h.staff())).with(csrf())
			.param("kind", "WORK").param("occurredOn", monday.toString()).param("outcome", "DONE"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("problem", "fact.kind.recorded-by-module"))
			.andReturn();
		// the redirect's message waits in the session the refusal was stored in
		jakarta.servlet.http.Cookie session = page.getResponse().getCookie("SESSION");
		assertThat(session).as("the refusal's message is kept in the session for the page").isNotNull();
		mvc.perform(get("/residents/" + h.senior() + "/level").with(signIns.as(h.staff())).cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("this kind of fact is recorded by the work module")));
		assertThat(handFacts(h.newcomer()) + handFacts(h.senior())).isZero();
	}

	@Test
	void factsEnteredByHandBeforeTheModulesStayInTheEvidenceMarkedAsSuch() throws Exception {
		House h = house();
		UUID meeting = meeting(h, List.of(h.newcomer()), List.of());
		// entered by hand when no module recorded attendance yet, on a day the meetings now cover
		UUID stored = UUID.randomUUID();
		jdbc.sql("insert into levels_fact (id, program_id, resident_id, kind, occurred_on, outcome, detail, recorded_by, recorded_at) "
				+ "values (?, ?, ?, 'ATTENDANCE', ?, 'ATTENDED_CONFUSED', 'Morning group', 'staff', now())")
			.params(stored, program().value(), h.newcomer(), today().minusDays(1)).update();
		entries(h.newcomer(), "groups", h.staff())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[?(@.id == '" + stored + "')].byHand").value(true))
			.andExpect(jsonPath("$[?(@.id == '" + stored + "')].origin.kind").value("MANUAL"))
			.andExpect(jsonPath("$[?(@.id == '" + stored + "')].counts").value(false))
			.andExpect(jsonPath("$[?(@.origin.id == '" + meeting + "')].byHand").value(false));
		mvc.perform(get("/residents/" + h.newcomer() + "/level/criteria/groups").with(signIns.as(h.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Entered by hand (staff)")))
			.andExpect(content().string(containsString("href=\"/meetings/" + meeting + "\"")));
	}
}
