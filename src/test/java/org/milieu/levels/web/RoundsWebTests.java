package org.milieu.levels.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.Accounts;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.milieu.levels.rounds.ObservationRounds;
import org.milieu.residents.Admissions;
import org.milieu.residents.DischargeType;
import org.milieu.residents.Discharges;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;
import org.milieu.residents.NewDischarge;
import org.milieu.shared.ProgramId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Observation rounds end to end on the real database: orders (clinical, with a reason), checks
 * one at a time and in batches, who is due and overdue, the home page's alert, one-to-one
 * hand-overs and the pages. Every test works on a house, staff member, clinician and residents of
 * its own; times are set relative to the application's clock.
 */
@MilieuWebTest
class RoundsWebTests {

	@Autowired
	MockMvc mvc;

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
	ObservationRounds rounds;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	record Ward(UUID house, String staff, String clinician, UUID resident, UUID other, String family) {
	}

	@Test
	void anOrderWithoutAReasonIsRefusedNamingTheReasonAndNothingIsStored() throws Exception {
		Ward ward = ward();
		mvc.perform(order(ward.resident(), ward.clinician(), "{\"frequency\": \"EVERY_15\", \"reason\": \"  \"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(order(ward.resident(), ward.clinician(), "{\"frequency\": \"EVERY_15\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		assertThat(orderCount(ward.resident())).isZero();
	}

	@Test
	void staffCannotOrderObservationButRecordChecksOnceAClinicianHas() throws Exception {
		Ward ward = ward();
		mvc.perform(order(ward.resident(), ward.staff(), "{\"frequency\": \"EVERY_15\", \"reason\": \"Low mood\"}"))
			.andExpect(status().isForbidden());
		assertThat(orderCount(ward.resident())).isZero();
		mvc.perform(observe(ward.resident(), ward.staff(), "{\"location\": \"Day room\", \"activity\": \"Reading\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("resident"));

		mvc.perform(order(ward.resident(), ward.clinician(), "{\"frequency\": \"EVERY_15\", \"reason\": \"Low mood after a call\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.frequency").value("EVERY_15"))
			.andExpect(jsonPath("$.orderedBy").value(ward.clinician()));
		mvc.perform(observe(ward.resident(), ward.staff(),
				"{\"location\": \"Day room\", \"activity\": \"Reading\", \"moodBehaviour\": \"Calm\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.observedBy").value(ward.staff()))
			.andExpect(jsonPath("$.location").value("Day room"));
		assertThat(checkCount(ward.resident())).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_record where 'LEVELS_AND_RATINGS' = any(categories) and action = 'CREATE' "
				+ "and resident_id = ? and username = ?").params(ward.resident(), ward.staff()).query(Integer.class).single())
			.as("the check is audited").isEqualTo(1);
		// a safety concern needs a note saying what it was
		mvc.perform(observe(ward.resident(), ward.staff(),
				"{\"location\": \"Bedroom\", \"activity\": \"Pacing\", \"safetyConcern\": true}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("safetyNote"));
		assertThat(checkCount(ward.resident())).isEqualTo(1);
	}

	@Test
	void theNextCheckIsDueOneIntervalAfterTheLastAndOverdueFiveMinutesLater() throws Exception {
		Ward ward = ward();
		Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		orderSince(ward, ward.resident(), "EVERY_15", now.minus(Duration.ofHours(1)));
		orderSince(ward, ward.other(), "EVERY_60", now.minus(Duration.ofHours(1)));
		checkAt(ward, ward.resident(), now.minus(Duration.ofMinutes(40)));
		checkAt(ward, ward.other(), now.minus(Duration.ofMinutes(10)));

		mvc.perform(get("/api/v1/houses/" + ward.house() + "/rounds").with(signIns.as(ward.staff())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].residentId").value(ward.resident().toString()))
			.andExpect(jsonPath("$[0].overdue").value(true))
			.andExpect(jsonPath("$[0].nextDue").value(now.minus(Duration.ofMinutes(25)).toString()))
			.andExpect(jsonPath("$[1].residentId").value(ward.other().toString()))
			.andExpect(jsonPath("$[1].overdue").value(false))
			.andExpect(jsonPath("$[1].nextDue").value(now.plus(Duration.ofMinutes(50)).toString()));
		// a check now makes the overdue resident due again in 15 minutes
		mvc.perform(observe(ward.resident(), ward.staff(), "{\"location\": \"Garden\", \"activity\": \"Smoking\"}"))
			.andExpect(status().isCreated());
		mvc.perform(get("/api/v1/houses/" + ward.house() + "/rounds").with(signIns.as(ward.staff())))
			.andExpect(jsonPath("$[?(@.residentId == '" + ward.resident() + "')].overdue").value(false));
		// staff of another house see none of it
		mvc.perform(get("/api/v1/houses/" + ward.house() + "/rounds").with(signIns.as("staff")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
	}

	@Test
	void anOverdueCheckReachesTheHomePageOfStaffOfThatHouseOnly() throws Exception {
		Ward ward = ward();
		Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		orderSince(ward, ward.resident(), "EVERY_30", now.minus(Duration.ofHours(2)));
		checkAt(ward, ward.resident(), now.minus(Duration.ofMinutes(50)));
		String alert = "Observation check overdue for Sam " + ward.family();
		mvc.perform(get("/attention").with(signIns.as(ward.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(alert)))
			.andExpect(content().string(containsString("/houses/" + ward.house() + "/rounds")));
		mvc.perform(get("/").with(signIns.as(ward.staff()))).andExpect(content().string(containsString(alert)));
		mvc.perform(get("/attention").with(signIns.as("staff")))
			.andExpect(status().isOk()).andExpect(content().string(not(containsString(alert))));
		mvc.perform(get("/attention").with(signIns.as("resident01")))
			.andExpect(content().string(not(containsString(alert))));
		assertThat(jdbc.sql("select count(*) from audit_record where 'LEVELS_AND_RATINGS' = any(categories) and action = 'READ' "
				+ "and resident_id = ? and username = ?").params(ward.resident(), ward.staff()).query(Integer.class).single())
			.as("naming the resident on the home page is a read of their rounds").isPositive();
	}

	@Test
	void aBatchOfFiveHundredChecksIsStoredInOneCallAndOneBadEntryStoresNone() throws Exception {
		Ward ward = ward();
		Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		orderSince(ward, ward.resident(), "EVERY_15", now.minus(Duration.ofDays(7)));
		String good = batch(ward.resident(), now, 500, -1);
		mvc.perform(post("/api/v1/houses/" + ward.house() + "/observations").with(signIns.as(ward.staff())).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content(good))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.stored").value(500));
		assertThat(checkCount(ward.resident())).isEqualTo(500);
		assertThat(jdbc.sql("select count(*) from audit_record where 'LEVELS_AND_RATINGS' = any(categories) and action = 'CREATE' "
				+ "and resident_id = ? and username = ?").params(ward.resident(), ward.staff()).query(Integer.class).single())
			.as("the batch is audited once for the one resident it names").isEqualTo(1);

		String bad = batch(ward.resident(), now.minus(Duration.ofDays(1)), 500, 250);
		mvc.perform(post("/api/v1/houses/" + ward.house() + "/observations").with(signIns.as(ward.staff())).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content(bad))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("observations[250].location"));
		assertThat(checkCount(ward.resident())).as("all or nothing").isEqualTo(500);
		// staff of another house may not post a batch into this one
		mvc.perform(post("/api/v1/houses/" + ward.house() + "/observations").with(signIns.as("staff")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content(batch(ward.resident(), now, 1, -1)))
			.andExpect(status().isForbidden());
		assertThat(checkCount(ward.resident())).isEqualTo(500);
	}

	@Test
	void aDischargedResidentCannotBeObserved() throws Exception {
		Ward ward = ward();
		orderSince(ward, ward.resident(), "EVERY_15", clock.instant().minus(Duration.ofHours(1)));
		ProgramId program = program();
		discharges.discharge(program, ward.resident(), new NewDischarge(LocalDate.now(clock.withZone(rounds.zone(program))),
				DischargeType.COMPLETED, null, NewDischarge.Aftercare.NONE), "director");
		mvc.perform(observe(ward.resident(), "director", "{\"location\": \"Day room\", \"activity\": \"Reading\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("resident"));
		mvc.perform(observe(ward.resident(), ward.staff(), "{\"location\": \"Day room\", \"activity\": \"Reading\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(order(ward.resident(), "director", "{\"frequency\": \"EVERY_15\", \"reason\": \"Low mood\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("resident"));
		assertThat(checkCount(ward.resident())).isZero();
	}

	@Test
	void oneToOneIsHandedOverAndTheRoundsShowWhoHoldsIt() throws Exception {
		Ward ward = ward();
		UUID order = orderSince(ward, ward.resident(), "ONE_TO_ONE", clock.instant().minus(Duration.ofMinutes(30)));
		UUID other = orderSince(ward, ward.other(), "EVERY_60", clock.instant().minus(Duration.ofMinutes(30)));
		mvc.perform(post("/api/v1/observation-orders/" + order + "/handovers").with(signIns.as(ward.staff())).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"toStaff\": \"Joan McAllister\", \"note\": \"Asleep, calm\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.toStaff").value("Joan McAllister"));
		mvc.perform(post("/api/v1/observation-orders/" + other + "/handovers").with(signIns.as(ward.staff())).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"toStaff\": \"Joan McAllister\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("order"));
		mvc.perform(get("/api/v1/houses/" + ward.house() + "/rounds").with(signIns.as(ward.staff())))
			.andExpect(jsonPath("$[0].residentId").value(ward.resident().toString()))
			.andExpect(jsonPath("$[0].frequency").value("ONE_TO_ONE"))
			.andExpect(jsonPath("$[0].overdue").value(false))
			.andExpect(jsonPath("$[0].heldBy").value("Joan McAllister"));
		// the clinician ends it early; it stays in the record
		mvc.perform(post("/api/v1/observation-orders/" + order + "/end").with(signIns.as(ward.staff())).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/observation-orders/" + order + "/end").with(signIns.as(ward.clinician())).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Psychiatrist reviewed; risk lower\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.endedBy").value(ward.clinician()));
		mvc.perform(get("/api/v1/houses/" + ward.house() + "/rounds").with(signIns.as(ward.staff())))
			.andExpect(jsonPath("$.length()").value(1));
		assertThat(orderCount(ward.resident())).isEqualTo(1);
	}

	@Test
	void theNightStaffRecordACheckOnTheRoundsPageAndTheClinicianOrdersOnTheirs() throws Exception {
		Ward ward = ward();
		orderSince(ward, ward.resident(), "EVERY_15", clock.instant().minus(Duration.ofMinutes(40)));
		mvc.perform(get("/houses/" + ward.house() + "/rounds").with(signIns.as(ward.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sam " + ward.family())))
			.andExpect(content().string(containsString("pass-card rounds-card overdue")))
			.andExpect(content().string(containsString("Every 15 minutes")));
		mvc.perform(post("/houses/" + ward.house() + "/rounds/" + ward.resident()).with(signIns.as(ward.staff())).with(csrf())
				.param("location", "Bedroom").param("activity", "Asleep"))
			.andExpect(redirectedUrl("/houses/" + ward.house() + "/rounds"));
		assertThat(checkCount(ward.resident())).isEqualTo(1);
		mvc.perform(post("/houses/" + ward.house() + "/rounds/" + ward.resident()).with(signIns.as(ward.staff())).with(csrf())
				.param("location", "Bedroom"))
			.andExpect(redirectedUrl("/houses/" + ward.house() + "/rounds"));
		assertThat(checkCount(ward.resident())).isEqualTo(1);

		mvc.perform(get("/residents/" + ward.other() + "/observation").with(signIns.as(ward.staff())))
			.andExpect(status().isForbidden());
		mvc.perform(get("/residents/" + ward.other() + "/observation").with(signIns.as(ward.clinician())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Not on observation now.")));
		mvc.perform(post("/residents/" + ward.other() + "/observation").with(signIns.as(ward.clinician())).with(csrf())
				.param("frequency", "EVERY_30").param("reason", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This field is required.")));
		assertThat(orderCount(ward.other())).isZero();
		mvc.perform(post("/residents/" + ward.other() + "/observation").with(signIns.as(ward.clinician())).with(csrf())
				.param("frequency", "EVERY_30").param("reason", "Withdrawn since the weekend"))
			.andExpect(redirectedUrl("/residents/" + ward.other() + "/observation"));
		assertThat(orderCount(ward.other())).isEqualTo(1);
		mvc.perform(get("/levels").with(signIns.as(ward.staff())))
			.andExpect(content().string(containsString("/houses/" + ward.house() + "/rounds")));
	}

	private Ward ward() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		ProgramId program = program();
		UUID house = houses.found(program, new HouseDetails("Rounds " + tag, HouseKind.MIXED, null), 3).id();
		String staff = "rounds-staff-" + tag;
		UUID staffAccount = accounts.open(new NewAccount(program, staff, "Night " + tag, null, Set.of(Role.STAFF), null)).id();
		care.assignHouses(staffAccount, List.of(house));
		String clinician = "rounds-clin-" + tag;
		UUID clinicianAccount = accounts.open(new NewAccount(program, clinician, "Clinician " + tag, null,
				Set.of(Role.CLINICIAN), null)).id();
		care.assignHouses(clinicianAccount, List.of(house));
		String family = "Rivera" + tag;
		UUID resident = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		LocalDate admitted = LocalDate.now(clock.withZone(rounds.zone(program))).minusDays(30);
		admissions.admit(program, resident, new NewAdmission("Sam", family, null, LocalDate.of(1990, 3, 3),
				houses.beds(program, house).get(0).id(), admitted));
		admissions.admit(program, other, new NewAdmission("Alex", family, null, LocalDate.of(1988, 4, 4),
				houses.beds(program, house).get(1).id(), admitted));
		return new Ward(house, staff, clinician, resident, other, family);
	}

	private UUID orderSince(Ward ward, UUID resident, String frequency, Instant since) {
		return rounds.order(signIns.user(ward.clinician()), resident,
				new org.milieu.levels.rounds.NewObservationOrder(org.milieu.levels.rounds.Frequency.valueOf(frequency),
						"Test order", since, null))
			.id();
	}

	private void checkAt(Ward ward, UUID resident, Instant at) {
		rounds.observe(signIns.user(ward.staff()), resident,
				new org.milieu.levels.rounds.NewObservation(resident, at, "Day room", "Reading", "Calm", false, null));
	}

	private static String batch(UUID resident, Instant end, int size, int broken) {
		return IntStream.range(0, size).mapToObj(i -> "{\"residentId\": \"" + resident + "\", \"observedAt\": \""
				+ end.minus(Duration.ofMinutes(15L * (size - i))) + "\", \"location\": \"" + (i == broken ? "" : "Day room")
				+ "\", \"activity\": \"Reading\", \"moodBehaviour\": \"Calm\"}")
			.collect(Collectors.joining(", ", "{\"observations\": [", "]}"));
	}

	private MockHttpServletRequestBuilder order(UUID resident, String who, String body) {
		return post("/api/v1/residents/" + resident + "/observation-orders").with(signIns.as(who)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private MockHttpServletRequestBuilder observe(UUID resident, String who, String body) {
		return post("/api/v1/residents/" + resident + "/observations").with(signIns.as(who)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private int orderCount(UUID resident) {
		return jdbc.sql("select count(*) from levels_observation_order where resident_id = ?").param(resident)
			.query(Integer.class).single();
	}

	private int checkCount(UUID resident) {
		return jdbc.sql("select count(*) from levels_observation where resident_id = ?").param(resident)
			.query(Integer.class).single();
	}

	private ProgramId program() {
		return signIns.user("director").programId();
	}
}
