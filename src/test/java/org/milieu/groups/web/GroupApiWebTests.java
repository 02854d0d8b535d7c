package org.milieu.groups.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.groups.GroupFixtures;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The small groups API: a proposal adjusted and approved by the house's staff, refusals that change nothing, another house's staff kept out. */
@MilieuWebTest
class GroupApiWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	GroupFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	UUID bayview() {
		return jdbc.sql("select house_id from residents_stay where resident_id = ? and discharged_on is null")
			.param(signIns.user("resident01").residentId()).query(UUID.class).single();
	}

	String base(UUID house) {
		return "/api/v1/houses/" + house + "/groups";
	}

	ResultActions postJson(String who, String path, String body) throws Exception {
		return mvc.perform(post(path).with(signIns.as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	@Test
	void theHousesStaffSeeTheProposalMoveAResidentAndApproveIt() throws Exception {
		UUID house = bayview();
		String proposed = postJson("staff", base(house) + "/proposals", "{}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PROPOSED"))
			.andExpect(jsonPath("$.groups[0].structured").value(true))
			.andExpect(jsonPath("$.groups[0].name").value("Group A"))
			.andExpect(jsonPath("$.groups[0].members[0].reason").isNotEmpty())
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(proposed, "$.id");
		List<String> groups = JsonPath.read(proposed, "$.groups[*].id");
		int residents = JsonPath.<List<String>>read(proposed, "$.groups[*].members[*].residentId").size();
		int living = jdbc.sql("select count(*) from residents_stay where house_id = ? and discharged_on is null").param(house)
			.query(Integer.class).single();
		assertThat(residents).isEqualTo(living);

		mvc.perform(get(base(house)).with(signIns.as("clinician")).header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.proposal.id").value(id))
			.andExpect(jsonPath("$.proposal.groups[0].name").value("Grupo A"))
			.andExpect(jsonPath("$.settings.minSize").value(6))
			.andExpect(jsonPath("$.settings.maxSize").value(10));

		if (groups.size() > 1) {
			String resident = JsonPath.<List<String>>read(proposed, "$.groups[0].members[*].residentId").get(0);
			postJson("staff", base(house) + "/groupings/" + id + "/moves",
					"{\"residentId\": \"" + resident + "\", \"groupId\": \"" + groups.get(1) + "\"}")
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.groups[1].members[?(@.residentId == '" + resident + "')].reasonKey").value(
						org.hamcrest.Matchers.contains("groups.reason.manual")))
				.andExpect(jsonPath("$.revision").value(1));
		}

		postJson("staff", base(house) + "/groupings/" + id + "/approval", "").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.approvedBy").value(signIns.user("staff").displayName()))
			.andExpect(jsonPath("$.approvedAt").isNotEmpty());
		postJson("staff", base(house) + "/groupings/" + id + "/approval", "").andExpect(status().isConflict());
		mvc.perform(get(base(house) + "/history").with(signIns.as("director"))).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(id));
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
		GroupFixtures.TestHouse house = fixtures.aHouseWithResidentsAtLevels(2, 2, 3, 3, 4, 4, 2, 3, 4, 4, 3, 2);
		putSettings(house.id(), "{\"groupCount\": 2, \"minSize\": 3, \"maxSize\": 6, \"structuredGroups\": 1}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.revision").value(1));
		putSettings(house.id(), "{\"minSize\": 12, \"maxSize\": 10, \"structuredGroups\": 1}")
			.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("minSize"));
		putSettings(house.id(), "{\"minSize\": 6, \"maxSize\": 99, \"structuredGroups\": 1}")
			.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("maxSize"));
		putSettings(house.id(), "{\"minSize\": 6, \"structuredGroups\": 1}")
			.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("maxSize"));
		putSettings(house.id(), "{\"minSize\": \"six\"}").andExpect(status().isBadRequest());
		mvc.perform(get(base(house.id())).with(signIns.as("director"))).andExpect(jsonPath("$.settings.revision").value(1))
			.andExpect(jsonPath("$.settings.maxSize").value(6));

		UUID a = house.residents().get(0);
		UUID b = house.residents().get(1);
		separate(house.id(), "{\"residentA\": \"" + a + "\", \"residentB\": \"" + a + "\", \"kind\": \"KEEP_APART\", \"reason\": \"x\"}")
			.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("residentB"));
		separate(house.id(), "{\"residentA\": \"" + a + "\", \"residentB\": \"" + b + "\", \"kind\": \"SOMETIMES\", \"reason\": \"x\"}")
			.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("kind"));
		separate(house.id(), "{\"residentA\": \"" + a + "\", \"residentB\": \"" + b + "\", \"kind\": \"REQUIRED\", \"reason\": \" \"}")
			.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("reason"));
		separate(house.id(), "{\"residentA\": \"" + a + "\", \"residentB\": \"" + UUID.randomUUID() + "\", \"kind\": \"REQUIRED\", \"reason\": \"x\"}")
			.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("residentB"));
		assertThat(jdbc.sql("select count(*) from groups_separation where house_id = ?").param(house.id()).query(Integer.class).single())
			.isZero();
		String separation = separate(house.id(), "{\"residentA\": \"" + a + "\", \"residentB\": \"" + b
				+ "\", \"kind\": \"REQUIRED\", \"reason\": \"Court order\"}")
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();

		String proposed = postJson("director", base(house.id()) + "/proposals", "").andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(proposed, "$.id");
		String groupOfA = groupOf(proposed, a);
		String groupOfB = groupOf(proposed, b);
		assertThat(groupOfA).as("a required separation is kept").isNotEqualTo(groupOfB);

		String moves = base(house.id()) + "/groupings/" + id + "/moves";
		postJson("director", moves, "{\"residentId\": \"" + a + "\", \"groupId\": \"" + groupOfB + "\"}")
			.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("groupId"));
		postJson("director", moves, "{\"residentId\": \"" + a + "\"}")
			.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("groupId"));
		postJson("director", moves, "{\"residentId\": \"" + UUID.randomUUID() + "\", \"groupId\": \"" + groupOfB + "\"}")
			.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("residentId"));
		postJson("director", moves, "{\"residentId\": \"" + a + "\", \"groupId\": \"" + UUID.randomUUID() + "\"}")
			.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("groupId"));
		postJson("director", moves, "{\"residentId\": 7").andExpect(status().isBadRequest());
		mvc.perform(get(base(house.id()) + "/groupings/" + id).with(signIns.as("director"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.revision").value(0))
			.andExpect(jsonPath("$.groups[?(@.id == '" + groupOfA + "')].members[*].residentId").value(org.hamcrest.Matchers.hasItem(a.toString())));

		String separationId = JsonPath.read(separation, "$.id");
		postJson("director", base(house.id()) + "/separations/" + separationId + "/end", "").andExpect(status().isNoContent());
		postJson("director", base(house.id()) + "/separations/" + separationId + "/end", "").andExpect(status().isNotFound());
		postJson("director", moves, "{\"residentId\": \"" + a + "\", \"groupId\": \"" + groupOfB + "\"}").andExpect(status().isOk());
	}

	@Test
	void anotherHousesStaffAreRefusedAndNothingChanges() throws Exception {
		UUID house = bayview();
		Integer before = jdbc.sql("select count(*) from groups_grouping where house_id = ?").param(house).query(Integer.class).single();
		mvc.perform(get(base(house)).with(signIns.as("staff2"))).andExpect(status().isForbidden());
		postJson("staff2", base(house) + "/proposals", "").andExpect(status().isForbidden());
		mvc.perform(put(base(house) + "/settings").with(signIns.as("staff2")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"minSize\": 3, \"maxSize\": 4, \"structuredGroups\": 1}"))
			.andExpect(status().isForbidden());
		mvc.perform(get(base(house)).with(signIns.as("resident01"))).andExpect(status().isForbidden());
		mvc.perform(get(base(house)).with(signIns.as("family"))).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from groups_grouping where house_id = ?").param(house).query(Integer.class).single())
			.isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from groups_settings where house_id = ?").param(house).query(Integer.class).single())
			.isZero();
	}

	@SuppressWarnings("unchecked")
	static String groupOf(String grouping, UUID resident) {
		List<java.util.Map<String, Object>> groups = JsonPath.read(grouping, "$.groups");
		for (java.util.Map<String, Object> group : groups) {
			List<java.util.Map<String, Object>> members = (List<java.util.Map<String, Object>>) group.get("members");
			if (members.stream().anyMatch(m -> resident.toString().equals(m.get("residentId")))) {
				return (String) group.get("id");
			}
		}
		throw new AssertionError("no group has " + resident);
	}

	ResultActions putSettings(UUID house, String body) throws Exception {
		return mvc.perform(put(base(house) + "/settings").with(signIns.as("director")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	ResultActions separate(UUID house, String body) throws Exception {
		return postJson("director", base(house) + "/separations", body);
	}
}
