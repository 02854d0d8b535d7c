package org.milieu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends what a new user's script gets wrong to every operation the live API description
 * ({@code /v3/api-docs}) documents, as each kind of person: broken percent-encoding, ids that are
 * no ids, numbers out of range, unknown enum values, huge strings, duplicate parameters, odd
 * headers, wrong content types and bodies that are malformed, mistyped, incomplete, padded with
 * unknown fields or nested thousands deep. Whatever the document holds when the test runs is
 * walked, so new endpoints are covered without touching this test.
 * <p>
 * The promise checked: no answer is a 5xx; no error answer shows a stack trace or an exception
 * name; an API error is a problem document; and a refused request changes nothing: every table but
 * the audit trail (refusals are audited on purpose) has the same content before and after each
 * operation's batch of refused requests. Deterministic (one seed per operation, derived from its
 * method and path) and bounded (a fixed number of tries per operation and role).
 */
@MilieuWebTest
class MalformedInputFuzzTests {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MalformedInputFuzzTests.class);

	/** Change to explore other inputs; each operation's own seed is derived from it. */
	static final long SEED = 20261205L;

	static final List<String> ROLES = List.of("director", "clinician", "staff", "resident01", "family", "anonymous");

	/** Tries per operation for the director (who reaches deepest) and for every other role. */
	static final int DIRECTOR_TRIES = 6;

	static final int OTHER_TRIES = 2;

	/**
	 * Tables a refused request may change: the audit trail (its rows and its chain's head) records
	 * refusals on purpose; the sessions are the test's own sign-ins; the scheduled jobs' locks move
	 * on their own.
	 */
	static final Set<String> MAY_CHANGE = Set.of("audit_event", "audit_actor", "audit_chain_head", "spring_session",
			"spring_session_attributes", "shedlock");

	/** The jobs that run under a cluster lock (see {@link #holdScheduledJobs()}). */
	static final List<String> SCHEDULED_JOBS = List.of("government-regular-meetings", "levels-review-engine",
			"residents-census-snapshot", "residents-pass-overdue", "staffing-ratio-watch", "platform-event-retry");

	static final String HOLDER = "malformed-input-fuzz-test";

	static final Pattern INTERNALS = Pattern.compile(
			"Exception|\\bat (?:java|org|jakarta|tools|com)\\.|\\.java:\\d+|org\\.springframework|org\\.milieu\\.|org\\.apache|tools\\.jackson|\\bSQL\\b|psql|Caused by");

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	JsonNode document;

	final List<String> ids = new ArrayList<>();

	final List<String> violations = new ArrayList<>();

	final Map<String, Integer> statuses = new TreeMap<>();

	final List<String> accepted = new ArrayList<>();

	int sent;

	/** Bodies over 1 MiB are few: a failed run prints every request, and these would swamp it. */
	int hugeBodies;

	long digestNanos;

	@Test
	void noMalformedRequestToAnyDocumentedOperationAnswers5xxShowsInternalsOrChangesAnything() throws Exception {
		long started = System.nanoTime();
		document = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
		List<Operation> operations = operations();
		assertThat(operations).as("the API description documents operations").hasSizeGreaterThan(20);
		harvestIds(operations);

		holdScheduledJobs();
		try {
			walk(operations, started);
		}
		finally {
			releaseScheduledJobs();
		}
	}

	private void walk(List<Operation> operations, long started) throws Exception {
		Map<String, String> before = tableDigests();
		boolean changed = false;
		for (Operation operation : operations) {
			Random random = new Random(SEED ^ (operation.method() + " " + operation.path()).hashCode());
			for (String role : ROLES) {
				int tries = role.equals("director") ? DIRECTOR_TRIES : OTHER_TRIES;
				for (int i = 0; i < tries; i++) {
					Attempt attempt = attempt(operation, role, random);
					changed |= send(operation, attempt);
				}
			}
			if (operation.method().equals("GET")) {
				continue; // reads are compared with the next write's batch: they may change nothing either
			}
			Map<String, String> after = tableDigests();
			compare(before, after, changed, operation);
			before = after;
			changed = false;
		}
		compare(before, tableDigests(), changed, operations.get(operations.size() - 1));

		log.info("Malformed-input fuzz: {} operations, {} requests in {} s ({} s comparing tables); statuses {}",
				operations.size(), sent, (System.nanoTime() - started) / 1_000_000_000L, digestNanos / 1_000_000_000L, statuses);
		accepted.forEach(a -> log.info("Malformed-input fuzz: accepted (2xx) {}", a));
		violations.stream().limit(60).forEach(v -> log.warn("Malformed-input fuzz: violation {}", v));
		assertThat(sent).isGreaterThan(operations.size() * ROLES.size());
		assertThat(violations).as("requests answered 5xx, showed internals or changed data").isEmpty();
	}

	/**
	 * The scheduled jobs (level reviews, regular meetings, census snapshots, ...) change tables on
	 * their own clock; holding their cluster locks, as another node would, keeps them from running
	 * while the test compares tables. Released afterwards, so they run again as usual.
	 */
	private void holdScheduledJobs() {
		for (String job : SCHEDULED_JOBS) {
			jdbc.sql("""
					insert into shedlock (name, lock_until, locked_at, locked_by)
					values (?, timezone('utc', now()) + interval '1 hour', timezone('utc', now()), ?)
					on conflict (name) do update set lock_until = excluded.lock_until, locked_at = excluded.locked_at,
					       locked_by = excluded.locked_by""")
				.params(job, HOLDER)
				.update();
		}
	}

	private void releaseScheduledJobs() {
		jdbc.sql("update shedlock set lock_until = timezone('utc', now()) where locked_by = ?").param(HOLDER).update();
	}

	private void compare(Map<String, String> before, Map<String, String> after, boolean accepted, Operation operation) {
		if (accepted) {
			return;
		}
		for (String table : after.keySet()) {
			if (!after.get(table).equals(before.get(table))) {
				violations.add("refused requests up to " + operation + " changed table " + table);
			}
		}
	}

	/** Sends one attempt and checks its answer; true when a write was accepted (so data may have changed). */
	private boolean send(Operation operation, Attempt attempt) throws Exception {
		sent++;
		String what = operation + " as " + attempt.role() + " with " + attempt.description();
		MockHttpServletResponse response;
		try {
			response = mvc.perform(attempt.request()).andReturn().getResponse();
		}
		catch (Exception ex) {
			// unhandled, it would reach the servlet container and be a 500
			statuses.merge("thrown", 1, Integer::sum);
			violations.add("unhandled " + ex.getClass().getSimpleName() + " for " + what + ": " + abbreviate(String.valueOf(ex.getMessage())));
			return false;
		}
		int status = response.getStatus();
		statuses.merge(String.valueOf(status), 1, Integer::sum);
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		if (status >= 500) {
			violations.add(status + " for " + what + ": " + abbreviate(body));
		}
		if (status >= 400) {
			Matcher leak = INTERNALS.matcher(body);
			if (leak.find()) {
				violations.add("internals (" + leak.group() + ") in " + status + " for " + what + ": " + abbreviate(body));
			}
			if (!body.isEmpty() && !isProblem(body)) {
				violations.add("not a problem document in " + status + " for " + what + ": " + abbreviate(body));
			}
			if (status == 400 && attempt.field() != null && isProblem(body) && !names(body, attempt.field())) {
				violations.add("400 not naming " + attempt.field() + " for " + what + ": " + abbreviate(body));
			}
		}
		if (status < 400 && attempt.description().contains(COERCED)) {
			violations.add("a value of another JSON type accepted (" + status + ") for " + what);
		}
		boolean write = !operation.method().equals("GET");
		if (write && status < 400) {
			accepted.add(status + " " + what);
			return true;
		}
		return false;
	}

	private boolean isProblem(String body) {
		try {
			JsonNode node = json.readTree(body);
			return node.path("type").asString("").startsWith("urn:milieu:problem:") && node.path("status").isInt();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private boolean names(String body, String field) {
		for (JsonNode error : json.readTree(body).path("errors")) {
			if (field.equals(error.path("field").asString(null))) {
				return true;
			}
		}
		return false;
	}

	// --- what to send -------------------------------------------------------------------------

	record Attempt(String role, MockHttpServletRequestBuilder request, String description, String field) {
	}

	private Attempt attempt(Operation operation, String role, Random random) {
		boolean write = !operation.method().equals("GET");
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, List<String>> query = new LinkedHashMap<>();
		String rawQuery = null;
		String body = operation.body() == null ? null : json.writeValueAsString(sample(operation.body(), random, 0));
		String contentType = operation.body() == null ? null : "application/json";
		List<String> notes = new ArrayList<>();
		String field = null;

		for (Param p : operation.params()) {
			if (p.in().equals("path")) {
				// a write never gets a real id, so a refused write cannot touch an existing record; a path
				// parameter that is no id (a version's number) gets a valid value of its own type
				boolean id = "uuid".equals(resolve(p.schema()).path("format").asString(""));
				path.put(p.name(), !id ? validValue(p.schema(), random)
						: !write && !ids.isEmpty() && random.nextBoolean() ? pick(ids, random) : UUID.randomUUID().toString());
			}
			else if (p.in().equals("query") && p.required()) {
				query.put(p.name(), new ArrayList<>(List.of(validValue(p.schema(), random))));
			}
		}

		List<String> kinds = new ArrayList<>();
		if (!path.isEmpty()) {
			kinds.add("path");
		}
		if (operation.params().stream().anyMatch(p -> p.in().equals("query") && (!write || typed(p.schema())))) {
			kinds.add("query");
		}
		kinds.add("raw-query");
		if (operation.body() != null) {
			kinds.addAll(List.of("body", "body", "body", "content-type"));
		}
		if (!write) {
			kinds.add("header");
		}
		String kind = pick(kinds, random);
		switch (kind) {
			case "path" -> {
				String name = pick(new ArrayList<>(path.keySet()), random);
				String value = pick(List.of("not-a-uuid", "123", "-1", "99999999999999999999", "x".repeat(3000), "%zz",
						"..", "a;b=c", "é", " ", "NOT_A_VALUE", "2026-02-30", "null", "0"), random);
				path.put(name, value);
				notes.add("path " + name + "=" + abbreviate(value));
			}
			case "query" -> {
				List<Param> candidates = operation.params().stream()
					.filter(p -> p.in().equals("query") && (!write || typed(p.schema())))
					.toList();
				Param p = pick(candidates, random);
				String value = wrongValue(p.schema(), random);
				if (random.nextInt(4) == 0) {
					query.put(p.name(), new ArrayList<>(List.of(validValue(p.schema(), random), value)));
					notes.add("duplicate query " + p.name());
				}
				else {
					query.put(p.name(), new ArrayList<>(List.of(value)));
					notes.add("query " + p.name() + "=" + abbreviate(value));
				}
				field = p.name();
			}
			case "raw-query" -> {
				String name = operation.params().stream().filter(p -> p.in().equals("query")).map(Param::name)
					.findFirst().orElse("cursor");
				String value = pick(List.of("%%%", "%zz", "%", "%C0%AF", "%FF", "%E2%82", "a%2"), random);
				int shape = random.nextInt(6);
				rawQuery = shape == 0 ? "=" + value : shape == 1 ? "=x" : name + "=" + value;
				if (!rawQuery.startsWith("=")) {
					field = name;
				}
				notes.add("raw query " + rawQuery);
			}
			case "body" -> {
				body = malformedBody(operation.body(), random, notes);
				String last = notes.get(notes.size() - 1);
				if (last.startsWith(COERCED)) {
					field = last.substring(COERCED.length());
				}
			}
			case "content-type" -> {
				contentType = pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
						"multipart/form-data", "application/json; charset=bogus", "image/png"), random);
				if (!contentType.startsWith("application/json")) {
					body = "{\"zz_not_a_field\": " + body + "}";
				}
				notes.add("content type " + contentType);
			}
			case "header" -> {
			}
			default -> throw new IllegalStateException(kind);
		}

		String uri = operation.path();
		for (Map.Entry<String, String> e : path.entrySet()) {
			uri = uri.replace("{" + e.getKey() + "}", UriUtils.encodePathSegment(e.getValue(), StandardCharsets.UTF_8));
		}
		StringBuilder q = new StringBuilder();
		if (rawQuery == null) {
			query.forEach((name, values) -> values.forEach(v -> q.append(q.isEmpty() ? "" : "&")
				.append(UriUtils.encodeQueryParam(name, StandardCharsets.UTF_8)).append('=')
				.append(UriUtils.encodeQueryParam(v, StandardCharsets.UTF_8))));
		}
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(operation.method()),
				URI.create(uri + (q.isEmpty() ? "" : "?" + q)));
		if (rawQuery != null) {
			String raw = rawQuery;
			request.with(r -> {
				r.setQueryString(raw);
				int eq = raw.indexOf('=');
				r.addParameter(raw.substring(0, eq), raw.substring(eq + 1));
				return r;
			});
		}
		if (!role.equals("anonymous")) {
			request.with(signIns.as(role));
		}
		if (write && random.nextInt(12) != 0) {
			request.with(csrf());
		}
		else if (write) {
			notes.add("no CSRF token");
		}
		if (body != null) {
			request.content(body.getBytes(StandardCharsets.UTF_8));
			if (body.startsWith("\u0000bytes:")) {
				request.content(new byte[] { '{', '"', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}' });
			}
		}
		if (contentType != null) {
			request.contentType(contentType);
		}
		// an odd header too only where no field is expected to be named: its own refusal would come first
		if (kind.equals("header") || (field == null && random.nextInt(3) == 0)) {
			addOddHeader(request, operation, random, notes);
		}
		return new Attempt(role, request, String.join(", ", notes), field);
	}

	private void addOddHeader(MockHttpServletRequestBuilder request, Operation operation, Random random,
			List<String> notes) {
		String header = pick(List.of("If-Match", "Idempotency-Key", "Accept-Language", "Accept", "Authorization",
				"Cookie", "X-XSRF-TOKEN"), random);
		String value = switch (header) {
			case "If-Match" -> pick(List.of("*", "W/\"1\"", "\"abc\"", "\"99999999999999\"", "1", "\"", "x".repeat(5000)), random);
			case "Idempotency-Key" -> pick(List.of(" ", "é", "k".repeat(300), "a b", "\t"), random);
			case "Accept-Language" -> pick(List.of("xx-invalid;q=abc", "*;q=2", ";;;", "es;q=", "é", "x".repeat(5000),
					"en-US,en;q=0.9,es;q=0.8"), random);
			case "Accept" -> pick(List.of("application/xml", "text/html", "*/*;q=garbage", "image/png", "foo", "application/json;q=0"), random);
			case "Authorization" -> pick(List.of("Bearer garbage", "Bearer ", "Basic Og==", "Bearer mil_" + "x".repeat(40)), random);
			case "Cookie" -> pick(List.of("%%%", "xx_ZZ_garbage", "", "é"), random);
			default -> pick(List.of("garbage", ""), random);
		};
		if (header.equals("Cookie")) {
			request.cookie(new Cookie("milieu-lang", value));
		}
		else {
			request.header(header, value);
		}
		notes.add("header " + header + ": " + abbreviate(value));
	}

	private String malformedBody(JsonNode schema, Random random, List<String> notes) {
		JsonNode valid = sample(schema, random, 0);
		String text = json.writeValueAsString(valid);
		String kind = pick(List.of("truncated", "not-json", "empty", "wrong-type", "missing-required", "unknown-field",
				"deep-array", "deep-object", "array-not-object", "invalid-utf8", "huge", "duplicate-key", "out-of-range",
				"unknown-enum", "bad-date", "null", "coerced", "coerced"), random);
		ObjectNode object = valid instanceof ObjectNode o ? o.deepCopy() : null;
		if (kind.equals("coerced")) {
			String coerced = coerce(object, random);
			if (coerced != null) {
				notes.add(COERCED + coerced);
				return json.writeValueAsString(object);
			}
			kind = "wrong-type";
		}
		notes.add("body " + kind);
		List<String> props = object == null ? List.of() : new ArrayList<>(object.propertyNames());
		return switch (kind) {
			case "truncated" -> text.length() > 1 ? text.substring(0, 1 + random.nextInt(text.length() - 1)) : "{";
			case "not-json" -> pick(List.of("hello", "<xml/>", "{'a': 1}", "{,}", "[1,]", "NaN", "{\"a\": 01}"), random);
			case "empty" -> "";
			case "wrong-type" -> {
				if (props.isEmpty()) {
					yield "\"just a string\"";
				}
				String p = pick(props, random);
				JsonNode current = object.get(p);
				object.set(p, current.isString() ? JsonNodeFactory.instance.objectNode().put("a", 1)
						: JsonNodeFactory.instance.stringNode("not a " + current.getNodeType()));
				yield json.writeValueAsString(object);
			}
			case "missing-required" -> {
				// an empty object lacks every required field; unknown padding keeps it refused when none is
				yield "{\"zz_not_a_field\": true}";
			}
			case "unknown-field" -> {
				if (object == null) {
					yield "{\"zz_not_a_field\": 1}";
				}
				object.put("zz_not_a_field_" + random.nextInt(100), "x");
				yield json.writeValueAsString(object);
			}
			case "deep-array" -> "[".repeat(5000) + "]".repeat(5000);
			case "deep-object" -> "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);
			case "array-not-object" -> "[" + text + "]";
			case "invalid-utf8" -> "\u0000bytes:";
			case "huge" -> hugeBodies++ < 6 ? "{\"zz_not_a_field\": \"" + "x".repeat(1_100_000) + "\"}"
					: "{\"zz_not_a_field\": \"" + "x".repeat(100_000) + "\"}";
			case "duplicate-key" -> props.isEmpty() ? "{\"a\": 1, \"a\": \"b\"}"
					: text.substring(0, text.length() - 1) + ", \"" + props.get(0) + "\": {\"nested\": [1]}}";
			case "out-of-range", "unknown-enum", "bad-date", "null" -> {
				if (props.isEmpty()) {
					yield "{\"zz_not_a_field\": null}";
				}
				String p = pick(props, random);
				switch (kind) {
					case "out-of-range" -> object.set(p, JsonNodeFactory.instance.numberNode(
							new java.math.BigDecimal(pick(List.of("1e400", "-9223372036854775809", "99999999999999999999999", "1.5e-400"), random))));
					case "unknown-enum" -> object.put(p, "NOT_A_VALUE");
					case "bad-date" -> object.put(p, pick(List.of("2026-13-45", "yesterday", "2026-02-30T25:61:00Z", "99:99"), random));
					default -> object.putNull(p);
				}
				// kept refused even where the value itself would pass: the unknown field is read last
				object.put("zz_not_a_field", true);
				yield json.writeValueAsString(object);
			}
			default -> throw new IllegalStateException(kind);
		};
	}

	static final String COERCED = "body coerced ";

	/**
	 * Puts a value of another JSON type where a scalar belongs, of the kind a lenient reader would
	 * quietly convert (a boolean or number for text, a numeric string or a fraction for a number, a
	 * string for a boolean), and answers the field's name; null when the body has no scalar field.
	 * Nothing else in the body is wrong, so only a strict reader refuses it.
	 */
	private String coerce(ObjectNode object, Random random) {
		if (object == null) {
			return null;
		}
		List<String> scalars = object.propertyNames().stream()
			.filter(name -> object.get(name).isString() || object.get(name).isNumber() || object.get(name).isBoolean())
			.toList();
		if (scalars.isEmpty()) {
			return null;
		}
		String name = pick(new ArrayList<>(scalars), random);
		JsonNode current = object.get(name);
		if (current.isString()) {
			object.set(name, random.nextBoolean() ? JsonNodeFactory.instance.booleanNode(true)
					: JsonNodeFactory.instance.numberNode(42));
		}
		else if (current.isIntegralNumber()) {
			object.set(name, random.nextBoolean() ? JsonNodeFactory.instance.stringNode(current.asString())
					: JsonNodeFactory.instance.numberNode(current.asLong() + 0.5));
		}
		else if (current.isNumber()) {
			object.set(name, JsonNodeFactory.instance.stringNode(current.asString()));
		}
		else {
			object.set(name, JsonNodeFactory.instance.stringNode(String.valueOf(current.asBoolean())));
		}
		return name;
	}

	private String validValue(JsonNode schema, Random random) {
		JsonNode s = resolve(schema);
		if (s.has("enum")) {
			return s.get("enum").get(random.nextInt(s.get("enum").size())).asString();
		}
		return switch (type(s)) {
			case "integer", "number" -> String.valueOf(Math.max(1, s.path("minimum").asLong(1)));
			case "boolean" -> "true";
			default -> switch (s.path("format").asString("")) {
				case "uuid" -> ids.isEmpty() ? UUID.randomUUID().toString() : pick(ids, random);
				case "date" -> "2026-12-01";
				case "date-time" -> "2026-12-01T10:00:00Z";
				default -> "a";
			};
		};
	}

	private String wrongValue(JsonNode schema, Random random) {
		JsonNode s = resolve(schema);
		List<String> values = new ArrayList<>(List.of("", " ", "x".repeat(20_000), "\u0000", "'; drop table x; --", "é漢😀"));
		if (s.has("enum")) {
			values.addAll(List.of("NOT_A_VALUE", s.get("enum").get(0).asString().toLowerCase() + "x"));
		}
		switch (type(s)) {
			case "integer", "number" -> values.addAll(List.of("abc", "0", "-1", "2147483648", "99999999999999999999", "1.5", "1e3",
					"NaN", "-0", String.valueOf(s.path("maximum").asLong(1000) + 1)));
			case "boolean" -> values.addAll(List.of("maybe", "2"));
			default -> {
				switch (s.path("format").asString("")) {
					case "uuid" -> values.addAll(List.of("not-a-uuid", "123", "00000000-0000-0000-0000-00000000000g"));
					case "date" -> values.addAll(List.of("2026-13-45", "yesterday", "2026-02-30", "0000-00-00", "99999-01-01"));
					case "date-time" -> values.addAll(List.of("2026-13-45T00:00:00Z", "now", "2026-12-01T25:00"));
					default -> {
					}
				}
			}
		}
		if (typed(s)) {
			// a free-text value may be anything; a typed one gets mostly values of the wrong type
			values.subList(0, 6).clear();
			values.addAll(List.of("", "x".repeat(20_000)));
		}
		return pick(values, random);
	}

	private boolean typed(JsonNode schema) {
		JsonNode s = resolve(schema);
		return s.has("enum") || !type(s).equals("string") || !s.path("format").asString("").isEmpty();
	}

	/** A plausible value for a schema, following references by pointer (no schema names are assumed). */
	private JsonNode sample(JsonNode schema, Random random, int depth) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		JsonNode s = resolve(schema);
		if (depth > 5) {
			return nodes.nullNode();
		}
		if (s.has("enum")) {
			return s.get("enum").get(0);
		}
		switch (type(s)) {
			case "object" -> {
				ObjectNode object = nodes.objectNode();
				for (Map.Entry<String, JsonNode> p : s.path("properties").properties()) {
					object.set(p.getKey(), sample(p.getValue(), random, depth + 1));
				}
				return object;
			}
			case "array" -> {
				ArrayNode array = nodes.arrayNode();
				array.add(sample(s.path("items"), random, depth + 1));
				return array;
			}
			case "integer" -> {
				return nodes.numberNode(Math.max(1, s.path("minimum").asLong(1)));
			}
			case "number" -> {
				return nodes.numberNode(1.5);
			}
			case "boolean" -> {
				return nodes.booleanNode(true);
			}
			default -> {
				return nodes.stringNode(switch (s.path("format").asString("")) {
					case "uuid" -> UUID.randomUUID().toString();
					case "date" -> "2026-12-01";
					case "date-time" -> "2026-12-01T10:00:00Z";
					case "time", "partial-time" -> "10:00:00";
					default -> "Sample";
				});
			}
		}
	}

	private JsonNode resolve(JsonNode schema) {
		JsonNode s = schema;
		for (int i = 0; i < 10 && s != null; i++) {
			if (s.has("$ref")) {
				s = document.at(s.get("$ref").asString().substring(1));
			}
			else if (s.has("allOf") || s.has("oneOf") || s.has("anyOf")) {
				JsonNode options = s.has("allOf") ? s.get("allOf") : s.has("oneOf") ? s.get("oneOf") : s.get("anyOf");
				JsonNode chosen = options.get(0);
				for (JsonNode option : options) {
					if (!"null".equals(resolve(option).path("type").asString(""))) {
						chosen = option;
						break;
					}
				}
				s = chosen;
			}
			else {
				break;
			}
		}
		return s == null ? JsonNodeFactory.instance.objectNode() : s;
	}

	private static String type(JsonNode schema) {
		JsonNode type = schema.path("type");
		if (type.isArray()) {
			for (JsonNode t : type) {
				if (!t.asString().equals("null")) {
					return t.asString();
				}
			}
		}
		if (type.isString()) {
			return type.asString();
		}
		return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
	}

	// --- the API description ----------------------------------------------------------------

	record Param(String name, String in, boolean required, JsonNode schema) {
	}

	record Operation(String method, String path, List<Param> params, JsonNode body) {

		@Override
		public String toString() {
			return method + " " + path;
		}
	}

	private List<Operation> operations() {
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
				String method = op.getKey().toUpperCase();
				if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
					continue;
				}
				List<Param> params = new ArrayList<>();
				List<JsonNode> declared = new ArrayList<>();
				path.getValue().path("parameters").forEach(declared::add);
				op.getValue().path("parameters").forEach(declared::add);
				for (JsonNode p : declared) {
					JsonNode param = resolve(p);
					params.add(new Param(param.path("name").asString(), param.path("in").asString(),
							param.path("required").asBoolean(false), param.path("schema")));
				}
				JsonNode body = null;
				JsonNode content = resolve(op.getValue().path("requestBody")).path("content");
				for (Iterator<Map.Entry<String, JsonNode>> it = content.properties().iterator(); it.hasNext();) {
					Map.Entry<String, JsonNode> media = it.next();
					if (media.getKey().contains("json") || body == null) {
						body = media.getValue().path("schema");
					}
				}
				operations.add(new Operation(method, path.getKey(), params, body));
			}
		}
		return operations;
	}

	/** Real ids seen in the director's answers to the parameterless reads, for reads that take an id. */
	private void harvestIds(List<Operation> operations) throws Exception {
		Pattern uuid = Pattern.compile("\"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\"");
		for (Operation operation : operations) {
			if (operation.method().equals("GET") && operation.params().stream().noneMatch(Param::required)) {
				String body = mvc.perform(get(operation.path()).with(signIns.as("director"))).andReturn().getResponse()
					.getContentAsString();
				Matcher m = uuid.matcher(body);
				for (int i = 0; i < 20 && m.find(); i++) {
					ids.add(m.group(1));
				}
			}
		}
	}

	// --- what a refused request must leave alone ----------------------------------------------

	/** A digest of every table's content, the audit trail aside. */
	private Map<String, String> tableDigests() {
		long start = System.nanoTime();
		try {
			return digestEachTable();
		}
		finally {
			digestNanos += System.nanoTime() - start;
		}
	}

	private Map<String, String> digestEachTable() {
		List<String> tables = jdbc.sql("""
				select table_schema || '.' || table_name from information_schema.tables
				 where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
				 order by 1""")
			.query(String.class).list();
		Map<String, String> digests = new TreeMap<>();
		for (String table : tables) {
			if (MAY_CHANGE.contains(table.substring(table.indexOf('.') + 1))) {
				continue;
			}
			digests.put(table, jdbc.sql("select md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), '')) from "
					+ table + " t").query(String.class).single());
		}
		return digests;
	}

	private static <T> T pick(List<T> values, Random random) {
		return values.get(random.nextInt(values.size()));
	}

	private static String abbreviate(String text) {
		String flat = text.replaceAll("\\s+", " ");
		return flat.length() > 160 ? flat.substring(0, 160) + "…(" + flat.length() + ")" : flat;
	}
}
