package org.milieu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code docs/API.md} lists every operation of the served API description, and nothing else: its
 * table cannot drift from what the application answers. Path parameters may be named differently
 * in the prose ({@code {id}} or {@code {residentId}}).
 */
@MilieuWebTest
class ApiDocumentTableTests {

	private static final Pattern ROW = Pattern.compile("^\\| `(GET|POST|PUT|DELETE|PATCH) (/api/[^`\\s]+)`",
			Pattern.MULTILINE);

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	@Test
	void theApiGuideListsExactlyTheDocumentedOperations() throws Exception {
		Set<String> documented = new TreeSet<>();
		JsonNode paths = json.readTree(ApiContractCheck.served(context)).get("paths");
		paths.propertyNames().forEach(path -> paths.get(path).propertyNames()
			.forEach(method -> documented.add(method.toUpperCase() + " " + normalise(path))));
		Set<String> listed = new TreeSet<>();
		Matcher row = ROW.matcher(Files.readString(Path.of("docs/API.md")));
		while (row.find()) {
			listed.add(row.group(1) + " " + normalise(row.group(2)));
		}
		assertThat(documented).as("operations of /v3/api-docs").hasSizeGreaterThan(100);
		assertThat(minus(documented, listed)).as("documented operations without a row in docs/API.md").isEmpty();
		assertThat(minus(listed, documented)).as("rows of docs/API.md that the API does not have").isEmpty();
	}

	private static Set<String> minus(Set<String> all, Set<String> taken) {
		Set<String> left = new TreeSet<>(all);
		left.removeAll(taken);
		return left;
	}

	private static String normalise(String path) {
		return path.replaceFirst("\\?.*$", "").replaceAll("\\{[^}]+}", "{}");
	}
}
