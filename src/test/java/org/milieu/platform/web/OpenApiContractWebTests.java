package org.milieu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The API description matches what the server binds: for every operation with a request body, a
 * body built from the documented schema (its example, or values that fit each field's type, format,
 * enumeration and bounds) is never refused as malformed, that is for a field the document names or
 * a type it gives. The requests are sent as the family account, which may change nothing, so the
 * test leaves the community as it was; a body with a field the document does not name is refused by
 * name, which shows the requests reach the binder and are not stopped before it.
 */
@MilieuWebTest
class OpenApiContractWebTests {

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	private final ObjectMapper mapper = new ObjectMapper();

	private JsonNode document;

	@BeforeEach
	void readTheDocument() throws Exception {
		document = mapper.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
	}

	@Test
	void schemasNamedAfterTheirControllerShowTheirOwnFields() {
		JsonNode decision = requestSchema("/api/v1/level-reviews/{id}/decision", "post");
		assertThat(fieldNames(decision)).contains("decision", "rationale").doesNotContain("approve");
		JsonNode rating = requestSchema("/api/v1/houses/{id}/shift-ratings", "post");
		assertThat(fieldNames(rating)).doesNotContain("kind", "amountCents");
		assertThat(document.path("components").path("schemas")
			.has("platform.CursorPage-government.MeetingApi.MeetingSummary")).isTrue();
		JsonNode listing = document.path("paths").path("/api/v1/meetings").path("get");
		List<String> parameters = new ArrayList<>();
		listing.path("parameters").forEach(p -> parameters.add(p.path("name").asText()));
		assertThat(parameters).contains("cursor", "limit", "houseId", "status", "from", "to").doesNotContain("after");
	}

	@Test
	void everyDocumentedRequestBodyIsBoundWithoutAMalformedFieldRefusal() throws Exception {
		List<String> refused = new ArrayList<>();
		int operations = 0;
		int reachedBinder = 0;
		for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
			Map.Entry<String, JsonNode> path = paths.next();
			for (String method : List.of("post", "put", "patch")) {
				JsonNode operation = path.getValue().path(method);
				JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
				if (schema.isMissingNode()) {
					continue;
				}
				operations++;
				String uri = uri(path.getKey(), operation);
				JsonNode body = example(schema, 0);
				MockHttpServletResponse answer = send(method, uri, body);
				if (answer.getStatus() == 400 && answer.getContentAsString().contains("malformed-request")) {
					refused.add(method.toUpperCase() + " " + path.getKey() + " " + body + " -> "
							+ answer.getContentAsString());
				}
				if (body instanceof ObjectNode object) {
					MockHttpServletResponse probe = send(method, uri, object.deepCopy().put("notInTheDocument", 1));
					if (probe.getStatus() == 400 && probe.getContentAsString().contains("notInTheDocument")) {
						reachedBinder++;
					}
				}
			}
		}
		assertThat(operations).as("operations with a request body").isGreaterThan(40);
		assertThat(refused).as("documented bodies the server refuses as malformed").isEmpty();
		assertThat(reachedBinder).as("operations whose requests reached the binder").isGreaterThan(operations / 2);
	}

	private MockHttpServletResponse send(String method, String uri, JsonNode body) throws Exception {
		return mvc.perform(request(HttpMethod.valueOf(method.toUpperCase()), uri).with(signIns.as("family"))
			.with(csrf())
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.toString())).andReturn().getResponse();
	}

	private String uri(String template, JsonNode operation) {
		String uri = template;
		for (JsonNode parameter : operation.path("parameters")) {
			if ("path".equals(parameter.path("in").asText())) {
				uri = uri.replace("{" + parameter.path("name").asText() + "}",
						example(parameter.path("schema"), 0).asText());
			}
		}
		return uri;
	}

	private JsonNode requestSchema(String path, String method) {
		JsonNode schema = document.path("paths").path(path).path(method).path("requestBody").path("content")
			.path("application/json").path("schema");
		assertThat(schema.isMissingNode()).as(method + " " + path + " has a request body").isFalse();
		return resolve(schema);
	}

	private Set<String> fieldNames(JsonNode schema) {
		Set<String> names = new HashSet<>();
		schema.path("properties").fieldNames().forEachRemaining(names::add);
		return names;
	}

	private JsonNode resolve(JsonNode schema) {
		JsonNode current = schema;
		while (current.has("$ref")) {
			String name = current.get("$ref").asText().substring("#/components/schemas/".length());
			current = document.path("components").path("schemas").path(name);
		}
		return current;
	}

	/** A value that fits the schema: its example if it has one, otherwise built from its type. */
	private JsonNode example(JsonNode given, int depth) {
		JsonNode schema = resolve(given);
		if (schema.has("example")) {
			return schema.get("example");
		}
		if (schema.has("examples") && schema.get("examples").isArray() && !schema.get("examples").isEmpty()) {
			return schema.get("examples").get(0);
		}
		if (schema.has("enum")) {
			return schema.get("enum").get(0);
		}
		for (String choice : List.of("oneOf", "anyOf", "allOf")) {
			if (schema.has(choice)) {
				return example(schema.get(choice).get(0), depth + 1);
			}
		}
		String type = type(schema);
		return switch (type) {
			case "string" -> JSON.textNode(text(schema));
			case "integer" -> JSON.numberNode(number(schema));
			case "number" -> JSON.numberNode(number(schema));
			case "boolean" -> JSON.booleanNode(true);
			case "array" -> {
				ArrayNode array = JSON.arrayNode();
				if (depth < 6) {
					array.add(example(schema.path("items"), depth + 1));
				}
				yield array;
			}
			default -> {
				ObjectNode object = JSON.objectNode();
				if (depth < 6) {
					schema.path("properties").fields()
						.forEachRemaining(p -> object.set(p.getKey(), example(p.getValue(), depth + 1)));
				}
				yield object;
			}
		};
	}

	private static String type(JsonNode schema) {
		JsonNode type = schema.path("type");
		if (type.isArray()) {
			for (JsonNode t : type) {
				if (!"null".equals(t.asText())) {
					return t.asText();
				}
			}
		}
		return type.isTextual() ? type.asText() : schema.has("items") ? "array" : "object";
	}

	private static long number(JsonNode schema) {
		long value = 1;
		if (schema.has("minimum")) {
			value = Math.max(value, (long) Math.ceil(schema.get("minimum").asDouble()));
		}
		if (schema.has("maximum")) {
			value = Math.min(value, (long) Math.floor(schema.get("maximum").asDouble()));
		}
		return value;
	}

	private static String text(JsonNode schema) {
		String format = schema.path("format").asText("");
		return switch (format) {
			case "uuid" -> UUID.randomUUID().toString();
			case "date" -> "2026-12-01";
			case "date-time" -> "2026-12-01T10:00:00Z";
			case "partial-time", "time" -> "10:00:00";
			case "email" -> "someone@example.org";
			case "uri" -> "https://example.org/";
			default -> {
				int length = Math.max(schema.path("minLength").asInt(0), 12);
				if (schema.has("maxLength")) {
					length = Math.min(length, schema.get("maxLength").asInt());
				}
				yield "A".repeat(Math.max(length, 1));
			}
		};
	}
}
