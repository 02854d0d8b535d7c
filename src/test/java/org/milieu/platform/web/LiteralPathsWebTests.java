package org.milieu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A path the API names literally is one resource with its own methods, even where a pattern
 * beside it would match it too ({@code POST /api/v1/level-reviews/run} beside {@code GET
 * /api/v1/level-reviews/{id}}): another method is 405, and {@code Allow} lists only its own.
 */
@MilieuWebTest
class LiteralPathsWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void readingTheReviewRunIs405AllowingOnlyPostNotAReviewNamedRun() throws Exception {
		mvc.perform(get("/api/v1/level-reviews/run").with(signIns.as("director")))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string("Allow", "POST"));
		mvc.perform(options("/api/v1/level-reviews/run").with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(header().string("Allow", "POST,OPTIONS"));
	}

	@Test
	void everyLiteralApiPathAllowsExactlyTheMethodsItsMappingsTake() throws Exception {
		Map<String, Set<String>> taken = new TreeMap<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String path : info.getDirectPaths()) {
				if (path.startsWith("/api/") && !methods.isEmpty()) {
					Set<String> names = taken.computeIfAbsent(path, p -> new TreeSet<>());
					methods.forEach(m -> names.add(m.name()));
				}
			}
		}
		assertThat(taken).containsKey("/api/v1/level-reviews/run");
		List<String> wrong = new ArrayList<>();
		for (Map.Entry<String, Set<String>> path : taken.entrySet()) {
			Set<String> expected = new TreeSet<>(path.getValue());
			expected.add("OPTIONS");
			if (expected.contains("GET")) {
				expected.add("HEAD");
			}
			String allow = mvc.perform(options(path.getKey()).with(signIns.as("director"))).andReturn().getResponse()
				.getHeader("Allow");
			Set<String> allowed = allow == null ? Set.of() : new TreeSet<>(Arrays.asList(allow.split("\\s*,\\s*")));
			if (!allowed.equals(expected)) {
				wrong.add(path.getKey() + " allows " + allowed + ", takes " + expected);
			}
		}
		assertThat(wrong).isEmpty();
	}
}
