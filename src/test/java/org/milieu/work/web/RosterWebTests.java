package org.milieu.work.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
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
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;
import org.milieu.shared.ProgramId;
import org.milieu.work.Job;
import org.milieu.work.JobClassification;
import org.milieu.work.JobTerms;
import org.milieu.work.Jobs;
import org.milieu.work.RateUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/**
 * Preferences, the roster proposal, adjustments, publication and swaps over JSON on the real
 * database. Each test works in a house of its own, with a staff member, a newcomer at level 1
 * and a senior at level 3, on jobs done only in that house, and on a week of its own far ahead;
 * every refusal is checked to have stored nothing.
 */
@MilieuWebTest
class RosterWebTests {

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
	Jobs jobs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	/** A house of its own: staff, a newcomer (level 1) and a senior (level 3) with sign-ins, and three jobs of the house. */
	record Ward(UUID house, String staff, UUID newcomer, String newcomerLogin, UUID senior, String seniorLogin, Job chore,
			Job training, Job coordinator) {
	}

	// --- preferences ---

	@Test
	void aResidentRanksTheJobsTheyMayDoAndRefusalsChangeNothing() throws Exception {
		Ward ward = ward();
		String path = "/api/v1/residents/" + ward.newcomer() + "/job-preferences";
		mvc.perform(rank(path, ward.newcomerLogin(), ward.chore().id()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].rank").value(1))
			.andExpect(jsonPath("$[0].jobId").value(ward.chore().id().toString()));
		mvc.perform(rank(path, ward.newcomerLogin(), ward.chore().id(), ward.training().id()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("jobIds"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(ward.training().name())));
		mvc.perform(rank(path, ward.newcomerLogin(), ward.chore().id(), ward.chore().id()))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("jobIds"));
		mvc.perform(rank(path, ward.newcomerLogin(), UUID.randomUUID()))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("jobIds"));
		mvc.perform(rank(path, ward.seniorLogin(), ward.chore().id())).andExpect(status().isForbidden());
		mvc.perform(rank(path, "staff2", ward.chore().id())).andExpect(status().isForbidden());
		mvc.perform(rank(path, "family", ward.chore().id())).andExpect(status().isForbidden());
		mvc.perform(get(path).with(signIns.as(ward.newcomerLogin())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].jobId").value(ward.chore().id().toString()));
		mvc.perform(get(path).with(signIns.as(ward.seniorLogin()))).andExpect(status().isForbidden());

		// staff of the house rank with the resident; the senior job needs the privilege (level 3 brings it)
		String seniorPath = "/api/v1/residents/" + ward.senior() + "/job-preferences";
		mvc.perform(rank(seniorPath, ward.staff(), ward.coordinator().id(), ward.training().id(), ward.chore().id()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].jobId").value(ward.coordinator().id().toString()))
			.andExpect(jsonPath("$[2].rank").value(3));
		mvc.perform(rank(path, ward.staff(), ward.coordinator().id()))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("jobIds"));
		assertThat(jdbc.sql("select count(*) from work_job_preference where resident_id = ?").param(ward.newcomer())
			.query(Long.class).single()).isEqualTo(1L);
	}

	// --- proposal and publication ---

	@Test
	void staffProposeAWeekHonouringPreferencesThenPublishOnceAndResidentsSeeTheirJobs() throws Exception {
		Ward ward = ward();
		mvc.perform(rank("/api/v1/residents/" + ward.senior() + "/job-preferences", ward.seniorLogin(),
				ward.coordinator().id())).andExpect(status().isOk());
		mvc.perform(rank("/api/v1/residents/" + ward.newcomer() + "/job-preferences", ward.newcomerLogin(),
				ward.chore().id())).andExpect(status().isOk());
		LocalDate week = aWeek();
		String body = mvc.perform(propose(ward.staff(), "{\"weekStart\": \"" + week + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PROPOSED"))
			.andExpect(jsonPath("$.weekStart").value(week.toString()))
			.andReturn().getResponse().getContentAsString();
		UUID roster = UUID.fromString(JsonPath.read(body, "$.id"));
		assertThat(jobOf(roster, ward.senior())).isEqualTo(ward.coordinator().id());
		assertThat(jobOf(roster, ward.newcomer())).isEqualTo(ward.chore().id());
		assertThat(jdbc.sql("select chosen and rate_cents = 400 from work_assignment where roster_id = ? and resident_id = ?")
			.params(roster, ward.senior()).query(Boolean.class).single()).isTrue();
		List<String> shown = JsonPath.read(body, "$.assignments[*].residentId");
		assertThat(shown).contains(ward.senior().toString(), ward.newcomer().toString())
			.as("staff see only their house").hasSize(2);

		// a rate change after the proposal does not rewrite the week
		jobs.update(signIns.user("director"), ward.coordinator().id(), null, terms(ward.house(), ward.coordinator().name(),
				3, true, 999));
		assertThat(jdbc.sql("select rate_cents from work_assignment where roster_id = ? and resident_id = ?")
			.params(roster, ward.senior()).query(Long.class).single()).isEqualTo(400L);

		// nothing is published yet: the resident sees no job for the week
		mvc.perform(get("/api/v1/residents/" + ward.senior() + "/job-assignments").with(signIns.as(ward.seniorLogin())))
			.andExpect(status().isOk()).andExpect(jsonPath("$[?(@.weekStart == '" + week + "')]").isEmpty());
		mvc.perform(post("/api/v1/work-rosters/" + roster + "/publish").with(signIns.as(ward.staff())).with(csrf()))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));
		mvc.perform(post("/api/v1/work-rosters/" + roster + "/publish").with(signIns.as(ward.staff())).with(csrf()))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("id"));
		long rosters = jdbc.sql("select count(*) from work_roster where week_start = ?").param(week).query(Long.class).single();
		mvc.perform(propose(ward.staff(), "{\"weekStart\": \"" + week + "\"}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("weekStart"));
		assertThat(jdbc.sql("select count(*) from work_roster where week_start = ?").param(week).query(Long.class).single())
			.isEqualTo(rosters);
		mvc.perform(get("/api/v1/residents/" + ward.senior() + "/job-assignments").with(signIns.as(ward.seniorLogin())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].weekStart").value(week.toString()))
			.andExpect(jsonPath("$[0].jobName").value(ward.coordinator().name()))
			.andExpect(jsonPath("$[0].rateCents").value(400))
			.andExpect(jsonPath("$[0].days[0]").value(1));
		mvc.perform(get("/api/v1/residents/" + ward.senior() + "/job-assignments").with(signIns.as(ward.newcomerLogin())))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/work-rosters/" + roster).with(signIns.as(ward.staff())))
			.andExpect(status().isOk()).andExpect(jsonPath("$.assignments.length()").value(2));
	}

	@Test
	void aProposalNeedsAMondayAndStaffOfTheProgram() throws Exception {
		Ward ward = ward();
		LocalDate week = aWeek();
		for (String bad : new String[] { "{}", "{\"weekStart\": \"" + week.plusDays(2) + "\"}" }) {
			mvc.perform(propose(ward.staff(), bad))
				.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("weekStart"));
		}
		mvc.perform(propose(ward.newcomerLogin(), "{\"weekStart\": \"" + week + "\"}")).andExpect(status().isForbidden());
		mvc.perform(propose("clinician", "{\"weekStart\": \"" + week + "\"}")).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from work_roster where week_start in (?, ?)").params(week, week.plusDays(2))
			.query(Long.class).single()).isZero();
	}

	// --- adjustments ---

	@Test
	void staffAdjustAProposedRosterButNeverBelowAResidentsLevel() throws Exception {
		Ward ward = ward();
		UUID roster = proposed(ward);
		UUID newcomers = assignmentOf(roster, ward.newcomer());
		mvc.perform(adjust(ward.staff(), newcomers, "{\"jobId\": \"" + ward.training().id() + "\"}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("jobId"));
		mvc.perform(adjust(ward.staff(), newcomers, "{\"jobId\": \"" + ward.coordinator().id() + "\"}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("jobId"));
		mvc.perform(adjust(ward.staff(), newcomers, "{}"))
			.andExpect(status().isUnprocessableContent());
		assertThat(jobOf(roster, ward.newcomer())).isEqualTo(ward.chore().id());
		UUID seniors = assignmentOf(roster, ward.senior());
		mvc.perform(adjust(ward.staff(), seniors, "{\"jobId\": \"" + ward.training().id() + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.jobId").value(ward.training().id().toString()))
			.andExpect(jsonPath("$.rateCents").value(300));
		mvc.perform(adjust("staff2", seniors, "{\"jobId\": \"" + ward.chore().id() + "\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(adjust(ward.staff(), seniors, "{\"residentId\": \"" + ward.newcomer() + "\"}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("residentId"));
		mvc.perform(post("/api/v1/work-rosters/" + roster + "/publish").with(signIns.as(ward.staff())).with(csrf()))
			.andExpect(status().isOk());
		mvc.perform(adjust(ward.staff(), seniors, "{\"jobId\": \"" + ward.chore().id() + "\"}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("id"));
		assertThat(jobOf(roster, ward.senior())).isEqualTo(ward.training().id());
	}

	// --- swaps ---

	@Test
	void aResidentAsksForASwapAndStaffApproveOnlyWhenEachMayDoTheOthersJob() throws Exception {
		Ward ward = ward();
		UUID roster = proposed(ward);
		UUID seniors = assignmentOf(roster, ward.senior());
		UUID newcomers = assignmentOf(roster, ward.newcomer());
		mvc.perform(post("/api/v1/work-rosters/" + roster + "/publish").with(signIns.as(ward.staff())).with(csrf()))
			.andExpect(status().isOk());

		mvc.perform(swap(ward.newcomerLogin(), seniors, newcomers)).andExpect(status().isForbidden());
		mvc.perform(swap(ward.seniorLogin(), seniors, UUID.randomUUID()))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("withAssignmentId"));
		String body = mvc.perform(swap(ward.seniorLogin(), seniors, newcomers))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("REQUESTED"))
			.andReturn().getResponse().getContentAsString();
		UUID request = UUID.fromString(JsonPath.read(body, "$.id"));
		mvc.perform(swap(ward.seniorLogin(), seniors, newcomers))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("withAssignmentId"));

		// the newcomer may not coordinate: the approval is refused and nobody moves
		mvc.perform(decide(ward.staff(), request, "{\"approve\": true}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("approve"));
		assertThat(jobOf(roster, ward.senior())).isEqualTo(ward.coordinator().id());
		mvc.perform(decide(ward.seniorLogin(), request, "{\"approve\": false}")).andExpect(status().isForbidden());
		mvc.perform(decide(ward.staff(), request, "{\"approve\": false, \"note\": \"Talk at house meeting\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DECLINED"));
		mvc.perform(decide(ward.staff(), request, "{\"approve\": true}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("id"));

		// once the newcomer reaches level 3, the same swap is approved and the two exchange jobs
		levels.assign(program(), ward.newcomer(), Level.RESPONSIBILITY, today(), "clinician", "Review");
		body = mvc.perform(swap(ward.seniorLogin(), seniors, newcomers)).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		mvc.perform(decide(ward.staff(), UUID.fromString(JsonPath.read(body, "$.id")), "{\"approve\": true, \"note\": \"ok\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
		assertThat(jobOf(roster, ward.newcomer())).isEqualTo(ward.coordinator().id());
		assertThat(jobOf(roster, ward.senior())).isEqualTo(ward.chore().id());
	}

	// --- fixtures ---

	private UUID proposed(Ward ward) throws Exception {
		mvc.perform(rank("/api/v1/residents/" + ward.senior() + "/job-preferences", ward.seniorLogin(),
				ward.coordinator().id())).andExpect(status().isOk());
		mvc.perform(rank("/api/v1/residents/" + ward.newcomer() + "/job-preferences", ward.newcomerLogin(),
				ward.chore().id())).andExpect(status().isOk());
		String body = mvc.perform(propose(ward.staff(), "{\"weekStart\": \"" + aWeek() + "\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return UUID.fromString(JsonPath.read(body, "$.id"));
	}

	private UUID jobOf(UUID roster, UUID resident) {
		return jdbc.sql("select job_id from work_assignment where roster_id = ? and resident_id = ?").params(roster, resident)
			.query(UUID.class).single();
	}

	private UUID assignmentOf(UUID roster, UUID resident) {
		return jdbc.sql("select id from work_assignment where roster_id = ? and resident_id = ?").params(roster, resident)
			.query(UUID.class).single();
	}

	private MockHttpServletRequestBuilder rank(String path, String who, UUID... jobIds) {
		String ids = String.join(", ", java.util.Arrays.stream(jobIds).map(id -> "\"" + id + "\"").toList());
		return put(path).with(signIns.as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"jobIds\": [" + ids + "]}");
	}

	private MockHttpServletRequestBuilder propose(String who, String body) {
		return post("/api/v1/work-rosters").with(signIns.as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(body);
	}

	private MockHttpServletRequestBuilder adjust(String who, UUID assignment, String body) {
		return put("/api/v1/job-assignments/" + assignment).with(signIns.as(who)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private MockHttpServletRequestBuilder swap(String who, UUID assignment, UUID with) {
		return post("/api/v1/job-assignments/" + assignment + "/swap-requests").with(signIns.as(who)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"withAssignmentId\": \"" + with + "\", \"reason\": \"Appointment on Monday\"}");
	}

	private MockHttpServletRequestBuilder decide(String who, UUID request, String body) {
		return post("/api/v1/swap-requests/" + request + "/decision").with(signIns.as(who)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	/** A Monday of its own, years ahead, so tests never meet on a week. */
	static LocalDate aWeek() {
		return LocalDate.of(2040, 1, 2).with(DayOfWeek.MONDAY).plusWeeks(new java.util.Random().nextInt(50_000));
	}

	private Ward ward() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		ProgramId program = program();
		UUID house = houses.found(program, new HouseDetails("Roster " + tag, HouseKind.MIXED, null), 2).id();
		String staff = "roster-staff-" + tag;
		care.assignHouses(accounts.open(new NewAccount(program, staff, "Staff " + tag, null, Set.of(Role.STAFF), null)).id(),
				List.of(house));
		UUID newcomer = admit(program, house, 0, "Nova" + tag);
		UUID senior = admit(program, house, 1, "Sage" + tag);
		levels.assign(program, senior, Level.RESPONSIBILITY, today(), "clinician", "Review");
		accounts.open(new NewAccount(program, "roster-new-" + tag, "Nova", null, Set.of(Role.RESIDENT), newcomer));
		accounts.open(new NewAccount(program, "roster-sen-" + tag, "Sage", null, Set.of(Role.RESIDENT), senior));
		Job chore = jobs.create(signIns.user("director"), terms(house, "Chore " + tag, 1, false, 200));
		Job training = jobs.create(signIns.user("director"), terms(house, "Training " + tag, 2, false, 300));
		Job coordinator = jobs.create(signIns.user("director"), terms(house, "Coordinator " + tag, 3, true, 400));
		return new Ward(house, staff, newcomer, "roster-new-" + tag, senior, "roster-sen-" + tag, chore, training,
				coordinator);
	}

	private UUID admit(ProgramId program, UUID house, int bed, String family) {
		UUID resident = UUID.randomUUID();
		admissions.admit(program, resident, new NewAdmission("Robin", family, null, LocalDate.of(1992, 2, 2),
				houses.beds(program, house).get(bed).id(), today().minusDays(3)));
		await().atMost(Duration.ofSeconds(10)).until(() -> levels.currentOf(program, resident).isPresent());
		return resident;
	}

	static JobTerms terms(UUID house, String name, int minLevel, boolean senior, long rate) {
		return new JobTerms(house, name, null, List.of("teamwork"), minLevel, senior, 1, List.of(1, 4), LocalTime.of(9, 0),
				60, rate, RateUnit.PER_COMPLETION, "USD", "staff", JobClassification.THERAPEUTIC_CHORE, "The house", true);
	}

	private ProgramId program() {
		return signIns.user("director").programId();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ZoneOffset.UTC));
	}

}
