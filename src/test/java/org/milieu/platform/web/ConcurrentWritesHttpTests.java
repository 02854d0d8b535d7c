package org.milieu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.milieu.identity.HttpSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Faults of concurrency, over real HTTP with every request released at the same instant (one
 * connection per client thread, so the server really runs them side by side), each proving its
 * promise by counting what the database holds before and after:
 * <ul>
 * <li>concurrent edits of one record with the same {@code If-Match}: exactly one wins, every other
 * gets 412, and the stored record is the winner's (no lost update);</li>
 * <li>one {@code Idempotency-Key} sent by many clients at once: one effect (one row written), and
 * every answer is the first one's status and body, the repeats marked as replayed.</li>
 * </ul>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentWritesHttpTests {

	private static final int CLIENTS = 8;

	private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/**
	 * Promise: of N edits sent at once with the same ETag, exactly one is applied (2xx) and N-1 are
	 * refused with 412 {@code stale-version}; the house then has the winner's name and its version
	 * went up by exactly one.
	 */
	@Test
	void eightEditsOfOneHouseWithTheSameETagAtOnceLeaveExactlyOneWinnerAndSevenStaleRefusals() throws Exception {
		Director director = signedIn();
		HttpResponse<String> founded = director.send(director.post("/api/v1/houses", houseJson(uniqueName(), 2)));
		assertThat(founded.statusCode()).as(founded.body()).isEqualTo(201);
		String location = founded.headers().firstValue("Location").orElseThrow();
		String etag = founded.headers().firstValue("ETag").orElseThrow();
		UUID house = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		int versionBefore = storedVersion(house);

		List<String> names = new ArrayList<>();
		List<Callable<HttpResponse<String>>> edits = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			String name = uniqueName();
			names.add(name);
			edits.add(() -> director.send(director.put(location, "{\"name\": \"" + name + "\", \"kind\": \"MIXED\"}")
				.header("If-Match", etag)));
		}
		List<HttpResponse<String>> answers = allAtOnce(edits);

		List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
		assertThat(statuses).as("one winner, the others stale").containsOnly(200, 412);
		assertThat(statuses.stream().filter(s -> s == 200).count()).as("edits applied").isEqualTo(1);
		answers.stream().filter(a -> a.statusCode() == 412).forEach(a -> assertThat(a.body())
			.contains("\"type\":\"urn:milieu:problem:stale-version\""));
		int winner = statuses.indexOf(200);
		assertThat(storedName(house)).as("the stored name is the winner's").isEqualTo(names.get(winner));
		assertThat(storedVersion(house)).as("one edit, one new version").isEqualTo(versionBefore + 1);
		Matcher answered = VERSION.matcher(answers.get(winner).body());
		assertThat(answered.find()).isTrue();
		assertThat(Integer.parseInt(answered.group(1))).isEqualTo(versionBefore + 1);
	}

	/**
	 * Promise (docs/API.md, Idempotency keys): concurrent calls with one key wait for each other and
	 * only one of them creates anything; the others get the first answer again, same status, body
	 * and Location, marked {@code Idempotent-Replayed: true}.
	 */
	@Test
	void eightCallsWithOneIdempotencyKeyAtOnceFoundOneHouseAndAllGetTheSameAnswer() throws Exception {
		Director director = signedIn();
		String key = UUID.randomUUID().toString();
		String name = uniqueName();
		String body = houseJson(name, 2);
		int housesBefore = houseCount();
		int bedsBefore = bedCount();

		List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			calls.add(() -> director.send(director.post("/api/v1/houses", body).header("Idempotency-Key", key)));
		}
		List<HttpResponse<String>> answers = allAtOnce(calls);

		assertThat(answers).extracting(HttpResponse::statusCode).as("every answer the first one's").containsOnly(201);
		assertThat(answers).extracting(HttpResponse::body).as("one body for all").hasSize(CLIENTS).containsOnly(answers.get(0).body());
		assertThat(answers).extracting(a -> a.headers().firstValue("Location").orElse(null))
			.containsOnly(answers.get(0).headers().firstValue("Location").orElseThrow());
		assertThat(answers.stream().filter(a -> a.headers().firstValue("Idempotent-Replayed").isPresent()).count())
			.as("all but the first are replays").isEqualTo(CLIENTS - 1);
		assertThat(houseCount()).as("houses founded").isEqualTo(housesBefore + 1);
		assertThat(bedCount()).as("beds made (two per house)").isEqualTo(bedsBefore + 2);
		assertThat(jdbc.sql("select count(*) from residents_house where name = ?").param(name).query(Integer.class).single())
			.isEqualTo(1);
	}

	/** Runs every call on its own thread, all released at the same instant; answers in the calls' order. */
	private static <T> List<T> allAtOnce(List<Callable<T>> calls) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(calls.size());
		CountDownLatch ready = new CountDownLatch(calls.size());
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> call : calls) {
				futures.add(threads.submit(() -> {
					ready.countDown();
					go.await();
					return call.call();
				}));
			}
			ready.await();
			go.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> f : futures) {
				results.add(f.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}

	private int storedVersion(UUID house) {
		return jdbc.sql("select version from residents_house where id = ?").param(house).query(Integer.class).single();
	}

	private String storedName(UUID house) {
		return jdbc.sql("select name from residents_house where id = ?").param(house).query(String.class).single();
	}

	private int houseCount() {
		return jdbc.sql("select count(*) from residents_house").query(Integer.class).single();
	}

	private int bedCount() {
		return jdbc.sql("select count(*) from residents_bed").query(Integer.class).single();
	}

	private static String houseJson(String name, int beds) {
		return "{\"name\": \"" + name + "\", \"kind\": \"MIXED\", \"beds\": " + beds + "}";
	}

	private static String uniqueName() {
		return "Fault House " + UUID.randomUUID().toString().substring(0, 8);
	}

	private Director signedIn() throws Exception {
		HttpClient browser = HttpSignIns.signedIn(port, "director");
		// a first API call hands out the XSRF-TOKEN cookie that writes must echo
		browser.send(HttpSignIns.request(port, "/api/v1/houses").build(), HttpResponse.BodyHandlers.discarding());
		CookieManager cookies = (CookieManager) browser.cookieHandler().orElseThrow();
		String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue).findFirst().orElseThrow();
		return new Director(browser, csrf);
	}

	/** The director's signed-in session; each send goes out on the calling thread. */
	private final class Director {

		private final HttpClient http;

		private final String csrf;

		Director(HttpClient http, String csrf) {
			this.http = http;
			this.csrf = csrf;
		}

		HttpRequest.Builder post(String path, String json) {
			return write(path).POST(HttpRequest.BodyPublishers.ofString(json));
		}

		HttpRequest.Builder put(String path, String json) {
			return write(path).PUT(HttpRequest.BodyPublishers.ofString(json));
		}

		private HttpRequest.Builder write(String path) {
			return HttpSignIns.request(port, path).header("Content-Type", "application/json")
				.header("Accept", "application/json").header("X-XSRF-TOKEN", csrf);
		}

		HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}
}
