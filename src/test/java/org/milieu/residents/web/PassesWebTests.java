package org.milieu.residents.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.milieu.identity.Accounts;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.milieu.levels.Level;
import org.milieu.levels.ResidentLevels;
import org.milieu.residents.Admissions;
import org.milieu.residents.DischargeType;
import org.milieu.residents.Discharges;
import org.milieu.residents.House;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;
import org.milieu.residents.NewDischarge;
import org.milieu.residents.passes.NewPass;
import org.milieu.residents.passes.PassOverdue;
import org.milieu.residents.passes.Passes;
import org.milieu.shared.MutableClock;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Passes end to end on the real database: signing out and in, the rules that refuse a pass, who
 * may do it, and an overdue return reaching the home page once the clock passes it. The clock is
 * a {@link MutableClock}; every test works on a house, staff member and resident of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(DemoSignIns.class)
class PassesWebTests {

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(java.time.Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS));
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	Houses houses;

	@Autowired
	Admissions admissions;

	@Autowired
	Discharges discharges;

	@Autowired
	Accounts accounts;

	@Autowired
	CareRelationships care;

	@Autowired
	Passes passes;

	@Autowired
	ResidentLevels levels;

	@Autowired
	JdbcClient jdbc;

	@Test
	void staffSignAResidentOutAndBackInAndBothAreAudited() throws Exception {
		Ward ward = ward(null);
		String location = mvc.perform(signOut(ward, ward.staff(), """
				{"destination": "Harbor Public Library", "purpose": "Job search", "companion": "Sponsor Ray",
				 "expectedBackAt": "%s"}""".formatted(in(Duration.ofHours(2)))))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/passes/")))
			.andExpect(jsonPath("$.status").value("OUT"))
			.andExpect(jsonPath("$.approvedBy").value(ward.staff()))
			.andExpect(jsonPath("$.companion").value("Sponsor Ray"))
			.andReturn().getResponse().getHeader("Location");
		mvc.perform(get(location).with(signIns.as(ward.staff()))).andExpect(status().isOk())
			.andExpect(jsonPath("$.destination").value("Harbor Public Library"));

		mvc.perform(post(location + "/return").with(signIns.as(ward.staff())).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"Back on foot, in good spirits\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RETURNED"))
			.andExpect(jsonPath("$.returnedRecordedBy").value(ward.staff()))
			.andExpect(jsonPath("$.returnNote").value("Back on foot, in good spirits"));
		mvc.perform(get("/api/v1/residents/" + ward.resident() + "/passes").with(signIns.as(ward.staff())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].status").value("RETURNED"));
		assertThat(audited(ward.resident(), ward.staff(), "CREATE")).as("the sign-out is audited").isEqualTo(1);
		assertThat(audited(ward.resident(), ward.staff(), "UPDATE")).as("the sign-in is audited").isEqualTo(1);
	}

	@Test
	void signingOutAResidentWhoIsAlreadyOutIsRefusedNamingTheResidentAndWritesNothing() throws Exception {
		Ward ward = ward(null);
		mvc.perform(signOut(ward, "director", body(in(Duration.ofHours(1))))).andExpect(status().isCreated());
		mvc.perform(signOut(ward, "director", body(in(Duration.ofHours(3)))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("resident"))
			.andExpect(jsonPath("$.detail").value(containsString("already out")));
		assertThat(passCount(ward.resident())).isEqualTo(1);
	}

	@Test
	void aPassIsSignedBackInOnlyOnce() throws Exception {
		Ward ward = ward(null);
		String location = mvc.perform(signOut(ward, "director", body(in(Duration.ofHours(1)))))
			.andReturn().getResponse().getHeader("Location");
		mvc.perform(post(location + "/return").with(signIns.as("director")).with(csrf())).andExpect(status().isOk());
		String returnedAt = jdbc.sql("select returned_at::text from residents_pass where resident_id = ?").param(ward.resident())
			.query(String.class).single();
		mvc.perform(post(location + "/return").with(signIns.as("director")).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("pass"))
			.andExpect(jsonPath("$.detail").value(containsString("already signed back in")));
		assertThat(jdbc.sql("select returned_at::text from residents_pass where resident_id = ?").param(ward.resident())
			.query(String.class).single()).isEqualTo(returnedAt);
	}

	@Test
	void impossibleTimesAreRefusedFieldByField() throws Exception {
		Ward ward = ward(null);
		mvc.perform(signOut(ward, "director", body(in(Duration.ofMinutes(-5)))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("expectedBackAt"));
		mvc.perform(signOut(ward, "director", """
				{"destination": "Clinic", "purpose": "Appointment", "leftAt": "%s", "expectedBackAt": "%s"}"""
			.formatted(in(Duration.ofMinutes(30)), in(Duration.ofHours(2)))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("leftAt"));
		mvc.perform(signOut(ward, "director", "{\"destination\": \"Clinic\", \"purpose\": \" \", \"expectedBackAt\": \""
				+ in(Duration.ofHours(2)) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("purpose"));
		assertThat(passCount(ward.resident())).isZero();
	}

	@Test
	void aReturnAfterTheHouseCurfewNeedsStaffToAllowIt() throws Exception {
		ZoneId zone = passes.zone(program());
		LocalTime curfew = clock.instant().plus(Duration.ofHours(1)).atZone(zone).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
		Ward ward = ward(curfew);
		mvc.perform(signOut(ward, "director", body(in(Duration.ofHours(2)))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("expectedBackAt"))
			.andExpect(jsonPath("$.detail").value(containsString(curfew.format(DateTimeFormatter.ofPattern("HH:mm")))));
		assertThat(passCount(ward.resident())).isZero();
		mvc.perform(signOut(ward, "director", """
				{"destination": "Sister's home", "purpose": "Overnight family visit", "expectedBackAt": "%s",
				 "pastCurfew": true}""".formatted(in(Duration.ofHours(20)))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.pastCurfew").value(true));
	}

	@Test
	void aDischargedResidentCannotBeSignedOut() throws Exception {
		Ward ward = ward(null);
		discharges.discharge(signIns.user("director"), ward.resident(), new NewDischarge(today().minusDays(1),
				DischargeType.COMPLETED, null, null));
		mvc.perform(signOut(ward, "director", body(in(Duration.ofHours(1)))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("resident"));
		assertThat(passCount(ward.resident())).isZero();
	}

	@Test
	void anOverdueReturnReachesTheHomePageAndTheCensusOnceTheClockPassesIt() throws Exception {
		Ward ward = ward(null);
		mvc.perform(signOut(ward, ward.staff(), body(in(Duration.ofHours(1))))).andExpect(status().isCreated());
		String name = "Pat " + ward.family();
		mvc.perform(get("/attention").with(signIns.as(ward.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(name + " is overdue"))))
			.andExpect(content().string(containsString("Residents out on a pass: 1")));
		mvc.perform(get("/residents").with(signIns.as(ward.staff())))
			.andExpect(content().string(containsString("Out until")));
		assertThat(passes.noticeOverdue()).extracting(PassOverdue::residentId).doesNotContain(ward.resident());

		clock.advance(Duration.ofMinutes(61));
		mvc.perform(get("/attention").with(signIns.as(ward.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name + " is overdue from pass since")))
			.andExpect(content().string(containsString("/passes")));
		mvc.perform(get("/").with(signIns.as(ward.staff())))
			.andExpect(content().string(containsString(name + " is overdue from pass since")));
		mvc.perform(get("/residents").with(signIns.as(ward.staff())))
			.andExpect(content().string(containsString("Overdue since")));
		mvc.perform(get("/passes").with(signIns.as(ward.staff())))
			.andExpect(content().string(containsString("pass-card overdue")));
		mvc.perform(get("/api/v1/passes?status=overdue").with(signIns.as(ward.staff())))
			.andExpect(jsonPath("$[0].residentId").value(ward.resident().toString()));
		// the scheduled watch may have noticed it first; either way it is marked, and only once
		passes.noticeOverdue();
		assertThat(jdbc.sql("select overdue_noticed_at is not null from residents_pass where resident_id = ?")
			.param(ward.resident()).query(Boolean.class).single()).isTrue();
		assertThat(passes.noticeOverdue()).as("noticed once").extracting(PassOverdue::residentId)
			.doesNotContain(ward.resident());
		assertThat(jdbc.sql("select count(*) from audit_record where 'WHEREABOUTS' = any(categories) and action = 'READ' "
				+ "and resident_id = ? and username = ?").params(ward.resident(), ward.staff()).query(Integer.class).single())
			.as("naming the resident on the home page is a read of their whereabouts").isPositive();
	}

	@Test
	void staffOfAnotherHouseAreRefusedAndTheRefusalIsAudited() throws Exception {
		Ward ward = ward(null);
		mvc.perform(signOut(ward, "staff", body(in(Duration.ofHours(1))))).andExpect(status().isForbidden());
		assertThat(passCount(ward.resident())).isZero();
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'ACCESS_DENIED' and 'WHEREABOUTS' = any(categories) "
				+ "and resident_id = ? and username = 'staff'").param(ward.resident()).query(Integer.class).single())
			.isEqualTo(1);
		mvc.perform(get("/api/v1/residents/" + ward.resident() + "/passes").with(signIns.as("staff")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/passes").with(signIns.as("staff")))
			.andExpect(content().string(not(containsString(ward.resident().toString()))));
	}

	@Test
	void aResidentReadsTheirOwnPassesAndNoOneElses() throws Exception {
		Ward ward = ward(null);
		mvc.perform(signOut(ward, "director", body(in(Duration.ofHours(1))))).andExpect(status().isCreated());
		String username = "pass-res-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.open(new NewAccount(program(), username, "Pat " + ward.family(), null, Set.of(Role.RESIDENT), ward.resident()));
		mvc.perform(get("/api/v1/residents/" + ward.resident() + "/passes").with(signIns.as(username)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].destination").value("Harbor Public Library"));
		mvc.perform(get("/api/v1/residents/" + signIns.user("resident02").residentId() + "/passes").with(signIns.as(username)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/passes").with(signIns.as(username))).andExpect(status().isForbidden());
		mvc.perform(signOut(ward, username, body(in(Duration.ofHours(1))))).andExpect(status().isForbidden());
	}

	@Test
	void twoSimultaneousSignOutsGiveOnePass() throws Exception {
		Ward ward = ward(null);
		MilieuUser director = signIns.user("director");
		CountDownLatch start = new CountDownLatch(1);
		Callable<String> attempt = () -> {
			start.await();
			try {
				passes.signOut(director, ward.resident(),
						new NewPass("Clinic", "Appointment", null, null, clock.instant().plus(Duration.ofHours(1)), false));
				return "signed out";
			}
			catch (RuleViolation refused) {
				return refused.code();
			}
		};
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<String>> outcomes = List.of(pool.submit(attempt), pool.submit(attempt));
			start.countDown();
			assertThat(List.of(outcomes.get(0).get(), outcomes.get(1).get())).containsExactlyInAnyOrder("signed out",
					"pass.alreadyOut");
		}
		finally {
			pool.shutdown();
		}
		assertThat(passCount(ward.resident())).isEqualTo(1);
		// and the database itself refuses a second open pass, whatever the code does
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("""
				insert into residents_pass (id, program_id, resident_id, stay_id, house_id, destination, purpose, left_at,
				                            expected_back_at, approved_by, signed_out_by)
				select gen_random_uuid(), program_id, resident_id, stay_id, house_id, 'X', 'Y', left_at, expected_back_at, 'x', 'x'
				  from residents_pass where resident_id = ?""").param(ward.resident()).update())
			.isInstanceOf(DuplicateKeyException.class);
	}

	@Test
	void theSignOutPageShowsRuleViolationsAtTheirFieldsAndSignsOutOnSuccess() throws Exception {
		Ward ward = ward(null);
		mvc.perform(get("/residents/" + ward.resident() + "/passes/new").with(signIns.as(ward.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sign out Pat " + ward.family())));
		ZoneId zone = passes.zone(program());
		DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
		String past = clock.instant().minus(Duration.ofHours(1)).atZone(zone).format(local);
		String later = clock.instant().plus(Duration.ofHours(2)).atZone(zone).format(local);
		mvc.perform(post("/residents/" + ward.resident() + "/passes").with(signIns.as(ward.staff())).with(csrf())
			.param("destination", "Library").param("purpose", "Study").param("expectedBackAt", past))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"expectedBackAt-error\"")));
		assertThat(passCount(ward.resident())).isZero();
		mvc.perform(post("/residents/" + ward.resident() + "/passes").with(signIns.as(ward.staff())).with(csrf())
			.param("destination", "Library").param("purpose", "Study").param("expectedBackAt", later))
			.andExpect(redirectedUrl("/passes"));
		UUID pass = jdbc.sql("select id from residents_pass where resident_id = ?").param(ward.resident()).query(UUID.class).single();
		mvc.perform(post("/passes/" + pass + "/return").with(signIns.as(ward.staff())).with(csrf()))
			.andExpect(redirectedUrl("/passes"));
		assertThat(jdbc.sql("select returned_recorded_by from residents_pass where id = ?").param(pass).query(String.class)
			.single()).isEqualTo(ward.staff());
	}

	@Test
	void theDirectorSetsAHouseCurfewThroughTheApi() throws Exception {
		Ward ward = ward(null);
		int version = houses.find(program(), ward.house()).version();
		mvc.perform(put("/api/v1/houses/" + ward.house()).with(signIns.as("director")).with(csrf())
			.header("If-Match", "\"" + version + "\"").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Curfew " + ward.family() + "\", \"kind\": \"MIXED\", \"curfew\": \"22:30\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.curfew").value(containsString("22:30")));
		assertThat(houses.find(program(), ward.house()).curfew()).isEqualTo(LocalTime.of(22, 30));
	}

	@Test
	void theDirectorSetsAndClearsAHouseCurfewOnTheHouseForm() throws Exception {
		Ward ward = ward(null);
		int version = houses.find(program(), ward.house()).version();
		mvc.perform(post("/houses/" + ward.house()).with(signIns.as("director")).with(csrf())
			.param("name", "Curfew " + ward.family()).param("kind", "MIXED").param("curfew", "21:45")
			.param("version", String.valueOf(version)))
			.andExpect(redirectedUrl("/houses"));
		assertThat(houses.find(program(), ward.house()).curfew()).isEqualTo(LocalTime.of(21, 45));
		mvc.perform(get("/houses/" + ward.house() + "/edit").with(signIns.as("director")))
			.andExpect(content().string(containsString("value=\"21:45\"")));
		mvc.perform(post("/houses/" + ward.house()).with(signIns.as("director")).with(csrf())
			.param("name", "Curfew " + ward.family()).param("kind", "MIXED").param("curfew", "")
			.param("version", String.valueOf(version + 1)))
			.andExpect(redirectedUrl("/houses"));
		assertThat(houses.find(program(), ward.house()).curfew()).isNull();
	}

	/** A house of its own (with this curfew), a staff member working there and one resident in it, at level 2. */
	record Ward(UUID house, String staff, UUID resident, String family) {
	}

	private Ward ward(LocalTime curfew) {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		ProgramId program = program();
		House house = houses.found(program, new HouseDetails("Pass " + tag, HouseKind.MIXED, null, curfew), 2);
		String staff = "pass-staff-" + tag;
		UUID account = accounts.open(new NewAccount(program, staff, "Night " + tag, null, Set.of(Role.STAFF), null)).id();
		care.assignHouses(account, List.of(house.id()));
		UUID resident = UUID.randomUUID();
		String family = "Walker" + tag;
		admissions.admit(program, resident, new NewAdmission("Pat", family, null, LocalDate.of(1990, 3, 3),
				houses.beds(program, house.id()).get(0).id(), today().minusDays(30)));
		// passes are a privilege of level 2 (levels answers PassEligibility): the resident has reached it
		levels.assign(program, resident, Level.STABILISATION, today().minusDays(29), "director", "Stable for two weeks");
		return new Ward(house.id(), staff, resident, family);
	}

	private ProgramId program() {
		return signIns.user("director").programId();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(passes.zone(program())));
	}

	private String in(Duration duration) {
		return clock.instant().plus(duration).toString();
	}

	private static String body(String expectedBackAt) {
		return "{\"destination\": \"Harbor Public Library\", \"purpose\": \"Job search\", \"expectedBackAt\": \""
				+ expectedBackAt + "\"}";
	}

	private MockHttpServletRequestBuilder signOut(Ward ward, String as, String json) {
		return post("/api/v1/residents/" + ward.resident() + "/passes").with(signIns.as(as)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(json);
	}

	private int passCount(UUID resident) {
		return jdbc.sql("select count(*) from residents_pass where resident_id = ?").param(resident).query(Integer.class).single();
	}

	private int audited(UUID resident, String username, String action) {
		return jdbc.sql("select count(*) from audit_record where 'WHEREABOUTS' = any(categories) and action = ? and resident_id = ? "
				+ "and username = ? and outcome = 'SUCCESS'").params(action, resident, username).query(Integer.class).single();
	}
}
