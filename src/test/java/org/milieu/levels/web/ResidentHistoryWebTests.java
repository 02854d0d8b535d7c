package org.milieu.levels.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.Accounts;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.milieu.levels.ShiftRatings;
import org.milieu.levels.facts.FactKind;
import org.milieu.levels.facts.ManualFacts;
import org.milieu.levels.rounds.Frequency;
import org.milieu.levels.rounds.NewObservation;
import org.milieu.levels.rounds.NewObservationOrder;
import org.milieu.levels.rounds.ObservationRounds;
import org.milieu.platform.web.AuditedListing;
import org.milieu.platform.web.PagedListing;
import org.milieu.residents.Admissions;
import org.milieu.residents.Bed;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;
import org.milieu.shared.ProgramId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A resident's history over JSON: ratings, checks and facts in one listing, paged, filtered, guarded and audited. */
@MilieuWebTest
class ResidentHistoryWebTests {

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
	ShiftRatings ratings;

	@Autowired
	ObservationRounds rounds;

	@Autowired
	ManualFacts facts;

	@Autowired
	java.time.Clock clock;

	@Autowired
	JdbcClient jdbc;

	/** A resident of a new house rated on three days, checked three times, with two facts; a staff member of the house. */
	record Resident(UUID id, String staff, LocalDate today, int ratings, int checks) {
	}

	Resident ratedCheckedAndNoted() throws Exception {
		ProgramId program = signIns.user("director").programId();
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		UUID house = houses.found(program, new HouseDetails("History " + suffix, HouseKind.MIXED, null), 1).id();
		List<Bed> beds = houses.beds(program, house);
		UUID resident = UUID.randomUUID();
		admissions.admit(program, resident, new NewAdmission("Storied", "Resident", null, LocalDate.of(1990, 1, 1),
				beds.get(0).id(), LocalDate.of(2026, 10, 1)));
		String staff = "history-" + suffix;
		care.assignHouses(accounts.open(new NewAccount(program, staff, "History Staff", null, Set.of(Role.STAFF), null)).id(),
				List.of(house));
		LocalDate today = ratings.currentShift(program).date();
		for (int day = 1; day <= 3; day++) {
			for (String shift : List.of("DAY", "EVENING", "NIGHT")) {
				mvc.perform(post("/api/v1/houses/" + house + "/shift-ratings").with(signIns.as(staff)).with(csrf())
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"shiftDate\": \"" + today.minusDays(day) + "\", \"shift\": \"" + shift
							+ "\", \"entries\": [{\"residentId\": \"" + resident + "\", \"ratings\": ["
							+ "{\"domain\": \"SAFETY\", \"value\": 1}, {\"domain\": \"ORIENTATION\", \"value\": 3}, "
							+ "{\"domain\": \"RESPECT\", \"value\": 4}]}]}"))
					.andExpect(status().isCreated());
			}
		}
		MilieuUser director = signIns.user("director");
		Instant now = clock.instant();
		rounds.order(director, resident, new NewObservationOrder(Frequency.EVERY_60, "settling in", now.minus(Duration.ofDays(3)), null));
		for (int hours : List.of(1, 26, 50)) {
			rounds.observe(signIns.user(staff), resident,
					new NewObservation(null, now.minus(Duration.ofHours(hours)), "lounge", "reading", null, false, null));
		}
		facts.record(director, resident, FactKind.FAMILY_CONTACT, today.minusDays(1), "CONTACT", "called her sister");
		facts.record(director, resident, FactKind.RESPONSIBILITY, today.minusDays(2), "NOT_YET", null);
		return new Resident(resident, staff, today, 3 * 3 * 3, 3);
	}

	/**
	 * The resident's history over the last days; up to the day after the current shift's date, because
	 * after midnight a night shift's date is yesterday while the checks of the last hour are today's.
	 */
	String history(Resident r) {
		return "/api/v1/residents/" + r.id() + "/history?from=" + r.today().minusDays(5) + "&to=" + r.today().plusDays(1);
	}

	@Test
	void historyListsRatingsChecksAndFactsNewestFirstAndPagesWithoutLosingOrRepeatingAny() throws Exception {
		Resident r = ratedCheckedAndNoted();
		String whole = mvc.perform(get(history(r) + "&limit=200").with(signIns.as("director")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.next").doesNotExist())
			.andReturn().getResponse().getContentAsString();
		List<String> ids = JsonPath.read(whole, "$.items[*].id");
		List<String> kinds = JsonPath.read(whole, "$.items[*].kind");
		assertThat(kinds.stream().filter("RATING"::equals).count()).isEqualTo(r.ratings());
		assertThat(kinds.stream().filter("CHECK"::equals).count()).isEqualTo(r.checks());
		assertThat(kinds.stream().filter("FACT"::equals).count()).as("both facts, for the director").isEqualTo(2);
		List<String> at = JsonPath.read(whole, "$.items[*].at");
		for (int i = 1; i < at.size(); i++) {
			assertThat(Instant.parse(at.get(i))).as("newest first").isBeforeOrEqualTo(Instant.parse(at.get(i - 1)));
		}
		assertThat(JsonPath.<List<String>>read(whole, "$.items[?(@.kind == 'RATING')].rating.domain"))
			.containsOnly("SAFETY", "ORIENTATION", "RESPECT");
		assertThat(JsonPath.<List<String>>read(whole, "$.items[?(@.kind == 'CHECK')].check.location")).containsOnly("lounge");
		assertThat(JsonPath.<List<String>>read(whole, "$.items[?(@.kind == 'FACT')].fact.outcome"))
			.containsExactlyInAnyOrder("CONTACT", "NOT_YET");
		List<String> paged = PagedListing.ids(mvc, signIns.as("director"), history(r), 4);
		assertThat(paged).isEqualTo(ids);
		assertThat(new HashSet<>(paged)).hasSameSizeAs(paged);
	}

	@Test
	void kindFilterListsOnlyTheKindsAskedAndStaffSeeNoClinicalFacts() throws Exception {
		Resident r = ratedCheckedAndNoted();
		String body = mvc.perform(get(history(r) + "&kind=check,fact&limit=200").with(signIns.as(r.staff())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> kinds = JsonPath.read(body, "$.items[*].kind");
		assertThat(kinds).containsOnly("CHECK", "FACT");
		assertThat(kinds.stream().filter("CHECK"::equals).count()).isEqualTo(r.checks());
		assertThat(JsonPath.<List<String>>read(body, "$.items[?(@.kind == 'FACT')].fact.kind"))
			.as("a clinician's assessment is clinical notes, which staff do not read").containsExactly("FAMILY_CONTACT");
		String ratingsOnly = mvc.perform(get(history(r) + "&kind=rating&limit=200").with(signIns.as(r.staff())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(ratingsOnly, "$.items[*].kind")).hasSize(r.ratings()).containsOnly("RATING");
	}

	@Test
	void oneAuditRecordPerRequestNamesTheCategoriesAndEveryRecordShown() throws Exception {
		Resident r = ratedCheckedAndNoted();
		long mark = AuditedListing.mark(jdbc);
		String body = mvc.perform(get(history(r) + "&limit=30").with(signIns.as(r.staff())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(jdbc.sql("select count(*) from audit_record where id > ? and username = ?").params(mark, r.staff())
			.query(Long.class).single()).as("records of the request").isEqualTo(1L);
		List<String> categories = jdbc.sql("select unnest(categories) from audit_record where id > ? and username = ? "
				+ "and resident_id = ? and action = 'READ'").params(mark, r.staff(), r.id()).query(String.class).list();
		assertThat(new HashSet<>(categories)).containsExactlyInAnyOrder("LEVELS_AND_RATINGS", "FAMILY");
		AuditedListing.assertEveryItemNamed(jdbc, r.staff(), body, mark);
		List<String> shown = new ArrayList<>(JsonPath.read(body, "$.items[*].id"));
		assertThat(shown).hasSize(30);
		List<String> named = jdbc.sql("select unnest(resource_ids) from audit_record where id > ? and username = ?")
			.params(mark, r.staff()).query(String.class).list();
		shown.add(r.id().toString());
		assertThat(named).as("the items shown and the history itself, nothing more").containsExactlyInAnyOrderElementsOf(shown);
	}

	@Test
	void staffOfAnotherHouseAreRefusedWithAProblemAndTheRefusalIsAudited() throws Exception {
		Resident r = ratedCheckedAndNoted();
		long mark = AuditedListing.mark(jdbc);
		mvc.perform(get(history(r)).with(signIns.as("staff")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(jdbc.sql("select count(*) from audit_record where id > ? and username = 'staff' and resident_id = ? "
				+ "and action = 'ACCESS_DENIED' and outcome = 'DENIED'").params(mark, r.id()).query(Long.class).single())
			.isEqualTo(1L);
		assertThat(jdbc.sql("select count(*) from audit_record where id > ? and username = 'staff' and action = 'READ'")
			.param(mark).query(Long.class).single()).as("nothing read").isZero();
		mvc.perform(get(history(r)).with(signIns.as("family"))).andExpect(status().isForbidden());
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndReadsNothing() throws Exception {
		Resident r = ratedCheckedAndNoted();
		String base = "/api/v1/residents/" + r.id() + "/history";
		long mark = AuditedListing.mark(jdbc);
		mvc.perform(get(base + "?kind=rating,mood").with(signIns.as("director")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
		mvc.perform(get(base + "?from=" + r.today() + "&to=" + r.today().minusDays(1)).with(signIns.as("director")))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("from"));
		mvc.perform(get(base + "?from=" + r.today().minusDays(366) + "&to=" + r.today()).with(signIns.as("director")))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("to"));
		mvc.perform(get(base + "?from=yesterday").with(signIns.as("director")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
		mvc.perform(get(base + "?cursor=bm90LWEtY3Vyc29y").with(signIns.as("director")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("cursor"));
		mvc.perform(get(base + "?limit=0").with(signIns.as("director")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("limit"));
		assertThat(jdbc.sql("select count(*) from audit_record where id > ? and username = 'director' and action = 'READ'")
			.param(mark).query(Long.class).single()).as("nothing read").isZero();
		mvc.perform(get(base + "?from=" + r.today().minusDays(365) + "&to=" + r.today()).with(signIns.as("director")))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/residents/" + UUID.randomUUID() + "/history").with(signIns.as("director")))
			.andExpect(status().isNotFound());
	}
}
