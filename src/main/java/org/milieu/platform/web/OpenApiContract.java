package org.milieu.platform.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Makes the API description say what the API does, by convention rather than by hand on each
 * method, so that it cannot say less than the code:
 * <ul>
 * <li>every operation documents the problem documents it can answer ({@code application/problem+json},
 * schema {@value #PROBLEM}): 400, 401, 403, 404, 406, 409, 422, 500 and 503 everywhere; 413 and
 * 415 where a body is sent; 412 on every change (a concurrent change of the record); 428 where
 * {@code If-Match} is required;</li>
 * <li>success answers carry their real status ({@code @ResponseStatus} on the handler for 201 and
 * 204), their media type (JSON, or PDF, CSV and calendar files by the path's extension), and the
 * {@code Location}, {@code ETag} (on a record that carries its {@code version}) and
 * {@code Retry-After} headers where they are sent;</li>
 * <li>{@code If-Match} is required where the code requires it, and {@code Idempotency-Key} has its
 * pattern;</li>
 * <li>the security schemes (session cookie with its CSRF header, bearer token) apply to every
 * operation;</li>
 * <li>request bodies refuse unknown fields ({@code additionalProperties: false}, as the reader
 * does) and accept null where a field is not required; answers list every field as present, and
 * null only where the record component is {@link Nullable}.</li>
 * </ul>
 * The tests hold the code to this document: every API answer in them is validated against it.
 */
class OpenApiContract implements OpenApiCustomizer {

	static final String PROBLEM = "Problem";

	static final String FIELD_ERROR = "FieldError";

	static final String SESSION = "session";

	static final String CSRF = "csrf";

	static final String BEARER = "bearer";

	/** Visible ASCII, as {@code IdempotencyFilter} checks it. */
	static final String IDEMPOTENCY_KEY_PATTERN = "^[\\x21-\\x7E]{1,255}$";

	private static final Map<String, String> PROBLEMS = new LinkedHashMap<>();

	static {
		PROBLEMS.put("400", "Malformed request: a parameter, header or body that cannot be read; `errors` names each field.");
		PROBLEMS.put("401", "Not signed in: no session cookie or bearer token, or one that has ended.");
		PROBLEMS.put("403", "Signed in, but this role or this person may not do this (or read this resident).");
		PROBLEMS.put("404", "No such record in this program.");
		PROBLEMS.put("406", "None of the media types in Accept can be answered.");
		PROBLEMS.put("409", "Not in the record's present state, or changed concurrently; nothing was changed.");
		PROBLEMS.put("422", "Well formed, but against a rule of the community; `errors` names the field when one is at fault.");
		PROBLEMS.put("500", "An unexpected failure; `detail` gives a reference to quote. Nothing acknowledged is lost.");
		PROBLEMS.put("503", "The database is not available right now; try again after Retry-After seconds.");
	}

	private static final Map<String, String> EXTRA_PROBLEMS = new LinkedHashMap<>();

	static {
		EXTRA_PROBLEMS.put("412", "The record changed since the ETag sent in If-Match; nothing was changed.");
		EXTRA_PROBLEMS.put("413", "The body is larger than the API reads.");
		EXTRA_PROBLEMS.put("415", "The body is not JSON (Content-Type application/json).");
		EXTRA_PROBLEMS.put("428", "The If-Match header is missing; nothing was changed.");
	}

	private final SchemaNames names;

	OpenApiContract(SchemaNames names) {
		this.names = names;
	}

	@Override
	public void customise(OpenAPI api) {
		Components components = api.getComponents() == null ? new Components() : api.getComponents();
		api.setComponents(components);
		components.addSchemas(FIELD_ERROR, new ObjectSchema().addProperty("field", new StringSchema())
			.addProperty("message", new StringSchema()).required(List.of("field", "message")));
		components.addSchemas(PROBLEM, new ObjectSchema()
			.description("An RFC 9457 problem document. Further members (such as `errors`) may be present.")
			.addProperty("type", new StringSchema().format("uri"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema().format("uri-reference"))
			.addProperty("errors", new ArraySchema().items(ref(FIELD_ERROR)))
			.required(List.of("type", "title", "status")));
		PROBLEMS.forEach((status, text) -> components.addResponses(PROBLEM + status, problem(text)));
		EXTRA_PROBLEMS.forEach((status, text) -> components.addResponses(PROBLEM + status, problem(text)));
		components.getResponses().get(PROBLEM + "503").addHeaderObject("Retry-After", new Header()
			.description("Seconds to wait before trying again.").schema(new IntegerSchema()));
		components.addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
			.in(SecurityScheme.In.COOKIE).name("SESSION").description("The session of a signed-in person (sign in at /login)."));
		components.addSecuritySchemes(CSRF, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
			.in(SecurityScheme.In.HEADER).name("X-XSRF-TOKEN")
			.description("With a session, every change sends the XSRF-TOKEN cookie's value in this header."));
		components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
			.description("An API token made on the account page; no CSRF header needed."));

		Set<String> requestSchemas = new HashSet<>();
		Set<String> responseSchemas = new HashSet<>();
		if (api.getPaths() != null) {
			api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				describe(path, method, operation, components.getSchemas());
				if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
					operation.getRequestBody().getContent().values().forEach(m -> collect(m.getSchema(), requestSchemas));
				}
				operation.getResponses().values().forEach(r -> {
					if (r.getContent() != null) {
						r.getContent().values().forEach(m -> collect(m.getSchema(), responseSchemas));
					}
				});
			}));
		}
		Map<String, Schema> schemas = components.getSchemas();
		close(requestSchemas, schemas);
		close(responseSchemas, schemas);
		schemas.forEach((name, schema) -> {
			if (requestSchemas.contains(name)) {
				shapeRequest(schema);
			}
			else if (responseSchemas.contains(name)) {
				shapeResponse(name, schema);
			}
		});
		OpenApiExamples.read().apply(api);
	}

	private void describe(String path, PathItem.HttpMethod method, Operation operation, Map<String, Schema> schemas) {
		boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
		boolean ifMatch = false;
		if (operation.getParameters() != null) {
			for (Parameter parameter : operation.getParameters()) {
				if ("header".equals(parameter.getIn()) && "If-Match".equalsIgnoreCase(parameter.getName())) {
					// required where the handler says so (@Parameter(required = true)): it answers 428 without it
					ifMatch = Boolean.TRUE.equals(parameter.getRequired());
					parameter.description(ifMatch
							? "The record's ETag as last read; a change is refused with 412 when the record changed "
									+ "since, and with 428 when this header is missing."
							: "The record's ETag as last read, if the change must not overwrite another; a stale one "
									+ "is refused with 412.");
				}
				if ("query".equals(parameter.getIn()) && !Boolean.TRUE.equals(parameter.getRequired())) {
					// an optional parameter sent empty ("?houseId=") is read as not sent
					parameter.setAllowEmptyValue(true);
				}
				if ("header".equals(parameter.getIn()) && "Idempotency-Key".equalsIgnoreCase(parameter.getName())) {
					parameter.getSchema().pattern(IDEMPOTENCY_KEY_PATTERN).minLength(1).maxLength(255);
				}
			}
		}
		ApiResponses responses = operation.getResponses();
		ApiResponses described = new ApiResponses();
		responses.forEach((status, response) -> {
			if (status.startsWith("2")) {
				described.addApiResponse(status, success(path, status, response, schemas));
			}
		});
		PROBLEMS.keySet().forEach(status -> described.addApiResponse(status, shared(status)));
		if (operation.getRequestBody() != null) {
			described.addApiResponse("413", shared("413"));
			described.addApiResponse("415", shared("415"));
		}
		if (write) {
			// a record changed by someone else meanwhile (an ETag in If-Match, or the version a body names)
			described.addApiResponse("412", shared("412"));
		}
		if (ifMatch) {
			described.addApiResponse("428", shared("428"));
		}
		operation.setResponses(described);
		operation.setSecurity(List.of(write ? new SecurityRequirement().addList(SESSION).addList(CSRF)
				: new SecurityRequirement().addList(SESSION), new SecurityRequirement().addList(BEARER)));
	}

	private ApiResponse success(String path, String status, ApiResponse response, Map<String, Schema> schemas) {
		if ("204".equals(status)) {
			return new ApiResponse().description("Done; no content.");
		}
		Content content = new Content();
		String file = fileType(path);
		if (file != null) {
			content.addMediaType(file, new MediaType().schema(new BinarySchema()));
		}
		else if (response.getContent() != null) {
			response.getContent().values().stream().findFirst().ifPresent(
					media -> content.addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, media));
		}
		ApiResponse described = new ApiResponse()
			.description("201".equals(status) ? "Created." : response.getDescription())
			.content(content.isEmpty() ? null : content);
		if (versioned(response, schemas)) {
			described.addHeaderObject("ETag", new Header()
				.description("The record's version, to send back in If-Match with a change.")
				.schema(new StringSchema()));
		}
		if ("201".equals(status)) {
			described.addHeaderObject("Location", new Header().description("Where the new record (or its list) is read.")
				.schema(new StringSchema().format("uri-reference")));
		}
		return described;
	}

	/** Whether the answer is one record that carries its version (and so its ETag). */
	private static boolean versioned(ApiResponse response, Map<String, Schema> schemas) {
		if (response.getContent() == null || schemas == null) {
			return false;
		}
		return response.getContent().values().stream().map(MediaType::getSchema)
			.filter(schema -> schema != null && schema.get$ref() != null)
			.map(schema -> schemas.get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1)))
			.anyMatch(schema -> schema != null && schema.getProperties() != null
					&& schema.getProperties().containsKey("version"));
	}

	/** The media type of a file answer, by the path's extension; null for JSON. */
	private static String fileType(String path) {
		if (path.endsWith(".pdf")) {
			return "application/pdf";
		}
		if (path.endsWith(".csv")) {
			return "text/csv";
		}
		if (path.endsWith(".ics")) {
			return "text/calendar";
		}
		return null;
	}

	/** One of the shared problem answers of {@code components/responses}, by status. */
	private static ApiResponse shared(String status) {
		return new ApiResponse().$ref("#/components/responses/" + PROBLEM + status);
	}

	private static ApiResponse problem(String text) {
		return new ApiResponse().description(text)
			.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					new MediaType().schema(ref(PROBLEM))));
	}

	/**
	 * A request body: unknown fields are refused (the reader fails on them), and a field that is not
	 * required may be sent as null.
	 */
	private static void shapeRequest(Schema<?> schema) {
		if (schema.getProperties() == null) {
			return;
		}
		schema.setAdditionalProperties(false);
		List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
		schema.getProperties().replaceAll((name, property) -> required.contains(name) ? property : nullable(property));
	}

	/**
	 * An answer: Jackson writes every component of a record, so every one is required; it may be
	 * null only when the component is {@link Nullable} (a primitive never is).
	 */
	private void shapeResponse(String name, Schema<?> schema) {
		if (schema.getProperties() == null) {
			return;
		}
		Class<?> type = names.typeOf(name).orElse(null);
		if (type == null || !type.isRecord()) {
			return;
		}
		List<String> required = new ArrayList<>();
		for (RecordComponent component : type.getRecordComponents()) {
			if (!schema.getProperties().containsKey(component.getName())) {
				continue;
			}
			required.add(component.getName());
			boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class)
					|| component.isAnnotationPresent(Nullable.class);
			if (nullable) {
				schema.getProperties().computeIfPresent(component.getName(), (n, property) -> nullable(property));
			}
			if (listOfAnything(component) && schema.getProperties().get(component.getName()).getItems() != null) {
				schema.getProperties().get(component.getName()).setItems(new Schema<>()
					.description("Any JSON value: the arguments of a message, numbers or text."));
			}
			if (nullableValues(component) && schema.getProperties().get(component.getName())
				.getAdditionalProperties() instanceof Schema<?> values) {
				schema.getProperties().get(component.getName()).setAdditionalProperties(nullable(values));
			}
		}
		schema.setRequired(required);
	}

	/** Whether the component is a {@code List<Object>}: items of any JSON type, not only objects. */
	private static boolean listOfAnything(RecordComponent component) {
		return component.getGenericType() instanceof java.lang.reflect.ParameterizedType list
				&& java.util.Collection.class.isAssignableFrom(component.getType())
				&& list.getActualTypeArguments()[0] == Object.class;
	}

	/** Whether the component is a map whose values may be null ({@code Map<K, @Nullable V>}). */
	private static boolean nullableValues(RecordComponent component) {
		return component.getAnnotatedType() instanceof java.lang.reflect.AnnotatedParameterizedType map
				&& Map.class.isAssignableFrom(component.getType()) && map.getAnnotatedActualTypeArguments().length == 2
				&& map.getAnnotatedActualTypeArguments()[1].isAnnotationPresent(Nullable.class);
	}

	/** The property, allowed to be null ({@code $ref} siblings are ignored, so a reference is wrapped). */
	private static Schema nullable(Schema<?> property) {
		if (property.get$ref() != null) {
			return new ComposedSchema().allOf(List.of(new Schema<>().$ref(property.get$ref()))).nullable(true);
		}
		return property.nullable(true);
	}

	private static Schema<?> ref(String name) {
		return new Schema<>().$ref("#/components/schemas/" + name);
	}

	/** The names of the schemas this one refers to, directly or in its properties and items. */
	private static void collect(Schema<?> schema, Set<String> into) {
		if (schema == null) {
			return;
		}
		if (schema.get$ref() != null) {
			into.add(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
		}
		if (schema.getItems() != null) {
			collect(schema.getItems(), into);
		}
		if (schema.getProperties() != null) {
			schema.getProperties().values().forEach(p -> collect(p, into));
		}
		if (schema.getAllOf() != null) {
			schema.getAllOf().forEach(p -> collect(p, into));
		}
		if (schema.getAdditionalProperties() instanceof Schema<?> values) {
			collect(values, into);
		}
	}

	/** Adds every schema reachable from those named. */
	private static void close(Set<String> named, Map<String, Schema> schemas) {
		Deque<String> todo = new ArrayDeque<>(named);
		while (!todo.isEmpty()) {
			Schema<?> schema = schemas.get(todo.pop());
			Set<String> found = new HashSet<>();
			collect(schema, found);
			for (String name : found) {
				if (named.add(name)) {
					todo.push(name);
				}
			}
		}
	}
}
