package org.milieu.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;

/**
 * The examples of the API description: for each operation, a request body and a success answer
 * the test suite really sent and got (demo data, with secrets scrubbed), kept in
 * {@code openapi/examples.json} and collected on demand by the tests (see docs/API.md, "Examples").
 * They are read, not typed by hand, so they cannot drift from what the API does; a test checks
 * that every operation has them and that each matches its schema.
 */
final class OpenApiExamples {

	static final String RESOURCE = "openapi/examples.json";

	private final JsonNode examples;

	private OpenApiExamples(JsonNode examples) {
		this.examples = examples;
	}

	/** The committed examples, or none when the file is missing. */
	static OpenApiExamples read() {
		ClassPathResource resource = new ClassPathResource(RESOURCE);
		if (!resource.exists()) {
			return new OpenApiExamples(Json.mapper().createObjectNode());
		}
		try (InputStream in = resource.getInputStream()) {
			return new OpenApiExamples(Json.mapper().readTree(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the API examples could not be read", ex);
		}
	}

	/** Puts each example on its operation's JSON request body and JSON success answer. */
	void apply(OpenAPI api) {
		if (api.getPaths() == null) {
			return;
		}
		api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			JsonNode example = examples.get(method.name() + " " + path);
			if (example != null) {
				apply(operation, example);
			}
		}));
	}

	private static void apply(Operation operation, JsonNode example) {
		JsonNode request = example.get("request");
		if (request != null && operation.getRequestBody() != null) {
			MediaType json = json(operation.getRequestBody().getContent());
			if (json != null) {
				json.setExample(request);
			}
		}
		JsonNode response = example.get("response");
		if (response != null && operation.getResponses() != null) {
			ApiResponse answer = operation.getResponses().get(example.path("status").asText());
			MediaType json = answer == null ? null : json(answer.getContent());
			if (json != null) {
				json.setExample(response);
			}
		}
	}

	private static @Nullable MediaType json(@Nullable Content content) {
		if (content == null) {
			return null;
		}
		for (Map.Entry<String, MediaType> entry : content.entrySet()) {
			if (entry.getKey().contains("json")) {
				return entry.getValue();
			}
		}
		return null;
	}
}
