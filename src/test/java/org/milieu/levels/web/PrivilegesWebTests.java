package org.milieu.levels.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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
import org.milieu.levels.privileges.AdjustmentKind;
import org.milieu.levels.privileges.Answer;
import org.milieu.levels.privileges.DefaultPrivilege;
import org.milieu.levels.privileges.LevelPrivileges;
import org.milieu.levels.privileges.NewAdjustment;
import org.milieu.levels.privileges.NewPrivilege;
import org.milieu.levels.privileges.Privilege;
import org.milieu.levels.privileges.PrivilegeAdjustment;
import org.milieu.levels.privileges.PrivilegeCatalogue;
import org.milieu.levels.privileges.PrivilegeChange;
import org.milieu.levels.privileges.PrivilegeStatus;
import org.milieu.levels.privileges.RevisedPrivilege;
import org.milieu.residents.Admissions;
import org.milieu.residents.DischargeType;
import org.milieu.residents.Discharges;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;
import org.milieu.residents.NewDischarge;
import org.milieu.shared.ProgramId;
import org.milieu.shared.VersionConflict;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Privileges end to end on the real database: the level mapping, individual grants and
 * restrictions, the catalogue and its history, the API with its refusals (each changing
 * nothing), passes following the off-site pass privilege, and the pages. Every test works on a
 * house, staff member, clinician and resident of its own, and changes the catalogue only through
 * privileges it adds itself; times are set from the application's clock.
 */
@MilieuWebTest
class PrivilegesWebTests {

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
	ResidentLevels levels;

	@Autowired
	LevelPrivileges privileges;

	@Autowired
	PrivilegeCatalogue catalogue;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	/** A house of its own with a staff member and a clinician working there, and one resident at level 1 with a sign-in. */
	record Ward(UUID house, String staff, String clinician, UUID resident, String residentLogin, String family) {
	}

	// --- the level mapping, grants and restrictions (the service) ---

	@Test
	void eachPrivilegeComesWithItsLevel() {
		Ward ward = ward();
		assertThat(may(ward, "PHONE_TIME").allowed()).as("phone time comes with level 1").isTrue();
		Answer visits = may(ward, "VISITS");
		assertThat(visits.allowed()).isFalse();
		assertThat(visits.reasonKey()).isEqualTo("privilege.answer.needsLevel");
		assertThat(visits.arguments()).containsExactly(2, 1);
		assertThat(may(ward, "OFF_SITE_PASS").allowed()).isFalse();

		levels.assign(program(), ward.resident(), Level.RESPONSIBILITY, today(), "clinician", "Team review");
		assertThat(may(ward, "OFF_SITE_PASS").allowed()).isTrue();
		assertThat(may(ward, "UNSUPERVISED_VISITS").allowed()).isTrue();
		assertThat(may(ward, "GOVERNMENT_OFFICE").allowed()).isTrue();
		assertThat(may(ward, "MENTOR_ROLE").allowed()).as("the mentor role comes with level 4").isFalse();
	}

	@Test
	void aGrantAllowsBelowTheLevelAndARestrictionBeatsTheLevel() {
		Ward ward = ward();
		privileges.adjust(signIns.user(ward.clinician()), ward.resident(), new NewAdjustment("VISITS", AdjustmentKind.GRANT,
				null, in(Duration.ofDays(2)), "Grandmother visiting from out of state"));
		Answer visits = may(ward, "VISITS");
		assertThat(visits.allowed()).isTrue();
		assertThat(visits.basis()).isEqualTo(Answer.Basis.GRANT);
		assertThat(visits.arguments()).contains("Grandmother visiting from out of state");

		levels.assign(program(), ward.resident(), Level.LEADERSHIP, today(), "clinician", "Team review");
		privileges.adjust(signIns.user(ward.clinician()), ward.resident(), new NewAdjustment("PHONE_TIME",
				AdjustmentKind.RESTRICT, null, in(Duration.ofDays(7)), "Called a former using contact"));
		Answer phone = may(ward, "PHONE_TIME");
		assertThat(phone.allowed()).as("a restriction beats level 4").isFalse();
		assertThat(phone.basis()).isEqualTo(Answer.Basis.RESTRICTION);
		assertThat(phone.reasonKey()).isEqualTo("privilege.answer.restricted");
		assertThat(phone.arguments()).contains("Called a former using contact");
	}

	@Test
	void adjustmentsPastTheirEndOrEndedEarlyNoLongerCount() {
		Ward ward = ward();
		PrivilegeAdjustment grant = privileges.adjust(signIns.user(ward.clinician()), ward.resident(),
				new NewAdjustment("OFF_SITE_PASS", AdjustmentKind.GRANT, null, in(Duration.ofHours(3)), "Court hearing"));
		assertThat(may(ward, "OFF_SITE_PASS").allowed()).isTrue();
		assertThat(privileges.may(program(), ward.resident(), "OFF_SITE_PASS", clock.instant().plus(Duration.ofHours(4)))
			.allowed()).as("after its end").isFalse();

		PrivilegeAdjustment ended = privileges.end(signIns.user(ward.clinician()), grant.id(), "Hearing moved to next month");
		assertThat(ended.endedBy()).isEqualTo(ward.clinician());
		assertThat(ended.endReason()).isEqualTo("Hearing moved to next month");
		assertThat(may(ward, "OFF_SITE_PASS").allowed()).as("ended early").isFalse();
		assertThat(adjustmentCount(ward.resident())).as("ending keeps the row").isEqualTo(1);
		assertThatThrownBy(() -> jdbc.sql("delete from levels_privilege_adjustment where id = ?").param(grant.id()).update())
			.hasMessageContaining("never deleted");
	}

	@Test
	void aDischargedResidentMayDoNothingAndAnUnknownPrivilegeIsRefused() {
		Ward ward = ward();
		assertThat(may(ward, "NO_SUCH_THING").basis()).isEqualTo(Answer.Basis.UNKNOWN);
		discharges.discharge(signIns.user("director"), ward.resident(),
				new NewDischarge(today(), DischargeType.COMPLETED, null, null));
		Answer answer = may(ward, "PHONE_TIME");
		assertThat(answer.allowed()).isFalse();
		assertThat(answer.basis()).isEqualTo(Answer.Basis.NOT_IN_PROGRAM);
		assertThat(privileges.of(signIns.user("director"), ward.resident())).isNotEmpty()
			.allSatisfy(s -> assertThat(s.answer().basis()).isEqualTo(Answer.Basis.NOT_IN_PROGRAM));
	}

	@Test
	void askingMayIsNotAuditedButReadingAResidentsPrivilegesIs() {
		Ward ward = ward();
		int before = audited(ward.resident());
		may(ward, "VISITS");
		assertThat(audited(ward.resident())).as("a system question leaves no audit record").isEqualTo(before);
		List<PrivilegeStatus> statuses = privileges.of(signIns.user(ward.staff()), ward.resident());
		assertThat(statuses).extracting(s -> s.privilege().code()).contains("PHONE_TIME", "OFF_SITE_PASS", "MENTOR_ROLE");
		assertThat(jdbc.sql("select count(*) from audit_record where resident_id = ? and username = ? and action = 'READ' "
				+ "and 'LEVELS_AND_RATINGS' = any(categories) and 'Privileges' = any(resource_types)")
			.params(ward.resident(), ward.staff()).query(Integer.class).single()).isEqualTo(1);
		assertThatThrownBy(() -> privileges.of(signIns.user("staff2"), ward.resident()))
			.as("staff of another house").isInstanceOf(AccessDeniedException.class);
	}

	// --- the catalogue and its history ---

	@Test
	void everyChangeOfTheCatalogueIsKeptInItsHistory() {
		String code = code();
		Privilege added = catalogue.add(signIns.user("director"),
				new NewPrivilege(code, "Garden plot", "A plot of the community garden", 2, "Garden opens in spring"));
		assertThat(added.version()).isEqualTo(1);
		Privilege raised = catalogue.revise(signIns.user("director"), code, 1,
				new RevisedPrivilege(3, true, "Garden plot", "A plot of the community garden", "Too few plots"));
		Privilege paused = catalogue.revise(signIns.user("director"), code, 2,
				new RevisedPrivilege(3, false, "Garden plot", "A plot of the community garden", "Winter"));
		assertThat(raised.minLevel()).isEqualTo(3);
		assertThat(paused.active()).isFalse();
		assertThat(catalogue.revise(signIns.user("director"), code, 3,
				new RevisedPrivilege(3, false, "Garden plot", "A plot of the community garden", null)).version())
			.as("a change that changes nothing writes nothing").isEqualTo(3);

		List<PrivilegeChange> history = catalogue.history(program(), code);
		assertThat(history).extracting(PrivilegeChange::version).containsExactly(3, 2, 1);
		assertThat(history).extracting(PrivilegeChange::minLevel).containsExactly(3, 3, 2);
		assertThat(history).extracting(PrivilegeChange::reason).containsExactly("Winter", "Too few plots",
				"Garden opens in spring");
		assertThatThrownBy(() -> catalogue.revise(signIns.user("director"), code, 2,
				new RevisedPrivilege(1, true, "Garden plot", null, null))).isInstanceOf(VersionConflict.class);
		assertThatThrownBy(() -> catalogue.revise(signIns.user("clinician"), code, 3,
				new RevisedPrivilege(1, true, "Garden plot", null, null))).isInstanceOf(AccessDeniedException.class);
		assertThat(catalogue.find(program(), code).orElseThrow().version()).isEqualTo(3);
		assertThatThrownBy(() -> jdbc.sql("update levels_privilege_change set min_level = 1 where privilege_id = ?")
			.param(added.id()).update()).hasMessageContaining("append-only");
	}

	@Test
	void aNewProgramGetsTheDefaultCatalogueTheFirstTimeItIsRead() {
		ProgramId program = new ProgramId(UUID.randomUUID());
		jdbc.sql("insert into platform_program (id, name) values (?, 'Another community')").param(program.value()).update();
		List<Privilege> list = catalogue.list(program);
		assertThat(list).extracting(Privilege::code).containsExactlyInAnyOrder(
				java.util.Arrays.stream(DefaultPrivilege.values()).map(Enum::name).toArray(String[]::new));
		assertThat(list).filteredOn(p -> p.code().equals("OFF_SITE_PASS")).extracting(Privilege::minLevel).containsExactly(2);
		assertThat(list).filteredOn(p -> p.code().equals("MENTOR_ROLE")).extracting(Privilege::minLevel).containsExactly(4);
		assertThat(catalogue.list(program)).as("created once").hasSize(DefaultPrivilege.values().length);
		assertThat(jdbc.sql("select count(*) from levels_privilege_change where program_id = ?").param(program.value())
			.query(Integer.class).single()).isEqualTo(DefaultPrivilege.values().length);
	}

	// --- the API ---

	@Test
	void aResidentReadsTheirOwnPrivilegesWithTheReasonForEach() throws Exception {
		Ward ward = ward();
		mvc.perform(get("/api/v1/residents/" + ward.resident() + "/privileges").with(signIns.as(ward.residentLogin())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == 'OFF_SITE_PASS')].allowed").value(false))
			.andExpect(jsonPath("$[?(@.code == 'OFF_SITE_PASS')].reason").value("Needs level 2; at level 1 now."))
			.andExpect(jsonPath("$[?(@.code == 'OFF_SITE_PASS')].name").value("Off-site pass"))
			.andExpect(jsonPath("$[?(@.code == 'PHONE_TIME')].allowed").value(true))
			.andExpect(jsonPath("$[?(@.code == 'PHONE_TIME')].basis").value("LEVEL"));
		mvc.perform(get("/api/v1/residents/" + signIns.user("resident02").residentId() + "/privileges")
			.with(signIns.as(ward.residentLogin()))).andExpect(status().isForbidden());
	}

	@Test
	void aClinicianGrantsAndEndsAPrivilegeThroughTheApi() throws Exception {
		Ward ward = ward();
		String body = """
				{"privilegeCode": "VISITS", "kind": "GRANT", "until": "%s", "reason": "Sister visiting before she moves away"}"""
			.formatted(in(Duration.ofDays(3)));
		String location = mvc.perform(adjust(ward, ward.clinician(), body))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/privilege-adjustments/")))
			.andExpect(jsonPath("$.kind").value("GRANT"))
			.andExpect(jsonPath("$.privilegeCode").value("VISITS"))
			.andExpect(jsonPath("$.decidedBy").value(ward.clinician()))
			.andReturn().getResponse().getHeader("Location");
		mvc.perform(get("/api/v1/residents/" + ward.resident() + "/privileges").with(signIns.as(ward.staff())))
			.andExpect(jsonPath("$[?(@.code == 'VISITS')].allowed").value(true))
			.andExpect(jsonPath("$[?(@.code == 'VISITS')].basis").value("GRANT"))
			.andExpect(jsonPath("$[?(@.code == 'VISITS')].adjustments[0].reason").value("Sister visiting before she moves away"));

		mvc.perform(post(location + "/end").with(signIns.as(ward.clinician())).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Visit cancelled\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.endedBy").value(ward.clinician()))
			.andExpect(jsonPath("$.endReason").value("Visit cancelled"));
		String endedAt = jdbc.sql("select ended_at::text from levels_privilege_adjustment where resident_id = ?")
			.param(ward.resident()).query(String.class).single();
		mvc.perform(post(location + "/end").with(signIns.as(ward.clinician())).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Again\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("adjustment"));
		assertThat(jdbc.sql("select ended_at::text || end_reason from levels_privilege_adjustment where resident_id = ?")
			.param(ward.resident()).query(String.class).single()).isEqualTo(endedAt + "Visit cancelled");
		assertThat(jdbc.sql("select count(*) from audit_record where resident_id = ? and username = ? "
				+ "and 'CLINICAL_NOTES' = any(categories) and 'PrivilegeAdjustment' = any(resource_types) and outcome = 'SUCCESS'")
			.params(ward.resident(), ward.clinician()).query(Integer.class).single()).as("the grant and its end").isEqualTo(2);
	}

	@Test
	void badAdjustmentsAreRefusedNamingTheFieldAndStoreNothing() throws Exception {
		Ward ward = ward();
		String from = in(Duration.ofDays(2)).toString();
		String[][] cases = {
				{ "{\"privilegeCode\": \"FLYING_CARPET\", \"kind\": \"GRANT\", \"reason\": \"Why not\"}", "privilegeCode" },
				{ "{\"kind\": \"GRANT\", \"reason\": \"No privilege named\"}", "privilegeCode" },
				{ "{\"privilegeCode\": \"VISITS\", \"kind\": \"RESTRICT\"}", "reason" },
				{ "{\"privilegeCode\": \"VISITS\", \"kind\": \"RESTRICT\", \"reason\": \"   \"}", "reason" },
				{ "{\"privilegeCode\": \"VISITS\", \"reason\": \"No kind\"}", "kind" },
				{ "{\"privilegeCode\": \"VISITS\", \"kind\": \"RESTRICT\", \"reason\": \"Backwards\", \"from\": \"" + from
						+ "\", \"until\": \"" + in(Duration.ofDays(1)) + "\"}", "until" },
				{ "{\"privilegeCode\": \"VISITS\", \"kind\": \"RESTRICT\", \"reason\": \"Over\", \"until\": \""
						+ in(Duration.ofHours(-1)) + "\"}", "until" } };
		for (String[] c : cases) {
			mvc.perform(adjust(ward, ward.clinician(), c[0]))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].field").value(c[1]));
		}
		assertThat(adjustmentCount(ward.resident())).isZero();
	}

	@Test
	void staffMayNotGrantOrRestrictAndTheRefusalIsAudited() throws Exception {
		Ward ward = ward();
		mvc.perform(adjust(ward, ward.staff(), "{\"privilegeCode\": \"VISITS\", \"kind\": \"GRANT\", \"reason\": \"Nice\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(adjust(ward, ward.residentLogin(),
				"{\"privilegeCode\": \"OFF_SITE_PASS\", \"kind\": \"GRANT\", \"reason\": \"I would like to\"}"))
			.andExpect(status().isForbidden());
		assertThat(adjustmentCount(ward.resident())).isZero();
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'ACCESS_DENIED' and 'CLINICAL_NOTES' = any(categories) "
				+ "and resident_id = ? and username = ?").params(ward.resident(), ward.staff()).query(Integer.class).single())
			.isEqualTo(1);
	}

	@Test
	void theDirectorAddsAndChangesPrivilegesAndBadCatalogueInputChangesNothing() throws Exception {
		String code = code();
		mvc.perform(post("/api/v1/privileges").with(signIns.as("director")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\": \"" + code + "\", \"name\": \"Bicycle\", \"minLevel\": 3}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.name").value("Bicycle"))
			.andExpect(jsonPath("$.custom").value(true));
		String[][] adds = { { "{\"code\": \"" + code() + "\", \"name\": \"Kayak\", \"minLevel\": 5}", "minLevel" },
				{ "{\"code\": \"" + code() + "\", \"name\": \"Kayak\", \"minLevel\": 0}", "minLevel" },
				{ "{\"code\": \"" + code() + "\", \"name\": \"Kayak\"}", "minLevel" },
				{ "{\"code\": \"" + code + "\", \"name\": \"Again\", \"minLevel\": 2}", "code" },
				{ "{\"code\": \"kayak time\", \"name\": \"Kayak\", \"minLevel\": 2}", "code" },
				{ "{\"code\": \"" + code() + "\", \"minLevel\": 2}", "name" } };
		int privileges = jdbc.sql("select count(*) from levels_privilege").query(Integer.class).single();
		for (String[] c : adds) {
			mvc.perform(post("/api/v1/privileges").with(signIns.as("director")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content(c[0]))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].field").value(c[1]));
		}
		assertThat(jdbc.sql("select count(*) from levels_privilege").query(Integer.class).single()).isEqualTo(privileges);

		mvc.perform(revise(code, "\"1\"", "{\"minLevel\": 7, \"active\": true, \"name\": \"Bicycle\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("minLevel"));
		mvc.perform(revise(code, null, "{\"minLevel\": 2, \"active\": true, \"name\": \"Bicycle\"}"))
			.andExpect(status().isPreconditionRequired());
		mvc.perform(revise(code, "\"1\"", "{\"minLevel\": 2, \"active\": true, \"name\": \"Bicycle\", \"reason\": \"Safe routes\"}"))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.minLevel").value(2));
		mvc.perform(revise(code, "\"1\"", "{\"minLevel\": 4, \"active\": true, \"name\": \"Bicycle\"}"))
			.andExpect(status().isPreconditionFailed());
		String phoneVersion = "\"" + catalogue.find(program(), "PHONE_TIME").orElseThrow().version() + "\"";
		mvc.perform(revise("PHONE_TIME", phoneVersion, "{\"minLevel\": 1, \"active\": true, \"name\": \"Telephone\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		mvc.perform(get("/api/v1/privileges/" + code).with(signIns.as("staff")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.minLevel").value(2))
			.andExpect(jsonPath("$.history.length()").value(2))
			.andExpect(jsonPath("$.history[0].reason").value("Safe routes"))
			.andExpect(jsonPath("$.history[1].minLevel").value(3));
		mvc.perform(get("/api/v1/privileges").with(signIns.as("resident01")).header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == 'OFF_SITE_PASS')].name").value("Pase de salida"))
			.andExpect(jsonPath("$[?(@.code == '" + code + "')].minLevel").value(2));
		mvc.perform(get("/api/v1/privileges/NO_SUCH_THING").with(signIns.as("staff"))).andExpect(status().isNotFound());
	}

	// --- passes follow the off-site pass privilege ---

	@Test
	void aLevelOneResidentIsRefusedAPassNamingWhyUntilAClinicianGrantsIt() throws Exception {
		Ward ward = ward();
		mvc.perform(signOut(ward))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("resident"))
			.andExpect(jsonPath("$.detail").value(containsString("may not go out on a pass now")))
			.andExpect(jsonPath("$.detail").value(containsString("Needs level 2; at level 1 now.")));
		assertThat(passCount(ward.resident())).isZero();

		privileges.adjust(signIns.user(ward.clinician()), ward.resident(), new NewAdjustment("OFF_SITE_PASS",
				AdjustmentKind.GRANT, null, in(Duration.ofDays(1)), "Custody hearing at the courthouse"));
		mvc.perform(signOut(ward)).andExpect(status().isCreated()).andExpect(jsonPath("$.approvedBy").value(ward.staff()));
		assertThat(passCount(ward.resident())).isEqualTo(1);
	}

	@Test
	void aRestrictionKeepsAResidentOfHighEnoughLevelInAndTheRefusalGivesTheReason() throws Exception {
		Ward ward = ward();
		levels.assign(program(), ward.resident(), Level.RESPONSIBILITY, today(), "clinician", "Team review");
		privileges.adjust(signIns.user(ward.clinician()), ward.resident(), new NewAdjustment("OFF_SITE_PASS",
				AdjustmentKind.RESTRICT, null, null, "Came back late twice this week"));
		mvc.perform(signOut(ward).header("Accept-Language", "es"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("Restringido hasta nuevo aviso: Came back late twice this week")));
		assertThat(passCount(ward.resident())).isZero();
	}

	// --- the pages ---

	@Test
	void theCataloguePageShowsPrivilegesByLevelToStaffAndTheFormToTheDirector() throws Exception {
		mvc.perform(get("/levels/privileges").with(signIns.as("staff")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Off-site pass")))
			.andExpect(content().string(containsString("Mentor role")))
			.andExpect(content().string(not(containsString("id=\"add-privilege\""))));
		mvc.perform(get("/levels/privileges").with(signIns.as("director")))
			.andExpect(content().string(containsString("id=\"add-privilege\"")));
		mvc.perform(get("/levels/privileges").with(signIns.as("resident01"))).andExpect(status().isForbidden());
		String code = code();
		mvc.perform(post("/levels/privileges").with(signIns.as("director")).with(csrf()).param("code", code)
			.param("name", "Art studio").param("minLevel", "2"))
			.andExpect(redirectedUrl("/levels/privileges"));
		mvc.perform(post("/levels/privileges/" + code).with(signIns.as("director")).with(csrf()).param("version", "1")
			.param("name", "Art studio").param("minLevel", "3").param("active", "true").param("reason", "Supervision needed"))
			.andExpect(redirectedUrl("/levels/privileges/" + code));
		mvc.perform(get("/levels/privileges/" + code).with(signIns.as("clinician")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Supervision needed")))
			.andExpect(content().string(not(containsString("id=\"revise-privilege\""))));
		mvc.perform(post("/levels/privileges/" + code).with(signIns.as("staff")).with(csrf()).param("version", "2")
			.param("minLevel", "1").param("active", "true")).andExpect(status().isForbidden());
		assertThat(catalogue.find(program(), code).orElseThrow().minLevel()).isEqualTo(3);
	}

	@Test
	void aResidentsPrivilegesPageOffersTheFormToTheirClinicianOnlyAndRecordsARestriction() throws Exception {
		Ward ward = ward();
		String page = "/residents/" + ward.resident() + "/privileges";
		mvc.perform(get(page).with(signIns.as(ward.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Needs level 2; at level 1 now.")))
			.andExpect(content().string(not(containsString("id=\"adjust-form\""))));
		mvc.perform(get(page).with(signIns.as(ward.clinician())))
			.andExpect(content().string(containsString("id=\"adjust-form\"")));
		mvc.perform(post(page).with(signIns.as(ward.clinician())).with(csrf()).param("privilegeCode", "PHONE_TIME")
			.param("kind", "RESTRICT").param("reason", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This field is required.")));
		assertThat(adjustmentCount(ward.resident())).isZero();
		mvc.perform(post(page).with(signIns.as(ward.clinician())).with(csrf()).param("privilegeCode", "PHONE_TIME")
			.param("kind", "RESTRICT").param("until", java.time.LocalDateTime.now(clock).plusDays(3).withNano(0).toString())
			.param("reason", "Calls during group"))
			.andExpect(redirectedUrl(page));
		mvc.perform(get(page).with(signIns.as(ward.residentLogin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Calls during group")))
			.andExpect(content().string(not(containsString("id=\"adjust-form\""))));
	}

	@Test
	void theResidentSeesWhatTheyMayDoNowAndWhatTheNextLevelBringsOnTheirOwnPage() throws Exception {
		Ward ward = ward();
		mvc.perform(get("/me").with(signIns.as(ward.residentLogin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("What I may do now")))
			.andExpect(content().string(containsString("Phone time")))
			.andExpect(content().string(containsString("What level 2 brings")))
			.andExpect(content().string(containsString("Off-site pass")));
		assertThat(jdbc.sql("select count(*) from audit_record where username = ? and action = 'READ' "
				+ "and 'LEVELS_AND_RATINGS' = any(categories) and 'Privileges' = any(resource_types)").param(ward.residentLogin())
			.query(Integer.class).single()).as("reading their own privileges is audited too").isEqualTo(1);
		mvc.perform(get("/residents/" + ward.resident()).param("tab", "level").with(signIns.as(ward.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/residents/" + ward.resident() + "/privileges")));
	}

	private Ward ward() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		ProgramId program = program();
		UUID house = houses.found(program, new HouseDetails("Privileges " + tag, HouseKind.MIXED, null), 2).id();
		String staff = "priv-staff-" + tag;
		care.assignHouses(accounts.open(new NewAccount(program, staff, "Staff " + tag, null, Set.of(Role.STAFF), null)).id(),
				List.of(house));
		String clinician = "priv-clin-" + tag;
		care.assignHouses(accounts.open(new NewAccount(program, clinician, "Clinician " + tag, null, Set.of(Role.CLINICIAN),
				null)).id(), List.of(house));
		String family = "Quinn" + tag;
		UUID resident = UUID.randomUUID();
		admissions.admit(program, resident, new NewAdmission("Robin", family, null, LocalDate.of(1992, 2, 2),
				houses.beds(program, house).get(0).id(), today().minusDays(3)));
		// level 1 from the admission, recorded once the admission has committed
		await().atMost(Duration.ofSeconds(10)).until(() -> levels.currentOf(program, resident).isPresent());
		String login = "priv-res-" + tag;
		accounts.open(new NewAccount(program, login, "Robin " + family, null, Set.of(Role.RESIDENT), resident));
		return new Ward(house, staff, clinician, resident, login, family);
	}

	private Answer may(Ward ward, String code) {
		return privileges.may(program(), ward.resident(), code, clock.instant());
	}

	private ProgramId program() {
		return signIns.user("director").programId();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(privileges.zone(program())));
	}

	private Instant in(Duration duration) {
		return clock.instant().plus(duration);
	}

	private static String code() {
		return "TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT).replace('-', '_');
	}

	private MockHttpServletRequestBuilder adjust(Ward ward, String as, String json) {
		return post("/api/v1/residents/" + ward.resident() + "/privilege-adjustments").with(signIns.as(as)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(json);
	}

	private MockHttpServletRequestBuilder revise(String code, String ifMatch, String json) {
		MockHttpServletRequestBuilder request = put("/api/v1/privileges/" + code).with(signIns.as("director")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(json);
		return ifMatch == null ? request : request.header("If-Match", ifMatch);
	}

	private MockHttpServletRequestBuilder signOut(Ward ward) {
		return post("/api/v1/residents/" + ward.resident() + "/passes").with(signIns.as(ward.staff())).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"destination\": \"County courthouse\", \"purpose\": \"Hearing\", "
					+ "\"expectedBackAt\": \"" + in(Duration.ofHours(2)) + "\", \"pastCurfew\": true}");
	}

	private int adjustmentCount(UUID resident) {
		return jdbc.sql("select count(*) from levels_privilege_adjustment where resident_id = ?").param(resident)
			.query(Integer.class).single();
	}

	private int passCount(UUID resident) {
		return jdbc.sql("select count(*) from residents_pass where resident_id = ?").param(resident).query(Integer.class).single();
	}

	private int audited(UUID resident) {
		return jdbc.sql("select count(*) from audit_record where resident_id = ?").param(resident).query(Integer.class).single();
	}
}
