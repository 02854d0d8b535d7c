package org.milieu.levels.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.milieu.levels.RateSheet;
import org.milieu.levels.RatingDomain;
import org.milieu.levels.ResidentLevels;
import org.milieu.levels.ShiftKind;
import org.milieu.levels.ShiftRatings;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The level scheme, the evidence view, the review engine and the review workflow over JSON, from
 * ratings and facts recorded for new residents to the decision that sets the level.
 */
@MilieuWebTest
class LevelReviewWebTests {

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
	ResidentLevels levels;

	@Autowired
	JdbcClient jdbc;

	record Setup(UUID house, UUID resident, UUID peer, String staff, String residentUser, String peerUser) {
	}

	ProgramId program() {
		return signIns.user("director").programId();
	}

	/** The program's calendar day, as the services count it (not the current shift's date, which lags after midnight). */
	LocalDate today() {
		return census.day(program());
	}

	@Autowired
	org.milieu.residents.Census census;

	/** A house with a resident at level 1 for 20 days and a peer at level 3, and a staff member of the house. */
	Setup setup() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		UUID house = houses.found(program(), new HouseDetails("Review " + suffix, HouseKind.MIXED, null), 2).id();
		List<Bed> beds = houses.beds(program(), house);
		UUID resident = UUID.randomUUID();
		UUID peer = UUID.randomUUID();
		LocalDate admitted = today().minusDays(20);
		admissions.admit(program(), resident, new NewAdmission("Level", "Climber", null, LocalDate.of(1990, 1, 1),
				beds.get(0).id(), admitted));
		admissions.admit(program(), peer, new NewAdmission("Level", "Peer", null, LocalDate.of(1988, 1, 1),
				beds.get(1).id(), admitted.minusDays(60)));
		await().atMost(Duration.ofSeconds(10)).until(() -> levels.currentOf(program(), resident).isPresent()
				&& levels.currentOf(program(), peer).isPresent());
		levels.assign(program(), peer, Level.RESPONSIBILITY, today().minusDays(10), "director", "Test: level 3.");
		String staff = "review-" + suffix;
		care.assignHouses(accounts.open(new NewAccount(program(), staff, "Review Staff", null, Set.of(Role.STAFF), null)).id(),
				List.of(house));
		String residentUser = "climber-" + suffix;
		accounts.open(new NewAccount(program(), residentUser, "Level Climber", null, Set.of(Role.RESIDENT), resident));
		String peerUser = "peer-" + suffix;
		accounts.open(new NewAccount(program(), peerUser, "Level Peer", null, Set.of(Role.RESIDENT), peer));
		return new Setup(house, resident, peer, staff, residentUser, peerUser);
	}

	/** Seven days of day and evening sheets rating the resident well on every domain. */
	void rateWell(Setup s, int days) {
		for (int back = days; back >= 1; back--) {
			for (ShiftKind shift : List.of(ShiftKind.DAY, ShiftKind.EVENING)) {
				List<RateSheet.Rating> values = new ArrayList<>();
				for (RatingDomain domain : RatingDomain.values()) {
					values.add(new RateSheet.Rating(domain, domain.highest() - (domain.yesNo() ? 0 : 1), null));
				}
				ratings.rateSheet(signIns.user("director"), s.house(), new RateSheet(today().minusDays(back), shift,
						List.of(new RateSheet.Entry(s.resident(), values))));
			}
		}
	}

	MockHttpServletRequestBuilder postJson(String url, String who, String body) {
		return post(url).with(signIns.as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	@Autowired
	java.time.Clock clock;

	/** The house's meeting now, those present on its roll call: attendance comes from the meetings, not by hand. */
	void holdMeeting(Setup s, List<UUID> present) throws Exception {
		String created = mvc.perform(postJson("/api/v1/meetings", s.staff(), "{\"houseId\": \"" + s.house()
				+ "\", \"kind\": \"AD_HOC\", \"title\": \"House check-in\", \"startsAt\": \""
				+ clock.instant().plusSeconds(300) + "\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String meeting = tools.jackson.databind.json.JsonMapper.builder().build().readTree(created).get("id").asString();
		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/open", s.staff(), "{}")).andExpect(status().isOk());
		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/attendance", s.staff(), "{\"present\": "
				+ present.stream().map(id -> "\"" + id + "\"").toList() + "}")).andExpect(status().isOk());
		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/close", s.staff(), "{}")).andExpect(status().isOk());
	}

	@Test
	void theSchemeListsTheDefaultCriteriaOfEachLevel() throws Exception {
		mvc.perform(get("/api/v1/level-scheme").with(signIns.as("staff")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.builtIn").value(true))
			.andExpect(jsonPath("$.levels.length()").value(4))
			.andExpect(jsonPath("$.levels[1].criteria[?(@.name == 'hygiene')].threshold").value(80.0))
			.andExpect(jsonPath("$.levels[1].criteria[?(@.name == 'hygiene')].window").value(7))
			.andExpect(jsonPath("$.levels[1].criteria[?(@.name == 'days-at-level')].threshold").value(7.0))
			.andExpect(jsonPath("$.levels[2].criteria[?(@.name == 'family-contact')].waivable").value(true))
			.andExpect(jsonPath("$.levels[3].criteria[?(@.name == 'work')].threshold").value(90.0));
	}

	@Test
	void evidenceOpensAReviewAndTheDecisionSetsTheLevelOnce() throws Exception {
		Setup s = setup();
		String before = mvc.perform(get("/api/v1/residents/" + s.resident() + "/level").with(signIns.as(s.staff())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.level").value(1))
			.andExpect(jsonPath("$.nextLevel").value(2))
			.andExpect(jsonPath("$.allMet").value(false))
			.andExpect(jsonPath("$.criteria[?(@.name == 'groups')].value").value((Object) null))
			.andReturn().getResponse().getContentAsString();
		assertThat(before).contains("\"met\":false");

		rateWell(s, 7);
		holdMeeting(s, List.of(s.resident(), s.peer()));
		mvc.perform(get("/api/v1/residents/" + s.resident() + "/level").with(signIns.as(s.staff())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.criteria[?(@.name == 'hygiene')].value").value(100.0))
			.andExpect(jsonPath("$.criteria[?(@.name == 'hygiene')].met").value(true))
			.andExpect(jsonPath("$.criteria[?(@.name == 'groups')].value").value(100.0))
			.andExpect(jsonPath("$.criteria[?(@.name == 'days-at-level')].value").value(20.0))
			.andExpect(jsonPath("$.allMet").value(true));

		mvc.perform(post("/api/v1/level-reviews/run").with(signIns.as("clinician")).with(csrf()))
			.andExpect(status().isOk()).andExpect(jsonPath("$.opened").isNumber());
		UUID review = jdbc.sql("select id from levels_review where resident_id = ? and status = 'OPEN'").param(s.resident())
			.query(UUID.class).single();
		mvc.perform(get("/api/v1/level-reviews?status=open&residentId=" + s.resident()).with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.id == '" + review + "')].kind").value("ADVANCEMENT"))
			.andExpect(jsonPath("$.items[?(@.id == '" + review + "')].proposedLevel").value(2));
		mvc.perform(get("/api/v1/level-reviews/" + review).with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(review.toString()))
			.andExpect(jsonPath("$.status").value("open"));

		mvc.perform(postJson("/api/v1/level-reviews/" + review + "/self-assessment", s.residentUser(),
				"{\"text\": \"I keep my room clean and go to every group.\"}")).andExpect(status().isOk());
		mvc.perform(postJson("/api/v1/level-reviews/" + review + "/peer-input", s.peerUser(),
				"{\"text\": \"A good example at breakfast.\"}")).andExpect(status().isCreated());
		mvc.perform(postJson("/api/v1/level-reviews/" + review + "/peer-input", s.peerUser(),
				"{\"text\": \"Again.\"}")).andExpect(status().isUnprocessableContent());

		mvc.perform(postJson("/api/v1/level-reviews/" + review + "/decision", "director", "{\"decision\": \"ADVANCE\"}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("rationale"));
		mvc.perform(postJson("/api/v1/level-reviews/" + review + "/decision", "director",
				"{\"decision\": \"ADVANCE\", \"rationale\": \"Stable for a week.\", \"workOn\": \"Family contact.\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("decided"))
			.andExpect(jsonPath("$.newLevel").value(2))
			.andExpect(jsonPath("$.selfAssessment").value("I keep my room clean and go to every group."))
			.andExpect(jsonPath("$.peerInputs").value(1));
		assertThat(levels.currentOf(program(), s.resident()).orElseThrow().level()).isEqualTo(Level.STABILISATION);

		int assignments = jdbc.sql("select count(*) from levels_assignment where resident_id = ?").param(s.resident())
			.query(Integer.class).single();
		mvc.perform(postJson("/api/v1/level-reviews/" + review + "/decision", "director",
				"{\"decision\": \"ADVANCE\", \"rationale\": \"Again.\"}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("id"));
		assertThat(jdbc.sql("select count(*) from levels_assignment where resident_id = ?").param(s.resident())
			.query(Integer.class).single()).isEqualTo(assignments);

		mvc.perform(get("/api/v1/residents/" + s.resident() + "/level").with(signIns.as(s.residentUser())))
			.andExpect(status().isOk()).andExpect(jsonPath("$.level").value(2)).andExpect(jsonPath("$.nextLevel").value(3));
	}

	@Test
	void theDirectorPublishesASchemeForALaterDayAndTodaysStaysInForce() throws Exception {
		LocalDate from = today().plusDays(400);
		mvc.perform(postJson("/api/v1/level-scheme", "director", "{\"effectiveFrom\": \"" + from
				+ "\", \"note\": \"Hygiene counts from level 2.\", \"levels\": [{\"number\": 1, \"minimumDays\": 7, \"criteria\": []},"
				+ "{\"number\": 2, \"minimumDays\": 14, \"criteria\": [{\"name\": \"hygiene\", \"kind\": \"RATING_SHARE\","
				+ " \"window\": 7, \"threshold\": 80, \"domain\": \"HYGIENE\", \"atLeast\": 2}]},"
				+ "{\"number\": 3, \"minimumDays\": 21, \"criteria\": []}, {\"number\": 4, \"minimumDays\": 28, \"criteria\": []}]}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.effectiveFrom").value(from.toString()));
		mvc.perform(get("/api/v1/level-scheme").with(signIns.as("staff")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.effectiveFrom").value(org.hamcrest.Matchers.not(from.toString())));
	}

	@Test
	void theDirectorOpensAReviewByHandWithAReason() throws Exception {
		Setup s = setup();
		mvc.perform(postJson("/api/v1/level-reviews", "director", "{\"residentId\": \"" + s.resident()
				+ "\", \"kind\": \"ADVANCEMENT\", \"reason\": \"Asked for a review at the community meeting.\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.residentId").value(s.resident().toString()))
			.andExpect(jsonPath("$.kind").value("ADVANCEMENT"))
			.andExpect(jsonPath("$.status").value("open"));
	}

	@Test
	void destructiveBehaviourOpensAStepDownReviewAtOnce() throws Exception {
		Setup s = setup();
		levels.assign(program(), s.resident(), Level.STABILISATION, today().minusDays(5), "director", "Test: level 2.");
		List<RateSheet.Rating> values = List.of(new RateSheet.Rating(RatingDomain.SAFETY, 0, "Threw a chair."));
		ratings.rateSheet(signIns.user("director"), s.house(), new RateSheet(today().minusDays(1), ShiftKind.DAY,
				List.of(new RateSheet.Entry(s.resident(), values))));
		mvc.perform(get("/api/v1/level-reviews?status=open&residentId=" + s.resident()).with(signIns.as(s.staff())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.residentId == '" + s.resident() + "')].kind").value("STEP_DOWN"))
			.andExpect(jsonPath("$.items[?(@.residentId == '" + s.resident() + "')].trigger").value("DESTRUCTIVE_BEHAVIOUR"))
			.andExpect(jsonPath("$.items[?(@.residentId == '" + s.resident() + "')].proposedLevel").value(1));
	}

	@Test
	void badInputIsRefusedAndChangesNothing() throws Exception {
		Setup s = setup();
		int versions = jdbc.sql("select count(*) from levels_scheme_version").query(Integer.class).single();
		mvc.perform(postJson("/api/v1/level-scheme", "director", "{\"effectiveFrom\": \"" + today().plusDays(1)
				+ "\", \"levels\": [{\"number\": 1, \"minimumDays\": 7, \"criteria\": []},"
				+ "{\"number\": 2, \"minimumDays\": 14, \"criteria\": [{\"name\": \"hygiene\", \"kind\": \"RATING_SHARE\","
				+ " \"window\": 0, \"threshold\": 80, \"domain\": \"HYGIENE\", \"atLeast\": 2}]},"
				+ "{\"number\": 3, \"minimumDays\": 21, \"criteria\": []}, {\"number\": 4, \"minimumDays\": 0, \"criteria\": []}]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("levels[1].criteria[0].window"));
		mvc.perform(postJson("/api/v1/level-scheme", "clinician", "{\"effectiveFrom\": \"" + today().plusDays(2)
				+ "\", \"levels\": [{\"number\": 1, \"minimumDays\": 7, \"criteria\": []}]}"))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from levels_scheme_version").query(Integer.class).single()).isEqualTo(versions);

		mvc.perform(postJson("/api/v1/residents/" + s.resident() + "/level-facts", s.staff(),
				"{\"kind\": \"ATTENDANCE\", \"occurredOn\": \"" + today().plusDays(1) + "\", \"outcome\": \"ATTENDED\"}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("occurredOn"));
		mvc.perform(postJson("/api/v1/residents/" + s.resident() + "/level-facts", s.staff(),
				"{\"kind\": \"ATTENDANCE\", \"occurredOn\": \"" + today() + "\", \"outcome\": \"MAJOR\"}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("outcome"));
		mvc.perform(postJson("/api/v1/residents/" + s.resident() + "/level-facts", s.staff(),
				"{\"kind\": \"RESPONSIBILITY\", \"occurredOn\": \"" + today() + "\", \"outcome\": \"ACKNOWLEDGED\"}"))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from levels_fact where resident_id = ?").param(s.resident())
			.query(Integer.class).single()).isZero();

		mvc.perform(postJson("/api/v1/residents/" + s.resident() + "/criterion-adjustments", "director",
				"{\"toLevel\": 2, \"criterionKey\": \"hygiene\", \"kind\": \"WAIVE\", \"reason\": \"x\"}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("kind"));
		mvc.perform(postJson("/api/v1/residents/" + s.resident() + "/criterion-adjustments", "director",
				"{\"toLevel\": 2, \"criterionKey\": \"hygiene\", \"kind\": \"ADAPT\", \"windowDays\": 0, \"reason\": \"x\"}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("windowDays"));
		mvc.perform(postJson("/api/v1/residents/" + s.resident() + "/criterion-adjustments", "director",
				"{\"toLevel\": 2, \"criterionKey\": \"hygiene\", \"kind\": \"ADAPT\", \"threshold\": 60}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("reason"));
		assertThat(jdbc.sql("select count(*) from levels_criterion_adjustment where resident_id = ?").param(s.resident())
			.query(Integer.class).single()).isZero();
	}

	@Test
	void aClinicianAdaptsOrWaivesACriterionForOneResident() throws Exception {
		Setup s = setup();
		levels.assign(program(), s.resident(), Level.STABILISATION, today().minusDays(15), "director", "Test: level 2.");
		String waiver = mvc.perform(postJson("/api/v1/residents/" + s.resident() + "/criterion-adjustments", "director",
				"{\"toLevel\": 3, \"criterionKey\": \"family-contact\", \"kind\": \"WAIVE\","
						+ " \"reason\": \"No family or support person to contact.\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		mvc.perform(postJson("/api/v1/residents/" + s.resident() + "/criterion-adjustments", "director",
				"{\"toLevel\": 3, \"criterionKey\": \"hygiene\", \"kind\": \"ADAPT\", \"threshold\": 60,"
						+ " \"reason\": \"Physical disability; staff help with hygiene.\"}"))
			.andExpect(status().isCreated());
		rateWell(s, 3);
		mvc.perform(get("/api/v1/residents/" + s.resident() + "/level").with(signIns.as(s.staff())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.criteria[?(@.name == 'family-contact')].met").value(true))
			.andExpect(jsonPath("$.criteria[?(@.name == 'family-contact')].waived").value(true))
			.andExpect(jsonPath("$.criteria[?(@.name == 'hygiene')].threshold").value(60.0))
			.andExpect(jsonPath("$.criteria[?(@.name == 'hygiene')].adjusted").value(true))
			.andExpect(jsonPath("$.criteria[?(@.name == 'acknowledges-responsibility')].met").value(false));

		String id = com.jayway.jsonpath.JsonPath.read(waiver, "$.id");
		mvc.perform(postJson("/api/v1/criterion-adjustments/" + id + "/end", "director",
				"{\"reason\": \"Contact with an aunt was found again.\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.endReason").value("Contact with an aunt was found again."));
		mvc.perform(get("/api/v1/residents/" + s.resident() + "/level").with(signIns.as(s.staff())))
			.andExpect(jsonPath("$.criteria[?(@.name == 'family-contact')].waived").value(false));
	}
}
