package org.milieu.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.mockmvc.MockMvcRequest;
import com.atlassian.oai.validator.mockmvc.MockMvcResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Holds every API call of the web tests to the API description the application serves: each
 * answer must have a documented status, media type, body shape and headers, and each request that
 * was accepted (2xx) must be one the document allows. A refused request is not checked against
 * the document (tests send malformed ones on purpose), but its answer is. Any drift fails the test
 * that made the call. Imported by {@code @MilieuWebTest}, so it applies to every MockMvc test; calls
 * over real HTTP are held to the same check by {@link HttpApiContractCheck}.
 */
public class ApiContractCheck implements MockMvcBuilderCustomizer {

	private static final AtomicReference<OpenApiInteractionValidator> VALIDATOR = new AtomicReference<>();

	private static final AtomicReference<String> DOCUMENT = new AtomicReference<>();

	private static final AtomicInteger CHECKED = new AtomicInteger();

	private static final java.util.Set<String> DOCUMENTABLE = java.util.Set.of("GET", "POST", "PUT", "DELETE", "PATCH",
			"HEAD", "OPTIONS");

	private final WebApplicationContext context;

	ApiContractCheck(WebApplicationContext context) {
		this.context = context;
	}

	@Override
	public void customize(ConfigurableMockMvcBuilder<?> builder) {
		builder.alwaysDo(this::check);
	}

	/**
	 * Whether a call is held to the document: an API call with a method an operation can have (a
	 * method such as QUERY or TRACE has nothing in the document to match).
	 */
	static boolean checks(String method, String uri) {
		return uri.startsWith("/api/") && DOCUMENTABLE.contains(method);
	}

	/** How many API calls were checked so far in this test run. */
	public static int checked() {
		return CHECKED.get();
	}

	private void check(MvcResult result) {
		MockHttpServletRequest request = result.getRequest();
		if (!checks(request.getMethod(), request.getRequestURI())) {
			return;
		}
		List<String> problems = problems(validator(), request, result.getResponse());
		CHECKED.incrementAndGet();
		if (collected(request.getMethod(), request.getRequestURI(), result.getResponse().getStatus(), problems)) {
			return; // a developer's survey of every drift at once, instead of failing
		}
		if (problems.isEmpty()) {
			matched(request, result.getResponse());
		}
		if (!problems.isEmpty()) {
			throw new AssertionError("The API call " + request.getMethod() + " " + request.getRequestURI() + " answered "
					+ result.getResponse().getStatus() + " off its documented contract:\n  " + String.join("\n  ", problems));
		}
	}

	/** What does not match the document in this exchange (empty when all does). */
	public static List<String> problems(OpenApiInteractionValidator validator, MockHttpServletRequest request,
			MockHttpServletResponse response) {
		ValidationReport report = response.getStatus() < 300
				? validator.validate(withoutCsrfParameter(request), MockMvcResponse.of(response))
				: validator.validateResponse(request.getRequestURI(),
						com.atlassian.oai.validator.model.Request.Method.valueOf(request.getMethod()),
						MockMvcResponse.of(response));
		return report.getMessages().stream()
			.filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
			.filter(m -> !nullWhereNullableReference(m, response))
			// a method the path does not take, where a pattern beside it would (GET /level-reviews/run
			// beside GET /level-reviews/{id}): the validator reads it as the pattern's; LiteralPathsWebTests
			// checks the 405 and its Allow
			.filter(m -> !(response.getStatus() == 405 && m.getKey().equals("validation.response.status.unknown")))
			.filter(m -> !(m.getKey().equals("validation.response.body.missing") && acceptsNoJson(request)))
			.filter(m -> !(m.getKey().equals("validation.request.parameter.missing") && sentEmpty(request, m.getMessage())))
			.map(m -> m.getKey() + ": " + m.getMessage())
			.toList();
	}

	/**
	 * Whether the parameter the message names was sent without a value ({@code ?limit=} or
	 * {@code ?limit}): the validator reports it as missing even where the document says it is
	 * optional and may be empty ({@code allowEmptyValue}), and the API reads it as not sent.
	 */
	private static boolean sentEmpty(MockHttpServletRequest request, String message) {
		java.util.regex.Matcher name = java.util.regex.Pattern.compile("Parameter '([^']+)'").matcher(message);
		String query = request.getQueryString();
		return name.find() && query != null
				&& java.util.Arrays.stream(query.split("&")).anyMatch(pair -> pair.equals(name.group(1))
						|| pair.equals(name.group(1) + "="));
	}

	/**
	 * Whether the caller asked only for media types the API does not answer in (an {@code Accept}
	 * of {@code image/png}): a refusal then has no body to carry a problem document, as HTTP wants.
	 */
	private static boolean acceptsNoJson(MockHttpServletRequest request) {
		String accept = request.getHeader("Accept");
		if (accept == null || accept.isBlank()) {
			return false;
		}
		try {
			return org.springframework.http.MediaType.parseMediaTypes(accept).stream()
				.noneMatch(type -> type.isCompatibleWith(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
						|| type.isCompatibleWith(org.springframework.http.MediaType.APPLICATION_JSON));
		}
		catch (RuntimeException unreadable) {
			return true; // an Accept header that cannot be read gets no body either
		}
	}

	/**
	 * A null in a property the document declares as a nullable reference ({@code nullable: true}
	 * beside {@code allOf: [$ref]}, the only way OpenAPI 3.0 can say it), which the validator's
	 * schema library does not understand: it reports every null there as not matching the
	 * reference. Such a report is true to the document when the value is indeed null.
	 */
	private static boolean nullWhereNullableReference(ValidationReport.Message message, MockHttpServletResponse response) {
		if (!message.getKey().equals("validation.response.body.schema.allOf")) {
			return false;
		}
		java.util.regex.Matcher pointer = java.util.regex.Pattern.compile("\\[Path '([^']*)'\\]").matcher(message.getMessage());
		if (!pointer.find()) {
			return false;
		}
		try {
			tools.jackson.databind.JsonNode body = tools.jackson.databind.json.JsonMapper.builder().build()
				.readTree(response.getContentAsString(StandardCharsets.UTF_8));
			return body.at(pointer.group(1)).isNull();
		}
		catch (Exception ex) {
			return false;
		}
	}

	/**
	 * The request as the validator reads it, without the {@code _csrf} parameter that MockMvc's
	 * {@code csrf()} adds (a real client sends the token in the {@code X-XSRF-TOKEN} header).
	 */
	private static com.atlassian.oai.validator.model.Request withoutCsrfParameter(MockHttpServletRequest request) {
		com.atlassian.oai.validator.model.Request read = MockMvcRequest.of(request);
		com.atlassian.oai.validator.model.SimpleRequest.Builder copy =
				new com.atlassian.oai.validator.model.SimpleRequest.Builder(read.getMethod(), read.getPath());
		byte[] body = request.getContentAsByteArray();
		if (body != null && body.length > 0) {
			copy.withBody(new String(body, StandardCharsets.UTF_8));
		}
		read.getHeaders().forEach((name, values) -> copy.withHeader(name, List.copyOf(values)));
		for (String name : read.getQueryParameters()) {
			if (!"_csrf".equals(name)) {
				copy.withQueryParam(name, List.copyOf(read.getQueryParameterValues(name)));
			}
		}
		return copy.build();
	}

	private OpenApiInteractionValidator validator() {
		return validator(context);
	}

	/** The validator of the document {@code context} serves, read once per test run. */
	static OpenApiInteractionValidator validator(WebApplicationContext context) {
		OpenApiInteractionValidator validator = VALIDATOR.get();
		if (validator == null) {
			String document = served(context);
			DOCUMENT.compareAndSet(null, document);
			validator = of(document);
			VALIDATOR.compareAndSet(null, validator);
		}
		return VALIDATOR.get();
	}

	/**
	 * After a call that matched the document: offers it as its operation's example when the run
	 * collects them ({@link ApiExampleCollection}).
	 */
	static void matched(MockHttpServletRequest request, MockHttpServletResponse response) {
		if (ApiExampleCollection.collecting() && DOCUMENT.get() != null) {
			ApiExampleCollection.offer(DOCUMENT.get(), request, response);
		}
	}

	/** Counts one more checked call (for a check made outside MockMvc). */
	static void counted() {
		CHECKED.incrementAndGet();
	}

	/**
	 * In the developer's survey mode ({@code -Dapi-contract.collect=file}) appends the drifts of one
	 * call to that file and answers true: the caller then does not fail.
	 */
	static boolean collected(String method, String uri, int status, List<String> problems) {
		String collect = System.getProperty("api-contract.collect");
		if (collect == null || problems.isEmpty()) {
			return false;
		}
		try {
			java.nio.file.Files.writeString(java.nio.file.Path.of(collect), problems.stream()
				.map(p -> method + " " + uri + " " + status + " " + p + "\n")
				.reduce("", String::concat), java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return true;
	}

	/** The API description as the application serves it at {@code /v3/api-docs}. */
	public static String served(WebApplicationContext context) {
		try {
			return MockMvcBuilders.webAppContextSetup(context).build()
				.perform(MockMvcRequestBuilders.get("/v3/api-docs"))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (Exception ex) {
			throw new IllegalStateException("the API description could not be read", ex);
		}
	}

	/**
	 * A validator of the document. Security is not checked here (tests sign in without a cookie;
	 * the authorization tests check who may call what), nor are paths the document does not have
	 * (a test may call one on purpose to get a 404).
	 */
	public static OpenApiInteractionValidator of(String document) {
		return OpenApiInteractionValidator.createForInlineApiSpecification(document)
			.withLevelResolver(LevelResolver.create()
				.withLevel("validation.request.security", ValidationReport.Level.IGNORE)
				.withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
				.withLevel("validation.response.path.missing", ValidationReport.Level.IGNORE)
				// a method the path does not have: the 405 answer is checked by ApiConventionsWebTests
				.withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
				// a body sent where none is read ("{}" to an action such as /open) is ignored by the server
				.withLevel("validation.request.body.unexpected", ValidationReport.Level.IGNORE)
				.build())
			.build();
	}
}
