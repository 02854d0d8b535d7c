package org.milieu.residents.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
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

/**
 * A resident's whole record: readable after discharge by those the policy allows, printable as a
 * discharge summary by those who may export, and continued by a readmission on the same record.
 */
@MilieuWebTest
class ResidentRecordWebTests {

	private static final String AFTERCARE = "Sober living on Maple Row with a peer mentor";

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
	JdbcClient jdbc;

	@Test
	void aDischargedResidentsRecordStaysReadableWithEveryStayAndTheAftercarePlan() throws Exception {
		Former former = discharged();
		mvc.perform(get("/api/v1/residents/" + former.id()).with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(jsonPath("$.status").value("DISCHARGED"))
			.andExpect(jsonPath("$.givenName").value("Robin"))
			.andExpect(jsonPath("$.house").value(former.houseName()))
			.andExpect(jsonPath("$.phone").value("555-0199"))
			.andExpect(jsonPath("$.stays.length()").value(1))
			.andExpect(jsonPath("$.stays[0].discharge.type").value("COMPLETED"))
			.andExpect(jsonPath("$.stays[0].discharge.dischargedOn").value("2026-03-01"))
			.andExpect(jsonPath("$.stays[0].discharge.aftercare.livingArrangement").value(AFTERCARE));
		assertThat(audited("READ", "director", former.id())).as("the read is audited").isEqualTo(1);
	}

	@Test
	void staffOfAnotherHouseMayNotReadAFormerResidentAndTheRefusalIsAudited() throws Exception {
		Former former = discharged();
		mvc.perform(get("/api/v1/residents/" + former.id()).with(signIns.as("staff")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/residents/" + former.id()).with(signIns.as("staff"))).andExpect(status().isForbidden());
		assertThat(audited("ACCESS_DENIED", "staff", former.id())).isEqualTo(2);
		assertThat(audited("READ", "staff", former.id())).isZero();
		mvc.perform(get("/api/v1/residents/" + UUID.randomUUID()).with(signIns.as("director")))
			.andExpect(status().isNotFound());
	}

	@Test
	void aResidentReadsTheirOwnRecordButNoOneElses() throws Exception {
		UUID own = signIns.user("resident01").residentId();
		mvc.perform(get("/api/v1/residents/" + own).with(signIns.as("resident01")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IN_PROGRAM"))
			.andExpect(jsonPath("$.stays[0].discharge").doesNotExist());
		mvc.perform(get("/residents/" + own).with(signIns.as("resident01")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Danny Okafor")))
			.andExpect(content().string(not(containsString("Discharge summary (PDF)"))));
		mvc.perform(get("/residents/" + own).param("tab", "level").with(signIns.as("resident01")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"current-level\"")));
		mvc.perform(get("/residents/" + discharged().id()).with(signIns.as("resident01"))).andExpect(status().isForbidden());
		mvc.perform(get("/residents/discharged").with(signIns.as("resident01"))).andExpect(status().isForbidden());
	}

	@Test
	void theDischargeSummaryIsARealPdfWithTheAftercarePlanAndNothingMore() throws Exception {
		Former former = discharged();
		byte[] pdf = mvc.perform(get("/api/v1/residents/" + former.id() + "/discharge-summary.pdf").with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("Content-Disposition", containsString("discharge-summary-" + former.id() + ".pdf")))
			.andExpect(header().string("Content-Disposition", not(containsString("Robin"))))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		String text;
		try (PDDocument document = Loader.loadPDF(pdf)) {
			text = new PDFTextStripper().getText(document);
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Discharge summary");
		}
		assertThat(text).contains(AFTERCARE, "Robin Summary", "Completed the program", "42 CFR part 2")
			.doesNotContain("555-0199", "555-0100", "Medicaid", "County court");
		assertThat(audited("EXPORT", "director", former.id())).as("the export is audited").isEqualTo(1);

		byte[] spanish = mvc.perform(get("/api/v1/residents/" + former.id() + "/discharge-summary.pdf")
			.header("Accept-Language", "es").with(signIns.as("director")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(spanish)) {
			assertThat(new PDFTextStripper().getText(document)).contains("Resumen de alta", "Plan de seguimiento", AFTERCARE);
		}
	}

	@Test
	void staffMayNotExportADischargeSummaryEvenOfTheirOwnHouse() throws Exception {
		UUID hale = jdbc.sql("select id from residents_resident where given_name = 'Terrence' and family_name = 'Hale'")
			.query(UUID.class).single();
		mvc.perform(get("/api/v1/residents/" + hale).with(signIns.as("staff"))).andExpect(status().isOk());
		int refusals = audited("ACCESS_DENIED", "staff", hale);
		mvc.perform(get("/api/v1/residents/" + hale + "/discharge-summary.pdf").with(signIns.as("staff")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(audited("ACCESS_DENIED", "staff", hale)).isEqualTo(refusals + 1);
		mvc.perform(get("/residents/" + hale).with(signIns.as("staff")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("discharge-summary.pdf"))));
		mvc.perform(get("/api/v1/residents/" + admitted("Still", "Here").id() + "/discharge-summary.pdf")
			.with(signIns.as("director")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theProfileShowsTabsForOverviewStaysAndLevelAndOnlyRealTabs() throws Exception {
		Former former = discharged();
		mvc.perform(get("/residents/" + former.id()).with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("aria-current=\"page\">Overview</a>")))
			.andExpect(content().string(containsString(">Stays</a>")))
			.andExpect(content().string(containsString(">Level</a>")))
			.andExpect(content().string(containsString("id=\"read-only\"")))
			.andExpect(content().string(containsString("Discharge summary (PDF)")))
			.andExpect(content().string(not(containsString("/discharge\""))));
		mvc.perform(get("/residents/" + former.id()).param("tab", "stays").with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(AFTERCARE)))
			.andExpect(content().string(containsString("Completed the program")));
		// the overview read (and audited) what the discharge closed in levels; the level tab reads its own once
		int before = audited("READ", "director", former.id(), "LEVELS_AND_RATINGS");
		mvc.perform(get("/residents/" + former.id()).param("tab", "level").with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Level 1: Safety and orientation")));
		assertThat(audited("READ", "director", former.id(), "LEVELS_AND_RATINGS")).isEqualTo(before + 1);
		mvc.perform(get("/residents/" + former.id()).param("tab", "family").with(signIns.as("director")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/residents/discharged").with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Terrence Hale")))
			.andExpect(content().string(containsString("Robin Summary")));
		mvc.perform(get("/residents/discharged").with(signIns.as("staff")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Terrence Hale")))
			.andExpect(content().string(not(containsString("Yvette Marsh"))));
	}

	@Test
	void theDischargePageExplainsMistakesNextToTheFieldsAndChangesNothing() throws Exception {
		Admitted resident = admitted("Kai", "Formcheck");
		mvc.perform(get("/residents/" + resident.id() + "/discharge").with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Where they will live")));
		mvc.perform(dischargeForm(resident.id()).param("type", "COMPLETED").param("dischargedOn", "2025-12-01")
			.param("livingArrangement", "Somewhere"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"dischargedOn-error\"")))
			.andExpect(content().string(containsString("The discharge date cannot be before the admission on 2026-01-05.")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")))
			.andExpect(content().string(containsString("Somewhere")));
		mvc.perform(dischargeForm(resident.id()).param("type", "").param("dischargedOn", "yesterday"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"type-error\"")))
			.andExpect(content().string(containsString("Enter the discharge date as a date.")));
		assertThat(open(resident.id())).as("nothing saved").isTrue();
		assertThat(jdbc.sql("select count(*) from residents_aftercare_plan a join residents_stay s on s.id = a.stay_id where s.resident_id = ?")
			.param(resident.id()).query(Integer.class).single()).isZero();

		mvc.perform(dischargeForm(resident.id()).param("type", "AGAINST_ADVICE").param("dischargedOn", "2026-02-10")
			.param("reason", "Left after a visit").param("relapsePrevention", "Call the crisis line"))
			.andExpect(redirectedUrl("/residents/" + resident.id()));
		assertThat(open(resident.id())).isFalse();
		mvc.perform(get("/residents/" + resident.id()).with(signIns.as("director")))
			.andExpect(content().string(containsString("id=\"read-only\"")))
			.andExpect(content().string(containsString("Discharge summary (PDF)")));
		mvc.perform(get("/residents/" + resident.id() + "/discharge").with(signIns.as("director")))
			.andExpect(redirectedUrl("/residents/" + resident.id()));
		mvc.perform(get("/residents/" + resident.id() + "/discharge").with(signIns.as("clinician")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aReadmissionOpensASecondStayOnTheSameRecord() throws Exception {
		Former former = discharged();
		UUID bed = houses.beds(program(), former.house()).get(1).id();
		mvc.perform(readmit(former, bed, "Robin", "2026-03-20"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/residents/" + former.id()))
			.andExpect(jsonPath("$.resident.id").value(former.id().toString()));
		mvc.perform(get("/api/v1/residents/" + former.id()).with(signIns.as("director")))
			.andExpect(jsonPath("$.status").value("IN_PROGRAM"))
			.andExpect(jsonPath("$.stays.length()").value(2))
			.andExpect(jsonPath("$.stays[0].admittedOn").value("2026-03-20"))
			.andExpect(jsonPath("$.stays[0].discharge").doesNotExist())
			.andExpect(jsonPath("$.stays[1].discharge.type").value("COMPLETED"));
		assertThat(jdbc.sql("select count(*) from residents_resident where given_name = 'Robin' and family_name = 'Summary' and id = ?")
			.param(former.id()).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aReadmissionIsRefusedWhileThePersonIsStillInOrIsSomeoneElse() throws Exception {
		Former former = discharged();
		UUID bed = houses.beds(program(), former.house()).get(1).id();
		mvc.perform(readmit(former, bed, "Robbie", "2026-03-20"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("readmissionOf"));
		mvc.perform(readmit(former, bed, "Robin", "2026-02-20"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("admittedOn"));
		mvc.perform(readmit(former, bed, "Robin", "2026-03-20")).andExpect(status().isCreated());
		UUID other = houses.beds(program(), former.house()).get(2).id();
		mvc.perform(readmit(former, other, "Robin", "2026-03-21"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("readmissionOf"))
			.andExpect(jsonPath("$.detail").value(containsString("in the program today")));
		assertThat(stays(former.id())).isEqualTo(2);
		mvc.perform(post("/api/v1/residents").with(signIns.as("staff")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(readmissionBody(former, other, "Robin", "2026-03-21")))
			.andExpect(status().isForbidden());
		assertThat(stays(former.id())).isEqualTo(2);
	}

	@Test
	void theAdmissionPageReadmitsFromTheFormerResidentsRecord() throws Exception {
		Former former = discharged();
		mvc.perform(get("/residents/new").param("readmissionOf", former.id().toString()).with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"readmission-notice\"")))
			.andExpect(content().string(containsString("value=\"Summary\"")))
			.andExpect(content().string(containsString("value=\"" + former.id() + "\"")));
		mvc.perform(post("/residents").with(signIns.as("director")).with(csrf()).param("readmissionOf", former.id().toString())
			.param("givenName", "Robin").param("familyName", "Summary").param("birthDate", "1979-06-15")
			.param("bedId", houses.beds(program(), former.house()).get(1).id().toString()).param("admittedOn", "2026-04-01"))
			.andExpect(redirectedUrl("/residents"));
		assertThat(stays(former.id())).isEqualTo(2);
	}

	record Admitted(UUID id, UUID house, String houseName) {
	}

	record Former(UUID id, UUID house, String houseName) {
	}

	private ProgramId program() {
		return signIns.user("director").programId();
	}

	private Admitted admitted(String given, String family) {
		String name = "Record " + UUID.randomUUID().toString().substring(0, 8);
		UUID house = houses.found(program(), new HouseDetails(name, HouseKind.MIXED, null), 3).id();
		UUID id = UUID.randomUUID();
		admissions.admit(program(), id, new NewAdmission(given, family, null, LocalDate.of(1979, 6, 15),
				houses.beds(program(), house).get(0).id(), LocalDate.of(2026, 1, 5),
				new NewAdmission.Details(null, "English", "555-0199", "Pat Summary", "555-0100", "County court", "Medicaid", 120)));
		return new Admitted(id, house, name);
	}

	private Former discharged() {
		Admitted a = admitted("Robin", "Summary");
		discharges.discharge(program(), a.id(), new NewDischarge(LocalDate.of(2026, 3, 1), DischargeType.COMPLETED,
				"Completed all four levels", new NewDischarge.Aftercare(AFTERCARE, "Clinic on Tuesdays",
						"Thursday group", "Sponsor", "Call sponsor first")), "director");
		return new Former(a.id(), a.house(), a.houseName());
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder dischargeForm(UUID id) {
		return post("/residents/" + id + "/discharge").with(signIns.as("director")).with(csrf());
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder readmit(Former former, UUID bed,
			String given, String admittedOn) {
		return post("/api/v1/residents").with(signIns.as("director")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(readmissionBody(former, bed, given, admittedOn));
	}

	private static String readmissionBody(Former former, UUID bed, String given, String admittedOn) {
		return "{\"readmissionOf\": \"" + former.id() + "\", \"givenName\": \"" + given
				+ "\", \"familyName\": \"Summary\", \"birthDate\": \"1979-06-15\", \"houseId\": \"" + former.house()
				+ "\", \"bedId\": \"" + bed + "\", \"admittedOn\": \"" + admittedOn + "\"}";
	}

	private boolean open(UUID resident) {
		return jdbc.sql("select discharged_on is null from residents_stay where resident_id = ?").param(resident)
			.query(Boolean.class).single();
	}

	private int stays(UUID resident) {
		return jdbc.sql("select count(*) from residents_stay where resident_id = ?").param(resident).query(Integer.class).single();
	}

	private int audited(String action, String username, UUID resident) {
		return jdbc.sql("select count(*) from audit_record where action = ? and username = ? and resident_id = ?")
			.params(action, username, resident).query(Integer.class).single();
	}

	private int audited(String action, String username, UUID resident, String category) {
		return jdbc.sql("select count(*) from audit_record where action = ? and username = ? and resident_id = ? and ? = any(categories)")
			.params(action, username, resident, category).query(Integer.class).single();
	}
}
