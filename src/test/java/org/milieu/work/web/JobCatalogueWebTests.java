package org.milieu.work.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.shared.RecordNotFound;
import org.milieu.work.Assignment;
import org.milieu.work.RateUnit;
import org.milieu.work.RosterStatus;
import org.milieu.work.Rosters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The job catalogue over JSON on the real database: who reads and who changes it, every refusal
 * naming its field and storing nothing, the database's own refusal of an unpaid job, and the
 * assignment read other parts of the work module build on. Each test names its jobs uniquely.
 */
@MilieuWebTest
class JobCatalogueWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Rosters rosters;

	@Autowired
	java.time.Clock clock;

	static String job(String name, String override) {
		String base = "\"name\": \"" + name + "\", \"description\": \"Wash and dry after dinner\", "
				+ "\"skills\": [\"teamwork\", \"food hygiene\"], \"minLevel\": 2, \"crewSize\": 3, \"days\": [5, 1, 3], "
				+ "\"startsAt\": \"18:30\", \"expectedMinutes\": 45, \"rateCents\": 250, \"rateUnit\": \"PER_COMPLETION\", "
				+ "\"currency\": \"USD\", \"supervisor\": \"staff\", \"classification\": \"THERAPEUTIC_CHORE\", "
				+ "\"beneficiary\": \"The house\"";
		return "{" + base + (override.isEmpty() ? "" : ", " + override) + "}";
	}

	private long stored(String name) {
		return jdbc.sql("select count(*) from work_job where name = ?").param(name).query(Long.class).single();
	}

	private static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void theDirectorAddsAJobAndEveryoneButFamilyReadsIt() throws Exception {
		String name = unique("Dishes");
		mvc.perform(post("/api/v1/jobs").with(signIns.as("director")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content(job(name, "")))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.name").value(name))
			.andExpect(jsonPath("$.days[0]").value(1))
			.andExpect(jsonPath("$.days[2]").value(5))
			.andExpect(jsonPath("$.skills[1]").value("food hygiene"))
			.andExpect(jsonPath("$.rateCents").value(250))
			.andExpect(jsonPath("$.senior").value(false))
			.andExpect(jsonPath("$.active").value(true))
			.andExpect(jsonPath("$.createdBy").value("director"));
		for (String reader : new String[] { "resident01", "staff", "clinician" }) {
			mvc.perform(get("/api/v1/jobs").with(signIns.as(reader)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.name == '" + name + "')].classification").value("THERAPEUTIC_CHORE"));
		}
		mvc.perform(get("/api/v1/jobs").with(signIns.as("family"))).andExpect(status().isForbidden());
	}

	@Test
	void onlyTheDirectorChangesTheCatalogueAndARefusalStoresNothing() throws Exception {
		String name = unique("Laundry");
		for (String caller : new String[] { "staff", "clinician", "resident01" }) {
			mvc.perform(post("/api/v1/jobs").with(signIns.as(caller)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
					.content(job(name, ""))).andExpect(status().isForbidden());
		}
		assertThat(stored(name)).isZero();
	}

	@Test
	void badTermsAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
		String[][] cases = { { "\"rateCents\": 0", "rateCents" }, { "\"rateCents\": -100", "rateCents" },
				{ "\"rateCents\": null", "rateCents" }, { "\"name\": \"  \"", "name" }, { "\"minLevel\": 5", "minLevel" },
				{ "\"minLevel\": 0", "minLevel" }, { "\"crewSize\": 0", "crewSize" }, { "\"days\": []", "days" },
				{ "\"days\": [8]", "days" }, { "\"startsAt\": null", "startsAt" }, { "\"expectedMinutes\": 0", "expectedMinutes" },
				{ "\"rateUnit\": null", "rateUnit" }, { "\"currency\": \"usd1\"", "currency" },
				{ "\"supervisor\": \"resident01\"", "supervisor" }, { "\"supervisor\": \"nobody-here\"", "supervisor" },
				{ "\"classification\": null", "classification" }, { "\"beneficiary\": \"\"", "beneficiary" },
				{ "\"houseId\": \"" + UUID.randomUUID() + "\"", "houseId" } };
		for (String[] c : cases) {
			String name = unique("Refused");
			mvc.perform(post("/api/v1/jobs").with(signIns.as("director")).with(csrf())
					.contentType(MediaType.APPLICATION_JSON).content(job(name, c[0])))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].field").value(c[1]));
			assertThat(stored(name)).as(c[0]).isZero();
		}
	}

	@Test
	void theDatabaseRefusesAnUnpaidJobToo() {
		UUID program = signIns.user("director").programId().value();
		assertThatThrownBy(() -> jdbc.sql("insert into work_job (id, program_id, name, min_level, crew_size, days, starts_at, "
				+ "expected_minutes, rate_cents, rate_unit, currency, supervisor, classification, beneficiary, created_by, "
				+ "created_at) values (?, ?, 'Unpaid', 1, 1, '{1}', '09:00', 30, 0, 'PER_HOUR', 'USD', 'staff', "
				+ "'PRODUCTIVE_WORK', 'Outside', 'test', now())").params(UUID.randomUUID(), program).update())
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void theDirectorChangesAJobOnTheVersionTheyReadAndBadTermsChangeNothing() throws Exception {
		String name = unique("Grounds");
		String id = com.jayway.jsonpath.JsonPath.read(mvc.perform(post("/api/v1/jobs").with(signIns.as("director"))
				.with(csrf()).contentType(MediaType.APPLICATION_JSON).content(job(name, "")))
			.andReturn().getResponse().getContentAsString(), "$.id");
		mvc.perform(put("/api/v1/jobs/" + id).with(signIns.as("director")).with(csrf()).header("If-Match", "\"1\"")
				.contentType(MediaType.APPLICATION_JSON).content(job(name, "\"rateCents\": 300, \"rateUnit\": \"PER_HOUR\"")))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.rateCents").value(300))
			.andExpect(jsonPath("$.rateUnit").value("PER_HOUR"))
			.andExpect(jsonPath("$.version").value(2));
		mvc.perform(put("/api/v1/jobs/" + id).with(signIns.as("director")).with(csrf()).header("If-Match", "\"1\"")
				.contentType(MediaType.APPLICATION_JSON).content(job(name, "\"rateCents\": 400")))
			.andExpect(status().isPreconditionFailed());
		mvc.perform(put("/api/v1/jobs/" + id).with(signIns.as("director")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content(job(name, "\"rateCents\": 0")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("rateCents"));
		mvc.perform(put("/api/v1/jobs/" + id).with(signIns.as("staff")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content(job(name, "\"rateCents\": 500")))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select rate_cents from work_job where id = ?").param(UUID.fromString(id)).query(Long.class)
			.single()).isEqualTo(300L);
		mvc.perform(put("/api/v1/jobs/" + UUID.randomUUID()).with(signIns.as("director")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content(job(name, ""))).andExpect(status().isNotFound());
	}

	@Test
	void theDemoHasADozenJobsPreferencesAndLastAndThisWeeksRostersPublished() {
		UUID program = signIns.user("director").programId().value();
		assertThat(jdbc.sql("select count(*) from work_job where program_id = ? and created_by = 'director' and active")
			.param(program).query(Long.class).single()).isGreaterThanOrEqualTo(12L);
		assertThat(jdbc.sql("select count(distinct resident_id) from work_job_preference where program_id = ?").param(program)
			.query(Long.class).single()).isGreaterThanOrEqualTo(20L);
		LocalDate thisWeek = Rosters.weekOf(LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC)));
		List<LocalDate> published = jdbc.sql("select week_start from work_roster where program_id = ? and status = 'PUBLISHED' "
				+ "and created_by = 'staff' and week_start between ? and ? order by week_start")
			.params(program, thisWeek.minusWeeks(2), thisWeek.plusWeeks(1)).query(LocalDate.class).list();
		assertThat(published).hasSizeGreaterThanOrEqualTo(2);
		assertThat(jdbc.sql("""
				select count(*) from (select a.house_id, a.job_id, count(*) as crew, max(j.crew_size) as size
				  from work_assignment a join work_roster r on r.id = a.roster_id join work_job j on j.id = a.job_id
				 where r.program_id = ? and r.status = 'PUBLISHED' group by a.roster_id, a.house_id, a.job_id) c
				 where crew > size""").param(program).query(Long.class).single()).as("no crew over its size").isZero();
	}

	@Test
	void anAssignmentIsReadWithItsWeekAndTheJobsSchedule() throws Exception {
		String name = unique("Kitchen");
		UUID job = UUID.fromString(com.jayway.jsonpath.JsonPath.read(mvc.perform(post("/api/v1/jobs")
				.with(signIns.as("director")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content(job(name, "\"active\": false")))
			.andReturn().getResponse().getContentAsString(), "$.id"));
		UUID program = signIns.user("director").programId().value();
		UUID resident = signIns.user("resident01").residentId();
		UUID roster = UUID.randomUUID();
		LocalDate monday = LocalDate.of(2019, 1, 7).plusWeeks(new java.util.Random().nextInt(300));
		jdbc.sql("insert into work_roster (id, program_id, week_start, status, created_by, created_at) "
				+ "values (?, ?, ?, 'PROPOSED', 'test', now())").params(roster, program, monday).update();
		UUID assignment = UUID.randomUUID();
		jdbc.sql("insert into work_assignment (id, program_id, roster_id, job_id, resident_id, rate_cents, rate_unit, "
				+ "currency, expected_minutes, chosen, created_at) values (?, ?, ?, ?, ?, 250, 'PER_COMPLETION', 'USD', 45, true, now())")
			.params(assignment, program, roster, job, resident).update();

		Assignment read = rosters.assignment(signIns.user("director").programId(), assignment);
		assertThat(read.jobName()).isEqualTo(name);
		assertThat(read.weekStart()).isEqualTo(monday);
		assertThat(read.rosterStatus()).isEqualTo(RosterStatus.PROPOSED);
		assertThat(read.days()).containsExactly(1, 3, 5);
		assertThat(read.startsAt()).isEqualTo(LocalTime.of(18, 30));
		assertThat(read.supervisor()).isEqualTo("staff");
		assertThat(read.rateUnit()).isEqualTo(RateUnit.PER_COMPLETION);
		assertThat(read.chosen()).isTrue();
		assertThat(read.scheduledOn(monday.plusDays(2))).isTrue();
		assertThat(read.scheduledOn(monday.plusDays(1))).isFalse();
		assertThat(read.published()).isFalse();
		assertThatThrownBy(() -> rosters.assignment(signIns.user("director").programId(), UUID.randomUUID()))
			.isInstanceOf(RecordNotFound.class);
	}
}
