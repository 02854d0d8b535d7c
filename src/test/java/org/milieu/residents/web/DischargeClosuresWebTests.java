package org.milieu.residents.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.Accounts;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.milieu.levels.Level;
import org.milieu.levels.ResidentLevels;
import org.milieu.levels.privileges.AdjustmentKind;
import org.milieu.levels.privileges.LevelPrivileges;
import org.milieu.levels.privileges.NewAdjustment;
import org.milieu.levels.reviews.LevelReviews;
import org.milieu.levels.reviews.Review;
import org.milieu.levels.rounds.Frequency;
import org.milieu.levels.rounds.NewObservationOrder;
import org.milieu.levels.rounds.ObservationRounds;
import org.milieu.residents.Admissions;
import org.milieu.residents.Bed;
import org.milieu.residents.Census;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;
import org.milieu.residents.ResidentDischarged;
import org.milieu.residents.ResidentProfile;
import org.milieu.residents.ResidentRecords;
import org.milieu.platform.database.EmbeddedDatabase;
import org.milieu.shared.ProgramId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A discharge reaches every module: each ends what is its own, from the persisted event, once, and
 * the discharged record says what was closed, or that a module is still closing.
 */
@MilieuWebTest
class DischargeClosuresWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Census census;

	@Autowired
	Houses houses;

	@Autowired
	Admissions admissions;

	@Autowired
	ResidentLevels levels;

	@Autowired
	ResidentRecords records;

	@Autowired
	ObservationRounds rounds;

	@Autowired
	LevelPrivileges privileges;

	@Autowired
	LevelReviews reviews;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	EmbeddedDatabase database;

	@Autowired
	Accounts accountsService;

	@Test
	void aDischargedOfficerLeavesTheRosterTheOfficeTheObservationOrderAndEverythingElseTheyHeld() throws Exception {
		MilieuUser director = signIns.user("director");
		ProgramId program = director.programId();
		LocalDate today = census.day(program);
		// a demo resident who holds a job on this week's published roster and an officer term; one without an
		// account of their own if there is one, so that no other test's sign-in loses its house
		record Holder(UUID resident, UUID house, String office, LocalDate termEnds) {
		}
		Holder holder = jdbc.sql("""
				select s.resident_id, s.house_id, o.office, o.ends_on from residents_stay s
				  join government_officer o on o.resident_id = s.resident_id and o.starts_on <= ? and o.ends_on > ?
				  join work_assignment a on a.resident_id = s.resident_id
				  join work_roster r on r.id = a.roster_id and r.status = 'PUBLISHED' and r.week_start = ?
				 where s.program_id = ? and s.discharged_on is null
				 order by exists (select 1 from identity_account i where i.resident_id = s.resident_id), s.resident_id limit 1""")
			.params(today, today, today.with(java.time.DayOfWeek.MONDAY), program.value())
			.query((rs, n) -> new Holder(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getObject(4, LocalDate.class)))
			.optional().orElseThrow(() -> new AssertionError("the demo has an officer on this week's published roster"));
		UUID id = holder.resident();
		rounds.order(director, id, new NewObservationOrder(Frequency.EVERY_30, "Low mood after a phone call", null, null));
		privileges.adjust(director, id, new NewAdjustment("PHONE_TIME", AdjustmentKind.RESTRICT, null, null, "Calls at night"));
		if (reviews.forResident(director, id).stream().noneMatch(r -> r.status() == Review.Status.OPEN)) {
			int level = levels.currentOf(program, id).map(c -> c.level().number()).orElse(1);
			reviews.open(director, id, level < 4 ? Review.Kind.ADVANCEMENT : Review.Kind.STEP_DOWN, "Team meeting", null);
		}

		discharge(id, today);
		awaitClosed(id);

		assertThat(jdbc.sql("""
				select count(*) from work_assignment a join work_roster r on r.id = a.roster_id
				 where a.resident_id = ? and r.status = 'PUBLISHED' and r.week_start = ? and a.left_on = ? and a.left_reason = 'DISCHARGED'""")
			.params(id, today.with(java.time.DayOfWeek.MONDAY), today).query(Integer.class).single())
			.as("this week's job is left from the discharge day").isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from work_assignment a join work_roster r on r.id = a.roster_id "
				+ "where a.resident_id = ? and r.status <> 'SUPERSEDED' and r.week_start + 6 >= ? and a.left_on is null")
			.params(id, today).query(Integer.class).single()).as("no job from the discharge day on").isZero();
		mvc.perform(get("/work/roster").with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Open place from")));

		assertThat(jdbc.sql("select count(*) from government_officer where resident_id = ? and ends_on > ?").params(id, today)
			.query(Integer.class).single()).as("no officer term beyond the discharge day").isZero();
		assertThat(jdbc.sql("select cut_short_reason from government_officer where resident_id = ? and ends_on = ? and office = ?")
			.params(id, today, holder.office()).query(String.class).list()).containsExactly("DISCHARGED");
		List<String> vacancies = jdbc.sql("""
				select m.status || ':' || i.kind || ':' || i.title from government_discharge_closure c
				  join government_agenda_item i on i.id = any(c.vacancy_items) join government_meeting m on m.id = i.meeting_id
				 where c.resident_id = ? and m.house_id is not distinct from (select house_id from government_officer
				       where resident_id = ? and ends_on = ? and office = ? limit 1)""")
			.params(id, id, today, holder.office()).query(String.class).list();
		assertThat(vacancies).as("the vacancy is on the agenda of the house's next meeting")
			.containsExactly("SCHEDULED:ANNOUNCEMENT:Vacancy: the office of " + holder.office().toLowerCase() + " is open");

		assertThat(jdbc.sql("select end_reason from levels_observation_order where resident_id = ? and ended_at is not null "
				+ "and ended_by = 'milieu'").param(id).query(String.class).list()).containsExactly("discharged");
		assertThat(jdbc.sql("select count(*) from levels_observation_order where resident_id = ? and ended_at is null")
			.param(id).query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from levels_review where resident_id = ? and status = 'OPEN'").param(id)
			.query(Integer.class).single()).as("the open review is closed").isZero();
		assertThat(jdbc.sql("select rationale from levels_review where resident_id = ? and decided_by = 'milieu'").param(id)
			.query(String.class).list()).singleElement().asString().contains("discharged");
		assertThat(jdbc.sql("select count(*) from levels_privilege_adjustment where resident_id = ? and ended_at is null "
				+ "and (ends_at is null or ends_at > now())").param(id).query(Integer.class).single())
			.as("no individual privilege in force").isZero();

		mvc.perform(get("/residents/" + id).with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("What the discharge closed"),
					containsString("left the rosters from " + today),
					containsString("The term as " + holder.office().toLowerCase() + " ended on " + today),
					containsString("One observation order ended."), containsString("closed: discharged"),
					containsString("One individual privilege grant or restriction stopped."),
					containsString("No longer votes or moves motions"), containsString("Stipend balance"),
					not(containsString("Still being closed")))));

		// readmitted, nothing comes back by itself
		readmit(director, id);
		assertThat(jdbc.sql("select count(*) from work_assignment a join work_roster r on r.id = a.roster_id "
				+ "where a.resident_id = ? and r.status <> 'SUPERSEDED' and r.week_start + 6 >= ? and a.left_on is null")
			.params(id, today).query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from government_officer where resident_id = ? and ends_on > ?").params(id, today)
			.query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from levels_observation_order where resident_id = ? and ended_at is null")
			.param(id).query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from levels_privilege_adjustment where resident_id = ? and ended_at is null")
			.param(id).query(Integer.class).single()).isZero();
	}

	@Test
	void aReadmissionRestoresNothingTheDischargeEnded() throws Exception {
		MilieuUser director = signIns.user("director");
		Admitted resident = admitted();
		rounds.order(director, resident.id(), new NewObservationOrder(Frequency.EVERY_15, "First nights", null, null));
		privileges.adjust(director, resident.id(),
				new NewAdjustment("VISITS", AdjustmentKind.GRANT, null, null, "Family visit before the level"));
		LocalDate today = census.day(director.programId());
		discharge(resident.id(), today);
		awaitClosed(resident.id());
		readmit(director, resident.id());

		assertThat(census.find(director.programId(), resident.id())).as("back in the program").isPresent();
		assertThat(jdbc.sql("select count(*) from levels_observation_order where resident_id = ? and ended_at is null")
			.param(resident.id()).query(Integer.class).single()).as("the order stays ended").isZero();
		assertThat(jdbc.sql("select count(*) from levels_privilege_adjustment where resident_id = ? and ended_at is null")
			.param(resident.id()).query(Integer.class).single()).as("the grant stays stopped").isZero();
		ResidentProfile profile = records.profile(director, resident.id());
		assertThat(profile.discharged()).isFalse();
		mvc.perform(get("/residents/" + resident.id()).with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("What the discharge closed"))));
	}

	@Test
	void aReactionCutShortIsCompletedOnResubmissionOnceAndThePageSaysItIsStillClosingMeanwhile() throws Exception {
		MilieuUser director = signIns.user("director");
		Admitted resident = admitted();
		rounds.order(director, resident.id(), new NewObservationOrder(Frequency.EVERY_60, "Withdrawn", null, null));
		String failing = "test_levels_closure_fails_" + resident.id().toString().replace("-", "");
		// the levels reaction fails for this resident, as if the node went down in the middle of it (the
		// schema's owner adds the trigger: the application's role may not)
		JdbcClient owner = JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl(), database.username(), ""));
		owner.sql("create function " + failing + "() returns trigger language plpgsql as $$ begin "
				+ "if new.resident_id = '" + resident.id() + "' then raise exception 'the node went down'; end if; "
				+ "return new; end $$").update();
		owner.sql("create trigger " + failing + " before insert on levels_discharge_closure for each row execute function "
				+ failing + "()").update();
		try {
			discharge(resident.id(), census.day(director.programId()));
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(levelsPublication(resident.id()))
				.as("the levels reaction failed and stays incomplete").isEqualTo("FAILED"));
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(closed("work_discharge_closure", resident.id()))
				.isEqualTo(1));
			assertThat(closed("levels_discharge_closure", resident.id())).isZero();
			assertThat(openOrders(resident.id())).isEqualTo(1);
			mvc.perform(get("/residents/" + resident.id()).with(signIns.as("director")))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("What the discharge closed"),
						containsString("Still being closed"), not(containsString("One observation order ended.")))));
			mvc.perform(get("/residents/" + resident.id()).with(signIns.as("director")).header("Accept-Language", "es"))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("Lo que cerró el alta"), containsString("Todavía se está cerrando"))));
		}
		finally {
			owner.sql("drop trigger " + failing + " on levels_discharge_closure").update();
			owner.sql("drop function " + failing + "()").update();
		}

		// the next start resubmits what is incomplete
		resubmit(resident.id());
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(levelsPublication(resident.id()))
			.isEqualTo("COMPLETED"));
		assertThat(closed("levels_discharge_closure", resident.id())).isEqualTo(1);
		assertThat(openOrders(resident.id())).isZero();
		assertThat(closureAudits(resident.id())).isEqualTo(1);

		// run once more (a publication marked incomplete again): nothing more changes
		jdbc.sql("update event_publication set completion_date = null, status = 'PUBLISHED' where listener_id like '%LevelsDischarges%' "
				+ "and serialized_event like ?").param("%" + resident.id() + "%").update();
		resubmit(resident.id());
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(levelsPublication(resident.id()))
			.isEqualTo("COMPLETED"));
		assertThat(closed("levels_discharge_closure", resident.id())).isEqualTo(1);
		assertThat(jdbc.sql("select orders_ended from levels_discharge_closure where resident_id = ?").param(resident.id())
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(closureAudits(resident.id())).as("the effect happened exactly once").isEqualTo(1);
		mvc.perform(get("/residents/" + resident.id()).with(signIns.as("director")).header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Terminó una orden de observación"),
					not(containsString("Todavía se está cerrando")))));
	}

	@Test
	void theDischargedRecordOffersToPayOutTheStipendBalanceThroughTheOrdinaryPayout() throws Exception {
		Admitted resident = admitted();
		mvc.perform(post("/api/v1/residents/" + resident.id() + "/stipend-entries").with(signIns.as("director")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"BONUS\", \"amountCents\": 1250, \"reason\": \"Helped at the fair\"}"))
			.andExpect(status().is2xxSuccessful());
		discharge(resident.id(), census.day(signIns.user("director").programId()));
		awaitClosed(resident.id());
		mvc.perform(get("/residents/" + resident.id()).with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Stipend balance still to be paid out: $12.50"),
					containsString("id=\"discharge-payout\""), containsString("name=\"amount\" value=\"12.50\""))));
		byte[] pdf = mvc.perform(get("/api/v1/residents/" + resident.id() + "/discharge-summary.pdf").with(signIns.as("director")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
				.as("the printed summary carries the balance, and nothing of the house's business")
				.contains("Stipend balance still to be paid out: $12.50").doesNotContain("No longer votes");
		}
		mvc.perform(post("/work/stipends/payouts").with(signIns.as("director")).with(csrf())
			.param("residentId", resident.id().toString()).param("amount", "12.50").param("method", "CASH"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/residents/" + resident.id()).with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("nothing left to pay out"), not(containsString("discharge-payout")))));
		assertThat(jdbc.sql("select count(*) from work_stipend_entry where resident_id = ?").param(resident.id())
			.query(Integer.class).single()).as("the ledger keeps every entry").isEqualTo(2);
	}

	@Test
	void aDischargeCancelsTheSwapRequestsStillWaitingThatTheResidentAskedOrIsAskedForAndNoOthers() throws Exception {
		ProgramId program = signIns.user("director").programId();
		LocalDate today = census.day(program);
		UUID roster = jdbc.sql("select id from work_roster where program_id = ? and status = 'PUBLISHED' and week_start = ?")
			.params(program.value(), today.with(java.time.DayOfWeek.MONDAY)).query(UUID.class).optional()
			.orElseThrow(() -> new AssertionError("the demo has a published roster for this week"));
		UUID job = jdbc.sql("select id from work_job where program_id = ? order by name limit 1").param(program.value())
			.query(UUID.class).single();
		UUID house = houses.found(program,
				new HouseDetails("Swapping " + UUID.randomUUID().toString().substring(0, 8), HouseKind.MIXED, null), 3).id();
		List<Bed> beds = houses.beds(program, house);
		String[] names = { "Leaving", "Staying", "Asking" };
		UUID[] residents = new UUID[3];
		UUID[] assignments = new UUID[3];
		String[] accounts = new String[3];
		for (int i = 0; i < 3; i++) {
			residents[i] = UUID.randomUUID();
			admissions.admit(program, residents[i], new NewAdmission("Sam", names[i], null, LocalDate.of(1990, 1, 1 + i),
					beds.get(i).id(), today.minusDays(30)));
			assignments[i] = UUID.randomUUID();
			jdbc.sql("""
					insert into work_assignment (id, program_id, roster_id, job_id, resident_id, house_id, rate_cents, rate_unit,
					                             currency, expected_minutes, chosen, created_at)
					values (?, ?, ?, ?, ?, ?, 300, 'PER_COMPLETION', 'USD', 30, false, now())""")
				.params(assignments[i], program.value(), roster, job, residents[i], house).update();
			accounts[i] = "swap-" + names[i].toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6);
			accountsService.open(new NewAccount(program, accounts[i], "Sam " + names[i], null, Set.of(Role.RESIDENT),
					residents[i]));
		}
		UUID theirOwn = swap(accounts[0], assignments[0], assignments[1]);
		UUID askedOfThem = swap(accounts[2], assignments[2], assignments[0]);
		UUID between = swap(accounts[1], assignments[1], assignments[2]);

		discharge(residents[0], today);
		awaitClosed(residents[0]);

		assertThat(swapStatus(theirOwn)).as("the discharged resident's own request").isEqualTo("CANCELLED milieu");
		assertThat(swapStatus(askedOfThem)).as("a request for the discharged resident's job").isEqualTo("CANCELLED milieu");
		assertThat(swapStatus(between)).as("a request between two who stay").isEqualTo("REQUESTED null");
		assertThat(jdbc.sql("select swaps_cancelled from work_discharge_closure where resident_id = ?").param(residents[0])
			.query(Integer.class).single()).isEqualTo(2);
		mvc.perform(get("/residents/" + residents[0]).with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2 swap requests were cancelled.")));
	}

	private UUID swap(String resident, UUID assignment, UUID with) throws Exception {
		String body = mvc.perform(post("/api/v1/job-assignments/" + assignment + "/swap-requests").with(signIns.as(resident))
			.with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"withAssignmentId\": \"" + with + "\", \"reason\": \"A family visit that day\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return UUID.fromString(com.jayway.jsonpath.JsonPath.read(body, "$.id"));
	}

	private String swapStatus(UUID swap) {
		return jdbc.sql("select status || ' ' || coalesce(decided_by, 'null') from work_swap_request where id = ?").param(swap)
			.query(String.class).single();
	}

	// --- helpers ---

	record Admitted(UUID id, UUID house) {
	}

	private Admitted admitted() {
		ProgramId program = signIns.user("director").programId();
		UUID house = houses.found(program,
				new HouseDetails("Closing " + UUID.randomUUID().toString().substring(0, 8), HouseKind.MIXED, null), 2).id();
		UUID id = UUID.randomUUID();
		admissions.admit(program, id, new NewAdmission("Robin", "Closing", null, LocalDate.of(1984, 4, 4),
				houses.beds(program, house).get(0).id(), census.day(program).minusDays(20)));
		levels.assign(program, id, Level.STABILISATION, census.day(program).minusDays(19), "director", "Stable");
		return new Admitted(id, house);
	}

	private void discharge(UUID resident, LocalDate on) throws Exception {
		mvc.perform(request(post("/api/v1/residents/" + resident + "/discharge")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"dischargedOn\": \"" + on + "\", \"type\": \"COMPLETED\"}"))
			.andExpect(status().isOk());
	}

	private MockHttpServletRequestBuilder request(MockHttpServletRequestBuilder builder) {
		return builder.with(signIns.as("director")).with(csrf());
	}

	private void readmit(MilieuUser director, UUID id) {
		ResidentProfile profile = records.profile(director, id);
		UUID house = profile.latestStay().houseId();
		Bed bed = houses.beds(director.programId(), house).stream().filter(b -> !b.taken()).findFirst().orElseThrow();
		LocalDate today = census.day(director.programId());
		admissions.admit(director, house, new NewAdmission(profile.givenName(), profile.familyName(), profile.preferredName(),
				profile.birthDate(), bed.id(), today, NewAdmission.Details.NONE, id));
	}

	private void awaitClosed(UUID resident) {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(closed("work_discharge_closure", resident)).isEqualTo(1);
			assertThat(closed("government_discharge_closure", resident)).isEqualTo(1);
			assertThat(closed("levels_discharge_closure", resident)).isEqualTo(1);
		});
	}

	private int closed(String table, UUID resident) {
		return jdbc.sql("select count(*) from " + table + " where resident_id = ?").param(resident).query(Integer.class).single();
	}

	private int openOrders(UUID resident) {
		return jdbc.sql("select count(*) from levels_observation_order where resident_id = ? and ended_at is null")
			.param(resident).query(Integer.class).single();
	}

	private int closureAudits(UUID resident) {
		return jdbc.sql("select count(*) from audit_record where resident_id = ? and 'DischargeClosure' = any(resource_types) "
				+ "and action = 'UPDATE' and 'LEVELS_AND_RATINGS' = any(categories)").param(resident).query(Integer.class).single();
	}

	private String levelsPublication(UUID resident) {
		return jdbc.sql("select coalesce(status, case when completion_date is null then 'INCOMPLETE' else 'COMPLETED' end) "
				+ "from event_publication where listener_id like '%LevelsDischarges%' and serialized_event like ?")
			.param("%" + resident + "%").query(String.class).single();
	}

	private void resubmit(UUID resident) {
		incomplete.resubmitIncompletePublications(
				p -> p.getEvent() instanceof ResidentDischarged d && d.residentId().equals(resident));
	}

}
