package org.milieu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code docs/openapi.json} is the API description the application serves, in a stable form (keys
 * sorted): the contract as a file, read by the build to generate the Java client the
 * day-of-the-program test drives. When the served description changes, this test rewrites the
 * file and fails, so the change is seen and committed with the code that made it.
 */
@MilieuWebTest
class OpenApiDocumentTests {

	static final Path DOCUMENT = Path.of("docs/openapi.json");

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	@Test
	void theCommittedDescriptionIsTheServedOne() throws Exception {
		JsonNode served = sorted(json.readTree(ApiContractCheck.served(context)));
		String text = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(served) + "\n";
		String committed = Files.exists(DOCUMENT) ? Files.readString(DOCUMENT, StandardCharsets.UTF_8) : "";
		if (!committed.equals(text)) {
			Files.writeString(DOCUMENT, text, StandardCharsets.UTF_8);
		}
		assertThat(committed.equals(text))
			.as("docs/openapi.json was not the served description; it is rewritten now: commit it").isTrue();
	}

	@Test
	void theCheckHasTeethARenamedFieldOrAnUndocumentedStatusFailsIt() throws Exception {
		var validator = ApiContractCheck.of(ApiContractCheck.served(context));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/houses");
		request.setPathInfo("/api/v1/houses");
		MockHttpServletResponse good = houses(200, "[]");
		assertThat(ApiContractCheck.problems(validator, request, good)).isEmpty();

		String house = """
				[{"id": "6f1c2a4e-0d3b-4b5e-9a51-3f1f7b0c9e11", "nome": "Renamed"}]""";
		assertThat(ApiContractCheck.problems(validator, request, houses(200, house)))
			.as("a renamed field").anyMatch(p -> p.contains("nome") || p.contains("required"));
		assertThat(ApiContractCheck.problems(validator, request, houses(418, "")))
			.as("an undocumented status").anyMatch(p -> p.contains("418"));
	}

	private static MockHttpServletResponse houses(int status, String body) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setStatus(status);
		response.setContentType("application/json");
		response.getWriter().write(body);
		return response;
	}

	/** The same document with every object's keys in order; arrays keep theirs. */
	private static JsonNode sorted(JsonNode node) {
		if (node instanceof ObjectNode object) {
			Map<String, JsonNode> keys = new TreeMap<>();
			object.propertyNames().forEach(name -> keys.put(name, sorted(object.get(name))));
			ObjectNode copy = JsonNodeFactory.instance.objectNode();
			keys.forEach(copy::set);
			return copy;
		}
		if (node instanceof ArrayNode array) {
			ArrayNode copy = JsonNodeFactory.instance.arrayNode();
			for (JsonNode item : array) {
				copy.add(sorted(item));
			}
			return copy;
		}
		return node;
	}
}
