package org.milieu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * When every pooled connection is taken for longer than the connection timeout, a request fails
 * fast: 503 with Retry-After, a problem document for the API and a page for people, never a 500
 * after 30 s; and the program serves again as soon as connections are free. Over real HTTP, since
 * the first thing to need a connection is loading the signed-in session, before any controller.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PoolExhaustionHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRequestThatFindsThePoolEmptyAnswers503WithRetryAfterWithinSecondsAndServesAgainOnceFree() throws Exception {
		HttpClient http = signedIn("director");
		UUID resident = jdbc.sql("select resident_id from identity_account where username = 'resident01'")
			.query(UUID.class).single();
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		List<Connection> taken = new ArrayList<>();
		ExecutorService holder = Executors.newSingleThreadExecutor();
		try {
			// another thread takes every connection, as a stuck workload would
			holder.submit(() -> {
				for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
					taken.add(pool.getConnection());
				}
				return null;
			}).get(30, TimeUnit.SECONDS);

			long started = System.nanoTime();
			HttpResponse<String> api = http.send(request("/api/v1/residents/" + resident).build(),
					HttpResponse.BodyHandlers.ofString());
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
			assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
			assertThat(api.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(api.body()).contains("\"type\":\"urn:milieu:problem:unavailable\"").doesNotContain("Exception");
			assertThat(millis).as("milliseconds until the answer").isLessThan(8_000);

			HttpResponse<String> page = http.send(request("/residents/" + resident).header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(page.body()).contains("Milieu is very busy right now").doesNotContain("Exception");
		}
		finally {
			holder.submit(() -> {
				for (Connection c : taken) {
					c.close();
				}
				return null;
			}).get(30, TimeUnit.SECONDS);
			holder.shutdownNow();
		}
		HttpResponse<String> again = http.send(request("/api/v1/residents/" + resident).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(again.statusCode()).as("the same read once connections are free").isEqualTo(200);
	}

	private HttpClient signedIn(String username) throws Exception {
		return org.milieu.identity.HttpSignIns.signedIn(port, username);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}
}
