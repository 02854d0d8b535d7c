package org.milieu.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One session, many requests at once (a script, or a page whose htmx parts load together): the
 * first requests after sign-in each record the session's start and last activity, and none of them
 * fails for it. Over real HTTP, as the session store is only used there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentSessionHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSessionsRowIsWrittenBackOnceAMinuteNotOnEveryRequest() throws Exception {
		HttpClient http = signedIn("clinician2");
		assertThat(http.send(request("/api/v1/houses").build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		String session = sessionId(http);
		Row first = row(session);

		assertThat(http.send(request("/api/v1/houses").build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		Row second = row(session);
		assertThat(second).as("a request within the minute leaves the row as it was").isEqualTo(first);

		// the last access recorded two minutes ago: the next request writes it anew
		jdbc.sql("update spring_session set last_access_time = last_access_time - 120000 where session_id = ?").param(session).update();
		long aged = row(session).lastAccess();
		long before = System.currentTimeMillis();
		assertThat(http.send(request("/api/v1/houses").build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		Row third = row(session);
		assertThat(third.lastAccess()).isGreaterThan(aged).isGreaterThanOrEqualTo(before - 1000);
		assertThat(third.version()).isNotEqualTo(first.version());
	}

	record Row(long lastAccess, String version) {
	}

	private Row row(String session) {
		return jdbc.sql("select last_access_time, xmin::text as version from spring_session where session_id = ?").param(session)
			.query((rs, n) -> new Row(rs.getLong("last_access_time"), rs.getString("version"))).single();
	}

	private static String sessionId(HttpClient http) {
		CookieManager cookies = (CookieManager) http.cookieHandler().orElseThrow();
		String value = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
			.map(HttpCookie::getValue).findFirst().orElseThrow();
		return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
	}

	@Test
	void twentyFirstRequestsOfOneSessionAtOnceAllSucceed() throws Exception {
		HttpClient http = signedIn("nurse");
		int requests = 20;
		ExecutorService threads = Executors.newFixedThreadPool(requests);
		CountDownLatch ready = new CountDownLatch(requests);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < requests; i++) {
				answers.add(threads.submit(() -> {
					ready.countDown();
					go.await();
					return http.send(request("/api/v1/houses").build(), HttpResponse.BodyHandlers.ofString());
				}));
			}
			ready.await();
			go.countDown();
			for (Future<HttpResponse<String>> answer : answers) {
				HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private HttpClient signedIn(String username) throws Exception {
		return org.milieu.identity.HttpSignIns.signedIn(port, username);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}
}
