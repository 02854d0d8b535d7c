package org.milieu.levels.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.levels.reviews.LevelReviews;
import org.milieu.levels.reviews.Review;
import org.milieu.platform.web.PagedListing;
import org.milieu.residents.Admissions;
import org.milieu.residents.Bed;
import org.milieu.residents.DischargeType;
import org.milieu.residents.Discharges;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;
import org.milieu.residents.NewDischarge;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@MilieuWebTest
class LevelReviewListingWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Houses houses;

	@Autowired
	Admissions admissions;

	@Autowired
	Discharges discharges;

	@Autowired
	LevelReviews reviews;

	@Test
	void everyReviewOfTheResidentsInTheProgramNewestFirstPageByPage() throws Exception {
		List<String> one = PagedListing.ids(mvc, signIns.as("director"), "/api/v1/level-reviews?status=all", 200);
		List<String> paged = PagedListing.ids(mvc, signIns.as("director"), "/api/v1/level-reviews?status=all", 2);
		assertThat(one).isNotEmpty();
		assertThat(paged).isEqualTo(one);
		assertThat(new HashSet<>(paged)).hasSameSizeAs(paged);
		String body = mvc.perform(get("/api/v1/level-reviews?status=decided&limit=200").with(signIns.as("director")))
			.andReturn().getResponse().getContentAsString();
		List<String> statuses = JsonPath.read(body, "$.items[*].status");
		assertThat(statuses).allMatch("decided"::equals);
	}

	@Test
	void reviewsOfResidentsWhoLeftTheProgramAreOnNoPage() throws Exception {
		MilieuUser director = signIns.user("director");
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		UUID house = houses.found(director.programId(), new HouseDetails("Reviewed " + suffix, HouseKind.MIXED, null), 2)
			.id();
		List<Bed> beds = houses.beds(director.programId(), house);
		UUID staying = UUID.randomUUID();
		UUID leaving = UUID.randomUUID();
		admissions.admit(director.programId(), staying, new NewAdmission("Reviewed", "Staying", null,
				LocalDate.of(1990, 1, 1), beds.get(0).id(), LocalDate.of(2026, 10, 1)));
		admissions.admit(director.programId(), leaving, new NewAdmission("Reviewed", "Leaving", null,
				LocalDate.of(1990, 1, 1), beds.get(1).id(), LocalDate.of(2026, 10, 1)));
		UUID kept = reviews.open(director, staying, Review.Kind.ADVANCEMENT, "Ready to lead", null).id();
		UUID gone = reviews.open(director, leaving, Review.Kind.ADVANCEMENT, "Ready to lead", null).id();
		discharges.discharge(director.programId(), leaving, new NewDischarge(LocalDate.of(2026, 11, 1),
				DischargeType.COMPLETED, null, NewDischarge.Aftercare.NONE), "director");
		List<String> expected = jdbc.sql("""
				select v.id::text from levels_review v
				 where exists (select 1 from residents_stay s where s.resident_id = v.resident_id and s.discharged_on is null)
				 order by v.opened_at desc, v.id desc""").query(String.class).list();
		List<String> paged = PagedListing.ids(mvc, signIns.as("director"), "/api/v1/level-reviews?status=all", 1);
		assertThat(paged).isEqualTo(expected).contains(kept.toString()).doesNotContain(gone.toString());
	}

	@Test
	void staffSeeTheirHousesReviewsAndResidentsNone() throws Exception {
		String body = mvc.perform(get("/api/v1/level-reviews?status=all&limit=200").with(signIns.as("staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> residents = JsonPath.read(body, "$.items[*].residentId");
		List<String> ofLinden = jdbc.sql("""
				select s.resident_id::text from residents_stay s join residents_house h on h.id = s.house_id
				 where h.name = 'Linden House' and s.discharged_on is null""").query(String.class).list();
		assertThat(residents).doesNotContainAnyElementsOf(ofLinden);
		mvc.perform(get("/api/v1/level-reviews").with(signIns.as("resident01"))).andExpect(status().isForbidden());
	}
}
