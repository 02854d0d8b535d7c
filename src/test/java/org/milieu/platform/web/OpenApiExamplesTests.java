package org.milieu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The examples of the API description ({@code openapi/examples.json}, collected from the test
 * suite's own calls: see docs/API.md, "Examples") cover every operation, each matches the schema
 * of its body and answer, and none carries a secret. Read from the committed description, which
 * {@link OpenApiDocumentTests} holds to the served one.
 */
class OpenApiExamplesTests {

	static final Path EXAMPLES = Path.of("src/main/resources", OpenApiExamples.RESOURCE);

	static final JsonMapper JSON = JsonMapper.builder().build();

	static String text;

	static JsonNode document;

	static JsonNode examples;

	@BeforeAll
	static void read() throws Exception {
		text = Files.readString(OpenApiDocumentTests.DOCUMENT, StandardCharsets.UTF_8);
		document = JSON.readTree(text);
		examples = JSON.readTree(Files.readString(EXAMPLES, StandardCharsets.UTF_8));
	}

	@Test
	void everyOperationWithAJsonBodyOrAnswerHasAnExampleOfEach() {
		List<String> missing = new ArrayList<>();
		JsonNode paths = document.get("paths");
		for (String path : paths.propertyNames()) {
			JsonNode item = paths.get(path);
			for (String method : item.propertyNames()) {
				JsonNode operation = item.get(method);
				String name = method.toUpperCase() + " " + path;
				JsonNode body = json(operation.path("requestBody").path("content"));
				if (body != null && !body.has("example")) {
					missing.add(name + " (request body)");
				}
				boolean answersJson = false;
				boolean exampled = false;
				JsonNode responses = operation.path("responses");
				for (String status : responses.propertyNames()) {
					JsonNode answer = status.startsWith("2") ? json(responses.get(status).path("content")) : null;
					if (answer != null) {
						answersJson = true;
						exampled |= answer.has("example");
					}
				}
				if (answersJson && !exampled) {
					missing.add(name + " (answer)");
				}
			}
		}
		assertThat(missing).as("operations without an example; collect them as docs/API.md says").isEmpty();
	}

	@Test
	void everyExampleMatchesTheSchemaOfItsBodyAndAnswer() {
		OpenApiInteractionValidator validator = ApiContractCheck.of(text);
		List<String> problems = new ArrayList<>();
		for (String name : examples.propertyNames()) {
			JsonNode example = examples.get(name);
			String method = name.substring(0, name.indexOf(' '));
			String path = example.get("path").asString();
			MockHttpServletRequest request = new MockHttpServletRequest(method, path);
			request.setPathInfo(path);
			if (example.has("request")) {
				request.setContentType("application/json");
				request.setContent(example.get("request").toString().getBytes(StandardCharsets.UTF_8));
			}
			MockHttpServletResponse response = new MockHttpServletResponse();
			response.setStatus(Integer.parseInt(example.get("status").asString()));
			if (example.has("response")) {
				response.setContentType("application/json");
				response.setCharacterEncoding("UTF-8");
				response.setContentLength(0);
				try {
					response.getWriter().write(example.get("response").toString());
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}
			ApiContractCheck.problems(validator, request, response).stream()
				.filter(p -> p.startsWith("validation.request.body") || p.startsWith("validation.response.body"))
				.forEach(p -> problems.add(name + ": " + p));
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void noExampleCarriesAPasswordATokenOrASecret() {
		List<String> found = new ArrayList<>();
		secrets("", examples, found);
		assertThat(found).isEmpty();
	}

	private static void secrets(String where, JsonNode node, List<String> found) {
		if (node.isObject()) {
			for (String name : node.propertyNames()) {
				JsonNode value = node.get(name);
				if (value.isString() && name.matches("(?i).*(password|secret|token).*")
						&& !Set.of("example", "mil_example").contains(value.asString())) {
					found.add(where + "/" + name);
				}
				secrets(where + "/" + name, value, found);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				secrets(where + "/" + i, node.get(i), found);
			}
		}
		else if (node.isString() && node.asString().startsWith("mil_") && !node.asString().equals("mil_example")) {
			found.add(where);
		}
	}

	private static JsonNode json(JsonNode content) {
		for (String type : content.propertyNames()) {
			if (type.contains("json")) {
				return content.get(type);
			}
		}
		return null;
	}
}
