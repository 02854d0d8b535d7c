package org.milieu.work.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.levels.privileges.LevelPrivileges;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.json.JsonMapper;

/**
 * Completion and verification of work over JSON: staff's marks earn at once, a coordinator's wait
 * for staff to verify them once, and every refusal leaves the record and the ledger as they were.
 */
@MilieuWebTest
class CompletionWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	LevelPrivileges privileges;

	final JsonMapper json = JsonMapper.builder().build();

	List<String> house = new ArrayList<>();

	UUID houseId;

	UUID program;

	/** The name of the job {@link #job()} made last. */
	String jobName;

	@BeforeEach
	void housemates() {
		program = signIns.user("staff").programId().value();
		houseId = jdbc.sql("select house_id from residents_stay where resident_id = ? and discharged_on is null")
			.param(signIns.user("resident01").residentId()).query(UUID.class).single();
		house.clear();
		for (int i = 1; i <= 32; i++) {
			String username = String.format("resident%02d", i);
			UUID resident = signIns.user(username).residentId();
			if (resident != null && jdbc.sql("select count(*) from residents_stay where resident_id = ? and house_id = ? "
					+ "and discharged_on is null").params(resident, houseId).query(Integer.class).single() == 1) {
				house.add(username);
			}
		}
	}

	UUID resident(String username) {
		return signIns.user(username).residentId();
	}

	ResultActions post(String path, String who, String body) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
			.with(signIns.as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	/** A job happening on Mondays, Wednesdays and Fridays, paying 500 cents a completion. */
	UUID job() throws Exception {
		String body = "{\"name\": \"Porch sweeping " + UUID.randomUUID().toString().substring(0, 6) + "\", "
				+ "\"skills\": [\"care of shared spaces\"], \"minLevel\": 1, \"crewSize\": 4, \"days\": [1, 3, 5], "
				+ "\"startsAt\": \"09:00\", \"expectedMinutes\": 30, \"rateCents\": 500, \"rateUnit\": \"PER_COMPLETION\", "
				+ "\"currency\": \"USD\", \"supervisor\": \"staff\", \"classification\": \"THERAPEUTIC_CHORE\", "
				+ "\"beneficiary\": \"The house\"}";
		tools.jackson.databind.JsonNode created = json.readTree(post("/api/v1/jobs", "director", body)
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
		jobName = created.get("name").asString();
		return UUID.fromString(created.get("id").asString());
	}

	/** A roster of a week long past, published or not, with this assignment. */
	UUID assignment(UUID job, String username, LocalDate monday, String status) {
		UUID roster = UUID.randomUUID();
		jdbc.sql("insert into work_roster (id, program_id, week_start, status, created_by, created_at, published_by, published_at) "
				+ "values (?, ?, ?, ?, 'staff', now(), ?, ?)")
			.params(roster, program, monday, status, "PUBLISHED".equals(status) ? "staff" : null,
					"PUBLISHED".equals(status) ? java.sql.Timestamp.from(clock.instant()) : null)
			.update();
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into work_assignment (id, program_id, roster_id, job_id, resident_id, house_id, rate_cents, rate_unit, "
				+ "currency, expected_minutes, chosen, created_at) values (?, ?, ?, ?, ?, ?, 500, 'PER_COMPLETION', 'USD', 30, "
				+ "true, now())").params(id, program, roster, job, resident(username), houseId).update();
		return id;
	}

	/** A Monday far enough back that no published roster of the demo or another test is on it. */
	LocalDate monday(int weeksAgo) {
		LocalDate monday = clock.instant().atZone(ZoneOffset.UTC).toLocalDate().minusWeeks(weeksAgo)
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		while (jdbc.sql("select count(*) from work_roster where program_id = ? and week_start = ? and status = 'PUBLISHED'")
			.params(program, monday).query(Integer.class).single() > 0) {
			monday = monday.minusWeeks(1);
		}
		return monday;
	}

	long balance(String username) {
		return jdbc.sql("select coalesce(sum(amount_cents), 0) from work_stipend_entry where resident_id = ?")
			.param(resident(username)).query(Long.class).single();
	}

	int completions() {
		return jdbc.sql("select count(*) from work_completion").query(Integer.class).single();
	}

	@Test
	void staffMarkEachOccurrenceAndTheirMarkEarnsTheStipend() throws Exception {
		UUID job = job();
		LocalDate monday = monday(30);
		String worker = house.get(5);
		UUID assignment = assignment(job, worker, monday, "PUBLISHED");
		long before = balance(worker);
		int marks = completions();

		post("/api/v1/job-assignments/" + assignment + "/completion", "staff", "{\"date\": \"" + monday.plusDays(1)
				+ "\", \"outcome\": \"DONE\"}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("date"));
		post("/api/v1/job-assignments/" + assignment + "/completion", "staff", "{\"date\": \"" + monday
				+ "\", \"outcome\": \"DONE\", \"quality\": 6}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("quality"));
		post("/api/v1/job-assignments/" + assignment + "/completion", "staff", "{\"date\": \"" + monday + "\"}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("outcome"));
		post("/api/v1/job-assignments/" + assignment + "/completion", "staff", "{\"date\": \"" + monday
				+ "\", \"outcome\": \"NOT_DONE\", \"minutes\": 20}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("minutes"));
		post("/api/v1/job-assignments/" + assignment + "/completion", "family", "{\"date\": \"" + monday
				+ "\", \"outcome\": \"DONE\"}").andExpect(status().isForbidden());
		post("/api/v1/job-assignments/" + assignment + "/completion", worker, "{\"date\": \"" + monday
				+ "\", \"outcome\": \"DONE\"}").andExpect(status().isForbidden());
		assertThat(completions()).isEqualTo(marks);

		post("/api/v1/job-assignments/" + assignment + "/completion", "staff", "{\"date\": \"" + monday
				+ "\", \"outcome\": \"DONE\", \"quality\": 4, \"note\": \"Swept and tidy\"}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.verifiedBy").value("staff")).andExpect(jsonPath("$.earnedCents").value(500))
			.andExpect(jsonPath("$.minutes").value(30));
		assertThat(balance(worker)).isEqualTo(before + 500);
		post("/api/v1/job-assignments/" + assignment + "/completion", "staff", "{\"date\": \"" + monday
				+ "\", \"outcome\": \"PARTLY_DONE\"}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("date"));
		post("/api/v1/job-assignments/" + assignment + "/completion", "staff", "{\"date\": \"" + monday.plusDays(2)
				+ "\", \"outcome\": \"PARTLY_DONE\"}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.earnedCents").value(250)).andExpect(jsonPath("$.minutes").value(15));
		post("/api/v1/job-assignments/" + assignment + "/completion", "staff", "{\"date\": \"" + monday.plusDays(4)
				+ "\", \"outcome\": \"NOT_DONE\"}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.earnedCents").value(0)).andExpect(jsonPath("$.stipendEntryId").value(Matchers.nullValue()));
		assertThat(balance(worker)).isEqualTo(before + 750);

		UUID proposed = assignment(job, worker, monday(40), "PROPOSED");
		post("/api/v1/job-assignments/" + proposed + "/completion", "staff", "{\"date\": \"" + monday(40)
				+ "\", \"outcome\": \"DONE\"}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("assignmentId"));
	}

	@Test
	void verifiedWorkMakesTheWorkAndSkillsRecordTheResidentTakesAlong() throws Exception {
		UUID job = job();
		String name = jobName;
		LocalDate monday = monday(70);
		String worker = house.get(6);
		UUID assignment = assignment(job, worker, monday, "PUBLISHED");
		post("/api/v1/job-assignments/" + assignment + "/completion", "staff", "{\"date\": \"" + monday
				+ "\", \"outcome\": \"DONE\", \"minutes\": 40}").andExpect(status().isCreated());
		post("/api/v1/job-assignments/" + assignment + "/completion", "staff", "{\"date\": \"" + monday.plusDays(2)
				+ "\", \"outcome\": \"NOT_DONE\"}").andExpect(status().isCreated());
		mvc.perform(get("/api/v1/residents/" + resident(worker) + "/work-record").with(signIns.as(worker)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.skills").value(Matchers.hasItem("care of shared spaces")))
			.andExpect(jsonPath("$.jobs[?(@.job == '" + name + "')].occurrences").value(Matchers.contains(1)))
			.andExpect(jsonPath("$.jobs[?(@.job == '" + name + "')].minutes").value(Matchers.contains(40)));
		mvc.perform(get("/api/v1/residents/" + resident(worker) + "/work-record.pdf").with(signIns.as("staff")))
			.andExpect(status().isForbidden());
		byte[] pdf = mvc.perform(get("/api/v1/residents/" + resident(worker) + "/work-record.pdf").with(signIns.as(worker)))
			.andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.contentType("application/pdf"))
			.andReturn().getResponse().getContentAsByteArray();
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
			assertThat(text).contains("Work and skills record").contains(name).contains("care of shared spaces");
		}
	}

	@Test
	void aCoordinatorMarksAHousematesWorkAndStaffVerifyItOnce() throws Exception {
		List<String> coordinators = house.stream().filter(u -> privileges.may(signIns.user(u).programId(), resident(u),
				"WORK_COORDINATOR", clock.instant()).allowed()).toList();
		List<String> others = house.stream().filter(u -> !coordinators.contains(u)).toList();
		String coordinator = coordinators.get(0);
		String worker = others.get(0);
		String bystander = others.get(1);
		UUID job = job();
		LocalDate monday = monday(50);
		UUID assignment = assignment(job, worker, monday, "PUBLISHED");
		UUID own = assignment(job, coordinator, monday(60), "PUBLISHED");
		long before = balance(worker);

		post("/api/v1/job-assignments/" + own + "/completion", coordinator, "{\"date\": \"" + monday(60)
				+ "\", \"outcome\": \"DONE\"}").andExpect(status().isForbidden());
		post("/api/v1/job-assignments/" + assignment + "/completion", bystander, "{\"date\": \"" + monday
				+ "\", \"outcome\": \"DONE\"}").andExpect(status().isForbidden());
		String id = json.readTree(post("/api/v1/job-assignments/" + assignment + "/completion", coordinator,
				"{\"date\": \"" + monday + "\", \"outcome\": \"DONE\", \"quality\": 5}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.verifiedBy").value(Matchers.nullValue()))
			.andExpect(jsonPath("$.markedByResident").value(resident(coordinator).toString()))
			.andReturn().getResponse().getContentAsString()).get("id").asString();
		assertThat(balance(worker)).isEqualTo(before);
		mvc.perform(get("/api/v1/job-completions").with(signIns.as("staff"))).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id").value(Matchers.hasItem(id)));

		post("/api/v1/job-completions/" + id + "/verification", coordinator, "{}").andExpect(status().isForbidden());
		post("/api/v1/job-completions/" + id + "/verification", "staff", "{}").andExpect(status().isOk())
			.andExpect(jsonPath("$.verifiedBy").value("staff")).andExpect(jsonPath("$.earnedCents").value(500));
		assertThat(balance(worker)).isEqualTo(before + 500);
		post("/api/v1/job-completions/" + id + "/verification", "staff", "{}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
		assertThat(balance(worker)).isEqualTo(before + 500);
		mvc.perform(get("/api/v1/job-completions").with(signIns.as("staff"))).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id").value(Matchers.not(Matchers.hasItem(id))));
	}
}
