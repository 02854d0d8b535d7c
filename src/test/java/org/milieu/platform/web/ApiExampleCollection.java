package org.milieu.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Collects the examples of the API description from the test suite's own calls, on demand only:
 * run tests with {@code -Dapi-contract.examples=src/main/resources/openapi/examples.json} and,
 * for each operation the file does not have yet, the first accepted JSON request body and JSON
 * success answer that matched the document are added to it as the run goes. A normal run
 * changes nothing, so the document does not drift with each run's ids. Secrets are scrubbed and
 * long lists cut to their first items.
 */
final class ApiExampleCollection {

	static final String PROPERTY = "api-contract.examples";

	/** Names of members whose values are secrets: passwords, tokens, second factors, links that sign in. */
	private static final Pattern SECRET = Pattern.compile(
			"(?i)(.*password.*|.*secret.*|token|.*Token|otp|totp.*|recovery.*|url|link)");

	private static final int LIST_ITEMS = 2;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, ObjectNode> COLLECTED = new TreeMap<>();

	private static volatile List<Template> templates;

	private ApiExampleCollection() {
	}

	/** Whether this run collects examples. */
	static boolean collecting() {
		return System.getProperty(PROPERTY) != null;
	}

	/** Keeps the exchange as its operation's example when it is the first accepted one with JSON. */
	static synchronized void offer(String document, MockHttpServletRequest request, MockHttpServletResponse response) {
		if (!collecting() || response.getStatus() < 200 || response.getStatus() >= 300) {
			return;
		}
		String path = request.getRequestURI();
		String operation = operation(document, request.getMethod(), path);
		if (operation == null || COLLECTED.containsKey(operation) && !fuller(request, COLLECTED.get(operation))) {
			return;
		}
		ObjectNode example = JsonNodeFactory.instance.objectNode();
		example.put("path", path);
		example.put("status", String.valueOf(response.getStatus()));
		JsonNode sent = json(request.getContentType(), request.getContentAsByteArray());
		if (sent != null) {
			example.set("request", scrubbed(sent, false));
		}
		try {
			JsonNode answered = json(response.getContentType(), response.getContentAsByteArray());
			if (answered != null) {
				example.set("response", scrubbed(answered, true));
			}
		}
		catch (RuntimeException unreadable) {
			return;
		}
		if (example.has("request") || example.has("response")) {
			COLLECTED.put(operation, example);
			write(); // at once: a forked test JVM may end before a shutdown hook could
		}
	}

	/** Whether this call sends a body where the example kept has none (an optional body left out first). */
	private static boolean fuller(MockHttpServletRequest request, JsonNode kept) {
		return !kept.has("request") && json(request.getContentType(), request.getContentAsByteArray()) != null;
	}

	/** Whether {@code candidate} has a part {@code kept} lacks, and all that it has. */
	private static boolean better(JsonNode candidate, JsonNode kept) {
		return (candidate.has("request") || !kept.has("request")) && (candidate.has("response") || !kept.has("response"))
				&& (candidate.has("request") && !kept.has("request") || candidate.has("response") && !kept.has("response"));
	}

	private static JsonNode json(String contentType, byte[] body) {
		if (contentType == null || !contentType.contains("json") || body == null || body.length == 0) {
			return null;
		}
		try {
			return JSON.readTree(new String(body, StandardCharsets.UTF_8));
		}
		catch (RuntimeException notJson) {
			return null;
		}
	}

	/** The operation of the document the call was to, as {@code METHOD /path/{template}}. */
	private static String operation(String document, String method, String path) {
		if (templates == null) {
			List<Template> read = new ArrayList<>();
			JSON.readTree(document).get("paths").propertyNames().forEach(template -> read.add(new Template(template,
					Pattern.compile(template.replaceAll("\\{[^}]+\\}", "[^/]+")), template.split("\\{", -1).length)));
			read.sort(Comparator.comparingInt(Template::variables)); // /level-reviews/run before /level-reviews/{id}
			templates = read;
		}
		return templates.stream().filter(t -> t.pattern().matcher(path).matches()).findFirst()
			.map(t -> method + " " + t.template()).orElse(null);
	}

	/** A copy without secrets; in an answer, lists are cut to their first items. */
	static JsonNode scrubbed(JsonNode node, boolean answer) {
		if (node instanceof ObjectNode object) {
			ObjectNode copy = JsonNodeFactory.instance.objectNode();
			for (String name : object.propertyNames()) {
				JsonNode value = object.get(name);
				copy.set(name, SECRET.matcher(name).matches() && value.isString() ? secret(value.asString())
						: scrubbed(value, answer));
			}
			return copy;
		}
		if (node instanceof ArrayNode array) {
			ArrayNode copy = JsonNodeFactory.instance.arrayNode();
			for (int i = 0; i < array.size() && (!answer || i < LIST_ITEMS); i++) {
				copy.add(scrubbed(array.get(i), answer));
			}
			return copy;
		}
		if (node.isString() && node.asString().startsWith("mil_")) {
			return StringNode.valueOf("mil_example");
		}
		return node;
	}

	/** A stand-in of the same kind: a link keeps its address but not its key. */
	private static JsonNode secret(String value) {
		if (value.startsWith("http")) {
			return StringNode.valueOf(value.replaceAll("/[^/]*$", "/example"));
		}
		if (value.startsWith("mil_")) {
			return StringNode.valueOf("mil_example");
		}
		return StringNode.valueOf("example");
	}

	/** Adds what this run collected to the file, keeping every example it already had. */
	private static synchronized void write() {
		Path file = Path.of(System.getProperty(PROPERTY));
		try {
			Map<String, JsonNode> all = new TreeMap<>();
			if (Files.exists(file)) {
				JsonNode kept = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
				kept.propertyNames().forEach(name -> all.put(name, kept.get(name)));
			}
			COLLECTED.forEach((name, example) -> {
				if (!all.containsKey(name) || better(example, all.get(name))) {
					all.put(name, example);
				}
			});
			ObjectNode out = JsonNodeFactory.instance.objectNode();
			all.forEach(out::set);
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, JSON.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build()
				.writeValueAsString(out) + "\n", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Template(String template, Pattern pattern, int variables) {
	}
}
