package org.milieu.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.Cookie;
import static io.gatling.javaapi.http.HttpDsl.addCookie;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * What every simulation shares: the address of the Milieu under test ({@code -Dmilieu.url}, default
 * {@code http://localhost:8080}), the HTTP protocol, and signing in the demo accounts over real
 * HTTP before the load starts (the sign-in form with its CSRF field, as a browser does), so that
 * the Argon2id hashing of sign-ins is not counted in the figures of the workloads.
 */
final class Milieu {

	static final String URL = System.getProperty("milieu.url", "http://localhost:8080").replaceAll("/+$", "");

	static final String PASSWORD = System.getProperty("milieu.password", "milieu-demo");

	static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private Milieu() {
	}

	/** JSON API calls over one connection per virtual user; no warm-up call to any other host. */
	static HttpProtocolBuilder protocol() {
		return http.baseUrl(URL)
			.warmUp(URL + "/actuator/health")
			.acceptHeader("application/json")
			.acceptLanguageHeader("en")
			.userAgentHeader("Milieu load test (Gatling)");
	}

	/** Puts the virtual user's signed-in session (fed as {@code session} and {@code xsrf}) in its cookie jar. */
	static ChainBuilder useSignedInSession() {
		return exec(addCookie(Cookie("SESSION", "#{session}")), addCookie(Cookie("XSRF-TOKEN", "#{xsrf}")));
	}

	/** A signed-in session: the session cookie and the CSRF token that writes echo in X-XSRF-TOKEN. */
	record SignedIn(String username, String session, String xsrf) {

		Map<String, Object> feed() {
			Map<String, Object> record = new HashMap<>();
			record.put("username", username);
			record.put("session", session);
			record.put("xsrf", xsrf);
			return record;
		}
	}

	/** Signs in each name (two at a time: Argon2id takes a core per sign-in), in the order given. */
	static List<SignedIn> signIn(List<String> usernames) {
		long started = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<SignedIn>> pending = new ArrayList<>();
			for (String username : usernames) {
				pending.add(pool.submit(() -> signIn(username)));
			}
			List<SignedIn> signedIn = new ArrayList<>();
			for (Future<SignedIn> each : pending) {
				signedIn.add(each.get());
			}
			System.out.printf("signed in %d sessions in %.1f s%n", signedIn.size(), (System.nanoTime() - started) / 1e9);
			return signedIn;
		}
		catch (Exception e) {
			throw new IllegalStateException("signing in failed: " + e.getMessage(), e);
		}
		finally {
			pool.shutdown();
		}
	}

	/** {@code n} names taken in turn from {@code accounts}. */
	static List<String> repeat(List<String> accounts, int n) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			names.add(accounts.get(i % accounts.size()));
		}
		return names;
	}

	static SignedIn signIn(String username) throws IOException, InterruptedException {
		CookieManager cookies = new CookieManager();
		HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NEVER).build();
		HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(URL + "/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = CSRF_FIELD.matcher(form.body());
		if (form.statusCode() != 200 || !csrf.find()) {
			throw new IllegalStateException("no sign-in form at " + URL + "/login: " + form.statusCode());
		}
		String body = "username=" + encode(username) + "&password=" + encode(PASSWORD) + "&_csrf=" + encode(csrf.group(1));
		HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(URL + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
		String location = signedIn.headers().firstValue("Location").orElse("");
		if (signedIn.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("sign-in as " + username + " failed: " + signedIn.statusCode() + " " + location);
		}
		// the first API call hands out the XSRF-TOKEN cookie
		client.send(HttpRequest.newBuilder(URI.create(URL + "/api/v1/houses")).header("Accept", "application/json").GET().build(),
				HttpResponse.BodyHandlers.discarding());
		String session = cookie(cookies, "SESSION");
		String xsrf = cookie(cookies, "XSRF-TOKEN");
		return new SignedIn(username, session, xsrf);
	}

	private static String cookie(CookieManager cookies, String name) {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
			.reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException("no " + name + " cookie after signing in"));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** Plain API calls for a simulation's set-up, outside the measured load. */
	static final class Api {

		private final SignedIn who;

		private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

		Api(SignedIn who) {
			this.who = who;
		}

		JsonNode get(String path) {
			return send(HttpRequest.newBuilder(URI.create(URL + path)).GET(), 200);
		}

		JsonNode post(String path, Object body, int expected) {
			try {
				return send(HttpRequest.newBuilder(URI.create(URL + path)).header("Content-Type", "application/json")
					.header("X-XSRF-TOKEN", who.xsrf())
					.POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body))), expected);
			}
			catch (com.fasterxml.jackson.core.JsonProcessingException e) {
				throw new IllegalArgumentException(e);
			}
		}

		private JsonNode send(HttpRequest.Builder request, int expected) {
			HttpRequest built = request.header("Accept", "application/json")
				.header("Cookie", "SESSION=" + who.session() + "; XSRF-TOKEN=" + who.xsrf()).timeout(Duration.ofSeconds(60))
				.build();
			try {
				HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != expected) {
					throw new IllegalStateException(built.method() + " " + built.uri().getPath() + " as " + who.username()
							+ " answered " + response.statusCode() + " (expected " + expected + "): " + response.body());
				}
				return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
			}
			catch (IOException e) {
				throw new IllegalStateException(built.method() + " " + built.uri() + " failed: " + e.getMessage(), e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}

	/** The demo community as the director sees it: houses, accounts and residents in the program today. */
	record Community(Map<String, String> houseIds, Map<String, Account> accounts, List<Resident> residents) {

		record Account(String username, List<String> houseIds, String residentId) {
		}

		record Resident(String id, String houseId) {
		}

		static Community read(Api director) {
			Map<String, String> houses = new HashMap<>();
			director.get("/api/v1/houses").forEach(h -> houses.put(h.get("name").asText(), h.get("id").asText()));
			Map<String, Account> accounts = new HashMap<>();
			director.get("/api/v1/users").forEach(u -> {
				List<String> houseIds = new ArrayList<>();
				u.get("houseIds").forEach(id -> houseIds.add(id.asText()));
				String resident = u.get("residentId").isNull() ? null : u.get("residentId").asText();
				accounts.put(u.get("username").asText(), new Account(u.get("username").asText(), houseIds, resident));
			});
			List<Resident> residents = new ArrayList<>();
			director.get("/api/v1/residents").forEach(r -> residents.add(new Resident(r.get("id").asText(), r.get("houseId").asText())));
			return new Community(Map.copyOf(houses), Map.copyOf(accounts), List.copyOf(residents));
		}

		String house(String name) {
			String id = houseIds.get(name);
			if (id == null) {
				throw new IllegalStateException("the demo community has no " + name + "; is this the demo?");
			}
			return id;
		}

		List<String> residentsOf(String houseId) {
			return residents.stream().filter(r -> r.houseId().equals(houseId)).map(Resident::id).toList();
		}

		List<String> residentsOutside(List<String> houseIds) {
			return residents.stream().filter(r -> !houseIds.contains(r.houseId())).map(Resident::id).toList();
		}

		List<String> residentsIn(List<String> houseIds) {
			return residents.stream().filter(r -> houseIds.contains(r.houseId())).map(Resident::id).toList();
		}

		List<String> allResidents() {
			return residents.stream().map(Resident::id).toList();
		}

		String residentIdOf(String username) {
			Account account = accounts.get(username);
			if (account == null || account.residentId() == null) {
				throw new IllegalStateException("no resident account " + username);
			}
			return account.residentId();
		}

		List<String> housesOf(String username) {
			Account account = accounts.get(username);
			return account == null ? List.of() : Collections.unmodifiableList(account.houseIds());
		}
	}
}
